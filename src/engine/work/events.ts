/** The life of an interaction: arrival, offer, acceptance, handling, wrap-up, end. */
import type { Media } from '../tenant/schema.js';
import type { CustomerInfo, TransferSource } from './state.js';

/** `unanswered`: a colleague's phone never answered a consultation; `requeued`: the agent's phone never answered, the call went back. */
export type EndReason = 'wrapped_up' | 'wrap_up_timer' | 'abandoned' | 'transferred' | 'unanswered' | 'requeued';

export type WorkEventBody =
  | {
      type: 'interaction.arrived';
      interactionId: string;
      media: Media;
      queueId?: string;
      directAgentId?: string;
      customer: CustomerInfo;
      arrivalSeq: number;
      detail?: Record<string, unknown>;
      conversationId?: string;
      transferredFrom?: TransferSource;
    }
  | { type: 'interaction.offered'; interactionId: string; agentId: string; deadline: number }
  | { type: 'interaction.accepted'; interactionId: string; agentId: string }
  | {
      type: 'interaction.declined';
      interactionId: string;
      agentId: string;
      reason: 'rejected' | 'timeout' | 'connection_lost';
    }
  /** A DAR call nobody answered becomes a voicemail for the same agent. */
  | { type: 'interaction.to_voicemail'; interactionId: string }
  | { type: 'interaction.customer_ended'; interactionId: string; by: 'customer' | 'agent' | 'transfer'; wrapUpDeadline: number }
  | { type: 'interaction.wrap_up_overdue'; interactionId: string }
  | { type: 'interaction.codes_set'; interactionId: string; codes: string[] }
  | { type: 'interaction.notes_set'; interactionId: string; notes: string }
  | { type: 'interaction.ended'; interactionId: string; reason: EndReason; /** who held or was offered it */ agentId?: string };

declare module '../kernel/types.js' {
  interface EngineEvents {
    work: WorkEventBody;
  }
}
