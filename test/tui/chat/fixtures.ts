// Hand-built chat views for the chat tests (shaped like the demo tenant's "ana").
import type { AgentView } from '../../../src/client/index.js';
import type { ChatMessage, FaqEntry, InteractionView } from '../../../src/protocol/index.js';
import { interaction, makeView, NOW } from '../helpers/fixtures.js';

export const FAQ: FaqEntry[] = [
  { id: 'hours', title: 'Opening hours', body: 'We are open <b>8am to 7pm</b> Monday to Friday.', shortcut: '\\q', category: 'General' },
  { id: 'refund-policy', title: 'Refunds', body: '<p><strong>Refunds</strong> within <em>5 days</em>.</p><ul><li>Unused plans: full refund</li><li>Annual plans: pro rata</li></ul>', shortcut: '\\refund', category: 'Billing' },
  { id: 'plans', title: 'Plans and prices', body: '<table><tr><td>Basic</td><td>$9</td></tr></table>', shortcut: '\\plans', category: 'Billing' },
];

export const msg = (id: string, from: ChatMessage['from'], text: string, over: Partial<ChatMessage> = {}): ChatMessage =>
  ({ id, from, text, ts: NOW - 20_000, ...(from === 'agent' ? { agentId: 'ana' } : {}), ...over });

export function chatWork(id: string, name: string, messages: ChatMessage[] = [], over: Partial<InteractionView> = {}): InteractionView {
  return interaction(id, { customer: { name }, chat: { conversationId: `C-${id}`, messages, customerLeft: false }, ...over });
}

export function chatView(over: Partial<AgentView> = {}): AgentView {
  const base = makeView();
  return makeView({
    self: { ...base.self!, status: 'busy', permissions: ['rejectOffers', 'editFaq'] },
    work: [
      chatWork('c1', 'Lee', [msg('m1', 'customer', 'Hello, my invoice is wrong'), msg('m2', 'agent', 'Let me **check** that')]),
      chatWork('c2', 'Max', [msg('m3', 'customer', 'Do you ship to Canada?')]),
    ],
    faq: FAQ,
    faqBaseUrl: 'http://console.test/faq',
    ...over,
  });
}
