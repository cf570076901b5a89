/**
 * Work commands. Agent commands carry the acting agent's id; channel
 * commands come from customer adapters (phone switch, web chat, email),
 * never from an agent; session commands from the server about an agent's
 * connection; timer commands from the engine's own deadlines.
 */
import type { CustomerInfo } from './state.js';

export type WorkAgentCommand =
  | { type: 'accept'; agentId: string; interactionId: string }
  | { type: 'reject'; agentId: string; interactionId: string }
  /** The agent ends the customer side (hangs up, closes the chat): wrap-up starts. */
  | { type: 'end_interaction'; agentId: string; interactionId: string }
  | { type: 'set_codes'; agentId: string; interactionId: string; codes: string[] }
  | { type: 'set_notes'; agentId: string; interactionId: string; notes: string }
  /** Finish wrap-up now (mandatory codes must be chosen). */
  | { type: 'wrap_up'; agentId: string; interactionId: string };

/** Sent by the server about an agent's connection, not by the agent. */
export type WorkSessionCommand = { type: 'connection_lost'; agentId: string } | { type: 'connection_restored'; agentId: string };

export type WorkChannelCommand =
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
  /** The customer hung up, left the chat, or gave up waiting. */
  | { type: 'customer_end'; interactionId: string };

export type WorkTimerCommand =
  | { type: 'offer_timeout'; interactionId: string }
  | { type: 'wrap_up_due'; interactionId: string }
  | { type: 'grace_expired'; agentId: string };

export type WorkCommand = WorkAgentCommand | WorkSessionCommand | WorkChannelCommand | WorkTimerCommand;

declare module '../kernel/types.js' {
  interface AgentCommands {
    work: WorkAgentCommand;
  }
  interface SessionCommands {
    work: WorkSessionCommand;
  }
  interface ChannelCommands {
    work: WorkChannelCommand;
  }
  interface TimerCommands {
    work: WorkTimerCommand;
  }
}
