/**
 * Child processes of bench/ws.bench.ts (forked, driven over IPC):
 *   ws-peer.ts server-ours   our gateway (engine + server) with N agents
 *   ws-peer.ts server-bare   a bare `ws` echo/broadcast server
 *   ws-peer.ts clients       N raw WebSocket clients in one process
 * Nothing is printed on stdout (the parent's stdout carries the figures).
 *
 * The measured event: a status change of the "driver" agent, which every one
 * of the N agents sees as a `contact` event (they all see the drivers' group).
 * The bare server broadcasts an envelope of the same shape and size.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { openEngine, parseTenant } from '../src/engine/index.js';
import { startServer } from '../src/server/index.js';
import { PROTOCOL_VERSION } from '../src/protocol/index.js';

export type ToServer = { cmd: 'rss' } | { cmd: 'cpu' } | { cmd: 'emit'; count: number; intervalMs: number } | { cmd: 'stop' };
export type ToClients =
  | { cmd: 'connect'; url: string; n: number; kind: 'ours' | 'bare'; password: string; concurrency: number }
  | { cmd: 'expect'; count: number }
  | { cmd: 'latency'; t0: number[] }
  | { cmd: 'stop' };

const now = () => performance.timeOrigin + performance.now();
const send = (m: unknown) => process.send!(m);

/** Handles the parent's messages; a handler that fails ends this peer with the error (the parent sees it exit). */
function onMessage<T>(handle: (m: T) => Promise<unknown>): void {
  process.on('message', (m: T) => {
    handle(m).catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
  });
}
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const settle = async () => {
  for (let n = 0; n < 3; n++) {
    gc();
    await new Promise((r) => setTimeout(r, 50));
  }
};
const rss = async () => {
  await settle();
  return process.memoryUsage().rss;
};
const heap = () => process.memoryUsage().heapUsed;

export const BENCH_PASSWORD = 'bench-password';

/** A cheap scrypt hash (N=1024) for the bench only: the real default (N=16384) makes 2,000 logins take minutes. */
function benchHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N: 1024, r: 8, p: 1 });
  return `scrypt$1024$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** N agents in groups of 50 (one chat queue per group), all seeing the drivers' group. */
export function benchTenant(n: number): unknown {
  const passwordHash = benchHash(BENCH_PASSWORD);
  const groups = Math.ceil(n / 50);
  const agents = Array.from({ length: n }, (_, i) => ({
    id: `ag${i}`,
    firstName: `Agent${i}`,
    lastName: 'Bench',
    displayName: `Agent ${i}`,
    group: `g${i % groups}`,
    role: 'supervisor' as const,
    supervises: ['drivers'],
    passwordHash,
  }));
  agents.push({ id: 'driver', firstName: 'Driver', lastName: 'Bench', displayName: 'Driver', group: 'drivers', role: 'agent' as 'supervisor', supervises: [], passwordHash });
  return {
    id: 'bench',
    name: 'Bench tenant',
    groups: [...Array.from({ length: groups }, (_, g) => ({ id: `g${g}`, name: `Group ${g}` })), { id: 'drivers', name: 'Drivers' }],
    agents,
    queues: Array.from({ length: groups }, (_, g) => ({
      id: `chat${g}`,
      name: `Chat ${g}`,
      media: 'chat',
      agents: agents.filter((a) => a.group === `g${g}`).map((a) => a.id),
    })),
  };
}

async function serverOurs(n: number): Promise<void> {
  const engine = openEngine({ tenant: parseTenant(benchTenant(n)), dbFile: ':memory:' });
  engine.execute({ type: 'login', agentId: 'driver' });
  const server = await startServer({ engine, port: 0 });
  const rssBefore = await rss();
  let status: 'available' | 'on_break' = 'on_break';
  serve(server.url, rssBefore, heap(), () => {
    status = status === 'available' ? 'on_break' : 'available';
    const result = engine.execute({ type: 'set_status', agentId: 'driver', status });
    if (!result.ok) throw new Error(result.error.message);
  }, async () => {
    await server.close();
    engine.close();
  });
}

async function serverBare(): Promise<void> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', maxPayload: 1024 * 1024 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  wss.on('connection', (ws) => ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })));
  const rssBefore = await rss();
  let seq = 0;
  let status = 'on_break';
  serve(url, rssBefore, heap(), () => {
    status = status === 'available' ? 'on_break' : 'available';
    const t = Date.now();
    const frame = JSON.stringify({
      v: 1, type: 'contact', seq: ++seq, ts: t,
      data: { id: 'driver', displayName: 'Driver', group: 'drivers', role: 'agent', status, statusSince: t },
    });
    for (const ws of wss.clients) ws.send(frame);
  }, async () => {
    for (const ws of wss.clients) ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  });
}

/** The server side of the IPC protocol: RSS, CPU, emitting events with their start times. */
function serve(url: string, rssBefore: number, heapBefore: number, emitOne: () => void, stop: () => Promise<void>): void {
  let cpu = process.cpuUsage();
  onMessage(async (m: ToServer) => {
    if (m.cmd === 'rss') return send({ rss: await rss(), heap: heap() });
    if (m.cmd === 'cpu') {
      const used = process.cpuUsage(cpu);
      cpu = process.cpuUsage();
      return send({ cpuMs: (used.user + used.system) / 1000 });
    }
    if (m.cmd === 'stop') {
      await stop();
      return process.exit(0);
    }
    // emit: count events, intervalMs apart (0 = back to back, in one go)
    cpu = process.cpuUsage();
    const t0: number[] = [];
    if (m.intervalMs <= 0) {
      for (let k = 0; k < m.count; k++) {
        t0.push(now());
        emitOne();
      }
    } else {
      const start = now();
      for (let k = 0; k < m.count; k++) {
        const due = start + k * m.intervalMs;
        const wait = due - now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        t0.push(now());
        emitOne();
      }
    }
    send({ t0, emittedAt: now() });
  });
  send({ ready: true, url, rssBefore, heapBefore });
}

/** N raw clients speaking the protocol by hand; each records when each measured event arrived. */
function clients(): void {
  let sockets: WebSocket[] = [];
  let expected = 0;
  let arrivals: Float64Array[] = [];
  let counts: Int32Array = new Int32Array(0);
  let complete = 0;
  let lastArrival = 0;
  let firstArrival = Infinity;
  const EVENT = Buffer.from('{"v":1,"type":"contact"');
  const PING = Buffer.from('{"v":1,"type":"ping"');

  const open = (url: string, i: number, kind: 'ours' | 'bare', password: string) =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      let ready = false;
      ws.on('open', () => {
        ws.send(JSON.stringify({ v: 1, type: 'hello', id: `h${i}`, data: { protocol: PROTOCOL_VERSION, client: 'bench' } }));
        ws.send(JSON.stringify({ v: 1, type: 'login', id: `l${i}`, data: { agent: `ag${i}`, password } }));
      });
      ws.on('message', (data: Buffer) => {
        if (!ready) {
          // Ours: logged in once the snapshot is in. Bare: once the login frame is echoed.
          const s = data.toString();
          if ((kind === 'ours' && s.includes('"type":"snapshot"')) || (kind === 'bare' && s.includes('"type":"login"'))) {
            ready = true;
            resolve(ws);
          } else if (s.includes('"type":"error"')) reject(new Error(s));
          return;
        }
        if (data.subarray(0, EVENT.length).equals(EVENT)) {
          const t = now();
          const k = counts[i]!;
          if (k < expected) {
            arrivals[k]![i] = t;
            counts[i] = k + 1;
            if (t > lastArrival) lastArrival = t;
            if (t < firstArrival) firstArrival = t;
            if (k + 1 === expected && ++complete === sockets.length) send({ done: true, firstArrival, lastArrival });
          }
        } else if (data.subarray(0, PING.length).equals(PING)) ws.send(JSON.stringify({ v: 1, type: 'pong', id: `p${i}`, data: {} }));
      });
      ws.on('error', reject);
    });

  onMessage(async (m: ToClients) => {
    if (m.cmd === 'connect') {
      const started = now();
      sockets = new Array(m.n);
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < m.n; i = next++) sockets[i] = await open(m.url, i, m.kind, m.password);
      };
      await Promise.all(Array.from({ length: m.concurrency }, worker));
      return send({ connected: sockets.length, ms: now() - started });
    }
    if (m.cmd === 'expect') {
      expected = m.count;
      arrivals = Array.from({ length: m.count }, () => new Float64Array(sockets.length));
      counts = new Int32Array(sockets.length);
      complete = 0;
      lastArrival = 0;
      firstArrival = Infinity;
      return send({ expecting: m.count });
    }
    if (m.cmd === 'latency') {
      const samples = new Float64Array(expected * sockets.length);
      let j = 0;
      for (let k = 0; k < expected; k++) for (let i = 0; i < sockets.length; i++) samples[j++] = arrivals[k]![i]! - m.t0[k]!;
      if (process.env.BENCH_WS_DEBUG) {
        const perEvent = Array.from({ length: expected }, (_, k) => Math.max(...arrivals[k]!) - m.t0[k]!);
        console.error('max latency per event', perEvent.map((x) => Math.round(x)).join(' '));
      }
      samples.sort();
      const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
      return send({ samples: samples.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: samples[samples.length - 1] });
    }
    if (m.cmd === 'stop') {
      for (const ws of sockets) ws.terminate();
      process.exit(0);
    }
  });
  send({ ready: true });
}

const role = process.argv[2];
if (role === 'server-ours') void serverOurs(Number(process.argv[3]));
else if (role === 'server-bare') void serverBare();
else if (role === 'clients') clients();
