/**
 * One customer WebSocket on `/customer`: every frame validated, typed
 * errors, a per-chat message bucket (a flooding customer slows down alone),
 * and a bad-frame budget after which the socket is closed. The customer is
 * anonymous: the only secret is the resume token handed out by `joined`.
 */
import type WebSocket from 'ws';
import { MAX_CHAT_MESSAGE, type Command, type CommandOutcome, type Engine, type Result } from '../../../engine/index.js';
import {
  CUSTOMER_FRAMES,
  CUSTOMER_MAX_BAD_FRAMES,
  isCustomerFrameType,
  type CustomerErrorCode,
  type CustomerFrame,
  type CustomerFrameType,
  type CustomerServerFrame,
} from '../../../protocol/customer-chat.js';
import { CLOSE } from '../../../protocol/index.js';
import type { TokenBucket } from '../../rate-limit.js';
import type { TypingRelay } from '../../typing.js';
import { storeUnavailable } from '../../store-health.js';
import { newToken, tokenKey } from '../../tokens.js';
import type { Chat, ChatPeer, Chats } from './chats.js';

export interface SocketDeps {
  engine: Engine;
  chats: Chats;
  typing: TypingRelay;
  heartbeatMs: number;
  /** Per remote address: a crowd of new chats from one place is slowed down. */
  startBucket(): TokenBucket;
  log(level: 'debug' | 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>): void;
}

type ErrorExtra = { clientId?: string; field?: string; retryAfterMs?: number };

export class CustomerSocket implements ChatPeer {
  private chat?: Chat;
  private badFrames: number[] = [];
  alive = true;

  constructor(
    private readonly ws: WebSocket,
    private readonly deps: SocketDeps,
  ) {
    ws.on('message', (data, isBinary) => this.onFrame(data as Buffer, isBinary));
    ws.on('pong', () => (this.alive = true));
    ws.on('close', () => {
      const chat = this.chat;
      if (chat) deps.chats.detach(chat, this);
    });
    ws.on('error', (e) => deps.log('debug', 'customer socket error', { error: e.message }));
  }

  send(frame: CustomerServerFrame): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(frame));
  }

  takenOver(): void {
    this.chat = undefined; // the chat belongs to the new connection now: closing this one must not detach it
    this.ws.close(CLOSE.takenOver, 'resumed on another connection');
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  /** Heartbeat: a socket that did not answer the last ping is dead. */
  ping(): void {
    if (!this.alive) return void this.ws.terminate();
    this.alive = false;
    this.ws.ping();
  }

  private onFrame(data: Buffer, isBinary: boolean): void {
    this.alive = true;
    try {
      if (isBinary) return this.bad('BINARY', 'Binary frames are not part of the protocol: send JSON text.');
      let json: unknown;
      try {
        json = JSON.parse(data.toString('utf8'));
      } catch {
        return this.bad('NOT_JSON', 'The frame is not valid JSON.');
      }
      if (!json || typeof json !== 'object' || Array.isArray(json)) return this.bad('BAD_FRAME', 'A frame is a JSON object with a "type".', { field: 'type' });
      const { type, ...rest } = json as Record<string, unknown>;
      if (!isCustomerFrameType(type)) return this.bad('UNKNOWN_TYPE', `Unknown frame type ${JSON.stringify(String(type)).slice(0, 40)}.`);
      const parsed = CUSTOMER_FRAMES[type].safeParse(rest);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = issue.path.join('.') || type;
        const clientId = typeof rest.clientId === 'string' && rest.clientId.length <= 64 ? rest.clientId : undefined;
        return this.bad('BAD_FRAME', `${field}: ${issue.message}`, { field, clientId });
      }
      this.dispatch({ type, ...parsed.data } as CustomerFrame);
    } catch (e) {
      this.deps.log('error', 'customer frame failed', { error: (e as Error)?.stack ?? String(e) });
      this.error('SERVER_ERROR', 'The server could not handle this frame.');
    }
  }

  private dispatch(f: CustomerFrame): void {
    const type: CustomerFrameType = f.type;
    if (type === 'ping') return this.send({ type: 'pong' });
    if (type === 'start') return this.start(f as CustomerFrame<'start'>);
    if (type === 'resume') return this.resume(f as CustomerFrame<'resume'>);
    const chat = this.chat;
    if (!chat) return this.error('NOT_STARTED', 'Start or resume a chat first.');
    if (type === 'message') return this.message(chat, f as CustomerFrame<'message'>);
    if (type === 'typing') {
      if (chat.state === 'active' && chat.typing.take() === 0) this.deps.typing.fromCustomer(chat.conversationId, (f as CustomerFrame<'typing'>).typing);
      return;
    }
    if (type === 'leave') return this.leave(chat);
  }

  private start(f: CustomerFrame<'start'>): void {
    if (this.chat) return this.error('ALREADY_STARTED', 'This connection already has a chat: open a new connection for another.');
    const wait = this.deps.startBucket().take();
    if (wait > 0) return this.error('RATE_LIMITED', 'Too many new chats from your address: try again shortly.', { retryAfterMs: wait });
    const { engine } = this.deps;
    const queue = f.queue ? engine.tenant.queues.get(f.queue) : engine.tenant.config.queues.find((q) => q.media === 'chat');
    if (!queue || queue.media !== 'chat') return this.error('NO_QUEUE', f.queue ? `There is no chat queue "${f.queue}".` : 'This center has no chat queue.', { field: 'queue' });
    const customer = {
      name: f.name,
      ...(f.email ? { email: f.email } : {}),
      ...(f.account ? { account: f.account } : {}),
      ...(f.caseNumber ? { caseNumber: f.caseNumber } : {}),
    };
    // The token goes to the customer only; the engine's log and our memory keep its hash.
    const token = newToken();
    const resumeKey = tokenKey(token);
    const result = this.execute({ type: 'arrive', queueId: queue.id, customer, resumeKey });
    if (!result) return;
    if (!result.ok || !result.value.interactionId) return this.error('SERVER_ERROR', result.ok ? 'The chat could not be opened.' : result.error.message);
    // Send `joined` before anything the new chat triggers (position, agent_joined).
    const pending: CustomerServerFrame[] = [];
    const buffer: ChatPeer = { send: (fr) => pending.push(fr), takenOver: () => {} };
    const chat = this.deps.chats.create(result.value.interactionId, queue.id, buffer, resumeKey);
    this.chat = chat;
    chat.peer = this;
    this.send({ type: 'joined', conversationId: chat.conversationId, token, queue: { id: queue.id, name: queue.name }, heartbeatMs: this.deps.heartbeatMs });
    for (const fr of pending) this.send(fr);
  }

  private resume(f: CustomerFrame<'resume'>): void {
    const chat = this.deps.chats.resumable(f.token);
    if (!chat) return this.bad('UNKNOWN_TOKEN', 'This chat is no longer known: start a new one.');
    if (this.chat && this.chat !== chat) return this.error('ALREADY_STARTED', 'This connection already has another chat.');
    this.chat = chat;
    this.deps.chats.attach(chat, this);
    const queue = this.deps.engine.tenant.queues.get(chat.queueId);
    this.send({
      type: 'resumed',
      conversationId: chat.conversationId,
      state: chat.state,
      queue: { id: chat.queueId, name: queue?.name ?? chat.queueId },
      ...(chat.agentName ? { agentName: chat.agentName } : {}),
      heartbeatMs: this.deps.heartbeatMs,
    });
    for (const message of this.deps.chats.missed(chat, f.lastMessageId)) this.send({ type: 'message', message });
    if (chat.state === 'waiting' && chat.position !== undefined) this.send({ type: 'position', position: chat.position });
    if (chat.state === 'ended') this.send({ type: 'ended', reason: chat.endReason ?? 'left' });
  }

  /**
   * A line is recorded once per clientId, for good: the id goes with the command (its receipt is
   * kept with the line in the log), so a resend — after a reconnect, or a server restart — is
   * acknowledged with the first message id and never recorded twice, even once the chat has ended.
   */
  private message(chat: Chat, f: CustomerFrame<'message'>): void {
    const { clientId, text } = f;
    if (text.trim() === '') return this.error('EMPTY', 'The message is empty.', { clientId, field: 'text' });
    if (text.length > MAX_CHAT_MESSAGE)
      return this.error('TOO_LONG', `A message is at most ${MAX_CHAT_MESSAGE} characters (this one has ${text.length}).`, { clientId, field: 'text' });
    const wait = chat.messages.take();
    if (wait > 0) return this.error('RATE_LIMITED', 'You are sending messages too fast: slow down.', { clientId, retryAfterMs: wait });
    const result = this.execute(
      { type: 'customer_chat', conversationId: chat.conversationId, text, clientId },
      { commandId: `webchat:${chat.conversationId}:${clientId}` },
      { clientId },
    );
    if (!result) return;
    if (!result.ok) {
      const ended = result.error.code === 'NOT_FOUND' || result.error.code === 'INVALID_STATE';
      return this.error(ended ? 'CHAT_ENDED' : 'SERVER_ERROR', ended ? 'This chat has ended: your message was not sent.' : result.error.message, { clientId });
    }
    if (!result.value.messageId) return this.error('SERVER_ERROR', 'The message was not recorded.', { clientId });
    this.send({ type: 'ack', clientId, messageId: result.value.messageId });
  }

  /** Runs an engine command; while the store cannot be written, answers STORE_UNAVAILABLE (nothing was done) and returns undefined. */
  private execute(command: Command, options: { commandId?: string } = {}, extra: ErrorExtra = {}): Result<CommandOutcome> | undefined {
    try {
      return this.deps.engine.execute(command, options);
    } catch (e) {
      const unavailable = storeUnavailable(e);
      if (!unavailable) throw e;
      this.error('STORE_UNAVAILABLE', unavailable.message, { ...extra, retryAfterMs: unavailable.retryAfterMs });
      return undefined;
    }
  }

  private leave(chat: Chat): void {
    if (chat.state === 'ended') return this.send({ type: 'ended', reason: chat.endReason ?? 'left' });
    chat.pendingEnd = 'left';
    this.deps.chats.endCustomerSide(chat);
  }

  private error(code: CustomerErrorCode, message: string, extra: ErrorExtra = {}): void {
    this.send({ type: 'error', code, message, ...extra });
  }

  /** Garbage costs the sender: past the budget the socket is closed (4003). */
  private bad(code: CustomerErrorCode, message: string, extra: ErrorExtra = {}): void {
    const now = Date.now();
    this.badFrames = this.badFrames.filter((t) => now - t < 60_000);
    this.badFrames.push(now);
    this.error(code, message, extra);
    if (this.badFrames.length > CUSTOMER_MAX_BAD_FRAMES) {
      this.deps.log('warn', 'closing abusive customer connection', {});
      this.ws.close(CLOSE.abusive, 'too many invalid frames');
    }
  }
}
