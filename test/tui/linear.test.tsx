// Linear mode (--linear): changes said as plain lines, the typed field
// echoed, every action by key — the sentences (pure), the output's line
// discipline, and the real console on fake streams: not one escape sequence
// that moves the cursor, clears or colours.
import { describe, expect, it } from 'vitest';
import { LinearOutput } from '../../src/tui/linear/output.js';
import { fieldOf, uiNews } from '../../src/tui/linear/ui-news.js';
import { viewNews, type NewsContext } from '../../src/tui/linear/view-news.js';
import { buildKeymap } from '../../src/tui/keymap.js';
import { initialUi } from '../../src/tui/ui-state.js';
import { customerRecord } from './crm/fixtures.js';
import { safeView } from '../../src/tui/safe-view.js';
import { interaction, makeView, NOW, offer } from './helpers/fixtures.js';
import { waitFor } from './helpers/render.js';
import { callView, phoneView } from './call/fixtures.js';
import { startConsole, xtermCaps } from './helpers/run-console.js';

const ctx: NewsContext = { serverNow: NOW, offerKeys: { accept: 'a', reject: null } };

describe('linear mode: the news', () => {
  it('says an offer as the issue asks, with the keys that answer it', () => {
    const before = safeView(makeView());
    const olivia = offer('o1', { customer: { name: 'Olivia Brown' }, queueName: 'Sales — Chat', whisper: undefined });
    expect(viewNews(before, safeView(makeView({ offer: olivia })), ctx)).toEqual([
      'Offer: chat from Olivia Brown, Sales — Chat, 20 seconds. Press a to accept.',
    ]);
    const lee = safeView(makeView({ offer: offer('o2') }));
    expect(viewNews(before, lee, { ...ctx, offerKeys: { accept: 'Ctrl-Y', reject: 'Ctrl-X' } })).toEqual([
      'Offer: chat from Lee (acct 1234), Support chat, 20 seconds. Whisper: Verify the account PIN first. Press Ctrl-Y to accept, Ctrl-X to reject.',
    ]);
    // The same offer again is not news.
    expect(viewNews(lee, safeView(makeView({ offer: offer('o2') })), ctx)).toEqual([]);
  });

  it('says the status, the work taken, the chat lines, the codes, the end — in order', () => {
    const w = interaction('w1', { chat: { conversationId: 'c1', messages: [], customerLeft: false } });
    const a = safeView(makeView({ offer: offer('w1') }));
    const b = safeView(makeView({
      work: [{ ...w, chat: { ...w.chat!, messages: [{ id: 'm1', from: 'customer', text: 'Hello\nanyone?', ts: NOW }] } }],
      self: { ...makeView().self!, status: 'busy' },
    }));
    expect(viewNews(a, b, ctx)).toEqual(['Status: Busy.', 'Accepted: chat with Lee, Support chat.', 'Lee: Hello', '  anyone?']);
    const c = safeView(makeView({ ...b, work: [{ ...b.work[0]!, phase: 'wrapup', codes: ['tech'] }] }));
    expect(viewNews(b, c, ctx)).toEqual(['Wrap-up: chat with Lee, Support chat.', 'Code chosen: Technical issue.']);
    expect(viewNews(c, safeView(makeView()), ctx)).toEqual(['Status: Available.', 'Done: chat with Lee, Support chat.']);
  });

  it('says the caller put the call on hold from their side, and came back', () => {
    const held = (on: boolean) => phoneView({ call: { participants: callView().participants.map((x) => (x.party === 'customer' && on ? { ...x, farHeld: true } : x)) } });
    expect(viewNews(safeView(held(false)), safeView(held(true)), ctx)).toEqual(['Lee put the call on hold.']);
    expect(viewNews(safeView(held(true)), safeView(held(false)), ctx)).toEqual(['Lee is back on the line.']);
  });

  it('says a notice, a queue switched, a lost connection', () => {
    const a = safeView(makeView());
    const b = safeView(makeView({
      notices: [{ id: 'n1', from: 'kate', fromName: 'Kate S.', text: 'Huddle at 3', priority: 'high', groups: ['Support'], platform: false, at: NOW, read: false }],
      queues: makeView().queues.map((q) => (q.id === 'sales-chat' ? { ...q, enabled: true } : q)),
      connection: { state: 'reconnecting', attempt: 1, nextAttemptAt: NOW + 1000, reason: 'socket closed' },
    }));
    expect(viewNews(a, b, ctx)).toEqual(['Connection lost (socket closed); reconnecting.', 'Notice, high from Kate S.: Huddle at 3', 'Queue Sales chat: enabled.']);
  });
});

describe('linear mode: the CRM pane', () => {
  it('says the row under the cursor of the page shown, and the search field', () => {
    const v = safeView(makeView());
    const keymap = buildKeymap();
    const prev = initialUi();
    const onCustomer = { ...prev, focus: 'crm' as const, crm: { ...prev.crm, page: { kind: 'customer' as const, id: 'CUS-000001' }, customer: customerRecord() } };
    expect(uiNews(prev, onCustomer, v, keymap, ctx)).toEqual([expect.stringMatching(/^CRM: Customer: CAS-000001 Refund for order 55812, open.*, 1 of 2\.$/)]);
    const empty = { ...onCustomer, crm: { ...onCustomer.crm, page: { kind: 'search' as const }, results: null } };
    expect(uiNews(onCustomer, empty, v, keymap, ctx)).toEqual(['Search: nothing listed.']);
    expect(fieldOf(v, { ...empty, text: 'crmSearch', crm: { ...empty.crm, query: 'oliv' } }, keymap)).toEqual({ prompt: 'Search the CRM: ', text: 'oliv' });
  });
});

describe('linear mode: the output', () => {
  const output = () => {
    const written: string[] = [];
    return { out: new LinearOutput((d) => written.push(d), (t) => t), text: () => written.join('') };
  };

  it('echoes what is typed, rubs out a Backspace, prints news above the field and the field again below', () => {
    const { out, text } = output();
    out.field('ui', { prompt: 'To Lee: ', text: '' });
    out.field('ui', { prompt: 'To Lee: ', text: 'H' });
    out.field('ui', { prompt: 'To Lee: ', text: 'Hi' });
    out.field('ui', { prompt: 'To Lee: ', text: 'H' });
    out.field('ui', { prompt: 'To Lee: ', text: 'He' });
    out.say(['Lee: are you there?']);
    out.field('ui', { prompt: 'To Lee: ', text: 'Hey' });
    out.field('ui', { prompt: 'To Lee: ', text: '' }); // sent
    out.say(['You: Hey']);
    out.field('ui', null);
    out.say(['Status: Available.']);
    expect(text()).toBe('To Lee: Hi\b \be\r\nLee: are you there?\r\nTo Lee: Hey\r\nTo Lee: \r\nYou: Hey\r\nTo Lee: \r\nStatus: Available.\r\n');
  });

  it('writes only printable text: controls in what it is given are removed', () => {
    const { out, text } = output();
    out.say(['Lee: \x1b[2Jhi\x07']);
    expect(text()).toBe('Lee: hi\r\n');
  });
});

describe('linear mode: the console', () => {
  it('says where things stand, then each change as a line; keys act as on the full screen; no screen is drawn', async () => {
    const c = await startConsole({ linear: true, caps: xtermCaps() });
    const said = () => c.stdout.frames.join('');
    expect(said()).toContain('Ana L.: Available.\r\n');
    c.client.setView((v) => ({ ...v, offer: offer('o1', { customer: { name: 'Olivia Brown' }, queueName: 'Sales — Chat', whisper: undefined }) }));
    await waitFor(() => said().includes('Offer: chat from Olivia Brown, Sales — Chat, 20 seconds. Press a to accept, x to reject.'));
    await c.press('a');
    expect(c.client.callsOf('accept')).toEqual([['o1']]);
    await c.press('4');
    await waitFor(() => said().includes('Contacts: Benjamin O., Busy, agent, 1 of'));
    await c.press('j');
    await waitFor(() => said().includes('Chloé M., On Break, agent, 2 of'));
    await c.press('s');
    await waitFor(() => said().includes('Change status.\r\n'));
    await c.press('\x1b');
    await c.press('\x0c'); // Ctrl-L: where things stand again
    await waitFor(() => said().split('Ana L.: Available.').length === 3);
    await expect(c.quit()).resolves.toBe(0);
    // Bracketed paste on and off: the only escape sequences (no cursor move, clear, colour or alternate screen).
    expect(said().replace(/\x1b\[\?2004[hl]/g, '')).not.toContain('\x1b');
  });

  it('in a non-UTF-8 locale says everything in ASCII: not one byte above 0x7f', async () => {
    const c = await startConsole({ linear: true, caps: xtermCaps({ unicode: false }) });
    await c.press('4', 'j');
    await waitFor(() => c.stdout.frames.join('').includes('Chloe M., On Break, agent, 2 of'));
    c.client.setView((v) => ({ ...v, offer: offer('o1', { customer: { name: 'Zoë Łukasz' }, queueName: 'Sales — Chat', whisper: undefined }) }));
    await waitFor(() => c.stdout.frames.join('').includes('Offer: chat from Zoe Lukasz, Sales - Chat'));
    await expect(c.quit()).resolves.toBe(0);
    expect(Buffer.from(c.stdout.frames.join('')).findIndex((b) => b >= 0x80)).toBe(-1);
  });
});
