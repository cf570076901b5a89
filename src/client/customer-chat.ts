/**
 * CustomerChatClient: the customer side of a web chat, from Node (the
 * `agent-console customer chat` command, the demo's bots, tests). Speaks the
 * `/customer` protocol (docs/webchat.md): starts a chat, sends lines through
 * an outbox keyed by clientId (re-sent after a reconnect, de-duplicated by
 * the server), resumes with its token and last message id after a drop
 * (exponential backoff with jitter), and reports everything to subscribers.
 */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { messageOrdinal, type CustomerMessage, type CustomerServerFrame, type EndReason } from '../protocol/customer-chat.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { CustomerChatError, customerUrl, type CustomerChatEvent, type CustomerChatOptions } from './customer-chat-types.js';

export { CustomerChatError, customerUrl, type CustomerChatEvent, type CustomerChatOptions } from './customer-chat-types.js';

interface Outgoing {
  clientId: string;
  text: string;
  resolve(messageId: string): void;
  reject(e: CustomerChatError): void;
  retry?: NodeJS.Timeout;
}

export class CustomerChatClient {
  readonly messages: CustomerMessage[] = [];
  conversationId?: string;
  token?: string;
  position?: number;
  agentName?: string;
  ended?: EndReason;
  private readonly url: string;
  private readonly backoff: BackoffOptions;
  private readonly listeners = new Set<(e: CustomerChatEvent) => void>();
  private readonly outbox = new Map<string, Outgoing>();
  private readonly seen = new Set<string>();
  private ws?: WebSocket;
  private online = false;
  private stopped = false;
  private attempt = 0;
  private heartbeatMs = 30_000;
  private timer?: NodeJS.Timeout;
  private watchdog?: NodeJS.Timeout;
  private starting?: { resolve(v: { conversationId: string }): void; reject(e: Error): void };

  constructor(private readonly options: CustomerChatOptions) {
    this.url = customerUrl(options.url);
    this.backoff = { baseMs: 250, maxMs: 10_000, ...options.backoff };
  }

  /** Connects and starts the chat; resolves on `joined`, rejects if the server refuses or cannot be reached. */
  start(): Promise<{ conversationId: string }> {
    return new Promise((resolve, reject) => {
      this.starting = { resolve, reject };
      this.open();
    });
  }

  /** Connected and in a chat (started or resumed): a line sent now goes out at once. */
  get connected(): boolean {
    return this.online;
  }

  subscribe(listener: (e: CustomerChatEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends a line: resolves with its message id once the server has it (after reconnects if need be). */
  send(text: string): Promise<string> {
    if (this.ended) return Promise.reject(new CustomerChatError('CHAT_ENDED', 'The chat has ended.'));
    return new Promise((resolve, reject) => {
      const item: Outgoing = { clientId: randomUUID(), text, resolve, reject };
      this.outbox.set(item.clientId, item);
      this.transmit(item);
    });
  }

  /** Best effort, like the page: dropped while offline. */
  typing(typing: boolean): void {
    if (this.online) this.raw({ type: 'typing', typing });
  }

  /** Ends the chat on the customer's side; resolves with the end reason. */
  leave(): Promise<EndReason> {
    if (this.ended) return Promise.resolve(this.ended);
    return new Promise((resolve) => {
      const off = this.subscribe((e) => {
        if (e.type !== 'ended' && !(e.type === 'connection' && e.state === 'closed')) return;
        off();
        resolve(this.ended ?? 'left');
      });
      if (this.online) this.raw({ type: 'leave' });
      else this.pendingLeave = true;
    });
  }
  private pendingLeave = false;

  /** Resolves with the first event matching, or rejects after the timeout. */
  waitFor<T extends CustomerChatEvent>(match: (e: CustomerChatEvent) => e is T, timeoutMs?: number): Promise<T>;
  waitFor(match: (e: CustomerChatEvent) => boolean, timeoutMs?: number): Promise<CustomerChatEvent>;
  waitFor(match: (e: CustomerChatEvent) => boolean, timeoutMs = 10_000): Promise<CustomerChatEvent> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        off();
        reject(new Error('timed out waiting for a customer chat event'));
      }, timeoutMs);
      const off = this.subscribe((e) => {
        if (!match(e)) return;
        clearTimeout(t);
        off();
        resolve(e);
      });
    });
  }

  /** Closes for good (no reconnect). Unsent lines fail. */
  close(reason = 'closed by the client'): void {
    if (this.stopped) return;
    this.stopped = true;
    this.online = false;
    clearTimeout(this.timer);
    clearTimeout(this.watchdog);
    this.ws?.close(1000, reason);
    for (const o of this.outbox.values()) {
      clearTimeout(o.retry);
      o.reject(new CustomerChatError('CLOSED', `Not sent: ${reason}.`));
    }
    this.outbox.clear();
    this.starting?.reject(new CustomerChatError('CLOSED', reason));
    this.starting = undefined;
    this.emit({ type: 'connection', state: 'closed', reason });
  }

  /** For tests: drops the socket as a network failure would (the client reconnects). */
  dropConnection(): void {
    this.ws?.terminate();
  }

  private open(): void {
    if (this.stopped) return;
    const ws = new WebSocket(this.url, { maxPayload: 1024 * 1024, ...this.options.wsOptions });
    this.ws = ws;
    ws.on('open', () => {
      this.armWatchdog();
      if (this.token) this.raw({ type: 'resume', token: this.token, lastMessageId: this.messages.at(-1)?.id });
      else {
        const { name, email, account, caseNumber, queue } = this.options;
        this.raw({ type: 'start', name, email, account, caseNumber, queue });
      }
    });
    ws.on('ping', () => this.armWatchdog());
    ws.on('message', (data) => {
      if (ws !== this.ws) return;
      this.armWatchdog();
      let frame: CustomerServerFrame;
      try {
        frame = JSON.parse(data.toString()) as CustomerServerFrame;
      } catch {
        return;
      }
      if (frame && typeof frame.type === 'string') this.receive(frame);
    });
    ws.on('close', (code, reason) => {
      if (ws !== this.ws) return;
      this.lost(reason.toString() || `connection closed (${code})`);
    });
    ws.on('error', () => {
      /* 'close' follows */
    });
  }

  private receive(f: CustomerServerFrame): void {
    switch (f.type) {
      case 'joined':
        Object.assign(this, { conversationId: f.conversationId, token: f.token, heartbeatMs: f.heartbeatMs });
        this.becameOnline();
        this.starting?.resolve({ conversationId: f.conversationId });
        this.starting = undefined;
        break;
      case 'resumed':
        this.heartbeatMs = f.heartbeatMs;
        if (f.agentName) this.agentName = f.agentName;
        this.becameOnline();
        break;
      case 'position':
        this.position = f.position;
        break;
      case 'agent_joined':
        this.agentName = f.displayName;
        this.position = undefined;
        break;
      case 'transferred':
        this.agentName = undefined;
        break;
      case 'message':
        if (this.seen.has(f.message.id)) return; // a replay of a line we already have
        this.seen.add(f.message.id);
        this.insert(f.message);
        break;
      case 'ack':
        this.delivered(f.clientId, f.messageId);
        break;
      case 'ended':
        this.ended = f.reason;
        for (const o of this.outbox.values()) o.reject(new CustomerChatError('CHAT_ENDED', 'The chat has ended.'));
        this.outbox.clear();
        break;
      case 'error':
        if (this.failed(f)) return;
        break;
      case 'typing':
      case 'pong':
        // Nothing to keep: listeners hear them.
        break;
    }
    this.emit(f);
    if (f.type === 'ended') this.close('the chat has ended');
  }

  /** Handles an error; returns true when it was absorbed (a retry), so nobody needs to hear of it. */
  private failed(f: Extract<CustomerServerFrame, { type: 'error' }>): boolean {
    const item = f.clientId ? this.outbox.get(f.clientId) : undefined;
    // Not recorded yet (too fast, or the server cannot save for a moment): the line stays in the outbox and goes again.
    if (item && (f.code === 'RATE_LIMITED' || f.code === 'STORE_UNAVAILABLE')) {
      item.retry = setTimeout(() => this.transmit(item), Math.max(50, f.retryAfterMs ?? 500));
      return true;
    }
    if (item) {
      this.outbox.delete(item.clientId);
      item.reject(new CustomerChatError(f.code, f.message));
    }
    if (this.starting && !this.token) {
      this.starting.reject(new CustomerChatError(f.code, f.message));
      this.starting = undefined;
      this.stopped = true;
      this.ws?.close(1000);
    }
    if (f.code === 'UNKNOWN_TOKEN') {
      this.ended = 'abandoned';
      setImmediate(() => this.close('the chat is no longer known to the server'));
    }
    return false;
  }

  private becameOnline(): void {
    this.online = true;
    this.attempt = 0;
    this.emit({ type: 'connection', state: 'online' });
    for (const item of this.outbox.values()) this.transmit(item);
    if (this.pendingLeave) this.raw({ type: 'leave' });
  }

  private transmit(item: Outgoing): void {
    clearTimeout(item.retry);
    if (this.online) this.raw({ type: 'message', text: item.text, clientId: item.clientId });
  }

  private delivered(clientId: string, messageId: string): void {
    const item = this.outbox.get(clientId);
    if (!item) return;
    this.outbox.delete(clientId);
    item.resolve(messageId);
  }

  /** Keeps lines in id order (replays may interleave with live lines). */
  private insert(m: CustomerMessage): void {
    const n = messageOrdinal(m.id);
    let at = this.messages.length;
    while (at > 0 && messageOrdinal(this.messages[at - 1]!.id) > n) at--;
    this.messages.splice(at, 0, m);
  }

  private lost(reason: string): void {
    this.online = false;
    clearTimeout(this.watchdog);
    if (this.stopped || this.ended) return;
    if (!this.token) {
      // Never joined: the server is unreachable or refused us; say so instead of retrying forever.
      this.stopped = true;
      this.starting?.reject(new CustomerChatError('CLOSED', `cannot start a chat at ${this.url}: ${reason}`));
      this.starting = undefined;
      return;
    }
    const delay = backoffDelay(this.attempt++, this.backoff);
    this.emit({ type: 'connection', state: 'reconnecting', reason });
    this.timer = setTimeout(() => this.open(), delay);
  }

  /** Server pings every heartbeatMs; silence for 2.5 intervals means the connection is dead. */
  private armWatchdog(): void {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => this.ws?.terminate(), this.heartbeatMs * 2.5);
    this.watchdog.unref?.();
  }

  private raw(frame: Record<string, unknown>): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private emit(e: CustomerChatEvent): void {
    for (const l of [...this.listeners]) l(e);
  }
}
