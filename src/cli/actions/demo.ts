/**
 * The embedded demo (the console with no --server): an engine with the demo
 * tenant and its database in the user's data folder, its server on a loopback
 * port (with the customer web chat), a traffic simulator and chat bots, and
 * the console logged in as a demo agent.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineClient } from '../../client/client.js';
import { attachTelephony, loadTenantFile, openEngine, SimulatedSwitch, SystemClock } from '../../engine/index.js';
import { webChat } from '../../server/channels/webchat/index.js';
import { createLogger, startServer } from '../../server/index.js';
import { openSettings } from '../config.js';
import { ChatBots, startColleagueReplies } from '../demo/chat-bots.js';
import { seedDemoCrm } from '../demo/crm-seed.js';
import { Simulator } from '../demo/simulator.js';
import { UsageError } from '../errors.js';
import { dataDir, DEMO_TENANT } from '../paths.js';
import { connect } from './connect.js';
import { checkConsoleFlags, loadConsoleUi, runConsole, type ConsoleFlags } from './console.js';

export async function demoConsole(flags: ConsoleFlags): Promise<number> {
  checkConsoleFlags(flags);
  const ui = loadConsoleUi();
  const settings = openSettings();
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
  // The demo's customers are CRM customers: loaded at the first start, by whoever may import.
  const importer = [...tenant.agents.values()].find((a) => a.permissions.crmImport);
  if (importer) seedDemoCrm(engine, importer.id, flags.demoAgent);
  // Calls are simulated: a switch with no audio, on the same clock, answers dialed numbers (docs/telephony.md).
  const telephony = attachTelephony(engine, new SimulatedSwitch(clock), { log: (level, message, data) => log(level, message, data) });
  const server = await startServer({ engine, port: 0, log, channels: [webChat()] });
  const seed = Date.now() % 100_000;
  // Chat customers are bots speaking the real customer protocol; colleagues answer the ones they pick up.
  const bots = new ChatBots({ url: server.url, seed, onError: (e) => log('warn', 'chat bot failed', { error: e.message }) });
  const replies = startColleagueReplies(engine, { humans: [flags.demoAgent] });
  const simulator = new Simulator(engine, clock, { humans: [flags.demoAgent], rate, seed, chatArrival: (q) => bots.arrive(q) });
  simulator.start();
  let client: EngineClient | undefined;
  try {
    client = await connect({ url: server.url, agent: flags.demoAgent, password: 'demo', clientName: 'agent-console demo' });
    return await runConsole(ui, client, flags, settings);
  } finally {
    client?.close('console closed');
    simulator.stop();
    bots.stop();
    replies.stop();
    await server.close();
    telephony.detach();
    engine.close();
    log.close();
  }
}
