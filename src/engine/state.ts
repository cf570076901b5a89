/**
 * The engine's in-memory state: a projection of the event log. Only the
 * reducers in `apply.ts` mutate it; everything else reads it.
 */
import type { Media, Status } from './tenant/schema.js';
import { emptyPhoneState, type PhoneState } from './phone/state.js';
import { emptyNoticeState, type NoticeState } from './notices/state.js';

export type InteractionPhase = 'queued' | 'offered' | 'active' | 'wrapup' | 'ended';

/** Who the customer is, as far as the channel knows (screen-pop keys). */
export interface CustomerInfo {
  name?: string;
  phone?: string;
  email?: string;
  account?: string;
  caseNumber?: string;
  subject?: string;
}

export interface Interaction {
  id: string;
  media: Media;
  /** Undefined for direct agent routing (DAR) work. */
  queueId?: string;
  /** DAR: the agent this interaction is for, whatever their status. */
  directAgentId?: string;
  customer: CustomerInfo;
  phase: InteractionPhase;
  /** Arrival order: the routing key (lower waits longer). Kept across re-queues. */
  arrivalSeq: number;
  arrivedAt: number;
  agentId?: string;
  offerDeadline?: number;
  acceptedAt?: number;
  customerEndedAt?: number;
  wrapUpDeadline?: number;
  /** Set when the wrap-up timer ran out but mandatory codes are missing. */
  wrapUpOverdue?: boolean;
  codes: string[];
  notes: string;
  /** Agents this was offered to and who did not take it (most recent last). */
  declinedBy: string[];
  /** Media-specific data owned by the chat/phone/email modules. */
  detail?: Record<string, unknown>;
  /** Chat: the customer conversation, which outlives transfers between agents. */
  conversationId?: string;
  /** Set on the interaction created by a transfer: who handed it over, from where. */
  transferredFrom?: TransferSource;
}

export interface TransferSource {
  agentId: string;
  interactionId: string;
  queueId?: string;
}

/** One chat line. `from` says whose side wrote it; system lines are notices (transfers, ends). */
export interface ChatMessage {
  id: string;
  from: 'customer' | 'agent' | 'system';
  /** The agent who wrote it (agent lines) — their display name is looked up by the reader. */
  agentId?: string;
  text: string;
  ts: number;
}

/** A customer chat conversation: its history travels with it across transfers. */
export interface Conversation {
  id: string;
  /** The interaction currently carrying the conversation. */
  interactionId: string;
  messages: ChatMessage[];
  customerLeft: boolean;
  /**
   * Web chat: the hash (SHA-256, base64url) of the customer's resume token,
   * so the customer can resume after a server restart. Never the token itself.
   * Absent for conversations from older logs and for channels without one.
   */
  resumeKey?: string;
}

/** An FAQ answer: title, body in a small HTML subset, shortcut such as `\q`. */
export interface FaqEntry {
  id: string;
  title: string;
  body: string;
  shortcut?: string;
  category: string;
  link?: string;
}

export interface AgentState {
  id: string;
  status: Status;
  statusCode?: string;
  statusSince: number;
  /** Routing tie-break: longest idle first. */
  idleSince: number;
  loggedIn: boolean;
  /** Set while the agent's connection is lost; work is kept until the deadline. */
  disconnectedUntil?: number;
  /** Queues the agent has disabled (assigned queues are enabled by default). */
  disabledQueues: Set<string>;
  offer?: string;
  /** Interactions accepted and not yet ended (active or in wrap-up). */
  work: Set<string>;
  /** The status to take when the current work ends (after a reject/timeout, or chosen). */
  afterWork?: { status: Status; code?: string };
}

export interface EngineState {
  agents: Map<string, AgentState>;
  conversations: Map<string, Conversation>;
  /** Agent-to-agent chat history per pair ("a|b", ids sorted), most recent last, bounded. */
  agentChats: Map<string, ChatMessage[]>;
  /** FAQ entries edited in the console (null = deleted), over the tenant file's entries. */
  faqEdits: Map<string, FaqEntry | null>;
  /** Every interaction not yet ended. Ended ones live on in the event log only. */
  interactions: Map<string, Interaction>;
  nextInteraction: number;
  nextArrival: number;
  nextMessage: number;
  /** Calls, legs and agents' phone profiles (see phone/state.ts). */
  phone: PhoneState;
  /** Broadcast notices of the last 7 days and who read them (see notices/state.ts). */
  notices: NoticeState;
}

export function emptyState(): EngineState {
  return {
    agents: new Map(),
    interactions: new Map(),
    conversations: new Map(),
    agentChats: new Map(),
    faqEdits: new Map(),
    nextInteraction: 1,
    nextArrival: 1,
    nextMessage: 1,
    phone: emptyPhoneState(),
    notices: emptyNoticeState(),
  };
}
