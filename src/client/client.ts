/**
 * EngineClient: one agent's connection to the engine server. Connects,
 * logs in, keeps an immutable AgentView up to date, and survives network
 * trouble: it resumes with its session token and last sequence number
 * (exponential backoff with jitter), and re-sends unacknowledged commands
 * with their original ids, which the server de-duplicates. No React here: a
 * script or a test drives an agent with it.
 */
import WebSocket from 'ws';
import {
  LIMITS,
  PROTOCOL_MAJOR,
  PROTOCOL_VERSION,
  uuidv7,
  VIEW_EVENTS,
  type AnyServerEnvelope,
  type ClientData,
  type ClientMessageType,
  type CustomerInput,
  type NoticePriority,
  type Status,
  type ViewEventEnvelope,
  type WireError,
} from '../protocol/index.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { RECONNECT_BACKOFF, type CommandResult, type EngineClientOptions, type PendingCommand } from './client-options.js';
import { FirstConnect } from './first-connect.js';
import { tlsProblem, type TlsProblem } from './tls-errors.js';
import { EMPTY_VIEW, reduceView, type AgentView } from './view.js';

export { RECONNECT_BACKOFF, type CommandResult, type EngineClientOptions } from './client-options.js';

const VIEW_EVENT_TYPES: ReadonlySet<string> = new Set(VIEW_EVENTS);
/** Errors after which retrying the same credentials cannot help. */
const FATAL_AUTH: ReadonlySet<string> = new Set(['AUTH_FAILED', 'VERSION_MISMATCH', 'LOCKED_OUT']);

export class EngineClient {
  private view: AgentView = EMPTY_VIEW;
  private listeners = new Set<(view: AgentView) => void>();
  private eventListeners = new Set<(event: ViewEventEnvelope) => void>();
  private ws?: WebSocket;
  private token?: string;
  private outbox = new Map<string, PendingCommand>();
  private attempt = 0;
  private reconnectTimer?: NodeJS.Timeout;
  private watchdog?: NodeJS.Timeout;
  private stopped = false;
  private authenticated = false;
  private readonly first: FirstConnect;
  private socketError?: string;
  private tlsError?: TlsProblem;
  private readonly backoff: BackoffOptions;
  private readonly heartbeatMs: number;

  constructor(private readonly options: EngineClientOptions) {
    this.backoff = { ...RECONNECT_BACKOFF, ...options.backoff };
    this.heartbeatMs = options.heartbeatMs ?? LIMITS.heartbeatMs;
    this.first = new FirstConnect(options.url);
  }

  /**
   * Connects and logs in. Resolves once the first snapshot is in; rejects on
   * bad credentials, a TLS failure, or (with `connectTimeoutMs`) a server
   * still unreachable when the time is up — whatever it is waiting for then.
   */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.first.start(resolve, reject, this.options.connectTimeoutMs, () => this.failFirst('UNREACHABLE', this.first.unreachable(this.lastReason())));
      this.open();
    });
  }

  /** The current view (immutable). */
  getView(): AgentView {
    return this.view;
  }

  /** Called with every new view. Returns an unsubscribe function. */
  subscribe(listener: (view: AgentView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called with every view event as the server sent it (a snapshot, then changes), after the view has applied it. */
  onEvent(listener: (event: ViewEventEnvelope) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Closes for good (no reconnect). Pending commands fail with a clear error. */
  close(reason = 'closed by the client'): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.watchdog);
    this.ws?.close(1000, reason);
    for (const p of this.outbox.values()) p.resolve({ ok: false, error: { code: 'SERVER_ERROR', message: `Not sent: ${reason}.` } });
    this.outbox.clear();
    this.setView({ ...this.view, connection: { state: 'offline', reason }, pending: 0 });
  }

  // ---- commands --------------------------------------------------------
  setStatus = (status: Status, code?: string) => this.command('set_status', { status, code });
  setAfterWork = (status: Status | null, code?: string) => this.command('set_after_work', { status, code });
  toggleQueue = (queueId: string, enabled: boolean) => this.command('toggle_queue', { queueId, enabled });
  accept = (interactionId: string) => this.command('accept', { interactionId });
  reject = (interactionId: string) => this.command('reject', { interactionId });
  stopNew = () => this.command('stop_new', {});
  resumeOffers = () => this.command('resume_offers', {});
  endInteraction = (interactionId: string) => this.command('end_interaction', { interactionId });
  setCodes = (interactionId: string, codes: string[]) => this.command('set_codes', { interactionId, codes });
  setNotes = (interactionId: string, notes: string) => this.command('set_notes', { interactionId, notes });
  wrapUp = (interactionId: string) => this.command('wrap_up', { interactionId });
  logout = () => this.command('logout', {});
  sendChat = (interactionId: string, text: string) => this.command('send_chat', { interactionId, text });
  /** `force` confirms a transfer to a queue with nobody available (after an UNSTAFFED error). */
  transferChat = (interactionId: string, queueId: string, force?: boolean) => this.command('transfer_chat', { interactionId, queueId, force });
  sendAgentChat = (to: string, text: string) => this.command('send_agent_chat', { to, text });
  saveFaq = (entry: ClientData<'save_faq'>['entry']) => this.command('save_faq', { entry });
  deleteFaq = (faqId: string) => this.command('delete_faq', { faqId });
  /** `groups` omitted: every group I may address. */
  broadcastNotice = (text: string, priority: NoticePriority, groups?: string[]) => this.command('broadcast_notice', { text, priority, groups });
  /** Marks notices read; acknowledging a pop-up unblocks the console. */
  readNotices = (noticeIds: string[]) => this.command('read_notices', { noticeIds });
  listQueues = () => this.command('list_queues', {});
  transcript = (interactionId: string) => this.command('get_transcript', { interactionId });
  callHistory = () => this.command('call_history', {});
  // ---- phone (see docs/telephony.md) ----
  mute = (interactionId: string, muted = true, legId?: string) => this.command('phone_mute', { interactionId, muted, legId });
  hold = (interactionId: string, held = true, legId?: string) => this.command('phone_hold', { interactionId, held, legId });
  dtmf = (interactionId: string, digits: string) => this.command('phone_dtmf', { interactionId, digits });
  record = (interactionId: string, action: 'start' | 'pause' | 'resume') => this.command('phone_record', { interactionId, action });
  playRecording = (interactionId: string, recordingId: string) => this.command('phone_play', { interactionId, recordingId });
  /** `code`: an outbound phone code (omit to reuse the last one chosen). */
  dial = (number: string, code?: string, queueId?: string) => this.command('phone_dial', { number, code, queueId });
  /** Warm (consult, then completeConsult) or cold; to a queue (`force` after UNSTAFFED); to a number (warm). */
  transferCall = (interactionId: string, to: ClientData<'phone_transfer'>['to'], mode?: 'warm' | 'cold', force?: boolean) =>
    this.command('phone_transfer', { interactionId, to, mode, force });
  conferenceAdd = (interactionId: string, to: ClientData<'phone_conference_add'>['to']) => this.command('phone_conference_add', { interactionId, to });
  /** Completes a warm transfer, or merges the invited party into the conference. */
  completeConsult = (interactionId: string) => this.command('phone_complete', { interactionId });
  cancelConsult = (interactionId: string) => this.command('phone_cancel_consult', { interactionId });
  removeParticipant = (interactionId: string, legId: string) => this.command('phone_remove', { interactionId, legId });
  leaveCall = (interactionId: string) => this.command('phone_leave', { interactionId });
  endCallForAll = (interactionId: string) => this.command('phone_end_all', { interactionId });
  emailVoicemail = (interactionId: string) => this.command('voicemail_email', { interactionId });
  setConnectionMode = (mode: 'on_demand' | 'persistent') => this.command('phone_set_mode', { mode });
  /** Opens the persistent voice connection ("Retry to connect" after a drop); then enter the PIN heard. */
  connectVoice = () => this.command('phone_connect_voice', {});
  voicePin = (pin: string) => this.command('phone_voice_pin', { pin });
  changeWorkplace = (kind: 'phone' | 'sip', value: string) => this.command('phone_change_workplace', { kind, value });
  validateWorkplace = (pin: string) => this.command('phone_validate_workplace', { pin });
  // ---- CRM and directory (see docs/crm.md) ----
  crmSearch = (text: string, limit?: number) => this.command('crm_search', { text, limit });
  crmCustomer = (customerId: string) => this.command('crm_customer', { customerId });
  crmCase = (caseId: string) => this.command('crm_case', { caseId });
  crmTasks = (includeDone?: boolean) => this.command('crm_tasks', { includeDone });
  /** My past interactions (History), newest first; `text` searches their logs. */
  history = (text?: string, limit?: number) => this.command('history', { ...(text ? { text } : {}), ...(limit ? { limit } : {}) });
  crmExport = (after?: string, limit?: number) => this.command('crm_export', { after, limit });
  directory = (text: string, limit?: number) => this.command('directory', { text, limit });
  /** DUPLICATE when an email or phone is another customer's: `into` adds the details to it, `force` keeps both. */
  createCustomer = (customer: CustomerInput, o: { force?: boolean; into?: string; interactionId?: string } = {}) =>
    this.command('crm_create_customer', { customer, ...o });
  updateCustomer = (customerId: string, changes: CustomerInput, force?: boolean) => this.command('crm_update_customer', { customerId, changes, force });
  mergeCustomers = (customerId: string, mergeId: string) => this.command('crm_merge_customers', { customerId, mergeId });
  openCase = (subject: string, o: { customerId?: string; interactionId?: string } = {}) => this.command('crm_open_case', { subject, ...o });
  updateCase = (caseId: string, changes: Omit<ClientData<'crm_update_case'>, 'caseId'>) => this.command('crm_update_case', { caseId, ...changes });
  addFollowUp = (caseId: string, text: string) => this.command('crm_add_follow_up', { caseId, text });
  createTask = (task: ClientData<'crm_create_task'>) => this.command('crm_create_task', task);
  updateTask = (taskId: string, changes: Omit<ClientData<'crm_update_task'>, 'taskId'>) => this.command('crm_update_task', { taskId, ...changes });
  /** Says whose the interaction is (a pick among matches), or which case its log goes on. */
  linkInteraction = (interactionId: string, link: { customerId?: string; caseId?: string }) => this.command('crm_link', { interactionId, ...link });
  /** `lines`: each row's line in its file, named in the refusals. */
  importCustomers = (rows: CustomerInput[], lines?: number[]) => this.command('crm_import', { rows, lines });
  /** Typing indicators are best effort: sent only while online, never queued. */
  setTyping(target: { interactionId: string } | { to: string }, typing: boolean): void {
    if (this.authenticated) this.send('typing', { ...target, typing });
  }

  /**
   * Sends a command now if online, else when the connection is back. The id
   * is fixed at creation, so a resend after a reconnect never acts twice.
   */
  command<T extends ClientMessageType>(type: T, data: ClientData<T>): Promise<CommandResult> {
    return new Promise((resolve) => {
      // Stopped for good (closed, logged out, taken over): nothing will ever send it.
      if (this.stopped) return resolve({ ok: false, error: { code: 'SERVER_ERROR', message: `Not sent: ${this.offlineReason()}.` } });
      const pending: PendingCommand = { id: uuidv7(), type, data, resolve };
      this.outbox.set(pending.id, pending);
      this.setView({ ...this.view, pending: this.outbox.size });
      if (this.authenticated) this.send(pending.type, pending.data, pending.id);
    });
  }

  // ---- connection ------------------------------------------------------
  private open(): void {
    if (this.stopped) return;
    this.authenticated = false;
    this.socketError = undefined;
    this.tlsError = undefined;
    this.first.socketOpened();
    this.setView({ ...this.view, connection: { state: 'connecting', attempt: this.attempt } });
    const ws = new WebSocket(this.options.url, { maxPayload: 16 * 1024 * 1024, ...this.options.wsOptions });
    this.ws = ws;
    ws.on('open', () => {
      this.send('hello', { protocol: PROTOCOL_VERSION, client: this.options.clientName ?? 'agent-console' });
      if (this.token) this.send('resume', { token: this.token, lastSeq: this.view.lastSeq, epoch: this.view.epoch });
      else this.login();
      this.armWatchdog();
    });
    ws.on('message', (raw, isBinary) => {
      if (ws !== this.ws) return;
      this.armWatchdog();
      if (isBinary) return;
      let msg: AnyServerEnvelope;
      try {
        msg = JSON.parse(raw.toString()) as AnyServerEnvelope;
      } catch {
        return; // A server never sends non-JSON; ignore rather than crash.
      }
      if (msg && typeof msg === 'object' && typeof msg.type === 'string') this.receive(msg);
    });
    ws.on('close', (code, reason) => {
      if (ws !== this.ws) return;
      this.lost(reason.toString() || this.socketError || `connection closed (${code})`);
    });
    ws.on('error', (e) => {
      // 'close' follows and handles it.
      this.tlsError = tlsProblem(e as { code?: unknown }, this.options.url);
      this.socketError = this.tlsError?.message ?? e.message;
    });
  }

  private receive(msg: AnyServerEnvelope): void {
    if (msg.v !== PROTOCOL_MAJOR && msg.type !== 'error') return;
    this.view = { ...this.view, clockOffset: typeof msg.ts === 'number' ? msg.ts - Date.now() : this.view.clockOffset };
    switch (msg.type) {
      case 'welcome':
        this.setView({ ...this.view, epoch: this.view.epoch });
        return;
      case 'ping':
        this.send('pong', {});
        return;
      case 'typing':
        this.setView(reduceView(this.view, msg));
        return;
      case 'session':
        this.token = msg.data.token;
        this.authenticated = true;
        this.attempt = 0;
        this.setView({
          ...this.view,
          epoch: msg.data.epoch,
          agentId: msg.data.agentId,
          connection: { state: 'online', since: Date.now() },
        });
        for (const p of this.outbox.values()) this.send(p.type, p.data, p.id);
        if (msg.data.resumed) this.first.done();
        return;
      case 'ack':
      case 'error':
        this.reply(msg.replyTo, msg.type === 'ack' ? { ok: true, ...msg.data.result } : { ok: false, error: msg.data });
        return;
      case 'closing':
        if (msg.data.code === 4001 || msg.data.code === 4005) this.stopped = true;
        this.setView({ ...this.view, connection: { state: 'offline', reason: msg.data.reason } });
        return;
      default:
        // The view events, reduced below once their sequence number is checked.
        break;
    }
    if (!VIEW_EVENT_TYPES.has(msg.type)) return;
    const seq = msg.seq ?? 0;
    if (msg.type !== 'snapshot' && seq !== this.view.lastSeq + 1) {
      // A gap means we missed something: resume from what we have.
      this.ws?.terminate();
      return;
    }
    this.setView(reduceView(this.view, msg));
    for (const l of this.eventListeners) l(msg as ViewEventEnvelope);
    if (msg.type === 'snapshot') this.first.done();
  }

  private login(): void {
    this.send('login', { agent: this.options.agent, password: this.options.password, kind: this.options.kind });
  }

  private reply(replyTo: string | undefined, result: CommandResult): void {
    const pending = replyTo ? this.outbox.get(replyTo) : undefined;
    if (!pending) {
      // An error to hello/login/resume.
      if (!result.ok) this.authError(result.error);
      return;
    }
    this.outbox.delete(pending.id);
    this.setView({
      ...this.view,
      pending: this.outbox.size,
      lastError: result.ok ? this.view.lastError : { ...result.error, at: Date.now() },
    });
    pending.resolve(result);
  }

  private authError(error: WireError): void {
    if (error.code === 'SESSION_UNKNOWN') {
      // The server forgot us (restart): log in again with the credentials we hold.
      this.token = undefined;
      this.view = { ...this.view, lastSeq: 0 };
      this.login();
      return;
    }
    if (FATAL_AUTH.has(error.code)) {
      this.setView({ ...this.view, lastError: { ...error, at: Date.now() } });
      if (!this.authenticated && this.first.waiting) this.failFirst(error.code, error.message);
      else if (error.code !== 'LOCKED_OUT') this.close(error.message);
      return;
    }
    this.setView({ ...this.view, lastError: { ...error, at: Date.now() } });
  }

  /** The first connection gives up: closed for good, connect() rejects with `code`. */
  private failFirst(code: string, message: string): void {
    if (!this.first.waiting) return;
    this.close(message);
    this.ws?.terminate();
    this.first.fail(code, message);
  }

  private lastReason(): string {
    const c = this.view.connection;
    return c.state === 'reconnecting' ? c.reason : (this.socketError ?? 'no answer');
  }

  private lost(reason: string): void {
    this.authenticated = false;
    clearTimeout(this.watchdog);
    if (this.first.waiting && !this.token) {
      if (this.tlsError) return this.failFirst(this.tlsError.code, this.tlsError.message);
      if (this.options.retryFirstConnect === false) return this.failFirst('UNREACHABLE', this.first.unreachable(reason));
    }
    if (this.stopped) {
      // The server stopped us (taken over, logged out): unsent commands will never go out.
      for (const p of this.outbox.values()) p.resolve({ ok: false, error: { code: 'SERVER_ERROR', message: `Not sent: ${this.offlineReason()}.` } });
      if (this.outbox.size) this.setView({ ...this.view, pending: 0 });
      this.outbox.clear();
      return;
    }
    // No time left for another attempt before the first connection's bound (undefined): its timer gives up, with this reason.
    const delay = this.first.retryDelay(backoffDelay(this.attempt, this.backoff));
    if (delay !== undefined) this.attempt++;
    this.setView({
      ...this.view,
      connection: { state: 'reconnecting', attempt: this.attempt, nextAttemptAt: Date.now() + (delay ?? 0), reason },
    });
    if (delay !== undefined) this.reconnectTimer = setTimeout(() => this.open(), delay);
  }

  /** A server silent for two heartbeats is dead: drop the socket and resume. */
  private armWatchdog(): void {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => this.ws?.terminate(), this.heartbeatMs * LIMITS.missedHeartbeats);
    this.watchdog.unref?.();
  }

  private send(type: string, data: unknown, id: string = uuidv7()): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ v: PROTOCOL_MAJOR, type, id, data }));
  }

  private offlineReason(): string {
    return this.view.connection.state === 'offline' ? this.view.connection.reason : 'the connection is closed';
  }

  private setView(view: AgentView): void {
    this.view = view;
    for (const l of this.listeners) l(view);
  }
}
