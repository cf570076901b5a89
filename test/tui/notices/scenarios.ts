// Binding scenarios of the notice commands (spread into bindings.test.tsx).
import { expect } from 'vitest';
import { KEY } from '../helpers/render.js';
import { calls, type Scenario } from '../helpers/scenario.js';
import { notice, noticesView } from './fixtures.js';

const supervisor3 = noticesView([], { noticeGroups: [{ id: 'support', name: 'Support' }, { id: 'billing', name: 'Billing' }, { id: 'sales', name: 'Sales' }] });

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
    // Opened on all the supervisor's groups; Ctrl-G leaves out the one under the cursor.
    view: supervisor3,
    before: ['N'],
    check: async (h) => {
      expect(h.frame()).toMatch(/To: Billing, Sales \(Ctrl-G[\s\S]*› \[ \] Support[\s\S]*\[x\] Billing[\s\S]*\[x\] Sales/);
      await h.type('Shift change');
      await h.press(KEY.enter);
      expect(calls(h, 'broadcastNotice')).toEqual([['Shift change', 'low', ['billing', 'sales']]]);
    },
  },
  'noticeCompose.nextGroup': {
    // A chosen subset: two of three groups, not all, not one.
    view: supervisor3,
    before: ['N'],
    check: async (h) => {
      await h.press(KEY.ctrl('g'));
      expect(h.frame()).toMatch(/To: Support, Sales \(/);
      await h.type('Cover the phones');
      await h.press(KEY.enter);
      expect(calls(h, 'broadcastNotice')).toEqual([['Cover the phones', 'low', ['support', 'sales']]]);
    },
  },
  'noticeCompose.prevGroup': {
    view: supervisor3,
    before: ['N', KEY.down],
    check: async (h) => {
      // Every group left out: nothing is sent, and the dialog says why.
      for (const key of [KEY.ctrl('g'), KEY.down, KEY.ctrl('g'), KEY.down, KEY.ctrl('g')]) await h.press(key);
      expect(h.frame()).toContain('To: nobody yet');
      await h.type('Hello');
      await h.press(KEY.enter);
      expect(calls(h, 'broadcastNotice')).toEqual([]);
      expect(h.frame()).toMatch(/Pick at least one group/);
    },
  },
  'noticePopup.ok': {
    view: noticesView([notice('N-1', { priority: 'popup', text: 'Stop taking calls: outage' })]),
    check: (h) => expect(calls(h, 'readNotices')).toEqual([[['N-1']]]),
  },
} satisfies Record<string, Scenario>;
