// Offers arriving: the bell, never taking the focus or a dialog away (keys
// keep going where the agent sends them), accepting from anywhere; and the
// console staying quiet when nothing changed.
import { afterEach, describe, expect, it } from 'vitest';
import { chatView, msg } from './chat/fixtures.js';
import { contact, interaction, makeView, offer } from './helpers/fixtures.js';
import { KEY, renderConsole, type ConsoleHarness } from './helpers/render.js';

let h: ConsoleHarness | undefined;
afterEach(() => h?.unmount());
const tabBar = (h: ConsoleHarness) => h.frame().split('\n')[1]!;
const bells = (h: ConsoleHarness) => h.raw.filter((r) => r === '\x07').length;

describe('offer arrival', () => {
  it('rings the bell once per offer; the focus stays where it was, the banner shows the offer and its keys', async () => {
    h = await renderConsole();
    await h.press('3');
    h.fake!.setView((v) => ({ ...v, offer: offer('o1') }));
    await h.settle();
    expect(bells(h)).toBe(1);
    expect(h.frame()).toContain('[3 Queues]');
    expect(tabBar(h)).toMatch(/▶ OFFER Ctrl-Y accept {3}Ctrl-X reject/);
    // Keys meant for the pane still go to the pane.
    await h.press('j', KEY.space);
    expect(h.fake!.callsOf('toggleQueue')).toEqual([['sales-chat', true]]);
    expect(h.fake!.callsOf('reject')).toEqual([]);
    h.fake!.setView((v) => ({ ...v, offer: { ...v.offer!, customer: { name: 'Lee B.' } } }));
    await h.settle();
    expect(bells(h)).toBe(1);
    h.fake!.setView((v) => ({ ...v, offer: offer('o2') }));
    await h.settle();
    expect(bells(h)).toBe(2);
  });

  it('stays silent when the bell is off', async () => {
    h = await renderConsole({ bell: false });
    h.fake!.setView((v) => ({ ...v, offer: offer('o1') }));
    await h.settle();
    expect(bells(h)).toBe(0);
  });

  it('keeps an open dialog open; the banner shows the offer above it', async () => {
    h = await renderConsole();
    await h.press('?');
    h.fake!.setView((v) => ({ ...v, offer: offer('o1') }));
    await h.settle();
    expect(h.frame()).toContain('Keys (');
    expect(h.frame()).toContain('▶ OFFER');
  });

  it('does not steal a search being typed; the banner shows and Ctrl-Y accepts', async () => {
    h = await renderConsole();
    await h.press('4', '/', 'b', 'e');
    h.fake!.setView((v) => ({ ...v, offer: offer('o1') }));
    await h.settle();
    await h.type('n');
    expect(tabBar(h)).toContain('▶ OFFER');
    expect(h.frame()).toContain('/ben▌');
    expect(h.fake!.callsOf('accept')).toEqual([]);
    await h.press(KEY.ctrl('y'));
    expect(h.fake!.callsOf('accept')).toEqual([['o1']]);
    expect(h.frame()).toContain('/ben▌');
  });

  it('does not steal notes being typed: "a" types, Ctrl-Y accepts, the text stays', async () => {
    h = await renderConsole({ view: makeView({ work: [interaction('w1')] }) });
    await h.press('n');
    await h.type('Customer asked about');
    h.fake!.setView((v) => ({ ...v, offer: offer('o1') }));
    await h.settle();
    await h.type(' a refund');
    expect(h.fake!.callsOf('accept')).toEqual([]);
    await h.press(KEY.ctrl('y'));
    expect(h.fake!.callsOf('accept')).toEqual([['o1']]);
    // The accepted chat joins the list; the notes stay with w1, still being edited.
    h.fake!.setView((v) => ({ ...v, offer: null, work: [...v.work, interaction('o1', { customer: { name: 'Max' } })] }));
    await h.settle();
    expect(h.frame()).toContain('Customer asked about a refund▌');
    await h.press(KEY.esc);
    expect(h.fake!.callsOf('setNotes')).toEqual([['w1', 'Customer asked about a refund']]);
  });

  it('does not steal a chat message being typed; the offer shown above it names only the keys that answer it there', async () => {
    h = await renderConsole({ view: chatView({ work: [], agentChats: [{ with: 'chloe', messages: [msg('a1', 'agent', 'Got a minute?', { agentId: 'chloe' })] }] }) });
    await h.press(KEY.enter);
    await h.type('ab');
    h.fake!.setView((v) => ({ ...v, offer: offer('o1') }));
    await h.settle();
    expect(h.frame()).toMatch(/OFFER {2}Chat[\s\S]*Ctrl-Y accept {3}Ctrl-X reject/);
    expect(h.frame()).not.toContain('a, Ctrl-Y');
    await h.type('ax');
    expect(h.frame()).toContain('abax▌');
    expect(h.fake!.callsOf('accept')).toEqual([]);
    expect(h.frame()).not.toContain('Reject the offer?');
    // Out of the field, in the pane, its letters answer it again, and say so.
    await h.press(KEY.esc);
    expect(h.frame()).toContain('a, Ctrl-Y accept   x, Ctrl-X reject');
  });

  it('does not steal the palette query', async () => {
    h = await renderConsole();
    await h.press(':', 'w');
    h.fake!.setView((v) => ({ ...v, offer: offer('o1') }));
    await h.settle();
    expect(h.frame()).toContain(': w▌');
    expect(h.frame()).toContain('▶ OFFER');
  });

  it('does not steal a dialog being typed in (a notice being written)', async () => {
    h = await renderConsole();
    await h.press('N');
    await h.type('Hel');
    h.fake!.setView((v) => ({ ...v, offer: offer('o1') }));
    await h.settle();
    expect(h.frame()).toMatch(/▶ OFFER[\s\S]*Notice: Hel▌/);
  });

  it('leaves a pop-up notice on screen until it is acknowledged', async () => {
    const popup = { id: 'N-1', fromName: 'Kate S.', text: 'Outage', priority: 'popup' as const, groups: ['Support'], platform: false, at: 0, read: false };
    h = await renderConsole({ view: makeView({ notices: [popup] }) });
    expect(h.frame()).toContain('acknowledge to continue');
    h.fake!.setView((v) => ({ ...v, offer: offer('o1') }));
    await h.settle();
    expect(h.frame()).toMatch(/▶ OFFER[\s\S]*acknowledge to continue/);
  });

  it('selects the accepted interaction', async () => {
    h = await renderConsole({ view: makeView({ offer: offer('o1'), work: [interaction('w1')] }) });
    await h.press('a');
    h.fake!.setView((v) => ({ ...v, offer: null, work: [...v.work, interaction('o1', { customer: { name: 'Max' } })] }));
    await h.settle();
    expect(h.frame()).toContain('› Chat · Support chat · Max');
  });
});

describe('no redraw for nothing', () => {
  it('writes no frame when the view changes in parts nobody shows', async () => {
    h = await renderConsole({ view: makeView({ work: [interaction('w1')] }) });
    const before = h.stdout.frames.length;
    h.fake!.setView((v) => ({ ...v, pending: 3, lastSeq: 99 }));
    await h.settle();
    // Contacts are not on screen in the tabs layout with Interaction focused.
    h.fake!.setView((v) => ({ ...v, contacts: [...v.contacts, contact('zed')] }));
    await h.settle();
    // A clock offset jitter of a few ms is ignored.
    h.fake!.setView((v) => ({ ...v, clockOffset: 3 }));
    await h.settle();
    h.clock.advance(300);
    await h.settle();
    expect(h.stdout.frames.length).toBe(before);
  });

  it('a one-second tick makes one frame for all timers', async () => {
    h = await renderConsole({ view: makeView({ offer: offer('o1'), work: [interaction('w1'), interaction('w2')] }), columns: 140, rows: 40 });
    const before = h.stdout.frames.length;
    h.clock.advance(1000);
    await h.settle();
    expect(h.stdout.frames.length).toBe(before + 1);
  });
});
