// Notes typed during wrap-up are never lost to its timer (issue 23's shift
// walk: the timer ended the call while its notes were typed, the field took
// keys out of sight, and Esc answered "not one of yours"). They are sent when
// the typing pauses and in the wrap-up's last seconds; an interaction that
// ends anyway leaves the field open, saying so, until Esc.
import { afterEach, describe, expect, it } from 'vitest';
import { NOTES_IDLE_MS } from '../../src/tui/notes-keeper.js';
import { interaction, makeView, NOW, offer } from './helpers/fixtures.js';
import { KEY, renderConsole, type ConsoleHarness } from './helpers/render.js';

let h: ConsoleHarness | undefined;
afterEach(() => h?.unmount());

const wrapUp = (notes = '') => interaction('w1', { media: 'inbound_phone', queueName: 'Support line', phase: 'wrapup', wrapUpDeadline: NOW + 30_000, codes: ['billing'], notes });
const flat = (): string => h!.frame().replace(/[│\s]+/g, ' ');

describe('notes and the wrap-up timer', () => {
  it('sends the notes once typing pauses, not on every key', async () => {
    h = await renderConsole({ view: makeView({ work: [wrapUp()] }) });
    await h.press('n');
    await h.type('called back');
    h.clock.advance(1000);
    await h.settle();
    expect(h.fake!.callsOf('setNotes')).toEqual([]);
    h.clock.advance(NOTES_IDLE_MS);
    await h.settle();
    expect(h.fake!.callsOf('setNotes')).toEqual([['w1', 'called back']]);
    // Sent and applied: nothing more to send while nothing changes.
    h.fake!.setView((v) => ({ ...v, work: [wrapUp('called back')] }));
    h.clock.advance(5000);
    await h.settle();
    expect(h.fake!.callsOf('setNotes')).toHaveLength(1);
  });

  it('in the last seconds of wrap-up the notes are sent each second, however fast the agent types', async () => {
    h = await renderConsole({ view: makeView({ work: [wrapUp()] }) });
    await h.press('n');
    h.clock.advance(26_000);
    await h.type('pin reset');
    h.clock.advance(1000);
    await h.settle();
    expect(h.fake!.callsOf('setNotes')).toEqual([['w1', 'pin reset']]);
  });

  it('when the timer ends the interaction mid-typing, the field stays and says so; the next keys go into it, not to an offer; Esc closes it without an error', async () => {
    h = await renderConsole({ view: makeView({ work: [wrapUp()] }) });
    await h.press('n');
    await h.type('asked about');
    h.clock.advance(NOTES_IDLE_MS + 1000);
    await h.settle();
    h.fake!.setView((v) => ({ ...v, work: [wrapUp('asked about')] }));
    await h.settle();
    await h.type(' pins');
    // The timer ran out: the call is gone, an offer comes.
    h.fake!.setView((v) => ({ ...v, work: [], offer: offer('o2') }));
    await h.settle();
    expect(flat()).toContain('Inbound call · Support line · Lee is over (its wrap-up time ran out): its log keeps the notes as they were then, not what was typed since. Esc closes them.');
    await h.type(' and a');
    expect(h.fake!.callsOf('accept')).toEqual([]);
    expect(flat()).toContain('asked about pins and a▌');
    await h.press(KEY.esc);
    expect(h.fake!.callsOf('setNotes')).toEqual([['w1', 'asked about']]);
    expect(h.frame()).not.toMatch(/not one of yours|is over/);
  });

  it('says the notes are saved when everything typed was sent before the end, and no longer once more is typed', async () => {
    h = await renderConsole({ view: makeView({ work: [wrapUp()] }) });
    await h.press('n');
    await h.type('done');
    h.fake!.setView((v) => ({ ...v, work: [wrapUp('done')] }));
    await h.settle();
    h.fake!.setView((v) => ({ ...v, work: [] }));
    await h.settle();
    expect(flat()).toContain('Lee is over (its wrap-up time ran out): these notes are saved in its log. Esc closes them.');
    // What is typed after the end is not in the log, and the field says so as it changes.
    await h.type('!');
    expect(flat()).toContain('its log keeps the notes as they were then, not what was typed since.');
  });
});
