// Nothing cut at 80×24 (issue 23): messages and dialog lines wrap instead of
// ending in "…", every interaction in progress is listed beside a chat, and
// every counter says what it counts.
import { afterEach, describe, expect, it } from 'vitest';
import { phoneView } from './call/fixtures.js';
import { interaction, makeView } from './helpers/fixtures.js';
import { KEY, renderConsole, type ConsoleHarness } from './helpers/render.js';

let h: ConsoleHarness | undefined;
afterEach(() => h?.unmount());

/** The screen's text with line breaks and frame borders taken out, to read a wrapped sentence. */
const prose = (h: ConsoleHarness): string => h.frame().replace(/[│\s]+/g, ' ');
const chat = (id: string, name: string) => interaction(id, { customer: { name }, chat: { conversationId: id, messages: [], customerLeft: false } });

describe('nothing cut at 80×24', () => {
  it('a chat shown lists every interaction in progress above it, and its tab row counts chats in words', async () => {
    h = await renderConsole({ view: makeView({ work: [chat('c1', 'Lee'), chat('c2', 'Max'), chat('c3', 'Ola')] }) });
    const f = h.frame();
    expect(f).toContain('In progress (3)');
    expect(f).toMatch(/› Chat · Support chat · Lee/);
    expect(f).toMatch(/ {2}Chat · Support chat · Max/);
    expect(f).toMatch(/ {2}Chat · Support chat · Ola/);
    expect(f).toContain('3 of 6 chats');
    expect(f).not.toMatch(/ 3\/6/);
  });

  it('the dial dialog says a bad number\'s rule whole', async () => {
    h = await renderConsole({ view: phoneView({ status: 'working_offline', work: [] }) });
    await h.press('D');
    await h.type('12');
    await h.press(KEY.enter);
    expect(prose(h)).toContain('"12" is not a valid phone number. Use a US number such as 5102592675, 15102592675, 1-510-259-2675 or 1(510)259-2675, or + and the country code (e.g. +44 20 7946 0958).');
    expect(h.frame()).not.toContain('…');
  });

  it('a key conflict in the config is reported whole in the message line', async () => {
    h = await renderConsole({ keyOverrides: { 'queues.media': ['r'], 'contacts.group': ['v'] } });
    const text = prose(h);
    expect(text).toContain('Key bindings:');
    expect(text).toContain('r is bound to both "queues.media" and "queues.relation"; "queues.media" wins');
    expect(text).toContain('v is bound to both "contacts.group" and "contacts.status"; "contacts.group" wins');
    expect(h.frame().split('\n').slice(-4).join('\n')).not.toContain('…');
  });

  it('an engine refusal longer than a line wraps onto the next rows', async () => {
    h = await renderConsole({ view: makeView({ work: [interaction('w1', { phase: 'wrapup', wrapUpDeadline: Date.now() + 30_000 })] }) });
    h.fake!.refuse('wrapUp', 'Choose a code from: Contact reason. Mandatory lists are marked * in the Disposition pane (press d), and wrap-up waits for them.', 'CODE_REQUIRED');
    await h.press('w');
    expect(prose(h)).toContain('Choose a code from: Contact reason. Mandatory lists are marked * in the Disposition pane (press d), and wrap-up waits for them.');
  });
});
