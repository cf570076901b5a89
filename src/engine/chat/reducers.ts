/** How the chat events (and the work events a conversation follows) change the chat slice. */
import type { Reducer, ReducersOf } from '../kernel/module.js';
import type { EngineState } from '../kernel/types.js';
import type { ChatEventBody } from './events.js';
import { AGENT_CHAT_HISTORY, agentChatKey, ENDED_CHAT_RETENTION_MS, type EndedChat } from './state.js';
import type { Interaction } from '../work/state.js';

/** The customer side of a web chat ended on `i`, the interaction carrying it: remembered by its resume key for a while. */
function chatEnded(s: EngineState, i: Interaction | undefined, reason: EndedChat['reason'], ts: number): void {
  const conversation = i?.conversationId ? s.conversations.get(i.conversationId) : undefined;
  if (!i || !conversation?.resumeKey || conversation.interactionId !== i.id || s.endedChats.has(conversation.resumeKey)) return;
  s.endedChats.set(conversation.resumeKey, { conversationId: conversation.id, interactionId: i.id, queueId: i.queueId, endedAt: ts, reason });
  for (const [key, ended] of s.endedChats) {
    if (ended.endedAt > ts - ENDED_CHAT_RETENTION_MS) break; // oldest first
    s.endedChats.delete(key);
  }
}

function countMessage(s: EngineState, id: string): void {
  s.nextMessage = Math.max(s.nextMessage, Number(id.slice(2)) + 1);
}

export const CHAT_REDUCERS: ReducersOf<ChatEventBody> = {
  'chat.message': (s, e) => {
    s.conversations.get(e.conversationId)?.messages.push(e.message);
    countMessage(s, e.message.id);
  },
  'chat.resume_key_set': (s, e) => {
    const conversation = s.conversations.get(e.conversationId);
    if (conversation) conversation.resumeKey = e.resumeKey;
  },
  'chat.customer_away': (s, e) => {
    const conversation = s.conversations.get(e.conversationId);
    if (conversation) conversation.customerAway = e.away || undefined;
  },
  'chat.transferred': () => {
    // The new interaction's `arrived` and the old one's `customer_ended` carry the change.
  },
  'agent_chat.message': (s, e) => {
    countMessage(s, e.message.id);
    const key = agentChatKey(e.agentId, e.to);
    const history = s.agentChats.get(key) ?? [];
    history.push(e.message);
    if (history.length > AGENT_CHAT_HISTORY) history.splice(0, history.length - AGENT_CHAT_HISTORY);
    s.agentChats.set(key, history);
  },
  'faq.saved': (s, e) => {
    s.faqEdits.set(e.entry.id, e.entry);
  },
  'faq.deleted': (s, e) => {
    s.faqEdits.set(e.faqId, null);
  },
};

/** A conversation follows the interactions that carry it (they run before work's own reducers). */
export const CONVERSATION_REDUCERS: {
  'interaction.arrived': Reducer<'interaction.arrived'>;
  'interaction.customer_ended': Reducer<'interaction.customer_ended'>;
  'interaction.ended': Reducer<'interaction.ended'>;
} = {
  'interaction.arrived': (s, e) => {
    if (!e.conversationId) return;
    const conversation = s.conversations.get(e.conversationId);
    const handedOver = conversation && s.interactions.get(conversation.interactionId);
    if (handedOver) handedOver.chatAtTransfer = { messages: conversation.messages.slice(), customerLeft: conversation.customerLeft };
    if (conversation) conversation.interactionId = e.interactionId;
    else s.conversations.set(e.conversationId, { id: e.conversationId, interactionId: e.interactionId, messages: [], customerLeft: false });
  },
  'interaction.customer_ended': (s, e) => {
    const i = s.interactions.get(e.interactionId);
    if (e.by !== 'transfer') chatEnded(s, i, e.by === 'agent' ? 'agent_ended' : 'left', e.ts);
    const conversation = i?.conversationId ? s.conversations.get(i.conversationId) : undefined;
    if (conversation && e.by === 'customer') conversation.customerLeft = true;
  },
  'interaction.ended': (s, e) => {
    const i = s.interactions.get(e.interactionId);
    // Ended before any agent had it (the customer gave up waiting): no customer_ended came first.
    chatEnded(s, i, 'abandoned', e.ts);
    // The conversation ends with the last interaction carrying it (not with one handed over by transfer).
    if (i?.conversationId && s.conversations.get(i.conversationId)?.interactionId === i.id) s.conversations.delete(i.conversationId);
  },
};
