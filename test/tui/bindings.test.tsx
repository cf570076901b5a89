// Every key binding of every context, pressed in its context: the table is
// keyed by command id, so a new command without a test is a type error.
// Each binding of a command (e.g. `a` and Ctrl-Y) is pressed separately.
import { afterEach, describe, expect, it } from 'vitest';
import { buildKeymap, type CommandId } from '../../src/tui/keymap.js';
import { CALL_SCENARIOS } from './call/scenarios.js';
import { CHAT_SCENARIOS } from './chat/scenarios.js';
import { HISTORY_SCENARIOS } from './history/scenarios.js';
import { NOTICE_SCENARIOS } from './notices/scenarios.js';
import { CRM_SCENARIOS } from './crm/scenarios.js';
import { chordInput } from './helpers/chords.js';
import { interaction, makeView, offer } from './helpers/fixtures.js';
import { KEY, renderConsole, type ConsoleHarness } from './helpers/render.js';
import { calls, type Scenario } from './helpers/scenario.js';


const withWork = () => makeView({ work: [interaction('w1'), interaction('w2', { customer: { name: 'Max' }, phase: 'wrapup', wrapUpDeadline: Date.now() + 30_000 })] });
const busy = (status: 'busy' | 'busy_stop_new') => makeView({ self: { ...makeView().self!, status }, work: [interaction('w1')] });
const tabBar = (h: ConsoleHarness) => h.frame().split('\n')[1]!;
const cursorLine = (h: ConsoleHarness) => h.frame().split('\n').find((l) => l.includes('│›'))?.slice(3, 30).trim();

const SCENARIOS: Record<CommandId, Scenario> = {
  'global.help': { check: (h) => expect(h.frame()).toContain('Keys (1 of') },
  'global.palette': { check: (h) => expect(h.frame()).toContain('Command palette') },
  'global.nextPane': { check: (h) => expect(tabBar(h)).toContain('[2 Disposition]') },
  'global.prevPane': { check: (h) => expect(tabBar(h)).toContain('[6 CRM]') },
  'global.pane1': { before: ['3'], check: (h) => expect(tabBar(h)).toContain('[1 Interaction]') },
  'global.pane2': { check: (h) => expect(tabBar(h)).toContain('[2 Disposition]') },
  'global.pane3': { check: (h) => expect(tabBar(h)).toContain('[3 Queues]') },
  'global.pane4': { check: (h) => expect(tabBar(h)).toContain('[4 Contacts]') },
  'global.pane5': { check: (h) => expect(tabBar(h)).toContain('[5 Notices]') },
  'global.pane6': { check: (h) => expect(tabBar(h)).toContain('[6 CRM]') },
  'global.status': { check: (h) => expect(h.frame()).toMatch(/Change status[\s\S]*On Break[\s\S]*Working Offline[\s\S]*Logged Out/) },
  'global.disposition': { view: withWork(), check: (h) => expect(h.frame()).toContain('* Contact reason') },
  'global.stopNew': {
    view: busy('busy'),
    check: async (h) => {
      expect(calls(h, 'stopNew')).toHaveLength(1);
      h.fake!.setView(busy('busy_stop_new'));
      await h.press('p');
      expect(calls(h, 'resumeOffers')).toHaveLength(1);
    },
  },
  'global.logout': {
    trigger: [':', ...'log out', KEY.enter],
    check: (h) => expect(calls(h, 'logout')).toHaveLength(1),
  },
  'global.quit': { check: (h) => expect(h.frame()).toMatch(/Quit[\s\S]*Log out and quit/) },
  // The offer's own chords, from another pane: accept at once; reject asks first, saying where it leaves the agent.
  'offer.accept': { view: makeView({ offer: offer() }), before: ['3'], check: (h) => expect(calls(h, 'accept')).toEqual([['offer-1']]) },
  'offer.reject': {
    view: makeView({ offer: offer() }), before: ['3'],
    check: async (h) => {
      expect(calls(h, 'reject')).toEqual([]);
      expect(h.frame()).toMatch(/Reject the offer\?[\s\S]*If you reject it, you go On Break \(a rejected chat does\)\.[\s\S]*› Reject/);
      await h.press(KEY.enter);
      expect(calls(h, 'reject')).toEqual([['offer-1']]);
    },
  },
  'offerPane.accept': { view: makeView({ offer: offer() }), check: (h) => expect(calls(h, 'accept')).toEqual([['offer-1']]) },
  'offerPane.reject': {
    view: makeView({ offer: offer() }),
    check: async (h) => {
      await h.press(KEY.enter);
      expect(calls(h, 'reject')).toEqual([['offer-1']]);
    },
  },
  'list.up': { before: ['3', 'j', 'j'], check: (h) => expect(cursorLine(h)).toBe('Sales chat') },
  'list.down': { before: ['3'], check: (h) => expect(cursorLine(h)).toBe('Sales chat') },
  'list.pageUp': { before: ['3', KEY.end], check: (h) => expect(cursorLine(h)).toBe('Support line') },
  'list.pageDown': { before: ['3'], check: (h) => expect(cursorLine(h)).toBe('Support voicemail') },
  'list.top': { before: ['3', 'j', 'j'], check: (h) => expect(cursorLine(h)).toBe('Support line') },
  'list.bottom': { before: ['3'], check: (h) => expect(cursorLine(h)).toBe('Support voicemail') },
  'work.notes': {
    view: withWork(),
    check: async (h) => {
      await h.type('Hi there');
      expect(h.frame()).toContain('Hi there▌');
    },
  },
  'work.end': { view: withWork(), check: (h) => expect(calls(h, 'endInteraction')).toEqual([['w1']]) },
  'work.wrapUp': { view: withWork(), before: ['j'], check: (h) => expect(calls(h, 'wrapUp')).toEqual([['w2']]) },
  'disposition.toggle': { view: withWork(), before: ['2', 'j'], check: (h) => expect(calls(h, 'setCodes')).toEqual([['w1', ['tech']]]) },
  'queues.toggle': { before: ['3'], check: (h) => expect(calls(h, 'toggleQueue')).toEqual([['support-phone', false]]) },
  'queues.relation': { before: ['3'], check: (h) => expect(h.frame()).toContain('3 Queues · member') },
  'queues.enabled': { before: ['3'], check: (h) => expect(h.frame()).toContain('3 Queues · enabled') },
  'queues.media': { before: ['3'], check: (h) => expect(h.frame()).toContain('3 Queues · Inbound call') },
  'queues.clear': { before: ['3', 'r', 'o'], check: (h) => expect(h.frame()).toMatch(/─ 3 Queues ─/) },
  'contacts.search': {
    before: ['4'],
    check: async (h) => {
      await h.type('chl');
      expect(h.frame()).toContain('/chl▌');
      expect(h.frame()).toContain('Chloé M.');
      expect(h.frame()).not.toContain('Benjamin O.');
    },
  },
  'contacts.nextTab': { before: ['4'], check: (h) => expect(h.frame()).toContain('[Recent]') },
  'contacts.prevTab': { before: ['4'], check: (h) => expect(h.frame()).toContain('[Favourites]') },
  'contacts.favourite': {
    before: ['4'],
    check: (h) => {
      expect(h.frame()).toContain('★ Benjamin O.');
      expect(h.favourites).toEqual([['ben']]);
    },
  },
  'contacts.open': {
    before: ['4'],
    check: async (h) => {
      expect(h.frame()).toContain('Benjamin O. · support · agent');
      await h.press('t');
      expect(h.frame()).toMatch(/\[Recent\][\s\S]*Benjamin O\./);
    },
  },
  'contacts.group': { before: ['4'], check: (h) => expect(h.frame()).toContain('group: billing') },
  'contacts.status': { before: ['4'], check: (h) => expect(h.frame()).toContain('status: Available') },
  'contacts.clear': { before: ['4', 'v', '/', 'x', KEY.enter], check: (h) => expect(h.frame()).not.toMatch(/status: |\/x/) },
  'notes.done': {
    view: withWork(), before: ['n', 'h', 'i'],
    check: (h) => {
      expect(calls(h, 'setNotes')).toEqual([['w1', 'hi']]);
      expect(h.frame()).toContain('Notes (n to edit)');
    },
  },
  'notesEnded.close': {
    // The interaction ends while its notes are typed: the field stays, saying so, until Esc closes it.
    view: withWork(), before: ['n', 'h', 'i'],
    arrange: async (h) => {
      h.fake!.setView((v) => ({ ...v, work: [] }));
      await h.settle();
      expect(h.frame()).toContain('is over');
      expect(h.frame().split('\n').at(-1)).toMatch(/^Esc Close {2}/);
    },
    check: (h) => {
      expect(calls(h, 'setNotes')).toEqual([]);
      expect(h.frame()).not.toMatch(/is over|hi▌/);
    },
  },
  'notes.save': {
    view: withWork(), before: ['n', 'h', 'i'],
    check: (h) => {
      expect(calls(h, 'setNotes')).toEqual([['w1', 'hi']]);
      expect(h.frame()).toContain('hi▌');
    },
  },
  'search.done': { before: ['4', '/', 'c', 'h'], check: (h) => expect(h.frame()).toMatch(/\/ch(?!▌)/) },
  'search.cancel': { before: ['4', '/', 'c', 'h'], check: (h) => expect(h.frame()).not.toContain('/ch') },
  'dialog.select': {
    before: ['s', 'j'],
    check: async (h) => {
      expect(h.frame()).toContain('Reason for Working Offline');
      await h.press('j', KEY.enter);
      expect(calls(h, 'setStatus')).toEqual([['working_offline', 'training']]);
      expect(h.frame()).not.toContain('Reason for');
    },
  },
  'dialog.close': {
    before: ['s', KEY.enter],
    check: async (h) => {
      expect(h.frame()).toContain('─ Change status');
      await h.press(KEY.esc);
      expect(h.frame()).not.toContain('─ Change status');
    },
  },
  'help.close': { before: ['?'], check: (h) => expect(h.frame()).not.toContain('Keys (') },
  'quit.confirm': { before: ['q'], check: (h) => expect(h.exits).toEqual([0]) },
  'quit.logout': {
    before: ['q'],
    check: (h) => {
      expect(calls(h, 'logout')).toHaveLength(1);
      expect(h.exits).toEqual([0]);
    },
  },
  // Terminal keys work in a dialog's text field too (the palette here).
  'terminal.repaint': { before: [':', 'r'], check: (h) => expect(h.terminal.calls).toContain('repaint') },
  'terminal.help': { before: [':'], check: (h) => expect(h.frame()).toContain('Keys (1 of') },
  'terminal.suspend': { before: [':', 's'], check: (h) => expect(h.terminal.calls).toContain('suspend') },
  ...CALL_SCENARIOS,
  ...CHAT_SCENARIOS,
  ...NOTICE_SCENARIOS,
  ...CRM_SCENARIOS,
  ...HISTORY_SCENARIOS,
};

const keymap = buildKeymap();
const cases = (Object.entries(SCENARIOS) as [CommandId, Scenario][]).flatMap(([id, s]) => {
  const chords = keymap.keys.get(id) ?? [];
  if (chords.length === 0) return [{ id, label: 'palette', keys: s.trigger!, s }];
  return chords.map((c) => ({ id, label: JSON.stringify(chordInput(c)), keys: [chordInput(c)], s }));
});

let h: ConsoleHarness | undefined;
afterEach(() => h?.unmount());

describe('every binding in its context (80x24, fake client)', () => {
  it.each(cases)('$id via $label', async ({ keys, s }) => {
    h = await renderConsole({ view: s.view, setup: s.setup });
    await h.press(...(s.before ?? []));
    await s.arrange?.(h);
    await h.press(...keys);
    await s.check(h);
  });
});
