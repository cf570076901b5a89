/** Web chat rigs: a real server with the web chat channel, raw customer sockets, and agents. */
import WebSocket from 'ws';
import { CustomerChatClient } from '../../src/client/customer-chat.js';
import type { EngineClient } from '../../src/client/index.js';
import type { CustomerServerFrame } from '../../src/protocol/customer-chat.js';
import { webChat, type WebChatOptions } from '../../src/server/channels/webchat/index.js';
import { baseTenant } from '../engine/harness.js';
import { rig, until, wireTenant, type Rig } from './helpers.js';

/** The test tenant plus a second chat queue ("chat2", agent a2 only) and a few FAQ entries. */
export async function chatTenant(extra: Record<string, unknown> = {}): Promise<unknown> {
  const queues = (baseTenant() as { queues: Record<string, unknown>[] }).queues;
  return wireTenant({
    queues: [...queues, { id: 'chat2', name: 'Chat 2', media: 'chat', acceptTimeoutSec: 15, wrapUpSec: 10, agents: ['a2'] }],
    faq: [
      { id: 'hours', title: 'Opening hours', body: '<p>We are open <b>8am</b> to 7pm.</p>', shortcut: '\\q', category: 'General' },
      {
        id: 'fees',
        title: 'Fees <script>',
        body: '<table><tr><th>Plan</th><td onclick="x()">5 $</td></tr></table><script>alert(1)</script><a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)>',
        category: 'Billing',
      },
    ],
    ...extra,
  });
}

export async function chatRig(options: WebChatOptions = {}): Promise<Rig> {
  return rig({ channels: [webChat({ positionDelayMs: 5, ...options })] }, await chatTenant());
}

export function customer(r: Rig, name = 'Lee', extra: Partial<ConstructorParameters<typeof CustomerChatClient>[0]> = {}): CustomerChatClient {
  return new CustomerChatClient({ url: r.server.url, name, backoff: { baseMs: 5, maxMs: 50 }, ...extra });
}

/** Makes the agent available, waits for the offer of `interactionId` and accepts it. */
export async function acceptChat(agent: EngineClient, interactionId: string): Promise<void> {
  if (agent.getView().self?.status !== 'available' && agent.getView().self?.status !== 'busy') await agent.setStatus('available');
  await until(agent, (v) => v.offer?.id === interactionId, `offer of ${interactionId}`);
  const r = await agent.accept(interactionId);
  if (!r.ok) throw new Error(`accept failed: ${r.error.message}`);
}

/** A raw customer socket: frames by hand, everything received kept in order. */
export class RawCustomer {
  readonly frames: CustomerServerFrame[] = [];
  closed?: { code: number; reason: string };
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      this.frames.push(JSON.parse(d.toString()) as CustomerServerFrame);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  static async open(r: Rig, options: WebSocket.ClientOptions = {}): Promise<RawCustomer> {
    const ws = new WebSocket(`${r.server.url}/customer`, options);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return new RawCustomer(ws);
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' || Buffer.isBuffer(frame) ? frame : JSON.stringify(frame));
  }

  /** The first frame from index `from` on that matches. */
  async next<T extends CustomerServerFrame['type']>(type: T, match: (f: Extract<CustomerServerFrame, { type: T }>) => boolean = () => true, from = 0, timeoutMs = 5000): Promise<Extract<CustomerServerFrame, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.frames.slice(from).find((f) => f.type === type && match(f as never));
      if (hit) return hit as never;
      if (this.closed) throw new Error(`socket closed (${this.closed.code}) before a ${type} frame: ${JSON.stringify(this.frames.slice(-3))}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${type}: ${JSON.stringify(this.frames.slice(-3))}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Sends and waits for the next frame of `type` after it. */
  async request<T extends CustomerServerFrame['type']>(frame: unknown, type: T, match?: (f: Extract<CustomerServerFrame, { type: T }>) => boolean) {
    const from = this.frames.length;
    this.send(frame);
    return this.next(type, match, from);
  }

  async start(name = 'Raw'): Promise<Extract<CustomerServerFrame, { type: 'joined' }>> {
    return this.request({ type: 'start', name }, 'joined');
  }

  async whenClosed(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    if (!this.closed) throw new Error('socket did not close');
    return this.closed;
  }

  close(): void {
    this.ws.close();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}
