/** Chat commands: the agent's side of a chat, agent-to-agent chat, FAQ edits; the customer's lines from a channel. */
import type { FaqEntry } from './state.js';

export type ChatAgentCommand =
  | { type: 'send_chat'; agentId: string; interactionId: string; text: string }
  /** Hands the chat to a chat queue; `force` confirms a queue with nobody available. */
  | { type: 'transfer_chat'; agentId: string; interactionId: string; queueId: string; force?: boolean }
  | { type: 'send_agent_chat'; agentId: string; to: string; text: string }
  | { type: 'save_faq'; agentId: string; entry: FaqEntry }
  | { type: 'delete_faq'; agentId: string; faqId: string };

/**
 * A customer's chat line, by conversation (it outlives transfers); `clientId`:
 * the customer's id for the line, kept on the message (the channel
 * de-duplicates resends by it). And the customer's connection dropping or
 * coming back (a web chat keeps the chat for a grace period meanwhile).
 */
export type ChatChannelCommand =
  | { type: 'customer_chat'; conversationId: string; text: string; clientId?: string }
  | { type: 'customer_away'; conversationId: string; away: boolean };

export type ChatCommand = ChatAgentCommand | ChatChannelCommand;

declare module '../kernel/types.js' {
  interface AgentCommands {
    chat: ChatAgentCommand;
  }
  interface ChannelCommands {
    chat: ChatChannelCommand;
  }
}
