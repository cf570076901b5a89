/**
 * The engine's public commands. Agent commands carry the acting agent's id;
 * the engine checks that the agent may do it (ownership, permissions,
 * status table, capacity). Channel commands come from customer adapters
 * (phone switch, web chat, email), never from an agent.
 */
import type { CustomerInfo, FaqEntry } from './state.js';
import type { Media, Status } from './tenant/schema.js';
import type { PhoneAgentCommand, PhoneChannelCommand, PhoneTimerCommand } from './phone/commands.js';
import type { NoticePriority } from './notices/state.js';

export type { PhoneAgentCommand, PhoneChannelCommand, PhoneTarget } from './phone/commands.js';

export type AgentCommand =
  | { type: 'login'; agentId: string }
  | { type: 'logout'; agentId: string }
  | { type: 'set_status'; agentId: string; status: Status; code?: string }
  /** The status to take when the current work ends ("not ready after this call"); null clears it. */
  | { type: 'set_after_work'; agentId: string; status: Status | null; code?: string }
  | { type: 'toggle_queue'; agentId: string; queueId: string; enabled: boolean }
  | { type: 'accept'; agentId: string; interactionId: string }
  | { type: 'reject'; agentId: string; interactionId: string }
  | { type: 'stop_new'; agentId: string }
  | { type: 'resume'; agentId: string }
  /** The agent ends the customer side (hangs up, closes the chat): wrap-up starts. */
  | { type: 'end_interaction'; agentId: string; interactionId: string }
  | { type: 'set_codes'; agentId: string; interactionId: string; codes: string[] }
  | { type: 'set_notes'; agentId: string; interactionId: string; notes: string }
  /** Finish wrap-up now (mandatory codes must be chosen). */
  | { type: 'wrap_up'; agentId: string; interactionId: string }
  | { type: 'send_chat'; agentId: string; interactionId: string; text: string }
  /** Hands the chat to a chat queue; `force` confirms a queue with nobody available. */
  | { type: 'transfer_chat'; agentId: string; interactionId: string; queueId: string; force?: boolean }
  | { type: 'send_agent_chat'; agentId: string; to: string; text: string }
  | { type: 'save_faq'; agentId: string; entry: FaqEntry }
  | { type: 'delete_faq'; agentId: string; faqId: string }
  /** `groups` omitted: every group the agent may address (their own; a supervisor's, all of theirs). */
  | { type: 'broadcast_notice'; agentId: string; text: string; priority: NoticePriority; groups?: string[] }
  /** Marks notices read; for a pop-up, the acknowledgement that unblocks the console. */
  | { type: 'read_notices'; agentId: string; noticeIds: string[] }
  | PhoneAgentCommand;

/** Sent by the server about an agent's connection, not by the agent. */
export type SessionCommand =
  | { type: 'connection_lost'; agentId: string }
  | { type: 'connection_restored'; agentId: string };

export type ChannelCommand =
  | {
      type: 'arrive';
      queueId: string;
      customer: CustomerInfo;
      detail?: Record<string, unknown>;
      /**
       * Chat queues only: the hash of the customer's resume token (web chat:
       * SHA-256, base64url), kept on the conversation so the customer can
       * resume after a restart. Never send the token itself.
       */
      resumeKey?: string;
    }
  /** Direct agent routing: by agent id or by the agent's direct access number. */
  | { type: 'arrive_direct'; agentId?: string; number?: string; customer: CustomerInfo }
  /** A customer's chat line, by conversation (it outlives transfers). */
  | { type: 'customer_chat'; conversationId: string; text: string }
  /** The customer hung up, left the chat, or gave up waiting. */
  | { type: 'customer_end'; interactionId: string }
  /** From the operator's tooling: a platform change, to everyone, with a red alert bar. */
  | { type: 'platform_notice'; text: string }
  | PhoneChannelCommand;

/** Fired by the engine's own timers; not part of the public API. */
export type TimerCommand =
  | { type: 'offer_timeout'; interactionId: string }
  | { type: 'wrap_up_due'; interactionId: string }
  | { type: 'grace_expired'; agentId: string }
  | PhoneTimerCommand;

export type Command = AgentCommand | SessionCommand | ChannelCommand;
export type AnyCommand = Command | TimerCommand;
export type CommandType = AnyCommand['type'];

/** What a successful command returns: the interaction id for arrivals, nothing otherwise. */
export interface CommandOutcome {
  interactionId?: string;
}

export type { Media };
