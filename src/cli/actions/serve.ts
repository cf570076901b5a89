/**
 * `agent-console serve`: the engine behind its WebSocket gateway, until SIGINT/SIGTERM — or until
 * the engine gives up after a storage failure it cannot recover from (exit 1, for a supervisor to
 * restart it; a store that is only unavailable for a while is retried without exiting).
 */
import { readFileSync } from 'node:fs';
import { attachTelephony, DURABILITIES, liveLegs, loadTenantFile, openEngine, SimulatedSwitch, SystemClock, type Durability } from '../../engine/index.js';
import { webChat } from '../../server/channels/webchat/index.js';
import { createLogger, keysOfTenantFile, startServer, SwitchLink } from '../../server/index.js';
import { UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';

export interface ServeFlags {
  tenant: string;
  db: string;
  port: string;
  host: string;
  tlsCert?: string;
  tlsKey?: string;
  log?: string;
  durability: string;
  telephony: string;
}

const TELEPHONY = ['simulated', 'remote'];

export async function serve(flags: ServeFlags): Promise<void> {
  if (!!flags.tlsCert !== !!flags.tlsKey) throw new UsageError('--tls-cert and --tls-key go together');
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: "${flags.port}" is not a port number`);
  if (!DURABILITIES.includes(flags.durability as Durability))
    throw new UsageError(`--durability: "${flags.durability}" is not one of ${DURABILITIES.join(', ')}`);
  const durability = flags.durability as Durability;
  if (!TELEPHONY.includes(flags.telephony)) throw new UsageError(`--telephony: "${flags.telephony}" is not one of ${TELEPHONY.join(', ')}`);
  const tenant = loadTenantFile(flags.tenant);
  const log = createLogger(flags.log ? { file: flags.log } : 'stderr');
  const clock = new SystemClock();
  const engine = openEngine({ tenant, dbFile: flags.db, clock, groupCommit: true, durability });
  // The built-in simulated switch (no audio), or a switch in another process over the ingress API: docs/telephony.md, docs/ingress.md.
  const switchLink =
    flags.telephony === 'remote' ? new SwitchLink({ tenantId: tenant.config.id, liveLegs: () => liveLegs(engine.queries.unsafeState()), log }) : undefined;
  const telephony = attachTelephony(engine, switchLink ?? new SimulatedSwitch(clock), { log: (level, message, data) => log(level, message, data) });
  const tls = flags.tlsCert && flags.tlsKey ? { cert: readFileSync(flags.tlsCert), key: readFileSync(flags.tlsKey) } : undefined;
  // `apikey create|revoke` rewrite the tenant file: its keys are read again when it changes.
  const keys = keysOfTenantFile(flags.tenant, tenant.config.apiKeys, (message) => log('error', message));
  const server = await startServer({ engine, host: flags.host, port, tls, log, channels: [webChat()], api: { keys }, switchLink });
  // Listening for the signals before saying "listening": a supervisor may stop us as soon as it reads that line.
  const stopped = new Promise<'signal' | 'gave up'>((resolve) => {
    const stop = (signal: string) => {
      log('info', 'stopping', { signal });
      resolve('signal');
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
    // The server has logged why; consoles are told "going away" and reconnect to the restarted process.
    engine.onHealth((health) => health.state === 'failed' && resolve('gave up'));
  });
  process.stdout.write(
    `agent-console serve: listening on ${server.url} (tenant ${tenant.config.name}, ${tenant.agents.size} agents, db ${flags.db}, durability ${durability}, telephony ${flags.telephony})\n`,
  );
  process.stdout.write(`agent-console serve: customer web chat at ${server.httpUrl}/chat\n`);
  if ((await stopped) === 'gave up') process.exitCode = EXIT.error;
  await server.close();
  telephony.detach();
  engine.close();
  log.close();
}
