// Binding scenarios of the History commands (spread into bindings.test.tsx).
import { expect } from 'vitest';
import { makeView } from '../helpers/fixtures.js';
import { calls, type Scenario } from '../helpers/scenario.js';
import { entry } from './fixtures.js';

export const HISTORY_SCENARIOS = {
  'global.history': {
    view: makeView(),
    setup: (fake) => fake.answerOnce('history', { ok: true, history: [entry(1), entry(2, { log: { ...entry(2).log, media: 'chat', codes: [] } })] }),
    check: (h) => {
      expect(calls(h, 'history')).toEqual([[undefined]]);
      expect(h.frame()).toMatch(/History[\s\S]*Search: ▌[\s\S]*› \d\d:\d\d Inbound call · Lee Park\s+Billing · 2:05[\s\S]*\d\d:\d\d Chat · Lee Park\s+no codes · 2:05/);
    },
  },
} satisfies Record<string, Scenario>;
