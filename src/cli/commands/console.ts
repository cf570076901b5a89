/**
 * The default command: the console. With no --server it runs the embedded
 * demo (actions/demo.ts: engine + server on loopback + traffic simulator,
 * logged in as a demo agent); with --server or --profile it connects to a
 * running `serve` (actions/console.ts), loading no engine and no server.
 */
import type { Command } from 'commander';
import type { ConsoleFlags } from '../actions/console.js';

export function registerConsole(program: Command): void {
  program
    .option('--server <url>', 'connect to a running server (ws:// or wss://) instead of the embedded demo')
    .option('--agent <name>', 'agent to log in as (with --server); the password is prompted, or read from AGENT_CONSOLE_PASSWORD')
    .option('--profile <name>', 'use a server profile saved with `config set servers.<name> {"url":...,"agent":...}`')
    .option('--theme <name>', 'theme: default, light, high-contrast, mono, or one of yours')
    .option('--no-bell', 'do not ring the terminal bell on offers')
    .option('--notify <how>', 'desktop notifications on offers: auto (where the terminal shows them), osc9, osc777, off')
    .option('--linear', 'linear mode, for screen readers: no screen drawn, each change said as a plain line; every key works')
    .option('--ascii', 'draw with ASCII only, whatever the locale (for terminals that are not UTF-8)')
    .option('--connect-timeout <seconds>', 'with --server: how long to keep trying to reach the server before giving up (exit 4)', '15')
    .option('--ca <file>', 'with a wss:// server: trust this certificate (PEM; a self-signed server, or a private authority)')
    .option('--rate <n>', 'demo: customer arrival rate multiplier', '1')
    .option('--demo-agent <id>', 'demo: the agent you play', 'ana')
    .option('--reset-demo', 'demo: start from an empty demo database')
    .action(async (flags: ConsoleFlags) => {
      process.exitCode =
        flags.server || flags.profile
          ? await (await import('../actions/console.js')).remoteConsole(flags)
          : await (await import('../actions/demo.js')).demoConsole(flags);
    });
}
