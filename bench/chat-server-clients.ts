/**
 * The client side of bench/chat-server.bench.ts, in its own process so the
 * server's event loop is not shared with 1,000 customers: raw agent sockets
 * (agent protocol: hello, login, available, accept every offer) and raw
 * customer sockets (`/customer`). Each customer line carries its send time;
 * the agent socket that receives it records the latency (same process, same
 * clock). Mode "bare" speaks a trivial relay protocol to a bare ws server
 * with the same topology: the baseline.
 *
 *   node --import tsx bench/chat-server-clients.ts <mode> <url> <chats> <agents> <seconds>
 * Prints one JSON object on stdout at the end; progress on stderr.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

const [mode = 'chat', url = '', chatsArg = '1000', agentsArg = '170', secondsArg = '15'] = process.argv.slice(2);
const CHATS = Number(chatsArg);
const AGENTS = Number(agentsArg);
const SECONDS = Number(secondsArg);
const latencies: number[] = [];
const ackLatencies: number[] = [];
const sentAt = new Map<string, number>();
let received = 0;

const open = (u: string) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(u, { perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });

function record(text: string): void {
  const t = Number(text.slice(text.lastIndexOf(':') + 1));
  if (Number.isFinite(t)) latencies.push(performance.now() - t);
  received++;
}

async function agent(id: string): Promise<void> {
  const ws = await open(url);
  let n = 0;
  const send = (type: string, data: unknown) => ws.send(JSON.stringify({ v: 1, type, id: `${id}-${++n}`, data }));
  await new Promise<void>((resolve, reject) => {
    ws.on('message', (raw) => {
      const f = JSON.parse(raw.toString()) as { type: string; data: Record<string, any> };
      if (f.type === 'ping') send('pong', {});
      else if (f.type === 'snapshot') {
        send('set_status', { status: 'available' });
        resolve();
      } else if (f.type === 'offer' && f.data.offer) send('accept', { interactionId: f.data.offer.id });
      else if (f.type === 'chat_message' && f.data.message.from === 'customer') record(f.data.message.text);
      else if (f.type === 'error' && f.data.code === 'AUTH_FAILED') reject(new Error(`login ${id}: ${f.data.message}`));
    });
    send('hello', { protocol: '1.0', client: 'bench' });
    send('login', { agent: id, password: 'bench' });
  });
}

interface Customer {
  ws: WebSocket;
  ready: Promise<void>;
}

function customer(k: number): Promise<Customer> {
  return open(`${url}/customer`).then((ws) => {
    const ready = new Promise<void>((resolve) => {
      ws.on('message', (raw) => {
        const f = JSON.parse(raw.toString()) as { type: string; clientId?: string };
        if (f.type === 'agent_joined' || f.type === 'paired') resolve();
        else if (f.type === 'ack' && f.clientId) {
          const t = sentAt.get(f.clientId);
          if (t !== undefined) ackLatencies.push(performance.now() - t);
          sentAt.delete(f.clientId);
        }
      });
    });
    ws.send(JSON.stringify(mode === 'bare' ? { type: 'customer', index: k } : { type: 'start', name: `Bench customer ${k}` }));
    return { ws, ready };
  });
}

/** Bare relay: agents say who they are; the server forwards customer k's lines to agent k % AGENTS. */
async function bareAgent(index: number): Promise<void> {
  const ws = await open(`${url}/agent`);
  ws.on('message', (raw) => record(raw.toString()));
  ws.send(JSON.stringify({ type: 'agent', index }));
}

const percentile = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

async function main(): Promise<void> {
  const t0 = performance.now();
  const agentIds = Array.from({ length: AGENTS }, (_, k) => `b${k}`);
  for (let k = 0; k < AGENTS; k += 20) await Promise.all(agentIds.slice(k, k + 20).map((id, j) => (mode === 'bare' ? bareAgent(k + j) : agent(id))));
  const agentsMs = performance.now() - t0;
  process.stderr.write(`  ${mode}: ${AGENTS} agents online in ${agentsMs.toFixed(0)} ms\n`);
  const t1 = performance.now();
  const customers: Customer[] = [];
  for (let k = 0; k < CHATS; k += 100) customers.push(...(await Promise.all(Array.from({ length: Math.min(100, CHATS - k) }, (_, j) => customer(k + j)))));
  await Promise.all(customers.map((c) => c.ready));
  const chatsMs = performance.now() - t1;
  process.stderr.write(`  ${mode}: ${CHATS} chats started and accepted in ${chatsMs.toFixed(0)} ms\n`);

  // Each customer sends about one line a second (a busy typist), spread evenly, for SECONDS.
  process.stdout.write('PHASE messaging\n'); // the parent measures its server from here on
  let sent = 0;
  const tSend = performance.now();
  await Promise.all(
    customers.map(
      (c, k) =>
        new Promise<void>((resolve) => {
          let i = 0;
          const tick = () => {
            if (performance.now() - tSend > SECONDS * 1000) return resolve();
            const clientId = `c${k}-${i++}`;
            const now = performance.now();
            sentAt.set(clientId, now);
            c.ws.send(JSON.stringify({ type: 'message', clientId, text: `line ${clientId} sent at:${now}` }));
            sent++;
            setTimeout(tick, 500 + Math.random() * 1000);
          };
          setTimeout(tick, (k / CHATS) * 1000);
        }),
    ),
  );
  const deadline = performance.now() + 5000;
  while (received < sent && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const sendMs = performance.now() - tSend;
  latencies.sort((a, b) => a - b);
  ackLatencies.sort((a, b) => a - b);
  const result = {
    mode,
    chats: CHATS,
    agents: AGENTS,
    sent,
    received,
    perSecond: Math.round(received / SECONDS),
    drainMs: sendMs - SECONDS * 1000,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    ackP99: percentile(ackLatencies, 99),
    agentsOnlineMs: agentsMs,
    chatsReadyMs: chatsMs,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
}

main().catch((e: Error) => {
  process.stderr.write(`${e.stack ?? e.message}\n`);
  process.exit(1);
});
