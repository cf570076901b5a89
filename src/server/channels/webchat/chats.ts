/**
 * The web chat channel's memory: one Chat per customer conversation, found
 * by conversation id, by any interaction that carried it, and by the
 * customer's resume key. Engine events are turned into customer frames
 * here; the engine stays the truth for messages (replay reads the
 * conversation, or the durable transcript once it has ended).
 *
 * The resume token itself is kept nowhere: only its hash (the resume key),
 * here and on the engine's conversation (`arrive` carries it into the log).
 * After a restart this memory is empty; a `resume` whose key matches a live
 * conversation in the engine rebuilds its Chat then (`resumable`).
 */
import { queuePositions, StoreUnavailableError, type ChatMessage, type Engine, type EngineEvent, type EndedChat, type ResumableChat } from '../../../engine/index.js';
import { messageOrdinal, type CustomerMessage, type CustomerServerFrame, type EndReason } from '../../../protocol/customer-chat.js';
import { parseMarkup } from '../../../protocol/rich-text.js';
import { TokenBucket } from '../../rate-limit.js';
import { tokenKey } from '../../tokens.js';

export interface ChatPeer {
  send(frame: CustomerServerFrame): void;
  /** Another connection resumed this chat: this one is closed. */
  takenOver(): void;
}

export interface Chat {
  conversationId: string;
  /** The hash of the customer's resume token (`tokenKey`): the token is never kept. */
  resumeKey: string;
  queueId: string;
  /** The interaction currently carrying the conversation (changes on transfer). */
  interactionId: string;
  state: 'waiting' | 'active' | 'ended';
  endReason?: EndReason;
  /** Why we asked the engine to end it, so the resulting event reports the right reason. */
  pendingEnd?: EndReason;
  agentName?: string;
  /** The current interaction came from a transfer (agent_joined says so). */
  transferred: boolean;
  peer?: ChatPeer;
  position?: number;
  messages: TokenBucket;
  typing: TokenBucket;
  interactions: string[];
  graceTimer?: NodeJS.Timeout;
}

export interface ChatsOptions {
  messageRate: { perSecond: number; burst: number };
  customerGraceMs: number;
  retainEndedMs: number;
  positionDelayMs: number;
}

export class Chats {
  private readonly byConversation = new Map<string, Chat>();
  private readonly byInteraction = new Map<string, Chat>();
  private readonly byKey = new Map<string, Chat>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private positionTimer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly engine: Engine,
    private readonly options: ChatsOptions,
  ) {}

  get size(): number {
    return this.byConversation.size;
  }

  /** A chat just started by `arrive` (with `resumeKey`, the hash of the token handed to the customer). */
  create(conversationId: string, queueId: string, peer: ChatPeer, resumeKey: string): Chat {
    const chat = this.register({ conversationId, resumeKey, queueId, interactionId: conversationId, state: 'waiting', transferred: false, peer });
    // An in-process agent may have accepted while `arrive` was still publishing: catch up.
    const i = this.engine.queries.unsafeState().interactions.get(conversationId);
    if (i?.phase === 'active' && i.agentId) this.agentJoined(chat, i.agentId);
    this.schedulePositions();
    return chat;
  }

  /**
   * The chat a resume token opens: from memory, or (after a restart) rebuilt
   * from the engine's live conversation with the token's hash — or from its
   * record of a chat that ended less than 10 minutes ago (the customer gets
   * the rest of the transcript and the end). Undefined for an unknown token.
   */
  resumable(token: string): Chat | undefined {
    const resumeKey = tokenKey(token);
    const known = this.byKey.get(resumeKey);
    if (known || this.closed) return known;
    const live = this.engine.queries.resumableChat(resumeKey);
    if (live) return this.byConversation.has(live.conversationId) ? undefined : this.restore(live, resumeKey);
    const ended = this.engine.queries.endedChat(resumeKey);
    return ended && !this.byConversation.has(ended.conversationId) ? this.restoreEnded(ended, resumeKey) : undefined;
  }

  conversation(id: string): Chat | undefined {
    return this.byConversation.get(id);
  }

  /** The conversation's lines after `lastMessageId`, from memory while it lasts, else from the durable transcript. */
  missed(chat: Chat, lastMessageId: string | undefined): CustomerMessage[] {
    const live = this.engine.queries.unsafeState().conversations.get(chat.conversationId)?.messages;
    const all = live ?? this.engine.queries.transcript(chat.interactionId);
    const after = messageOrdinal(lastMessageId);
    return all.filter((m) => messageOrdinal(m.id) > after).map((m) => this.toCustomer(m));
  }

  toCustomer(m: ChatMessage): CustomerMessage {
    const out: CustomerMessage = { id: m.id, from: m.from, text: m.text, ts: m.ts };
    if (m.from === 'agent') {
      out.agentName = this.displayName(m.agentId);
      out.blocks = parseMarkup(m.text);
    }
    if (m.from === 'customer' && m.clientId) out.clientId = m.clientId;
    return out;
  }

  /** Customer's socket went away without leaving: keep the chat for a grace period, then end it. */
  detach(chat: Chat, peer: ChatPeer): void {
    if (chat.peer !== peer) return;
    chat.peer = undefined;
    if (chat.state === 'ended' || this.closed) return; // a server shutting down does not end anyone's chat
    this.setAway(chat, true);
    this.startGrace(chat);
  }

  /** Tells the engine the customer's connection dropped or is back (an offer missed meanwhile costs the agent nothing). */
  private setAway(chat: Chat, away: boolean): void {
    this.engine.execute({ type: 'customer_away', conversationId: chat.conversationId, away });
  }

  /**
   * At start: the live web chats of the log (a server restart) are adopted as
   * if their customers had just disconnected. Those who resume within the
   * grace period carry on; the others' chats end ("disconnected"), so no agent
   * is left holding a chat nobody will come back to.
   */
  adoptLiveChats(): void {
    for (const [resumeKey, live] of [...this.engine.queries.resumableChats()]) {
      if (this.byConversation.has(live.conversationId)) continue;
      const chat = this.restore(live, resumeKey);
      this.setAway(chat, true);
      this.startGrace(chat);
    }
  }

  /** Ends the customer side in the engine; the resulting events end the chat (onEvents). */
  endCustomerSide(chat: Chat): void {
    let result;
    try {
      result = this.engine.execute({ type: 'customer_end', interactionId: chat.interactionId });
    } catch (e) {
      if (!(e instanceof StoreUnavailableError)) throw e;
      if (e.final) return; // the engine gave up: the process restarts
      // Not recorded while the store cannot be written: try again (unless the customer came back meanwhile).
      this.timer(e.retryAfterMs, () => chat.state !== 'ended' && !(chat.pendingEnd === 'disconnected' && chat.peer) && this.endCustomerSide(chat));
      return;
    }
    // Already over on the agent side at the same moment: still end it for the customer.
    if (!result.ok) this.end(chat, chat.pendingEnd ?? 'left');
  }

  private startGrace(chat: Chat): void {
    clearTimeout(chat.graceTimer);
    chat.graceTimer = this.timer(this.options.customerGraceMs, () => {
      if (chat.peer || chat.state === 'ended') return;
      chat.pendingEnd = 'disconnected';
      this.endCustomerSide(chat);
    });
  }

  attach(chat: Chat, peer: ChatPeer): void {
    if (chat.peer && chat.peer !== peer) chat.peer.takenOver();
    const wasAway = !chat.peer;
    chat.peer = peer;
    clearTimeout(chat.graceTimer);
    if (wasAway && chat.state !== 'ended') this.setAway(chat, false);
  }

  onEvents(batch: readonly EngineEvent[]): void {
    let queuesMoved = false;
    for (const e of batch) {
      if (e.type.startsWith('interaction.')) queuesMoved = true;
      if (e.type === 'chat.message') {
        const chat = this.byConversation.get(e.conversationId);
        if (!chat) continue;
        chat.peer?.send({ type: 'message', message: this.toCustomer(e.message) });
        continue;
      }
      if (e.type === 'interaction.arrived' && e.conversationId) {
        const chat = this.byConversation.get(e.conversationId);
        if (!chat || chat.interactionId === e.interactionId) continue;
        chat.interactionId = e.interactionId;
        chat.interactions.push(e.interactionId);
        this.byInteraction.set(e.interactionId, chat);
        continue;
      }
      if (!('interactionId' in e)) continue;
      const chat = this.byInteraction.get(e.interactionId);
      // Only the current interaction speaks for the conversation (not one handed over by transfer).
      if (!chat || chat.state === 'ended') continue;
      if (e.type === 'chat.transferred') {
        const q = this.engine.tenant.queues.get(e.toQueueId);
        Object.assign(chat, { state: 'waiting', transferred: true, queueId: e.toQueueId, position: undefined, agentName: undefined });
        chat.peer?.send({ type: 'transferred', queue: { id: e.toQueueId, name: q?.name ?? e.toQueueId } });
        chat.peer?.send({ type: 'typing', typing: false });
      } else if (chat.interactionId !== e.interactionId) {
        continue;
      } else if (e.type === 'interaction.accepted') {
        this.agentJoined(chat, e.agentId);
      } else if (e.type === 'interaction.customer_ended' && e.by !== 'transfer') {
        this.end(chat, chat.pendingEnd ?? (e.by === 'agent' ? 'agent_ended' : 'left'));
      } else if (e.type === 'interaction.ended') {
        this.end(chat, chat.pendingEnd ?? 'abandoned');
      }
    }
    if (queuesMoved) this.schedulePositions();
  }

  end(chat: Chat, reason: EndReason): void {
    if (chat.state === 'ended') return;
    chat.state = 'ended';
    chat.endReason = reason;
    clearTimeout(chat.graceTimer);
    chat.peer?.send({ type: 'ended', reason });
    // Kept a while so a customer who reconnects still gets the rest of the transcript.
    this.timer(this.options.retainEndedMs, () => this.forget(chat));
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    clearTimeout(this.positionTimer);
    for (const chat of this.byConversation.values()) clearTimeout(chat.graceTimer);
  }

  /** A live conversation this memory lost (server restart): where it stands now in the engine. */
  private restore(live: ResumableChat, resumeKey: string): Chat {
    const active = live.phase === 'active';
    const queueId = live.queueId ?? '';
    const chat = this.register({
      conversationId: live.conversationId,
      resumeKey,
      queueId,
      interactionId: live.interactionId,
      state: active ? 'active' : 'waiting',
      transferred: live.transferred,
      ...(active ? { agentName: this.displayName(live.agentId) } : { position: queuePositions(this.engine.queries.unsafeState(), queueId).get(live.interactionId) }),
    });
    if (!active) this.schedulePositions();
    return chat;
  }

  /** An ended chat this memory lost (server restart): kept as long as an ended chat is, counted from its end. */
  private restoreEnded(ended: EndedChat, resumeKey: string): Chat {
    const chat = this.register({ conversationId: ended.conversationId, resumeKey, queueId: ended.queueId ?? '', interactionId: ended.interactionId, state: 'ended', transferred: false });
    chat.endReason = ended.reason;
    this.timer(Math.max(0, ended.endedAt + this.options.retainEndedMs - this.engine.now()), () => this.forget(chat));
    return chat;
  }

  private register(base: Pick<Chat, 'conversationId' | 'resumeKey' | 'queueId' | 'interactionId' | 'state' | 'transferred' | 'peer' | 'agentName' | 'position'>): Chat {
    const { perSecond, burst } = this.options.messageRate;
    const chat: Chat = {
      ...base,
      messages: new TokenBucket(perSecond, burst),
      typing: new TokenBucket(5, 10),
      interactions: [base.interactionId],
    };
    this.byConversation.set(chat.conversationId, chat);
    this.byInteraction.set(chat.interactionId, chat);
    this.byKey.set(chat.resumeKey, chat);
    return chat;
  }

  private agentJoined(chat: Chat, agentId: string): void {
    chat.state = 'active';
    chat.position = undefined;
    chat.agentName = this.displayName(agentId);
    chat.peer?.send({ type: 'agent_joined', displayName: chat.agentName, transferred: chat.transferred });
  }

  private displayName(agentId: string | undefined): string {
    return (agentId && this.engine.tenant.agents.get(agentId)?.displayName) || 'Agent';
  }

  private forget(chat: Chat): void {
    this.byConversation.delete(chat.conversationId);
    this.byKey.delete(chat.resumeKey);
    for (const id of chat.interactions) this.byInteraction.delete(id);
  }

  /** Positions move with every arrival, offer and pickup: recompute per queue, at most every positionDelayMs. */
  private schedulePositions(): void {
    if (this.positionTimer) return;
    this.positionTimer = setTimeout(() => {
      this.positionTimer = undefined;
      this.sendPositions();
    }, this.options.positionDelayMs);
    this.positionTimer.unref?.();
  }

  sendPositions(): void {
    const waiting = new Map<string, Chat[]>();
    for (const chat of this.byConversation.values()) {
      if (chat.state !== 'waiting') continue;
      const list = waiting.get(chat.queueId) ?? [];
      list.push(chat);
      waiting.set(chat.queueId, list);
    }
    const state = this.engine.queries.unsafeState();
    for (const [queueId, chats] of waiting) {
      const positions = queuePositions(state, queueId);
      for (const chat of chats) {
        const position = positions.get(chat.interactionId);
        if (position === undefined || position === chat.position) continue;
        chat.position = position;
        chat.peer?.send({ type: 'position', position });
      }
    }
  }

  private timer(ms: number, fn: () => void): NodeJS.Timeout {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    t.unref?.();
    this.timers.add(t);
    return t;
  }
}
