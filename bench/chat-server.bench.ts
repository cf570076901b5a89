/**
 * Web chat server benchmark (issue 6): 1,000 concurrent customer chats on
 * loopback, message latency customer → agent (p50/p90/p99), measured from
 * the customer's send to the frame arriving on the agent's socket — through
 * the `/customer` channel, engine (validation, SQLite WAL append, publish)
 * and the agent fan-out. Customers and agents live in a second process
 * (bench/chat-server-clients.ts); this process runs only the server.
 *
 * Baseline in the same run: a bare `ws` relay with the same topology (same
 * sockets, each customer line JSON-parsed, forwarded to its agent socket and
 * acknowledged) — the floor that the protocol and engine add to.
 *
 * Knobs: BENCH_CHATS (1000), BENCH_SECONDS (15), BENCH_ROUNDS (2), BENCH_SNAPSHOT_EVERY
 * (the engine's default). 6 chats per agent.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';
import { openEngine, parseTenant } from '../src/engine/index.js';
import { webChat } from '../src/server/channels/webchat/index.js';
import { hashPassword, startServer } from '../src/server/index.js';

const CHATS = Number(process.env.BENCH_CHATS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const AGENTS = Math.ceil(CHATS / 6);
const CLIENTS = fileURLToPath(new URL('./chat-server-clients.ts', import.meta.url));

async function tenant(): Promise<unknown> {
  const passwordHash = await hashPassword('bench');
  const agents = Array.from({ length: AGENTS }, (_, k) => ({
    id: `b${k}`, firstName: 'Bench', lastName: `${k}`, displayName: `Bench ${k}`, group: 'g', passwordHash,
    permissions: { maxConcurrentChats: 6 },
  }));
  return {
    id: 'bench', name: 'Bench', limits: { maxConcurrentChats: 6 },
    groups: [{ id: 'g', name: 'G' }],
    agents,
    queues: [{ id: 'chat', name: 'Chat', media: 'chat', acceptTimeoutSec: 60, wrapUpSec: 30, agents: agents.map((a) => a.id) }],
  };
}

function runClients(mode: 'chat' | 'bare', url: string, onMessaging: () => void = () => {}): Promise<Record<string, number | string>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLIENTS, mode, url, String(CHATS), String(AGENTS), String(SECONDS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('PHASE messaging\n')) {
        out = out.replace('PHASE messaging\n', '');
        onMessaging();
      }
    });
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`clients exited ${code}`))));
  });
}

/** The baseline: customers and agents on a bare ws server; each customer line goes to its agent, and is acked. */
async function bareRelay(): Promise<{ url: string; close(): Promise<void> }> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
  const agents: WebSocket[] = [];
  wss.on('connection', (ws) => {
    let agentIndex = -1;
    ws.on('message', (raw) => {
      const f = JSON.parse(raw.toString()) as { type: string; index?: number; clientId?: string; text?: string };
      if (f.type === 'agent') agents[f.index!] = ws;
      else if (f.type === 'customer') {
        agentIndex = f.index! % AGENTS;
        ws.send(JSON.stringify({ type: 'paired' }));
      } else if (f.type === 'message') {
        agents[agentIndex]?.send(f.text!);
        ws.send(JSON.stringify({ type: 'ack', clientId: f.clientId }));
      }
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

const round = (x: unknown) => (typeof x === 'number' ? Math.round(x * 100) / 100 : x);

async function chatRound(context: object, roundNo: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'chat-bench-'));
  const snapshotEvery = process.env.BENCH_SNAPSHOT_EVERY ? Number(process.env.BENCH_SNAPSHOT_EVERY) : undefined;
  const engine = openEngine({ tenant: parseTenant(await tenant()), dbFile: join(dir, 'bench.db'), snapshotEvery });
  const server = await startServer({
    engine,
    port: 0,
    channels: [webChat({ startRate: { perMinute: 1e6, burst: 1e6 } })],
    sessionLimits: { commandsPerSecond: 1000, commandBurst: 1000 },
  });
  try {
    const rss0 = process.memoryUsage().rss;
    // The server's own event-loop delay and CPU during the messaging phase: tells server cost from machine noise.
    const loop = monitorEventLoopDelay({ resolution: 5 });
    let cpu0 = process.cpuUsage();
    const chat = await runClients('chat', server.url, () => {
      loop.enable();
      cpu0 = process.cpuUsage();
    });
    const cpu = process.cpuUsage(cpu0);
    loop.disable();
    const rss = process.memoryUsage().rss;
    console.log(JSON.stringify({
      bench: 'chat-server', metric: 'customer_to_agent_ms', round: roundNo, ...Object.fromEntries(Object.entries(chat).map(([k, v]) => [k, round(v)])),
      serverCpuMsPerMessage: round((cpu.user + cpu.system) / 1000 / Number(chat.received)), serverLoopDelayP99Ms: round(loop.percentile(99) / 1e6), serverLoopDelayMaxMs: round(loop.max / 1e6),
      serverRssMB: Math.round(rss / 1e6), serverRssGrowthMB: Math.round((rss - rss0) / 1e6), engineEvents: engine.lastSeq, ...context,
    }));
  } finally {
    await server.close();
    engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bareRound(context: object, roundNo: number): Promise<void> {
  const bare = await bareRelay();
  try {
    const result = await runClients('bare', bare.url);
    console.log(JSON.stringify({ bench: 'chat-server', metric: 'baseline_bare_ws_relay_ms', round: roundNo, ...Object.fromEntries(Object.entries(result).map(([k, v]) => [k, round(v)])), ...context }));
  } finally {
    await bare.close();
  }
}

/** Alternating rounds (BENCH_ROUNDS, default 2), so both sides see the same machine load. */
export default async function bench(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  for (let k = 1; k <= rounds; k++) {
    const context = { cpus: availableParallelism(), load1: round(loadavg()[0]), node: process.version };
    await chatRound(context, k);
    await bareRound(context, k);
  }
}

// Run directly: `npx tsx bench/chat-server.bench.ts` (npm run bench imports it instead).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await bench();
