/** `agent-console serve`: the engine behind its WebSocket gateway, until SIGINT/SIGTERM. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { attachTelephony, loadTenantFile, openEngine, SimulatedSwitch, SystemClock } from '../../engine/index.js';
import { webChat } from '../../server/channels/webchat/index.js';
import { createLogger, startServer } from '../../server/index.js';

export interface ServeFlags {
  tenant: string;
  db: string;
  port: string;
  host: string;
  tlsCert?: string;
  tlsKey?: string;
  log?: string;
}

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
    .action(async (flags: ServeFlags) => {
      if (!!flags.tlsCert !== !!flags.tlsKey) throw new UsageError('--tls-cert and --tls-key go together');
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: "${flags.port}" is not a port number`);
      const tenant = loadTenantFile(flags.tenant);
      const log = createLogger(flags.log ? { file: flags.log } : 'stderr');
      const clock = new SystemClock();
      const engine = openEngine({ tenant, dbFile: flags.db, clock, groupCommit: true });
      // The only telephony adapter today is the simulated switch (no audio): see docs/telephony.md.
      const telephony = attachTelephony(engine, new SimulatedSwitch(clock), { log: (level, message, data) => log(level, message, data) });
      const tls = flags.tlsCert && flags.tlsKey ? { cert: readFileSync(flags.tlsCert), key: readFileSync(flags.tlsKey) } : undefined;
      const server = await startServer({ engine, host: flags.host, port, tls, log, channels: [webChat()] });
      process.stdout.write(`agent-console serve: listening on ${server.url} (tenant ${tenant.config.name}, ${tenant.agents.size} agents, db ${flags.db})\n`);
      process.stdout.write(`agent-console serve: customer web chat at ${server.httpUrl}/chat\n`);
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          log('info', 'stopping', { signal });
          resolve();
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      });
      await server.close();
      telephony.detach();
      engine.close();
      log.close();
    });
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}
