/**
 * Server → client frames: `{v, type, seq?, ts, data, replyTo?}`.
 * - Replies (`welcome`, `ack`, `error`) carry `replyTo` = the client's id and no `seq`.
 * - View events carry `seq`, increasing by one per session without gaps; a
 *   client that sees a gap resumes. `snapshot` replaces the whole view.
 * - `ping` / `pong` and `closing` carry neither.
 */
import type { SessionKind } from './client-messages.js';
import type { WireError } from './errors.js';
import type { AckResult, AgentSelfView, AgentViewData, ChatMessage, CrmLogged, NoticeView, ContactView, FaqEntry, InteractionView, QueueView } from './views.js';

export interface ServerMessages {
  welcome: { protocol: string; server: string; epoch: string; heartbeatMs: number };
  /** Login or resume accepted. `resumed` false means a snapshot follows. */
  session: { token: string; agentId: string; epoch: string; resumed: boolean; kind: SessionKind };
  ack: { result?: AckResult };
  error: WireError;
  ping: Record<string, never>;
  pong: Record<string, never>;
  /** The server is closing this connection, and why (takeover, logout, abuse...). */
  closing: { reason: string; code: number };

  snapshot: AgentViewData;
  self: AgentSelfView;
  offer: { offer: InteractionView | null; reason?: 'accepted' | 'rejected' | 'timeout' | 'connection_lost' | 'abandoned' };
  work: InteractionView;
  work_removed: { interactionId: string; reason: string };
  queue: QueueView;
  contact: ContactView;
  /** A new line in one of my chats (the rest of the interaction is unchanged). */
  chat_message: { interactionId: string; message: ChatMessage };
  /** A new line in an agent-to-agent chat with `with`. */
  agent_chat: { with: string; message: ChatMessage };
  /** The FAQ changed: the whole list (it is small). */
  faq: { entries: FaqEntry[] };
  /** A notice to me, new or changed (read). */
  notice: NoticeView;
  /** The automatic log of one of my interactions was saved on a case. */
  crm_logged: CrmLogged;
  /** Ephemeral, not numbered: the other side is typing (customer in a chat, or a colleague). */
  typing: { interactionId?: string; from?: string; typing: boolean };
}

export type ServerMessageType = keyof ServerMessages;

/** Types that are numbered view events (replayable on resume). */
export const VIEW_EVENTS = ['snapshot', 'self', 'offer', 'work', 'work_removed', 'queue', 'contact', 'chat_message', 'agent_chat', 'faq', 'notice', 'crm_logged'] as const;
export type ViewEventType = (typeof VIEW_EVENTS)[number];

export interface ServerEnvelope<T extends ServerMessageType = ServerMessageType> {
  v: number;
  type: T;
  ts: number;
  seq?: number;
  replyTo?: string;
  data: ServerMessages[T];
}

export type AnyServerEnvelope = { [T in ServerMessageType]: ServerEnvelope<T> }[ServerMessageType];
/** A numbered view event, as sent. */
export type ViewEventEnvelope = { [T in ViewEventType]: ServerEnvelope<T> }[ViewEventType];
