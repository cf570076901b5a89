/** A real engine behind a real server on loopback, and raw/helper clients. */
import WebSocket from 'ws';
import { openEngine, parseTenant, VirtualClock, type Engine, type Tenant } from '../../src/engine/index.js';
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

/** `makeEngine`: an engine of the test's own (a store that fails...), on the rig's clock. */
export async function rig(
  options: Partial<ServerOptions> = {},
  tenant?: unknown,
  makeEngine: (tenant: Tenant, clock: VirtualClock) => Engine = (t, clock) => openEngine({ tenant: t, dbFile: ':memory:', clock }),
): Promise<Rig> {
  const clock = new VirtualClock();
  const engine = makeEngine(parseTenant(tenant ?? (await wireTenant())), clock);
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

  static async open(url: string, options: WebSocket.ClientOptions = {}): Promise<RawClient> {
    const ws = new WebSocket(url, options);
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
    return this.cmd('login', { agent: agentId, password }, `login-${agentId}-${++RawClient.ids}`);
  }

  /** The first frame (already received or coming) that matches. */
  async next(match: (f: AnyServerEnvelope) => boolean, timeoutMs = 5000, start = 0): Promise<AnyServerEnvelope> {
    const deadline = Date.now() + timeoutMs;
    let from = start;
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

  /** Sends one command frame and resolves with the reply (ack or error) to its id. */
  async cmd(type: string, data: unknown = {}, id = `c${++RawClient.ids}`): Promise<AnyServerEnvelope> {
    const from = this.frames.length;
    this.send({ v: 1, type, id, data });
    return this.next((f) => f.replyTo === id, 5000, from);
  }
  private static ids = 0;

  /** The error code of a reply, or 'ack'. */
  static outcome(f: AnyServerEnvelope): string {
    return f.type === 'error' ? f.data.code : f.type;
  }

  /** Numbered view events received so far, in arrival order. */
  events(): AnyServerEnvelope[] {
    return this.frames.filter((f) => typeof f.seq === 'number');
  }

  lastSeq(): number {
    return this.events().at(-1)?.seq ?? 0;
  }

  async closedEvent(): Promise<{ code: number; reason: string }> {
    await this.next(() => false).catch(() => undefined);
    return this.closed!;
  }

  close(): void {
    this.ws.close();
  }
}

/** hello + login on a fresh raw socket; resolves once the login snapshot is in. */
export async function rawLogin(url: string, agentId: string, options: WebSocket.ClientOptions = {}): Promise<RawClient & { token: string; epoch: string }> {
  const c = await RawClient.open(url, options);
  await c.hello();
  const session = await c.login(agentId);
  if (session.type !== 'session') throw new Error(`login of ${agentId} failed: ${JSON.stringify(session.data)}`);
  await c.next((f) => f.type === 'snapshot');
  return Object.assign(c, { token: session.data.token, epoch: session.data.epoch });
}

export { prng as mulberry32 } from '../../src/cli/demo/prng.js';

/**
 * Resolves when `check()` holds, re-checking whenever the engine publishes or
 * a client's view changes (event-driven, no polling).
 */
export function eventually(r: Rig, check: () => boolean, label = 'condition', timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const offs: (() => void)[] = [];
    const done = (error?: Error) => {
      clearTimeout(timer);
      for (const off of offs) off();
      if (error) reject(error);
      else resolve();
    };
    const test = () => {
      try {
        if (check()) done();
      } catch (e) {
        done(e as Error);
      }
    };
    const timer = setTimeout(() => done(new Error(`timed out waiting for ${label}`)), timeoutMs);
    offs.push(r.engine.subscribe(() => queueMicrotask(test)));
    for (const c of r.clients) offs.push(c.subscribe(test));
    test();
  });
}
