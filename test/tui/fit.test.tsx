// Never a line wider than the terminal, never a frame taller than rows-1:
// every pane and every dialog, at 80x24 and larger, with busy data, and
// across resizes.
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentView } from '../../src/client/index.js';
import { assertFits, busyView } from './helpers/busy.js';
import { makeView } from './helpers/fixtures.js';
import { LONG } from './helpers/busy.js';
import { KEY, renderConsole, type ConsoleHarness } from './helpers/render.js';

let h: ConsoleHarness | undefined;
afterEach(() => h?.unmount());

// Every pane focused, every dialog open, typing states.
const SCREENS: [string, string[]][] = [
  ['interaction', ['1']],
  ['disposition', ['2']],
  ['queues', ['3']],
  ['contacts', ['4']],
  ['notices', ['5']],
  ['notes editing', ['1', 'n']],
  ['contact search', ['4', '/', 'x']],
  ['help', ['?']],
  ['help scrolled', ['?', KEY.end]],
  ['palette', [':']],
  ['palette filtered', [':', 'q']],
  ['status menu', ['s']],
  ['quit', ['q']],
  ['after an error', ['x']],
];

describe.each([
  [80, 24], [81, 25], [100, 30], [119, 24], [120, 24], [160, 48], [250, 70],
])('at %ix%i', (columns, rows) => {
  it.each(SCREENS)('%s fits', async (_name, keys) => {
    h = await renderConsole({ view: busyView(), columns, rows });
    h.fake!.refuse('reject', `${LONG} `.repeat(20));
    await h.press(...keys);
    assertFits(h.frame(), columns, rows);
  });
});

describe('empty and odd views fit too', () => {
  it.each([
    ['no self yet', { ...makeView(), self: undefined, queues: [], contacts: [] } as AgentView],
    ['nothing at all', makeView({ queues: [], contacts: [], work: [] })],
  ])('%s', async (_n, view) => {
    for (const keys of SCREENS.map(([, k]) => k)) {
      h = await renderConsole({ view });
      await h.press(...keys);
      assertFits(h.frame(), 80, 24);
      h.unmount();
      h = undefined;
    }
  });
});

describe('resize', () => {
  it('switches between tabs and side by side, and keeps fitting', async () => {
    h = await renderConsole({ view: busyView() });
    expect(h.frame()).toContain('[1 Interaction]');
    h.stdout.resize(140, 40);
    await h.settle();
    expect(h.frame()).toMatch(/1 Interaction[\s\S]*3 Queues/);
    expect(h.frame()).not.toContain('[1 Interaction]');
    assertFits(h.frame(), 140, 40);
    h.stdout.resize(80, 24);
    await h.settle();
    assertFits(h.frame(), 80, 24);
    h.stdout.resize(60, 15);
    await h.settle();
    assertFits(h.frame(), 60, 15);
  });
});
