/**
 * The default command: the console. With no --server it runs the embedded
 * demo (engine + server on loopback + traffic simulator, logged in as a demo
 * agent); with --server it connects to a running `serve`.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { EngineClient } from '../../client/index.js';
import { loadTenantFile, openEngine, SystemClock, attachTelephony, SimulatedSwitch } from '../../engine/index.js';
import { webChat } from '../../server/channels/webchat/index.js';
import { createLogger, startServer } from '../../server/index.js';
import { detectCaps, NOTIFY_SETTINGS, type NotifySetting } from '../../tui/screen/caps.js';
import { loadTheme, pickThemeName } from '../../tui/theme.js';
import { openSettings, type SettingsStore } from '../config.js';
import { ChatBots, startColleagueReplies } from '../demo/chat-bots.js';
import { Simulator } from '../demo/simulator.js';
import { EXIT } from '../exit-codes.js';
import { dataDir, DEMO_TENANT } from '../paths.js';
import { promptHidden } from '../prompt.js';
import { UsageError } from './serve.js';

export interface ConsoleFlags {
  server?: string;
  agent?: string;
  profile?: string;
  theme?: string;
  bell: boolean;
  ascii?: boolean;
  notify?: string;
  rate: string;
  demoAgent: string;
  resetDemo?: boolean;
}

export function registerConsole(program: Command): void {
  program
    .option('--server <url>', 'connect to a running server (ws:// or wss://) instead of the embedded demo')
    .option('--agent <name>', 'agent to log in as (with --server); the password is prompted, or read from AGENT_CONSOLE_PASSWORD')
    .option('--profile <name>', 'use a server profile saved with `config set servers.<name> {"url":...,"agent":...}`')
    .option('--theme <name>', 'theme: default, light, high-contrast, mono, or one of yours')
    .option('--no-bell', 'do not ring the terminal bell on offers')
    .option('--notify <how>', 'desktop notifications on offers: auto (where the terminal shows them), osc9, osc777, off')
    .option('--ascii', 'draw with ASCII only, whatever the locale (for terminals that are not UTF-8)')
    .option('--rate <n>', 'demo: customer arrival rate multiplier', '1')
    .option('--demo-agent <id>', 'demo: the agent you play', 'ana')
    .option('--reset-demo', 'demo: start from an empty demo database')
    .action(async (flags: ConsoleFlags) => {
      const settings = openSettings();
      process.exitCode = flags.server || flags.profile ? await remote(flags, settings) : await demo(flags, settings);
    });
}

async function remote(flags: ConsoleFlags, settings: SettingsStore): Promise<number> {
  const profile = flags.profile ? settings.get('servers')[flags.profile] : undefined;
  if (flags.profile && !profile) throw new UsageError(`no server profile "${flags.profile}" (see: agent-console config get servers)`);
  const url = flags.server ?? profile!.url;
  const agent = flags.agent ?? profile?.agent;
  if (!agent) throw new UsageError('--agent is required with --server');
  if (!/^wss?:\/\//.test(url)) throw new UsageError(`--server: "${url}" is not a ws:// or wss:// URL`);
  const password = process.env.AGENT_CONSOLE_PASSWORD ?? (await promptHidden(`Password for ${agent}: `));
  const client = new EngineClient({ url, agent, password, clientName: 'agent-console' });
  const connected = await connectOrExplain(client);
  if (connected !== EXIT.ok) return connected;
  // Remember servers that worked, so `--profile` can reuse them.
  const key = new URL(url).host.replace(/[^A-Za-z0-9-]/g, '_');
  if (!settings.get('servers')[key]) settings.set(`servers.${key}` as never, { url, agent } as never);
  try {
    return await runConsole(consoleOptions(client, flags, settings));
  } finally {
    client.close('console closed');
  }
}

async function demo(flags: ConsoleFlags, settings: SettingsStore): Promise<number> {
  const dir = dataDir();
  const dbFile = join(dir, 'demo.db');
  if (flags.resetDemo) for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
  const rate = Number(flags.rate);
  if (!(rate >= 0)) throw new UsageError(`--rate: "${flags.rate}" is not a number ≥ 0`);
  const tenant = loadTenantFile(DEMO_TENANT);
  if (!tenant.agents.has(flags.demoAgent)) throw new UsageError(`--demo-agent: no agent "${flags.demoAgent}" in the demo tenant`);
  const log = createLogger({ file: join(dir, 'demo.log') });
  const clock = new SystemClock();
  const engine = openEngine({ tenant, dbFile, clock, groupCommit: true });
  // Calls are simulated: a switch with no audio, on the same clock, answers dialed numbers (docs/telephony.md).
  const telephony = attachTelephony(engine, new SimulatedSwitch(clock), { log: (level, message, data) => log(level, message, data) });
  const server = await startServer({ engine, port: 0, log, channels: [webChat()] });
  const seed = Date.now() % 100_000;
  // Chat customers are bots speaking the real customer protocol; colleagues answer the ones they pick up.
  const bots = new ChatBots({ url: server.url, seed, onError: (e) => log('warn', 'chat bot failed', { error: e.message }) });
  const replies = startColleagueReplies(engine, { humans: [flags.demoAgent] });
  const simulator = new Simulator(engine, clock, { humans: [flags.demoAgent], rate, seed, chatArrival: (q) => bots.arrive(q) });
  simulator.start();
  const client = new EngineClient({ url: server.url, agent: flags.demoAgent, password: 'demo', clientName: 'agent-console demo' });
  try {
    const connected = await connectOrExplain(client);
    if (connected !== EXIT.ok) return connected;
    return await runConsole(consoleOptions(client, flags, settings));
  } finally {
    client.close('console closed');
    simulator.stop();
    bots.stop();
    replies.stop();
    await server.close();
    telephony.detach();
    engine.close();
    log.close();
  }
}

/** Ink and React load only when a console actually opens (not for `serve` or `config`). */
async function runConsole(options: ReturnType<typeof consoleOptions>): Promise<number> {
  const { runConsole: run } = await import('../../tui/run.js');
  return run(options);
}

function consoleOptions(client: EngineClient, flags: ConsoleFlags, settings: SettingsStore) {
  // What the terminal can do, decided once: colour level, charset, modes, notifications (screen/caps.ts).
  const caps = detectCaps({ isTTY: process.stdout.isTTY === true, themeFlag: flags.theme, ascii: flags.ascii, notifications: notifySetting(flags.notify ?? settings.get('notifications')) });
  const name = pickThemeName({ flag: flags.theme, config: settings.get('theme'), colorLevel: caps.colorLevel });
  const { theme, error } = loadTheme(name, { userDir: join(settings.path, '..', 'themes') });
  if (error) process.stderr.write(`${error.message}\n`);
  return {
    client,
    caps,
    theme,
    keyOverrides: settings.get('keys'),
    bell: flags.bell && settings.get('bell'),
    favourites: settings.get('favourites'),
    onFavouritesChange: (favourites: readonly string[]) => settings.set('favourites', [...favourites]),
  };
}

function notifySetting(v: string | undefined): NotifySetting {
  if (v === undefined || (NOTIFY_SETTINGS as readonly string[]).includes(v)) return (v ?? 'auto') as NotifySetting;
  throw new UsageError(`--notify: "${v}" is not one of ${NOTIFY_SETTINGS.join(', ')}`);
}

/** Connects; turns a refusal into a message and an exit code. */
async function connectOrExplain(client: EngineClient): Promise<number> {
  try {
    await client.connect();
    return EXIT.ok;
  } catch (e) {
    const code = (e as { code?: string }).code;
    process.stderr.write(`agent-console: ${(e as Error).message}\n`);
    return code === 'VERSION_MISMATCH' ? EXIT.connection : EXIT.auth;
  }
}
