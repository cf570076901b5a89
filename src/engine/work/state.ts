/** The work slice: every interaction not yet ended, and the counters that name and order them. */
import type { EngineState } from '../kernel/types.js';
import type { Media } from '../tenant/schema.js';

/** Notes become the call log's Description: generous, but bounded. */
export const MAX_NOTES = 10_000;

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

declare module '../kernel/types.js' {
  interface EngineState {
    /** Every interaction not yet ended. Ended ones live on in the event log only. */
    interactions: Map<string, Interaction>;
    nextInteraction: number;
    nextArrival: number;
  }
}

export interface SerializedWork {
  interactions: Interaction[];
  nextInteraction: number;
  nextArrival: number;
}

export const workSlice = {
  init: () => ({ interactions: new Map<string, Interaction>(), nextInteraction: 1, nextArrival: 1 }),
  serialize: (s: EngineState): SerializedWork => ({
    interactions: [...s.interactions.values()],
    nextInteraction: s.nextInteraction,
    nextArrival: s.nextArrival,
  }),
  deserialize: (raw: SerializedWork) => ({
    interactions: new Map(raw.interactions.map((i) => [i.id, i])),
    nextInteraction: raw.nextInteraction,
    nextArrival: raw.nextArrival,
  }),
};
