/** `agent-console serve`: the engine behind its WebSocket gateway, until SIGINT/SIGTERM. */
import { readFileSync } from 'node:fs';
import { attachTelephony, loadTenantFile, openEngine, SimulatedSwitch, SystemClock } from '../../engine/index.js';
import { webChat } from '../../server/channels/webchat/index.js';
import { createLogger, startServer } from '../../server/index.js';
import { UsageError } from '../errors.js';

export interface ServeFlags {
  tenant: string;
  db: string;
  port: string;
  host: string;
  tlsCert?: string;
  tlsKey?: string;
  log?: string;
}

export async function serve(flags: ServeFlags): Promise<void> {
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
  // Listening for the signals before saying "listening": a supervisor may stop us as soon as it reads that line.
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log('info', 'stopping', { signal });
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  process.stdout.write(`agent-console serve: listening on ${server.url} (tenant ${tenant.config.name}, ${tenant.agents.size} agents, db ${flags.db})\n`);
  process.stdout.write(`agent-console serve: customer web chat at ${server.httpUrl}/chat\n`);
  await stopped;
  await server.close();
  telephony.detach();
  engine.close();
  log.close();
}
