/**
 * WebSocket fan-out benchmark (issue 4): N connected agents (2,000 by
 * default) on loopback, with the clients in a second process, against
 *   - ours: the engine + our gateway (login, sessions, seq numbers, replay
 *     buffer, per-agent fan-out), and
 *   - bare: a bare `ws` echo/broadcast server sending an envelope of the same
 *     shape and size — the baseline, measured the same way in the same run.
 * Each server runs in a fresh process of its own (so RSS figures do not mix).
 *
 * The event: a status change of one agent that all N agents see as a contact
 * (for ours, one `engine.execute(set_status)`; for bare, one broadcast).
 * Figures, one JSON line each:
 *   - latency p50/p90/p99/max from just before the engine event (server
 *     clock) to its arrival at each client (client clock; both
 *     `performance.timeOrigin + now()`), events paced 200 ms apart (well
 *     below capacity, so this is the fan-out time of one event, not a backlog);
 *   - a burst of events back to back: messages delivered per second, and
 *     server CPU per delivered message;
 *   - server RSS per connection: (RSS with N logged-in clients − RSS before) / N,
 *     after GC; also after the events (RSS keeps what the burst's socket
 *     buffers took, so retained JS heap per connection is printed too: for
 *     ours it grows with the replay buffers);
 *   - the ratio ours/bare for each, and the targets (p99 < 50 ms,
 *     < 60 KB/connection, within 2× of bare).
 *
 * `npm run bench -- ws` (or `npx tsx bench/ws.bench.ts [N]`). BENCH_WS_AGENTS
 * overrides N.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BENCH_PASSWORD, type ToClients, type ToServer } from './ws-peer.js';

const here = dirname(fileURLToPath(import.meta.url));
const PEER = join(here, 'ws-peer.ts');
const PACED = { count: 60, intervalMs: 200 };
const BURST = { count: 100 };

const out = (figure: Record<string, unknown>) => console.log(JSON.stringify(figure));
const progress = (msg: string) => console.error(`  ${msg}`);
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

/** A forked peer with a request/answer helper over IPC. */
function peer(args: string[]): {
  child: ChildProcess;
  ready: Promise<Record<string, unknown>>;
  ask<T = Record<string, unknown>>(m: unknown): Promise<T>;
  /** The next message the peer sends on its own (e.g. the clients' "done"). */
  next<T = Record<string, unknown>>(): Promise<T>;
} {
  // Peers print nothing on stdout; their stderr goes to ours.
  const prof = process.env.BENCH_WS_PROFILE && args[0]?.startsWith('server') ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_WS_PROFILE}`] : [];
  const child = fork(PEER, args, { execArgv: ['--import', 'tsx', '--expose-gc', ...prof], stdio: ['ignore', 2, 2, 'ipc'] });
  const waiting: ((m: Record<string, unknown>) => void)[] = [];
  let failed: Error | undefined;
  child.on('message', (m) => waiting.shift()?.(m as Record<string, unknown>));
  child.on('exit', (code) => {
    if (code) failed = new Error(`bench peer ${args.join(' ')} exited with ${code}`);
  });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      if (failed) return reject(failed);
      waiting.push(resolve);
      child.once('exit', (code) => code && reject(new Error(`bench peer ${args.join(' ')} exited with ${code}`)));
    });
  return {
    child,
    ready: next(),
    ask: <T>(m: unknown) => {
      const answer = next();
      child.send(m as object);
      return answer as Promise<T>;
    },
    next: <T>() => next() as Promise<T>,
  };
}

interface Figures {
  connectMs: number;
  rssPerConnKB: number;
  rssPerConnAfterEventsKB: number;
  heapPerConnKB: number;
  heapPerConnAfterEventsKB: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  samples: number;
  messagesPerSec: number;
  eventsPerSec: number;
  cpuUsPerMessage: number;
}

async function measure(kind: 'ours' | 'bare', n: number): Promise<Figures> {
  progress(`${kind}: starting the server${kind === 'ours' ? ` (engine, ${n} agents)` : ''}`);
  const server = peer(kind === 'ours' ? ['server-ours', String(n)] : ['server-bare']);
  const clients = peer(['clients']);
  try {
    const { url, rssBefore, heapBefore } = (await server.ready) as { url: string; rssBefore: number; heapBefore: number };
    await clients.ready;
    progress(`${kind}: connecting and logging in ${n} clients`);
    const connected = await clients.ask<{ connected: number; ms: number }>({ cmd: 'connect', url, n, kind, password: BENCH_PASSWORD, concurrency: 64 } satisfies ToClients);
    const { rss: rssConnected, heap: heapConnected } = await server.ask<{ rss: number; heap: number }>({ cmd: 'rss' } satisfies ToServer);

    progress(`${kind}: ${PACED.count} events ${PACED.intervalMs} ms apart`);
    await clients.ask({ cmd: 'expect', count: PACED.count } satisfies ToClients);
    const done = clients.next<{ done: boolean }>();
    const { t0 } = await server.ask<{ t0: number[] }>({ cmd: 'emit', count: PACED.count, intervalMs: PACED.intervalMs } satisfies ToServer);
    await done;
    const latency = await clients.ask<{ p50: number; p90: number; p99: number; max: number; samples: number }>({ cmd: 'latency', t0 } satisfies ToClients);

    progress(`${kind}: a burst of ${BURST.count} events`);
    await clients.ask({ cmd: 'expect', count: BURST.count } satisfies ToClients);
    await server.ask({ cmd: 'cpu' } satisfies ToServer);
    const burstDone = clients.next<{ lastArrival: number }>();
    const burst = await server.ask<{ t0: number[] }>({ cmd: 'emit', count: BURST.count, intervalMs: 0 } satisfies ToServer);
    const { lastArrival } = await burstDone;
    const { cpuMs } = await server.ask<{ cpuMs: number }>({ cmd: 'cpu' } satisfies ToServer);
    const seconds = (lastArrival - burst.t0[0]!) / 1000;
    const messages = BURST.count * n;
    const { rss: rssAfter, heap: heapAfter } = await server.ask<{ rss: number; heap: number }>({ cmd: 'rss' } satisfies ToServer);

    return {
      connectMs: Math.round(connected.ms),
      rssPerConnKB: round((rssConnected - rssBefore) / n / 1024, 1),
      rssPerConnAfterEventsKB: round((rssAfter - rssBefore) / n / 1024, 1),
      heapPerConnKB: round((heapConnected - heapBefore) / n / 1024, 1),
      heapPerConnAfterEventsKB: round((heapAfter - heapBefore) / n / 1024, 1),
      p50: round(latency.p50),
      p90: round(latency.p90),
      p99: round(latency.p99),
      max: round(latency.max),
      samples: latency.samples,
      messagesPerSec: Math.round(messages / seconds),
      eventsPerSec: Math.round(BURST.count / seconds),
      cpuUsPerMessage: round((cpuMs * 1000) / messages, 3),
    };
  } finally {
    clients.child.send({ cmd: 'stop' });
    server.child.send({ cmd: 'stop' });
    await Promise.all([server.child, clients.child].map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
  }
}

export default async function run(n = Number(process.env.BENCH_WS_AGENTS ?? 2000)): Promise<void> {
  const bare = await measure('bare', n);
  out({ bench: 'ws', server: 'bare', connections: n, ...bare });
  const ours = await measure('ours', n);
  out({ bench: 'ws', server: 'ours', connections: n, ...ours });
  const ratio = (a: number, b: number) => round(a / b);
  out({
    bench: 'ws',
    figure: 'overhead ours/bare',
    connections: n,
    p50: ratio(ours.p50, bare.p50),
    p99: ratio(ours.p99, bare.p99),
    messagesPerSec: ratio(bare.messagesPerSec, ours.messagesPerSec), // >1 = we deliver slower
    cpuPerMessage: ratio(ours.cpuUsPerMessage, bare.cpuUsPerMessage),
    rssPerConn: ratio(ours.rssPerConnKB, bare.rssPerConnKB),
  });
  out({
    bench: 'ws',
    figure: 'targets',
    connections: n,
    p99FanoutMs: { value: ours.p99, target: '< 50', met: ours.p99 < 50 },
    rssPerConnKB: { value: ours.rssPerConnKB, afterEvents: ours.rssPerConnAfterEventsKB, target: '< 60', met: ours.rssPerConnKB < 60 },
    withinTwiceBare: {
      p99: ratio(ours.p99, bare.p99),
      messagesPerSec: ratio(bare.messagesPerSec, ours.messagesPerSec),
      target: '≤ 2',
      met: ours.p99 / bare.p99 <= 2 && bare.messagesPerSec / ours.messagesPerSec <= 2,
    },
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run(Number(process.argv[2] ?? process.env.BENCH_WS_AGENTS ?? 2000));
