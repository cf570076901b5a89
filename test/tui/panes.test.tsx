// Pane by pane, against hand-built views: what each shows, and how it
// follows the view and the shared clock.
import { afterEach, describe, expect, it } from 'vitest';
import { contact, interaction, makeView, NOW, offer, queue } from './helpers/fixtures.js';
import { KEY, renderConsole, type ConsoleHarness } from './helpers/render.js';

let h: ConsoleHarness | undefined;
afterEach(() => h?.unmount());
const lines = (h: ConsoleHarness) => h.frame().split('\n');

describe('status bar', () => {
  it('shows name, status, time in status, connection, notices and clock', async () => {
    h = await renderConsole();
    const top = lines(h)[0]!;
    expect(top).toMatch(/^Ana L\.  ● Available 3m 20s\s+online\s+notices 0\s+\d\d:\d\d:\d\d$/);
    h.clock.advance(45_000);
    await h.settle();
    expect(lines(h)[0]).toContain('● Available 4m 05s');
  });

  it('shows the reason, or asks for one when the status requires it', async () => {
    const self = makeView().self!;
    h = await renderConsole({ view: makeView({ self: { ...self, status: 'on_break', statusCode: 'lunch' } }) });
    expect(lines(h)[0]).toMatch(/● On Break 3m 20s +Lunch/);
    h.fake!.setView((v) => ({ ...v, self: { ...self, status: 'on_break' } }));
    await h.settle();
    expect(lines(h)[0]).toContain('reason? press s');
  });

  it('shows the after-work choice while busy', async () => {
    const self = makeView().self!;
    h = await renderConsole({ view: makeView({ self: { ...self, status: 'busy', afterWork: { status: 'on_break', code: 'coffee', by: 'agent' }, statusAfterWork: 'on_break' } }) });
    expect(lines(h)[0]).toMatch(/● Busy 3m 20s +→ On Break \(Coffee break\)/);
  });

  it.each([
    [(now: number) => ({ state: 'reconnecting', attempt: 2, nextAttemptAt: now + 3000, reason: 'socket closed' } as const), /reconnecting in 3s/, /Connection lost: socket closed\. Trying again \(attempt 2\)/],
    [(_now: number) => ({ state: 'offline', reason: 'logged in elsewhere' } as const), /offline/, /Offline: logged in elsewhere\./],
    [(_now: number) => ({ state: 'connecting', attempt: 0 } as const), /connecting…/, null],
  ])('connection %#: a word or two on the status bar, why whole on the message line', async (connection, pattern, why) => {
    const now = Date.now();
    h = await renderConsole({ view: makeView({ connection: connection(now) }), now });
    expect(lines(h)[0]).toMatch(pattern);
    expect(lines(h)[0]).not.toContain('…:');
    if (why) expect(lines(h).slice(-3).join(' ')).toMatch(why);
  });

  it('sets the terminal title once, and again only when it changes', async () => {
    h = await renderConsole();
    const titles = () => h!.raw.filter((r) => r.startsWith('\x1b]2;'));
    expect(titles()).toEqual(['\x1b]2;Ana L. — Available\x07']);
    h.clock.advance(3000);
    h.fake!.setView((v) => ({ ...v, contacts: [...v.contacts, contact('zed')] }));
    await h.settle();
    expect(titles()).toHaveLength(1);
    h.fake!.setView((v) => ({ ...v, self: { ...v.self!, status: 'on_break' } }));
    await h.settle();
    expect(titles().at(-1)).toBe('\x1b]2;Ana L. — On Break\x07');
  });
});

describe('queues pane', () => {
  it('groups by media, greys disabled queues, shows stats and the longest wait', async () => {
    h = await renderConsole();
    await h.press('3');
    const f = h.frame();
    expect(f).toMatch(/Inbound call[\s\S]*Support line\s+on\s+1\s+2\s+1m 35s[\s\S]*Chat[\s\S]*Sales chat\s+off[\s\S]*Email[\s\S]*Billing email\s+sup[\s\S]*Voicemail/);
    h.clock.advance(30_000);
    await h.settle();
    expect(h.frame()).toContain('2m 05s');
  });

  it('filters by relation, state and media, cycling back to all', async () => {
    h = await renderConsole();
    await h.press('3', 'r', 'r');
    expect(h.frame()).toContain('3 Queues · supervisor');
    expect(h.frame()).toContain('Billing email');
    expect(h.frame()).not.toContain('Support line');
    await h.press('r', 'o', 'o');
    expect(h.frame()).toContain('3 Queues · disabled');
    expect(h.frame()).toContain('Sales chat');
    expect(h.frame()).not.toContain('Support chat');
    await h.press('c', 'm', 'm', 'm');
    expect(h.frame()).toContain('3 Queues · Chat');
    expect(h.frame()).not.toContain('Support line');
  });

  it('says why a supervised queue cannot be toggled', async () => {
    h = await renderConsole();
    await h.press('3', KEY.end, ' ');
    expect(h.fake!.callsOf('toggleQueue')).toEqual([['support-voicemail', false]]);
    await h.press('k', ' ');
    expect(h.frame()).toContain('only members receive its offers');
  });

  it('follows stats changes from the view', async () => {
    h = await renderConsole();
    await h.press('3');
    h.fake!.setView((v) => ({ ...v, queues: v.queues.map((q) => (q.id === 'support-chat' ? queue('support-chat', { name: 'Support chat', stats: { available: 0, waiting: 7, oldestArrival: NOW - 5000 } }) : q)) }));
    await h.settle();
    expect(h.frame()).toMatch(/Support chat\s+on\s+0\s+7\s+5s/);
  });
});

describe('contacts pane', () => {
  const many = () => makeView({
    contacts: Array.from({ length: 200 }, (_, i) => contact(`a${String(i).padStart(3, '0')}`, { displayName: `Agent ${String(i).padStart(3, '0')}`, status: i % 3 ? 'available' : 'busy', statusSince: NOW - i * 86_400_000 })),
  });

  it('renders only the visible rows of a long list and scrolls with the cursor', async () => {
    h = await renderConsole({ view: many() });
    await h.press('4');
    const shown = h.frame().match(/Agent \d{3}/g)!;
    expect(shown.length).toBeLessThanOrEqual(17);
    expect(h.frame()).toContain('4 Contacts · 200 colleagues');
    await h.press(KEY.end);
    expect(h.frame()).toContain('Agent 199');
    expect(h.frame()).not.toContain('Agent 000');
  });

  it('shows time in status in weeks and days', async () => {
    h = await renderConsole({ view: many() });
    await h.press('4', KEY.end);
    expect(h.frame()).toMatch(/Agent 199\s+Available\s+28w 3d/);
  });

  it('shows no time for a colleague who never logged in (no status change on record)', async () => {
    h = await renderConsole({ view: makeView({ contacts: [contact('new', { displayName: 'New Hire', status: 'logged_out', statusSince: 0 })] }) });
    await h.press('4');
    expect(h.frame()).toMatch(/New Hire\s+Logged Out\s+—\s+agent/);
  });

  it('favourites tab, search by status word, group filter', async () => {
    h = await renderConsole();
    await h.press('4', 'j', 'f', 'T');
    expect(h.frame()).toMatch(/\[Favourites\][\s\S]*★ Chloé M\./);
    expect(h.frame()).not.toContain('Benjamin');
    await h.press('t', '/');
    await h.type('break');
    expect(h.frame()).toContain('Chloé M.');
    expect(h.frame()).not.toContain('Devansh');
    await h.press(KEY.esc, 'g');
    expect(h.frame()).toMatch(/group: billing[\s\S]*Hugo B\./);
    expect(h.frame()).not.toContain('Chloé');
  });

  it('keeps the search text while backspacing', async () => {
    h = await renderConsole();
    await h.press('4', '/');
    await h.type('kat');
    await h.press(KEY.backspace);
    expect(h.frame()).toContain('/ka▌');
  });
});

describe('interaction pane', () => {
  it('shows the offer with its countdown, customer, whisper and keys', async () => {
    h = await renderConsole({ view: makeView({ offer: offer() }) });
    const f = h.frame();
    expect(f).toMatch(/OFFER  Chat · Support chat\s+0:20/);
    expect(f).toContain('Lee · acct 1234');
    expect(f).toContain('Whisper: Verify the account PIN first.');
    expect(f).toContain('a, Ctrl-Y accept   x, Ctrl-X reject');
    h.clock.advance(16_000);
    await h.settle();
    expect(h.frame()).toMatch(/OFFER .*0:04/);
  });

  it('hides reject without the permission, and refuses the key', async () => {
    const v = makeView({ offer: offer() });
    h = await renderConsole({ view: { ...v, self: { ...v.self!, permissions: [] } } });
    expect(h.frame()).not.toContain('reject');
    await h.press('x');
    expect(h.fake!.callsOf('reject')).toEqual([]);
    expect(h.frame()).toContain('do not have the permission to reject');
  });

  it('lists work with timers: handling time, wrap-up down then up when codes are missing', async () => {
    h = await renderConsole({
      view: makeView({ work: [interaction('w1'), interaction('w2', { customer: { name: 'Max' }, phase: 'wrapup', wrapUpDeadline: NOW + 10_000 })] }),
    });
    expect(h.frame()).toMatch(/› Chat · Support chat · Lee\s+active\s+0:30/);
    expect(h.frame()).toMatch(/Chat · Support chat · Max\s+wrap-up\s+0:10/);
    h.clock.advance(75_000);
    await h.settle();
    expect(h.frame()).toMatch(/Max\s+wrap-up\s+\+1:05/);
    expect(h.frame()).toMatch(/Lee\s+active\s+1:45/);
  });

  it('shows the notes and which mandatory codes are missing', async () => {
    h = await renderConsole({ view: makeView({ work: [interaction('w1', { notes: 'Called about\nthe invoice' })] }) });
    expect(h.frame()).toMatch(/Codes needed: Contact reason \(d\)[\s\S]*Notes \(n to edit\)[\s\S]*Called about[\s\S]*the invoice/);
  });

  it('keeps the notes field on screen while typing, however much work there is', async () => {
    const work = Array.from({ length: 9 }, (_, i) => interaction(`w${i}`, { customer: { name: `Cust ${i}` } }));
    h = await renderConsole({ view: makeView({ offer: offer(), work }) });
    await h.press(KEY.end, 'n');
    await h.type('typed');
    expect(h.frame()).toContain('typed▌');
    expect(h.frame()).toContain('Cust 8');
    expect(h.frame()).not.toContain('Cust 0');
  });

  it('edits notes with newlines and backspace, pasted escapes removed', async () => {
    h = await renderConsole({ view: makeView({ work: [interaction('w1', { notes: 'ab' })] }) });
    await h.press('n', KEY.enter, 'c', KEY.backspace, 'd');
    await h.press('x\x1b]52;c;ZXZpbA==\x07y');
    await h.press(KEY.ctrl('s'));
    const [[, notes]] = h.fake!.callsOf('setNotes') as [[string, string]];
    expect(notes.startsWith('ab\ndx')).toBe(true);
    expect(notes.endsWith('y')).toBe(true);
    // Ink splits a pasted escape sequence into keys; ESC and BEL never reach the field.
    expect(notes).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  });
});

describe('disposition pane', () => {
  it('offers what comes next for the interaction: End while it is active, Wrap Up only in wrap-up', async () => {
    h = await renderConsole({ view: makeView({ work: [interaction('w1', { codes: ['tech'] })] }) });
    await h.press('d');
    expect(h.frame()).toContain('Space, Enter toggle · e End');
    expect(h.frame()).not.toContain('Wrap Up');
  });

  it('marks mandatory lists, multi-selects codes and shows wrap-up', async () => {
    const w = interaction('w1', { phase: 'wrapup', wrapUpDeadline: NOW + 25_000, codes: ['tech'] });
    h = await renderConsole({ view: makeView({ work: [w] }) });
    await h.press('d');
    expect(h.frame()).toMatch(/Chat · Support chat · Lee\s+0:25/);
    expect(h.frame()).toMatch(/\* Contact reason\s*│\n[\s\S]*\[ \] Billing question[\s\S]*\[x\] Technical issue[\s\S]*  Outcome/);
    expect(h.frame()).toContain('Space, Enter toggle · w Wrap Up');
    await h.press(KEY.end, ' ');
    expect(h.fake!.callsOf('setCodes')).toEqual([['w1', ['tech', 'followup']]]);
    await h.press(KEY.home, 'j', ' ');
    expect(h.fake!.callsOf('setCodes').at(-1)).toEqual(['w1', []]);
  });

  it('says what is missing and shows the engine refusing Wrap Up', async () => {
    h = await renderConsole({ view: makeView({ work: [interaction('w1', { phase: 'wrapup', wrapUpDeadline: NOW + 5000 })] }) });
    h.fake!.refuse('wrapUp', 'Mandatory codes missing: Contact reason', 'CODES_REQUIRED');
    await h.press('d', 'w');
    expect(h.frame()).toContain('Choose: Contact reason');
    expect(h.frame()).toContain('Mandatory codes missing: Contact reason');
  });
});

describe('message line', () => {
  it('shows a refusal, then clears it on the shared clock', async () => {
    h = await renderConsole({ view: makeView({ work: [interaction('w1')] }) });
    h.fake!.refuse('endInteraction', 'Not now');
    await h.press('e');
    expect(h.frame()).toContain('Not now');
    h.clock.advance(7000);
    await h.settle();
    expect(h.frame()).not.toContain('Not now');
  });
});
