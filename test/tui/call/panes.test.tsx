// The call as drawn (fake client): flags, whisper, consultation, notices, the
// agent's own phone trouble; and controls the permissions deny, refused here.
import { afterEach, describe, expect, it } from 'vitest';
import { renderConsole, type ConsoleHarness } from '../helpers/render.js';
import { phoneView } from './fixtures.js';

let h: ConsoleHarness | undefined;
afterEach(() => h?.unmount());

describe('call block and phone alerts', () => {
  it('shows the flags, the whisper, the consultation and the last notice', async () => {
    h = await renderConsole({
      columns: 100, rows: 30,
      view: phoneView({ call: {
        muted: true, held: true, recording: 'paused', dtmf: '42',
        consult: { purpose: 'transfer', blind: false, target: { number: '+14155551212' }, state: 'ringing' },
        notice: { text: 'Benjamin O. did not answer: you are back with the customer.', level: 'warning', at: 0 },
      } }),
    });
    const f = h.frame();
    expect(f).toMatch(/Call · connected · MUTED · ON HOLD · REC paused · keys 42\s+0:30/);
    expect(f).toContain('Whisper: Support line: verify the account PIN first.');
    expect(f).toContain('Consulting +14155551212: ringing · f complete, b back');
    expect(f).toContain('Benjamin O. did not answer: you are back with the customer.');
  });

  it('a dropped persistent connection is shown on top with the way to retry', async () => {
    const v = phoneView({ work: [] });
    v.self!.phone = { ...v.self!.phone!, mode: 'persistent', voice: 'off', voiceDropped: 'the line went dead' };
    h = await renderConsole({ view: v, columns: 100, rows: 30 });
    expect(h.frame()).toContain('Phone connection dropped: the line went dead (Shift-P: Retry to connect)');
  });

  it('record without the permission is refused with a clear message, nothing sent', async () => {
    h = await renderConsole({ view: phoneView({ permissions: ['rejectOffers'] }), columns: 100, rows: 30 });
    await h.press('r');
    expect(h.frame()).toContain('You do not have the permission to record calls.');
    expect(h.fake!.callsOf('record')).toHaveLength(0);
  });

  it('a voicemail cannot be transferred or held; the engine is not asked', async () => {
    h = await renderConsole({ view: phoneView({ call: { kind: 'voicemail', whisper: undefined } }), columns: 100, rows: 30 });
    expect(h.frame()).toContain('Voicemail · connected');
    await h.press('t');
    expect(h.frame()).toContain('Not possible on a voicemail.');
    await h.press('h');
    expect(h.fake!.callsOf('hold')).toHaveLength(0);
    expect(h.fake!.callsOf('transferCall')).toHaveLength(0);
  });
});

describe('transfer to a queue', () => {
  it('when the engine answers UNSTAFFED, the row beside the warning says "nobody else", not the listing\'s older "avail"', async () => {
    h = await renderConsole({ view: phoneView(), columns: 100, rows: 30 });
    h.fake!.answerOnce('listQueues', {
      ok: true,
      queues: [{ id: 'support-phone', name: 'Support line', media: 'inbound_phone', priority: 50, stats: { available: 1, waiting: 0, others: 1 } }],
    });
    h.fake!.answerOnce('transferCall', { ok: false, error: { code: 'UNSTAFFED', message: 'Nobody else is available in Support line right now.' } });
    await h.press('t', '\t');
    expect(h.frame()).toMatch(/Support line\s+1 avail · 0 waiting/);
    await h.press('\r', '\r');
    expect(h.frame()).toContain('Nobody else is available in Support line right now.');
    expect(h.frame()).toMatch(/Support line\s+nobody else · 0 waiting/);
  });
});

describe('transfer targets refused before the agent types', () => {
  it('an Available colleague with an offer waiting is greyed in the Agents tab, with why, and Enter sends nothing', async () => {
    const v = phoneView();
    v.contacts = v.contacts.map((c) => (c.id === 'dev' ? { ...c, status: 'available', offerWaiting: true } : c));
    h = await renderConsole({ view: v });
    await h.press('t');
    expect(h.frame()).toMatch(/Devansh R\. · \S+\s+Available · offer waiting/);
    await h.type('dev');
    expect(h.frame().replace(/[│\s]+/g, ' ')).toContain('Not now: Devansh R. has an offer waiting: a call reaches them once they have answered it.');
    // The footer offers no Ctrl-B cold transfer to them, and Enter sends nothing.
    expect(h.frame().split('\n').at(-1)).not.toContain('Ctrl-B');
    await h.press('\r');
    expect(h.fake!.callsOf('transferCall')).toEqual([]);
  });
});
