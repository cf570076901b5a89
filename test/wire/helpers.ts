/** A real engine behind a real server on loopback, and raw/helper clients. */
import WebSocket from 'ws';
import { openEngine, parseTenant, VirtualClock, type Engine } from '../../src/engine/index.js';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/index.js';
import { hashPassword } from '../../src/server/passwords.js';
import { EngineClient, type AgentView } from '../../src/client/index.js';
import { PROTOCOL_VERSION, type AnyServerEnvelope } from '../../src/protocol/index.js';
import { agent, baseTenant } from '../engine/harness.js';

let cachedHash: string | undefined;
export async function pw(): Promise<string> {
  return (cachedHash ??= await hashPassword('secret'));
}

export async function wireTenant(extra: Record<string, unknown> = {}): Promise<unknown> {
  const hash = await pw();
  const t = baseTenant(extra) as { agents: ReturnType<typeof agent>[] };
  t.agents = t.agents.map((a) => ({ ...a, passwordHash: hash }));
  return t;
}

export interface Rig {
  engine: Engine;
  clock: VirtualClock;
  server: RunningServer;
  clients: EngineClient[];
  client(agentId: string, options?: Partial<ConstructorParameters<typeof EngineClient>[0]>): Promise<EngineClient>;
  close(): Promise<void>;
}

export async function rig(options: Partial<ServerOptions> = {}, tenant?: unknown): Promise<Rig> {
  const clock = new VirtualClock();
  const engine = openEngine({ tenant: parseTenant(tenant ?? (await wireTenant())), dbFile: ':memory:', clock });
  const server = await startServer({ engine, port: 0, statsCoalesceMs: 0, ...options });
  const clients: EngineClient[] = [];
  return {
    engine,
    clock,
    server,
    clients,
    async client(agentId, extra = {}) {
      const c = new EngineClient({ url: server.url, agent: agentId, password: 'secret', backoff: { baseMs: 5, maxMs: 50 }, ...extra });
      clients.push(c);
      await c.connect();
      return c;
    },
    async close() {
      for (const c of clients) c.close();
      await server.close();
      engine.close();
    },
  };
}

/** Resolves when the client's view satisfies the predicate (event-driven, no polling). */
export function until(client: EngineClient, predicate: (v: AgentView) => boolean, label = 'condition', timeoutMs = 5000): Promise<AgentView> {
  return new Promise((resolve, reject) => {
    if (predicate(client.getView())) return resolve(client.getView());
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out waiting for ${label}`));
    }, timeoutMs);
    const off = client.subscribe((v) => {
      if (!predicate(v)) return;
      clearTimeout(timer);
      off();
      resolve(v);
    });
  });
}

/** A raw socket speaking the protocol by hand, collecting every frame. */
export class RawClient {
  readonly frames: AnyServerEnvelope[] = [];
  closed?: { code: number; reason: string };
  private waiters: (() => void)[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      this.frames.push(JSON.parse(d.toString()));
      for (const w of this.waiters.splice(0)) w();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async open(url: string): Promise<RawClient> {
    const ws = new WebSocket(url);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return new RawClient(ws);
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' || Buffer.isBuffer(frame) ? frame : JSON.stringify(frame));
  }

  async hello(): Promise<void> {
    this.send({ v: 1, type: 'hello', id: 'h1', data: { protocol: PROTOCOL_VERSION } });
    await this.next((f) => f.type === 'welcome');
  }

  async login(agentId: string, password = 'secret'): Promise<AnyServerEnvelope> {
    this.send({ v: 1, type: 'login', id: `login-${agentId}`, data: { agent: agentId, password } });
    return this.next((f) => f.replyTo === `login-${agentId}`);
  }

  /** The first frame (already received or coming) that matches. */
  async next(match: (f: AnyServerEnvelope) => boolean, timeoutMs = 5000): Promise<AnyServerEnvelope> {
    const deadline = Date.now() + timeoutMs;
    let from = 0;
    for (;;) {
      const hit = this.frames.slice(from).find(match);
      if (hit) return hit;
      from = this.frames.length;
      if (this.closed) throw new Error(`socket closed (${this.closed.code} ${this.closed.reason}) before a matching frame`);
      if (Date.now() > deadline) throw new Error('timed out waiting for a frame');
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  async reply(id: string): Promise<AnyServerEnvelope> {
    return this.next((f) => f.replyTo === id);
  }

  async closedEvent(): Promise<{ code: number; reason: string }> {
    await this.next(() => false).catch(() => undefined);
    return this.closed!;
  }

  close(): void {
    this.ws.close();
  }
}
