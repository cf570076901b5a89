/**
 * The soak's people, each on a seeded PRNG: agents working through the real
 * `EngineClient` (accepting chats, writing, taking notes, dialling customers
 * on the phone, ending and wrapping up, chatting with colleagues) and web
 * chat customers through the real `CustomerChatClient` (start, lines, leave).
 * Every command whose effect the log can tell apart goes into the ledger.
 * Scripts never wait on the server being up: across a kill their commands
 * sit in the clients' outboxes and are resent after the resume.
 */
import type { EngineClient, CommandResult } from '../../src/client/index.js';
import { CustomerChatClient } from '../../src/client/customer-chat.js';
import type { Effect, Ledger } from './ledger.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Closes a client's socket, deaf to whatever the server still sends on it (an ack on its way is
 * lost); the client reconnects as after any drop. The socket is private: no app drops on purpose.
 */
function hangUpDeaf(client: EngineClient | CustomerChatClient): void {
  const ws = (client as unknown as { ws?: { removeAllListeners(event: string): void; close(): void } }).ws;
  ws?.removeAllListeners('message');
  ws?.close();
}

/** Unique texts and phone numbers across every actor of a run. */
export class Names {
  private n = 0;
  next(prefix: string): string {
    return `${prefix}#${++this.n}`;
  }
  /** A North American number no other dial of the run uses (the simulated switch answers it). */
  number(): string {
    const n = ++this.n;
    return `+1${200 + (n % 700)}${2_000_000 + n}`;
  }
}

abstract class Actor {
  private running = true;
  private done?: Promise<void>;

  constructor(
    protected readonly rnd: () => number,
    protected readonly ledger: Ledger,
    protected readonly names: Names,
  ) {}

  start(): void {
    this.done = (async () => {
      while (this.running) {
        await this.step();
        await sleep(this.between(20, 200));
      }
    })();
  }

  /** Stops after the current step (its commands answered). */
  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }

  protected abstract step(): Promise<void>;

  protected between(min: number, max: number): number {
    return min + this.rnd() * (max - min);
  }

  protected pick<T>(list: readonly T[]): T | undefined {
    return list.length ? list[Math.floor(this.rnd() * list.length)] : undefined;
  }
}

export class SoakAgent extends Actor {
  constructor(
    readonly id: string,
    readonly client: EngineClient,
    private readonly colleagues: readonly string[],
    rnd: () => number,
    ledger: Ledger,
    names: Names,
  ) {
    super(rnd, ledger, names);
  }

  /** Sends a command and records its effect (if it has one the log can tell apart) with its answer. */
  private async track(result: Promise<CommandResult>, effect?: (r: CommandResult) => Effect | undefined): Promise<CommandResult> {
    const r = await result;
    const f = effect?.(r);
    if (f) this.ledger.record(f, r.ok);
    return r;
  }

  protected async step(): Promise<void> {
    const c = this.client;
    const v = c.getView();
    if (v.connection.state !== 'online' || !v.self) return;
    const r = this.rnd();
    if (v.offer) {
      const id = v.offer.id;
      await this.track(c.accept(id), () => ({ kind: 'accepted', interactionId: id, agentId: this.id }));
      return;
    }
    const w = this.pick(v.work);
    if (w) {
      if (w.phase === 'wrapup') return this.wrapUp(w.id, w.codeLists);
      if (w.chat && !w.chat.customerLeft && r < 0.45) {
        const text = this.names.next(`${this.id} to customer`);
        await this.track(c.sendChat(w.id, text), () => ({ kind: 'chat_line', text, from: 'agent' }));
      } else if (r < 0.6) {
        const text = this.names.next(`${this.id} notes`);
        await this.track(c.setNotes(w.id, text), () => ({ kind: 'notes', text }));
      } else if (r < 0.8 && (!w.call || w.call.state === 'connected')) {
        await this.track(c.endInteraction(w.id), () => ({ kind: 'ended_by_agent', interactionId: w.id }));
      }
      return;
    }
    if (v.self.status === 'on_break' || v.self.status === 'working_offline') {
      await c.setStatus('available');
    } else if (r < 0.12) {
      const number = this.names.number();
      await this.track(c.dial(number, 'followup'), () => ({ kind: 'dialed', number }));
    } else if (r < 0.22) {
      const to = this.pick(this.colleagues)!;
      const text = this.names.next(`${this.id} to ${to}`);
      await this.track(c.sendAgentChat(to, text), () => ({ kind: 'agent_chat', text }));
    } else if (r < 0.24) {
      await c.setStatus('on_break');
    }
  }

  private async wrapUp(id: string, codeLists: readonly { mandatory?: boolean; codes: readonly { id: string }[] }[]): Promise<void> {
    const codes = codeLists.filter((l) => l.mandatory).map((l) => this.pick(l.codes)!.id);
    if (codes.length) await this.client.setCodes(id, codes);
    await this.track(this.client.wrapUp(id), () => ({ kind: 'wrapped_up', interactionId: id }));
  }

  /**
   * A command whose answer is lost: sent, then the connection closed at once (the server acts on
   * it, its ack goes nowhere). Killed right after, the server must answer the resend after its
   * restart from the log — with the first result, acting once.
   */
  sendAndDrop(): Promise<CommandResult> {
    const to = this.pick(this.colleagues)!;
    const text = this.names.next(`${this.id} to ${to}, answer lost`);
    const answered = this.track(this.client.sendAgentChat(to, text), () => ({ kind: 'agent_chat', text }));
    hangUpDeaf(this.client);
    return answered;
  }

  /** At the end: no new offers, everything finished (offers taken, work ended and wrapped up), On Break. */
  async drain(deadline: number): Promise<void> {
    const c = this.client;
    while (Date.now() < deadline) {
      const v = c.getView();
      const w = v.work[0];
      if (v.connection.state !== 'online' || !v.self) await sleep(50);
      else if (v.offer) await this.track(c.accept(v.offer.id), () => ({ kind: 'accepted', interactionId: v.offer!.id, agentId: this.id }));
      else if (w?.phase === 'wrapup') await this.wrapUp(w.id, w.codeLists);
      else if (w) await this.track(c.endInteraction(w.id), (r) => (r.ok ? { kind: 'ended_by_agent', interactionId: w.id } : undefined));
      else if (v.self.status === 'available') await c.setStatus('on_break');
      else if (v.self.status !== 'on_break') await c.setAfterWork('on_break');
      else if (v.pending === 0) return;
      else await sleep(50);
    }
    throw new Error(`${this.id} could not finish its work`);
  }
}

/** One after another, customers who start a chat, write a few lines and leave. */
export class SoakCustomers extends Actor {
  readonly finished: { conversationId: string; client: CustomerChatClient }[] = [];
  current?: CustomerChatClient;

  constructor(
    private readonly url: string,
    rnd: () => number,
    ledger: Ledger,
    names: Names,
  ) {
    super(rnd, ledger, names);
  }

  /** The current customer is in a chat and online: a line would reach the server now. */
  get chatting(): boolean {
    const c = this.current;
    return !!c?.conversationId && !c.ended && c.connected;
  }

  /** A line whose ack is lost (as SoakAgent.sendAndDrop). */
  sendAndDrop(): Promise<unknown> | undefined {
    const client = this.current;
    const conversationId = client?.conversationId;
    if (!client || !conversationId || client.ended) return undefined;
    const text = this.names.next(`${conversationId} line, answer lost`);
    const sent = client.send(text).then(
      () => this.ledger.record({ kind: 'chat_line', text, from: 'customer' }, true),
      () => this.ledger.record({ kind: 'chat_line', text, from: 'customer' }, false),
    );
    hangUpDeaf(client);
    return sent;
  }

  protected async step(): Promise<void> {
    const client = new CustomerChatClient({ url: this.url, name: this.names.next('Customer') });
    this.current = client;
    let conversationId: string;
    try {
      ({ conversationId } = await client.start());
    } catch {
      client.close();
      return; // refused (or the server went down before `joined`): nothing was promised
    }
    this.ledger.record({ kind: 'chat_started', conversationId }, true);
    const lines = 1 + Math.floor(this.rnd() * 5);
    for (let k = 0; k < lines && !client.ended; k++) {
      const text = this.names.next(`${conversationId} line`);
      const sent = await client.send(text).then(
        () => true,
        () => false,
      );
      this.ledger.record({ kind: 'chat_line', text, from: 'customer' }, sent);
      await sleep(this.between(50, 600));
    }
    if (!client.ended) await client.leave().catch(() => undefined);
    this.finished.push({ conversationId, client });
    this.current = undefined;
  }
}
