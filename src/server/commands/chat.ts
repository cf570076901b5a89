/** Chat on the wire: messages, transfers, agent-to-agent chat, FAQ edits (by permission). */
import type { CommandRules } from './rule.js';

export const CHAT_WIRE_COMMANDS: CommandRules<'send_chat' | 'transfer_chat' | 'send_agent_chat' | 'save_faq' | 'delete_faq'> = {
  send_chat: { toEngine: (agentId, d) => ({ type: 'send_chat', agentId, interactionId: d.interactionId, text: d.text }) },
  transfer_chat: {
    toEngine: (agentId, d) => ({ type: 'transfer_chat', agentId, interactionId: d.interactionId, queueId: d.queueId, force: d.force }),
  },
  send_agent_chat: { toEngine: (agentId, d) => ({ type: 'send_agent_chat', agentId, to: d.to, text: d.text }) },
  save_faq: { permission: 'editFaq', toEngine: (agentId, d) => ({ type: 'save_faq', agentId, entry: d.entry }) },
  delete_faq: { permission: 'editFaq', toEngine: (agentId, d) => ({ type: 'delete_faq', agentId, faqId: d.faqId }) },
};
