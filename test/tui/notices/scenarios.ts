// Binding scenarios of the notice commands (spread into bindings.test.tsx).
import { expect } from 'vitest';
import { KEY } from '../helpers/render.js';
import { calls, type Scenario } from '../helpers/scenario.js';
import { notice, noticesView } from './fixtures.js';

const supervisor = noticesView([], { noticeGroups: [{ id: 'support', name: 'Support' }, { id: 'billing', name: 'Billing' }] });

export const NOTICE_SCENARIOS = {
  'global.notice': {
    view: noticesView([]),
    check: async (h) => {
      expect(h.frame()).toMatch(/Send a notice[\s\S]*Notice: ▌[\s\S]*Priority: Low[\s\S]*To: Support/);
      await h.type('Printer fixed');
      await h.press(KEY.enter);
      expect(calls(h, 'broadcastNotice')).toEqual([['Printer fixed', 'low', undefined]]);
    },
  },
  'notices.open': {
    view: noticesView([notice('N-2', { text: 'Second' }), notice('N-1', { text: 'First, with a long text that goes on', priority: 'high' })]),
    before: ['5', 'j'],
    check: (h) => expect(h.frame()).toMatch(/Notice[\s\S]*High · Kate S\. → Support · \d\d:\d\d[\s\S]*First, with a long text/),
  },
  'noticeCompose.priority': {
    view: noticesView([]),
    before: ['N'],
    check: async (h) => {
      expect(h.frame()).toContain('Priority: Medium');
      await h.press(KEY.tab, KEY.tab);
      expect(h.frame()).toMatch(/Priority: Pop-up[\s\S]*blocks your colleagues' consoles/);
    },
  },
  'noticeCompose.groups': {
    view: supervisor,
    before: ['N'],
    check: async (h) => {
      expect(h.frame()).toContain('To: Support (');
      await h.type('Shift change');
      await h.press(KEY.enter);
      expect(calls(h, 'broadcastNotice')).toEqual([['Shift change', 'low', ['support']]]);
    },
  },
  'noticePopup.ok': {
    view: noticesView([notice('N-1', { priority: 'popup', text: 'Stop taking calls: outage' })]),
    check: (h) => expect(calls(h, 'readNotices')).toEqual([[['N-1']]]),
  },
} satisfies Record<string, Scenario>;
