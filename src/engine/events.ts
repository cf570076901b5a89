/**
 * Every fact the engine records. Events are appended to the store, then
 * applied to the state, then published — in that order, always.
 */
import type { StatusCause } from './status/transitions.js';
import type { ChatMessage, CustomerInfo, FaqEntry, TransferSource } from './state.js';
import type { Media, Status } from './tenant/schema.js';
import type { PhoneEventBody } from './phone/events.js';
import type { NoticeEventBody } from './notices/events.js';

/** `unanswered`: a colleague's phone never answered a consultation; `requeued`: the agent's phone never answered, the call went back. */
export type EndReason = 'wrapped_up' | 'wrap_up_timer' | 'abandoned' | 'transferred' | 'unanswered' | 'requeued';

export type EngineEventBody = CoreEventBody | ChatEventBody | PhoneEventBody | NoticeEventBody;

type CoreEventBody =
  | { type: 'agent.logged_in'; agentId: string }
  | { type: 'agent.logged_out'; agentId: string; reason: 'agent' | 'connection_lost' }
  | { type: 'agent.disconnected'; agentId: string; graceDeadline: number }
  | { type: 'agent.reconnected'; agentId: string }
  | {
      type: 'agent.status_changed';
      agentId: string;
      from: Status;
      to: Status;
      cause: StatusCause;
      code?: string;
    }
  | { type: 'agent.after_work_set'; agentId: string; status?: Status; code?: string }
  | { type: 'agent.queue_toggled'; agentId: string; queueId: string; enabled: boolean }
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

/** Chat, FAQ and agent-to-agent events (see handlers/chat.ts). */
export type ChatEventBody =
  | { type: 'chat.message'; interactionId: string; conversationId: string; message: ChatMessage }
  /** A channel gave the new conversation a resume key (the hash of the customer's token, never the token). */
  | { type: 'chat.resume_key_set'; interactionId: string; conversationId: string; resumeKey: string }
  | { type: 'chat.transferred'; interactionId: string; conversationId: string; agentId: string; toQueueId: string; newInteractionId: string }
  | { type: 'agent_chat.message'; agentId: string; to: string; message: ChatMessage }
  | { type: 'faq.saved'; agentId: string; entry: FaqEntry }
  | { type: 'faq.deleted'; agentId: string; faqId: string };

export type EngineEventType = EngineEventBody['type'];

/** An event as stored and published: numbered without gaps, timestamped by the engine clock. */
export type EngineEvent = EngineEventBody & { seq: number; ts: number };

export type EventOf<T extends EngineEventType> = Extract<EngineEventBody, { type: T }>;
