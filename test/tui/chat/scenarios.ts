// Binding scenarios of the chat commands (spread into bindings.test.tsx):
// each key in its context does what its help line says.
import { expect } from 'vitest';
import type { ConsoleHarness } from '../helpers/render.js';
import { KEY } from '../helpers/render.js';
import { chatView, msg } from './fixtures.js';
import { calls, type Scenario } from '../helpers/scenario.js';

/** The chat tab row: the active tab is in brackets. */
const activeTab = (h: ConsoleHarness) => /\[(?:\d|@) ([^\]]+)\]/.exec(h.frame().split('\n').slice(2).join('\n'))?.[1]?.trim();
const colleague = () => chatView({ agentChats: [{ with: 'ben', messages: [msg('a1', 'agent', 'Coffee?', { agentId: 'ben' })] }] });

export const CHAT_SCENARIOS = {
  'contacts.chat': { view: chatView(), before: ['4'], check: (h) => { expect(activeTab(h)).toBe('Benjamin O.'); expect(h.frame()).toContain('Chat with Benjamin O.'); } },
  'chatPane.compose': { view: chatView(), check: (h) => expect(h.frame()).toMatch(/Message [\s\S]*▌/) },
  'chat.tab1': { view: chatView(), before: ['\x1b2'], check: (h) => expect(activeTab(h)).toBe('Lee') },
  'chat.tab2': { view: chatView(), check: (h) => expect(activeTab(h)).toBe('Max') },
  'chat.tab3': { view: colleague(), check: (h) => expect(activeTab(h)).toBe('Benjamin O.') },
  'chat.tab4': { view: chatView(), check: (h) => expect(h.frame()).toContain('There is no chat 4.') },
  'chat.tab5': { view: chatView(), check: (h) => expect(h.frame()).toContain('There is no chat 5.') },
  'chat.tab6': { view: chatView(), check: (h) => expect(h.frame()).toContain('There is no chat 6.') },
  'chat.next': { view: chatView(), check: (h) => expect(activeTab(h)).toBe('Max') },
  'chat.prev': { view: chatView(), check: (h) => expect(activeTab(h)).toBe('Max') },
  'chat.faq': { view: chatView(), check: (h) => expect(h.frame()).toMatch(/FAQ[\s\S]*Opening hours/) },
  'chat.transfer': { view: chatView(), check: (h) => { expect(calls(h, 'listQueues')).toHaveLength(1); expect(h.frame()).toContain('Transfer chat'); } },
  'chat.closeTab': { view: colleague(), before: ['\x1b3'], check: (h) => expect(activeTab(h)).toBe('Lee') },
  'compose.send': { view: chatView(), before: [KEY.enter, 'h', 'i'], check: (h) => expect(calls(h, 'sendChat')).toEqual([['c1', 'hi']]) },
  'compose.newline': {
    view: chatView(), before: [KEY.enter, 'a'],
    check: async (h) => { await h.press('b', KEY.enter); expect(calls(h, 'sendChat')).toEqual([['c1', 'a\nb']]); },
  },
  'compose.expand': { view: chatView(), before: [KEY.enter, '\\', 'q'], check: (h) => expect(h.frame()).toContain('We are open 8am to 7pm Monday to Friday.▌') },
  'compose.done': { view: chatView(), before: [KEY.enter, 'x'], check: (h) => expect(h.frame()).toMatch(/Draft \(Enter to write\)[\s\S]*x/) },
  'compose.scrollUp': { view: chatView(), before: [KEY.enter], check: (h) => expect(h.frame()).toMatch(/newer lines|Hello/) },
  'compose.scrollDown': { view: chatView(), before: [KEY.enter, KEY.pageUp], check: (h) => expect(h.frame()).not.toContain('newer lines') },
  'faq.insertLink': { view: chatView(), before: ['\x06'], check: (h) => expect(h.frame()).toContain('Opening hours <http://console.test/faq/hours>▌') },
  'faq.new': { view: chatView(), before: ['\x06'], check: (h) => expect(h.frame()).toContain('New FAQ entry') },
  'faq.edit': { view: chatView(), before: ['\x06'], check: (h) => expect(h.frame()).toMatch(/Edit FAQ entry[\s\S]*Opening hours/) },
  'faq.delete': {
    view: chatView(), before: ['\x06'],
    check: async (h) => { expect(h.frame()).toContain('delete? Ctrl-D again'); await h.press('\x04'); expect(calls(h, 'deleteFaq')).toEqual([['hours']]); },
  },
  'faqEdit.save': { view: chatView(), before: ['\x06', '\x05'], check: (h) => expect(calls(h, 'saveFaq')).toHaveLength(1) },
  'faqEdit.next': { view: chatView(), before: ['\x06', '\x0e'], check: (h) => expect(h.frame()).toMatch(/› Shortcut/) },
  'faqEdit.prev': { view: chatView(), before: ['\x06', '\x0e'], check: (h) => expect(h.frame()).toMatch(/› Body/) },
  'faqEdit.newline': {
    view: chatView(), before: ['\x06', '\x0e', KEY.tab, KEY.tab, KEY.tab, 'a'],
    check: async (h) => { await h.press('b'); expect(h.frame()).toMatch(/› Body\s+a\s*│[\s\S]*│\s+b▌/); },
  },
} satisfies Record<string, Scenario>;
