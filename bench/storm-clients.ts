/**
 * The clients of bench/storm.bench.ts, in a process of their own (forked,
 * driven over IPC): N real `EngineClient`s (the console's own client, with
 * its reconnect backoff), one per agent. After `arm`, each records when it
 * was back online in the restarted server's epoch and when its view last
 * changed (the storm runs without traffic, so the last change is the moment
 * its view became what the server holds: the parent checks that it is).
 * Nothing is printed on stdout.
 */
import { EngineClient } from '../src/client/index.js';
import { comparable } from '../test/soak/log-views.js';
import { wallNow } from '../test/soak/serve-process.js';

export type ToStormClients =
  | { cmd: 'connect'; url: string; agents: string[]; password: string }
  | { cmd: 'arm' }
  | { cmd: 'settle'; quietMs: number; timeoutMs: number }
  | { cmd: 'views' }
  | { cmd: 'stop' };

export interface Settled {
  /** Per client (agent order): back online in the new epoch / last view change, `wallNow()` ms. */
  online: number[];
  lastChange: number[];
  /** Clients not back online in time. */
  missing: string[];
}

const send = (m: unknown): void => void process.send!(m);

function main(): void {
  let clients: EngineClient[] = [];
  let agents: string[] = [];
  let online: number[] = [];
  let lastChange: number[] = [];
  let unsubscribe: (() => void)[] = [];

  const handle = async (m: ToStormClients): Promise<void> => {
    if (m.cmd === 'connect') {
      const started = wallNow();
      agents = m.agents;
      clients = agents.map((agent) => new EngineClient({ url: m.url, agent, password: m.password, clientName: 'storm-bench' }));
      await Promise.all(clients.map((c) => c.connect()));
      return send({ connected: clients.length, ms: wallNow() - started });
    }
    if (m.cmd === 'arm') {
      online = new Array(clients.length).fill(0);
      lastChange = new Array(clients.length).fill(0);
      for (const off of unsubscribe.splice(0)) off();
      unsubscribe = clients.map((c, i) => {
        const before = c.getView().epoch;
        return c.subscribe((v) => {
          if (v.epoch === before) return;
          const t = wallNow();
          if (!online[i] && v.connection.state === 'online') online[i] = t;
          lastChange[i] = t;
        });
      });
      return send({ armed: true });
    }
    if (m.cmd === 'settle') {
      const deadline = wallNow() + m.timeoutMs;
      for (;;) {
        const t = wallNow();
        const allBack = online.every((x) => x > 0);
        const quiet = t - Math.max(...lastChange) >= m.quietMs;
        if ((allBack && quiet) || t > deadline) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const missing = agents.filter((_, i) => !online[i]);
      return send({ online, lastChange, missing } satisfies Settled);
    }
    if (m.cmd === 'views') return send({ views: clients.map((c) => comparable(c.getView())) });
    if (m.cmd === 'stop') {
      for (const c of clients) c.close();
      process.exit(0);
    }
  };
  process.on('message', (m: ToStormClients) => void handle(m));
  send({ ready: true });
}

main();
