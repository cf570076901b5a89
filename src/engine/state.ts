/**
 * The engine's in-memory state: a projection of the event log. Only the
 * reducers in `apply.ts` mutate it; everything else reads it.
 */
import type { Media, Status } from './tenant/schema.js';

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
  /** Every interaction not yet ended. Ended ones live on in the event log only. */
  interactions: Map<string, Interaction>;
  nextInteraction: number;
  nextArrival: number;
}

export function emptyState(): EngineState {
  return { agents: new Map(), interactions: new Map(), nextInteraction: 1, nextArrival: 1 };
}
