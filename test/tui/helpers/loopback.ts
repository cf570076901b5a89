// The real thing on loopback: the demo tenant in an engine (virtual clock),
// the WebSocket server, and an EngineClient logged in as a demo agent.
import { EngineClient, type AgentView } from '../../../src/client/index.js';
import { loadTenantFile, openEngine, VirtualClock, type Engine } from '../../../src/engine/index.js';
import { startServer, type RunningServer } from '../../../src/server/index.js';

export interface Loopback {
  engine: Engine;
  clock: VirtualClock;
  server: RunningServer;
  client: EngineClient;
  close(): Promise<void>;
}

export async function loopback(agent = 'ana'): Promise<Loopback> {
  // Engine time starts at real time so server and console clocks agree.
  const clock = new VirtualClock(Date.now());
  const engine = openEngine({ tenant: loadTenantFile('fixtures/demo-tenant.json'), dbFile: ':memory:', clock });
  const server = await startServer({ engine, host: '127.0.0.1', port: 0, statsCoalesceMs: 0 });
  const client = new EngineClient({ url: server.url, agent, password: 'demo', backoff: { baseMs: 5, maxMs: 50 } });
  await client.connect();
  return {
    engine, clock, server, client,
    async close() {
      client.close();
      await server.close();
      engine.close();
    },
  };
}

/** Resolves when the client's view satisfies the predicate. */
export function until(client: EngineClient, predicate: (v: AgentView) => boolean, label = 'condition', timeoutMs = 5000): Promise<AgentView> {
  return new Promise((resolve, reject) => {
    if (predicate(client.getView())) return resolve(client.getView());
    const timer = setTimeout(() => { off(); reject(new Error(`timed out waiting for ${label}`)); }, timeoutMs);
    const off = client.subscribe((v) => {
      if (!predicate(v)) return;
      clearTimeout(timer);
      off();
      resolve(v);
    });
  });
}
