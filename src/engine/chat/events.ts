/** Chat, FAQ and agent-to-agent events. */
import type { ChatMessage, FaqEntry } from './state.js';

export type ChatEventBody =
  | { type: 'chat.message'; interactionId: string; conversationId: string; message: ChatMessage }
  /** A channel gave the new conversation a resume key (the hash of the customer's token, never the token). */
  | { type: 'chat.resume_key_set'; interactionId: string; conversationId: string; resumeKey: string }
  /** The customer's connection dropped (`away`), or they are back. */
  | { type: 'chat.customer_away'; interactionId: string; conversationId: string; away: boolean }
  | { type: 'chat.transferred'; interactionId: string; conversationId: string; agentId: string; toQueueId: string; newInteractionId: string }
  | { type: 'agent_chat.message'; agentId: string; to: string; message: ChatMessage }
  | { type: 'faq.saved'; agentId: string; entry: FaqEntry }
  | { type: 'faq.deleted'; agentId: string; faqId: string };

declare module '../kernel/types.js' {
  interface EngineEvents {
    chat: ChatEventBody;
  }
}
