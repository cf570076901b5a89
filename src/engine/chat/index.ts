/**
 * Chat: customer conversations (they outlive transfers), transfers to chat
 * queues, web chat resume keys, agent-to-agent chat, the FAQ, transcripts.
 */
import { defineModule, type HandlersOf } from '../kernel/module.js';
import type { ChatCommand } from './commands.js';
import { deleteFaq, saveFaq } from './faq.js';
import { customerAway, customerAwayCommand, customerChat, sendAgentChat, sendChat, transferChat } from './handlers.js';
import { CHAT_REDUCERS, CONVERSATION_REDUCERS } from './reducers.js';
import { arrived, checkArrival } from './resume.js';
import { chatSlice } from './state.js';
import { addChatPart, chatViews } from './views.js';

const handlers: HandlersOf<ChatCommand> = {
  send_chat: sendChat,
  customer_chat: customerChat,
  customer_away: customerAwayCommand,
  transfer_chat: transferChat,
  send_agent_chat: sendAgentChat,
  save_faq: saveFaq,
  delete_faq: deleteFaq,
};

export const chat = defineModule({
  name: 'chat',
  state: chatSlice,
  handlers,
  reducers: CHAT_REDUCERS,
  follows: CONVERSATION_REDUCERS,
  views: chatViews,
  hooks: { checkArrival, arrived, customerAway, interactionView: addChatPart },
});
