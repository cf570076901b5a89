/** `agent-console serve`: the command line (the action loads the engine and the server: actions/serve.ts). */
import type { Command } from 'commander';
import type { ServeFlags } from '../actions/serve.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the contact-center engine and its WebSocket server')
    .requiredOption('--tenant <file>', 'tenant file (JSON)')
    .requiredOption('--db <file>', 'SQLite database file (created if missing)')
    .option('--port <n>', 'port to listen on', '7300')
    .option('--host <addr>', 'address to bind (loopback unless told otherwise)', '127.0.0.1')
    .option('--tls-cert <file>', 'TLS certificate (PEM): serve wss:// and https://')
    .option('--tls-key <file>', 'TLS private key (PEM)')
    .option('--log <file>', 'write logs to this file instead of stderr')
    .option(
      '--durability <level>',
      'normal: an acknowledged command survives the process crashing; full: also an OS crash or power loss (an fsync per commit)',
      'normal',
    )
    .option(
      '--telephony <adapter>',
      'simulated: the built-in simulated switch drives calls; remote: a switch in another process does (agent-console switch, or a PBX adapter: docs/ingress.md)',
      'simulated',
    )
    .action(async (flags: ServeFlags) => (await import('../actions/serve.js')).serve(flags));
}
