/**
 * Typing indicators: ephemeral, relayed between the two sides of a chat,
 * never stored and never numbered. A lost indicator costs nothing.
 */
import type { Engine } from '../engine/index.js';
import type { ClientData, WireError } from '../protocol/index.js';
import type { SessionLookup } from './fanout.js';

export type CustomerTypingListener = (conversationId: string, typing: boolean) => void;

export class TypingRelay {
  private readonly customerSide = new Set<CustomerTypingListener>();

  constructor(
    private readonly engine: Engine,
    private readonly sessions: SessionLookup,
  ) {}

  /** A customer channel listens for agents typing in its conversations. */
  onAgentTyping(listener: CustomerTypingListener): () => void {
    this.customerSide.add(listener);
    return () => this.customerSide.delete(listener);
  }

  fromAgent(agentId: string, data: ClientData<'typing'>): WireError | undefined {
    if ('to' in data) {
      if (!this.engine.tenant.canChat(agentId, data.to)) return { code: 'NOT_PERMITTED', message: 'You cannot chat with this agent.' };
      this.sessions.ofAgent(data.to)?.sendEphemeral('typing', { from: agentId, typing: data.typing });
      return undefined;
    }
    const i = this.engine.queries.interaction(data.interactionId);
    const owner = this.engine.queries.unsafeState().interactions.get(data.interactionId)?.agentId;
    if (!i?.chat || owner !== agentId) return { code: 'NOT_FOUND', message: `${data.interactionId} is not one of your chats.` };
    for (const l of this.customerSide) l(i.chat.conversationId, data.typing);
    return undefined;
  }

  /** The customer is typing: tell the agent holding the conversation, if any. */
  fromCustomer(conversationId: string, typing: boolean): void {
    const state = this.engine.queries.unsafeState();
    const interactionId = state.conversations.get(conversationId)?.interactionId;
    const agentId = interactionId ? state.interactions.get(interactionId)?.agentId : undefined;
    if (agentId && interactionId) this.sessions.ofAgent(agentId)?.sendEphemeral('typing', { interactionId, typing });
  }
}
