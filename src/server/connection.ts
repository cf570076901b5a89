/**
 * One WebSocket connection: `hello` first (within 3 s), then `login` or
 * `resume`, then commands. Every frame is validated; a bad frame gets a
 * typed error and the connection lives on — unless the client keeps sending
 * garbage, then it is closed with a reason. Nothing a client sends can
 * crash the server.
 */
import type { IncomingMessage } from 'node:http';
import type WebSocket from 'ws';
import { CLIENT_MESSAGES, EnvelopeSchema, isClientMessageType } from '../protocol/client-messages.js';
import {
  CLOSE,
  LIMITS,
  PROTOCOL_MAJOR,
  PROTOCOL_VERSION,
  type ClientData,
  type ClientMessageType,
  type ServerEnvelope,
  type ServerMessages,
  type ServerMessageType,
  type WireError,
} from '../protocol/index.js';
import { isWireCommand, WIRE_COMMANDS } from './commands/index.js';
import { isWireQuery, WIRE_QUERIES } from './queries.js';
import type { ServerContext } from './context.js';
import type { Session } from './session.js';
import { storeUnavailable } from './store-health.js';
import { tokenKey } from './tokens.js';
import { hasPermission, PERMISSION_LABELS } from '../engine/index.js';

/** Bad frames tolerated per minute before the client is considered abusive. */
const MAX_BAD_FRAMES = 20;

export class Connection {
  private helloed = false;
  private session?: Session;
  private badFrames: number[] = [];
  private helloTimer: NodeJS.Timeout;
  lastSeen = Date.now();
  private readonly address: string;

  constructor(
    private readonly ws: WebSocket,
    request: IncomingMessage,
    private readonly ctx: ServerContext,
  ) {
    this.address = request.socket.remoteAddress ?? 'unknown';
    this.helloTimer = setTimeout(() => this.close(CLOSE.helloTimeout, `no hello within ${ctx.options.helloTimeoutMs} ms`), ctx.options.helloTimeoutMs);
    ws.on('message', (data, isBinary) => this.onFrame(data as Buffer, isBinary));
    ws.on('close', () => this.onClose());
    ws.on('error', (e) => ctx.log('debug', 'socket error', { error: e.message, address: this.address }));
  }

  get agentId(): string | undefined {
    return this.session?.agentId;
  }

  send<T extends ServerMessageType>(type: T, data: ServerMessages[T], replyTo?: string): ServerEnvelope<T> {
    const envelope: ServerEnvelope<T> = { v: PROTOCOL_MAJOR, type, ts: Date.now(), data, ...(replyTo ? { replyTo } : {}) };
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(envelope));
    return envelope;
  }

  /** Tells the client why, then closes. */
  close(code: number, reason: string): void {
    this.send('closing', { reason, code });
    this.ws.close(code, reason.slice(0, 120));
  }

  /**
   * A silent peer will not answer a closing handshake either: drop the socket
   * now, so the grace period for the agent's work starts at once rather than
   * after ws's 30 s close timeout.
   */
  drop(reason: string): void {
    this.send('closing', { reason, code: CLOSE.heartbeat });
    this.ws.terminate();
  }

  /** The session was taken over by another connection: detach without telling the engine. */
  detach(): void {
    this.session = undefined;
  }

  private onFrame(data: Buffer, isBinary: boolean): void {
    this.lastSeen = Date.now();
    try {
      if (isBinary) return this.bad({ code: 'BINARY', message: 'Binary frames are not part of the protocol: send JSON text.' });
      if (data.length > LIMITS.maxFrameBytes)
        return this.bad({ code: 'TOO_LARGE', message: `Frames are limited to ${LIMITS.maxFrameBytes} bytes.` });
      let json: unknown;
      try {
        json = JSON.parse(data.toString('utf8'));
      } catch {
        return this.bad({ code: 'NOT_JSON', message: 'The frame is not valid JSON.' });
      }
      const envelope = EnvelopeSchema.safeParse(json);
      if (!envelope.success) {
        const issue = envelope.error.issues[0]!;
        const field = issue.path.join('.') || '(frame)';
        const code = field === 'v' ? 'VERSION_MISMATCH' : 'BAD_FRAME';
        this.bad({ code, message: `${field}: ${issue.message}`, field }, (json as { id?: string })?.id);
        // A peer of another major version that has not said hello yet is refused, not left to time out.
        if (code === 'VERSION_MISMATCH' && !this.helloed) this.close(CLOSE.versionMismatch, 'protocol version mismatch');
        return;
      }
      const { type, id } = envelope.data;
      if (!isClientMessageType(type)) return this.bad({ code: 'UNKNOWN_TYPE', message: `Unknown message type "${type}".` }, id);
      const parsed = CLIENT_MESSAGES[type].safeParse(envelope.data.data ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = ['data', ...issue.path].join('.');
        return this.bad({ code: 'BAD_FRAME', message: `${field}: ${issue.message}`, field }, id);
      }
      this.dispatch(type, id, parsed.data as ClientData<typeof type>).catch((e: unknown) => this.failed(e, id));
    } catch (e) {
      this.failed(e);
    }
  }

  private failed(e: unknown, replyTo?: string): void {
    // Refused because the store cannot be written: typed, and logged once by the server, not per command.
    const unavailable = storeUnavailable(e);
    if (unavailable) return void this.send('error', unavailable, replyTo);
    this.ctx.log('error', 'frame handling failed', { error: (e as Error)?.stack ?? String(e) });
    this.send('error', { code: 'SERVER_ERROR', message: 'The server could not handle this frame.' }, replyTo);
  }

  private async dispatch<T extends ClientMessageType>(type: T, id: string, data: ClientData<T>): Promise<void> {
    if (type === 'ping') return void this.send('pong', {});
    if (type === 'pong') return;
    if (type === 'hello') return this.hello(id, data as ClientData<'hello'>);
    if (!this.helloed) return this.reply(id, { code: 'HELLO_REQUIRED', message: 'Send hello first.' });
    if (type === 'login') return this.login(id, data as ClientData<'login'>);
    if (type === 'resume') return this.resume(id, data as ClientData<'resume'>);
    const session = this.session;
    if (!session) return this.reply(id, { code: 'NOT_AUTHENTICATED', message: 'Log in first.' });
    const previous = session.replyTo(id);
    if (previous) return void (this.ws.readyState === this.ws.OPEN && this.ws.send(JSON.stringify(previous)));
    const wait = session.bucket.take();
    if (wait > 0)
      return this.reply(id, { code: 'RATE_LIMITED', message: 'Too many commands: slow down.', retryAfterMs: wait });
    if (type === 'logout') return this.logout(session, id);
    if (type === 'typing') {
      const error = this.ctx.typing.fromAgent(session.agentId, data as ClientData<'typing'>);
      return error ? this.reply(id, error) : void this.send('ack', {}, id);
    }
    if (isWireQuery(type)) {
      const answer = WIRE_QUERIES[type](this.ctx.engine, session.agentId, data as never);
      return void (answer.ok ? this.send('ack', { result: answer.result }, id) : this.reply(id, answer.error));
    }
    if (!isWireCommand(type)) return this.reply(id, { code: 'UNKNOWN_TYPE', message: `"${type}" is not a command.` });
    const rule = WIRE_COMMANDS[type];
    const agent = this.ctx.engine.tenant.agents.get(session.agentId)!;
    let reply: ServerEnvelope;
    if (rule.permission && !hasPermission(agent, rule.permission)) {
      reply = this.send('error', { code: 'NOT_PERMITTED', message: `You do not have the permission to ${PERMISSION_LABELS[rule.permission]}.` }, id);
    } else {
      // The id is kept with the events, so a resend acts once even if this server restarted meanwhile
      // (or arrives while the first is still waiting for its group commit). Acknowledged once durable:
      // the command's events have been fanned out by then.
      const result = await this.ctx.engine.executeDurable((rule.toEngine as (a: string, d: unknown) => never)(session.agentId, data), {
        commandId: `${session.agentId}:${id}`,
      });
      reply = result.ok ? this.send('ack', { result: result.value }, id) : this.send('error', result.error, id);
    }
    session.rememberReply(id, reply);
  }

  private hello(id: string, data: ClientData<'hello'>): void {
    const major = Number(data.protocol.split('.')[0]);
    if (major !== PROTOCOL_MAJOR) {
      this.reply(id, {
        code: 'VERSION_MISMATCH',
        message: `This server speaks protocol ${PROTOCOL_VERSION}; the client speaks ${data.protocol}. Use a console of the same major version.`,
      });
      return this.close(CLOSE.versionMismatch, 'protocol version mismatch');
    }
    clearTimeout(this.helloTimer);
    this.helloed = true;
    this.send('welcome', { protocol: PROTOCOL_VERSION, server: this.ctx.serverName, epoch: this.ctx.epoch, heartbeatMs: this.ctx.options.heartbeatMs }, id);
  }

  private async login(id: string, data: ClientData<'login'>): Promise<void> {
    if (this.session) return this.alreadyIn(id);
    const keys = [`agent:${data.agent}`, `addr:${this.address}`];
    const wait = this.ctx.throttle.retryAfter(keys);
    if (wait > 0)
      return this.reply(id, { code: 'LOCKED_OUT', message: `Too many failed logins: try again in ${Math.ceil(wait / 1000)} s.`, retryAfterMs: wait });
    const ok = await this.ctx.verify(data.agent, data.password);
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (this.session) return this.alreadyIn(id);
    if (!ok) {
      this.ctx.throttle.failure(keys);
      this.ctx.log('warn', 'login failed', { agent: data.agent, address: this.address });
      return this.reply(id, { code: 'AUTH_FAILED', message: 'Unknown agent or wrong password.' });
    }
    this.ctx.throttle.success(keys);
    const kind = data.kind ?? 'primary';
    const session = this.ctx.sessions.open(data.agent, this, kind);
    if (!session) return this.reply(id, { code: 'INVALID_STATE', message: `${data.agent} has too many secondary sessions open: close some first.` });
    if (kind === 'secondary') {
      // A script beside the console logs nobody in and is not recorded: it ends with its socket.
      this.attach(session, id, false);
    } else {
      // The token goes out once its key is durable: from then on it survives a server restart.
      const result = await this.ctx.engine
        .executeDurable({ type: 'login', agentId: data.agent, sessionKey: tokenKey(session.token) })
        .catch((e: unknown) => {
          this.ctx.sessions.end(session); // not logged in: the reply says why (STORE_UNAVAILABLE)
          throw e;
        });
      if (!result.ok) this.ctx.log('error', 'engine refused a verified login', { agent: data.agent, error: result.error.message });
      if (this.ctx.sessions.byAgent(data.agent) !== session) return; // taken over meanwhile
      if (this.ws.readyState !== this.ws.OPEN) return this.reportLost(data.agent); // gone meanwhile: the grace period starts
      this.attach(session, id, false);
      // What the login caused was numbered while it became durable: it follows the reply, then the snapshot.
      for (const text of session.since(0) ?? []) this.ws.send(text);
    }
    this.ctx.sendSnapshot(session);
    this.ctx.log('info', 'login', { agent: data.agent, address: this.address, kind });
  }

  private async resume(id: string, data: ClientData<'resume'>): Promise<void> {
    if (this.session) return this.alreadyIn(id);
    const session = this.ctx.sessions.byToken(data.token);
    if (!session) return this.reply(id, { code: 'SESSION_UNKNOWN', message: 'This session is no longer known: log in again.' });
    this.ctx.sessions.adopt(session, this);
    const missed = data.epoch === this.ctx.epoch ? session.since(data.lastSeq) : undefined;
    this.attach(session, id, missed !== undefined);
    // Replay (or snapshot) first: events the restored connection causes (e.g. a new offer) must follow, in seq order.
    if (missed) for (const text of missed) this.ws.send(text);
    else this.ctx.sendSnapshot(session);
    // While the store is unavailable this cannot be recorded: the server does it once the store is back.
    if (session.kind === 'primary')
      await this.ctx.engine.executeDurable({ type: 'connection_restored', agentId: session.agentId }).catch((e: unknown) => {
        if (!storeUnavailable(e)) throw e;
      });
  }

  /** One session per connection: a second login/resume would close or mix sessions on this socket. */
  private alreadyIn(id: string): void {
    this.reply(id, { code: 'INVALID_STATE', message: 'This connection is already logged in: log out, or open a new connection.' });
  }

  private attach(session: Session, id: string, resumed: boolean): void {
    this.session = session;
    session.socket = this.ws;
    session.congested = false;
    this.send('session', { token: session.token, agentId: session.agentId, epoch: this.ctx.epoch, resumed, kind: session.kind }, id);
  }

  /** The console's logout logs the agent out; a secondary session's only ends that session. */
  private async logout(session: Session, id: string): Promise<void> {
    if (session.kind === 'primary') {
      const result = await this.ctx.engine.executeDurable({ type: 'logout', agentId: session.agentId });
      if (!result.ok) return this.reply(id, result.error);
    }
    this.send('ack', {}, id);
    this.ctx.sessions.end(session);
    this.session = undefined;
    this.close(CLOSE.loggedOut, 'logged out');
  }

  private reply(id: string, error: WireError): void {
    this.send('error', error, id);
  }

  /** A bad frame: typed error; too many of them and the client is cut off. */
  private bad(error: WireError, replyTo?: string): void {
    const now = Date.now();
    this.badFrames = this.badFrames.filter((t) => now - t < 60_000);
    this.badFrames.push(now);
    this.send('error', error, typeof replyTo === 'string' && replyTo.length <= 64 ? replyTo : undefined);
    if (this.badFrames.length > MAX_BAD_FRAMES) {
      this.ctx.log('warn', 'closing abusive connection', { address: this.address, agent: this.agentId });
      this.close(CLOSE.abusive, 'too many invalid frames');
    }
  }

  private onClose(): void {
    clearTimeout(this.helloTimer);
    const session = this.session;
    if (!session || session.socket !== this.ws) return;
    session.socket = undefined;
    // A script's connection going away changes nothing for the agent: its session simply ends.
    if (session.kind === 'secondary') return this.ctx.sessions.end(session);
    this.reportLost(session.agentId);
  }

  private reportLost(agentId: string): void {
    this.ctx.engine
      .executeDurable({ type: 'connection_lost', agentId })
      .catch((e: unknown) => storeUnavailable(e) || this.ctx.log('error', 'connection_lost failed', { agent: agentId, error: (e as Error)?.message ?? String(e) }));
  }
}
