// The console's call tests on loopback: the demo tenant in an engine (virtual
// clock) with the simulated switch attached, the WebSocket server, and one
// EngineClient per demo agent asked for.
import { readFileSync } from 'node:fs';
import { EngineClient } from '../../../src/client/index.js';
import { attachTelephony, openEngine, parseTenant, SimulatedSwitch, VirtualClock, type Engine, type TenantConfig } from '../../../src/engine/index.js';
import { startServer, type RunningServer } from '../../../src/server/index.js';

export interface PhoneLoopback {
  engine: Engine;
  clock: VirtualClock;
  sw: SimulatedSwitch;
  server: RunningServer;
  clients: Record<string, EngineClient>;
  close(): Promise<void>;
}

/** `tenant` edits the demo tenant (as JSON, before validation), e.g. to give an agent recordings. */
export async function phoneLoopback(agents: readonly string[] = ['ana'], o: { tenant?: (t: TenantConfig) => void } = {}): Promise<PhoneLoopback> {
  const clock = new VirtualClock(Date.now());
  const json = JSON.parse(readFileSync('fixtures/demo-tenant.json', 'utf8')) as TenantConfig;
  o.tenant?.(json);
  const engine = openEngine({ tenant: parseTenant(json, 'fixtures/demo-tenant.json'), dbFile: ':memory:', clock });
  const sw = new SimulatedSwitch(clock);
  const bridge = attachTelephony(engine, sw);
  const server = await startServer({ engine, host: '127.0.0.1', port: 0, statsCoalesceMs: 0 });
  const clients: Record<string, EngineClient> = {};
  for (const agent of agents) {
    clients[agent] = new EngineClient({ url: server.url, agent, password: 'demo', backoff: { baseMs: 5, maxMs: 50 } });
    await clients[agent].connect();
  }
  return {
    engine, clock, sw, server, clients,
    async close() {
      for (const c of Object.values(clients)) c.close();
      bridge.detach();
      await server.close();
      engine.close();
    },
  };
}
