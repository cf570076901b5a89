// Hostile text from outside (customer, names, labels, notes, reasons, errors)
// must never reach the terminal as anything but plain visible text, and must
// not break the layout.
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentView } from '../../src/client/index.js';
import { assertFits } from './helpers/busy.js';
import { contact, interaction, makeView, offer, queue } from './helpers/fixtures.js';
import { KEY, renderConsole, type ConsoleHarness } from './helpers/render.js';

const ESC = '\x1b';
const EVIL = [
  `${ESC}]52;c;ZXZpbCBjbGlwYm9hcmQ=\x07`, // OSC 52: write the clipboard
  `${ESC}]8;;https://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\`, // OSC 8 hyperlink
  `${ESC}[2J${ESC}[H`, // clear screen, cursor home
  '\u009b31m\u009d0;pwned\u009c\u0085', // C1 CSI, C1 OSC, NEL
  '\u202Eexe.txt\u2066\u200F', // bidi override, isolate, RLM
  `${ESC}]0;title\x07\x07\b\r`, // title, BEL, backspace, CR
].join('');
const HUGE = `${EVIL}${'W'.repeat(10_000)}`;

function hostileView(): AgentView {
  const v = makeView({
    offer: offer('o1', { customer: { name: `Eve${EVIL}`, email: HUGE, subject: HUGE }, queueName: EVIL, whisper: HUGE }),
    work: [interaction('w1', {
      customer: { name: HUGE }, notes: `${EVIL}\n${HUGE}`, queueName: HUGE,
      codeLists: [{ id: 'l', name: HUGE, mandatory: true, codes: [{ id: 'c', label: HUGE }] }],
    })],
    queues: [queue('q1', { name: HUGE })],
    contacts: [contact('c1', { displayName: HUGE, group: EVIL })],
    statusCodes: { on_break: [{ id: 'x', label: HUGE }] },
    connection: { state: 'offline', reason: HUGE },
    notices: [
      { id: 'N-2', fromName: EVIL, text: HUGE, priority: 'high', groups: [EVIL], platform: true, at: 0, read: false },
      { id: 'N-1', from: 'kate', fromName: HUGE, text: `${EVIL}\n${HUGE}`, priority: 'low', groups: [HUGE], platform: false, at: 0, read: false },
    ],
  });
  return { ...v, self: { ...v.self!, displayName: `Ana${EVIL}`, status: 'on_break', statusCode: 'x' } };
}

/** Only Ink's own SGR colors may remain; everything else is visible text. */
function assertClean(output: string): void {
  const withoutSgr = output.replace(/\x1b\[[0-9;]*m/g, '');
  expect(withoutSgr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/);
  expect(withoutSgr).not.toContain('https://evil.example');
}

let h: ConsoleHarness | undefined;
afterEach(() => h?.unmount());

describe('hostile text', () => {
  it.each([
    ['interaction', ['1']], ['disposition', ['2']], ['queues', ['3']], ['contacts', ['4']],
    ['status menu codes', ['s', 'j', KEY.enter]], ['help', ['?']], ['palette', [':']],
    ['notices and the platform bar', ['5']], ['a notice whole', ['5', KEY.enter]],
  ])('%s: nothing escapes, the layout holds', async (_n, keys) => {
    h = await renderConsole({ view: hostileView() });
    h.fake!.refuse('setStatus', HUGE);
    await h.press(...keys);
    for (const frame of h.stdout.frames) assertClean(frame);
    assertFits(h.frame(), 80, 24);
  });

  it('at 160 columns, side by side', async () => {
    h = await renderConsole({ view: hostileView(), columns: 160, rows: 40 });
    for (const frame of h.stdout.frames) assertClean(frame);
    assertFits(h.frame(), 160, 40);
    expect(h.frame()).toContain('Eve');
  });

  it('error messages from the engine are sanitized', async () => {
    h = await renderConsole({ view: hostileView() });
    h.fake!.refuse('accept', `no ${EVIL} way`);
    await h.press('a');
    expect(h.frame()).toContain('no ');
    expect(h.frame()).toContain(' way');
    for (const frame of h.stdout.frames) assertClean(frame);
  });

  it('the window title carries only sanitized text', async () => {
    h = await renderConsole({ view: hostileView() });
    const titles = h.raw.filter((r) => r.startsWith(`${ESC}]2;`));
    expect(titles).toHaveLength(1);
    // Exactly one ESC (the opener) and one BEL (the terminator).
    expect(titles[0]!.split(ESC)).toHaveLength(2);
    expect(titles[0]!.split('\x07')).toHaveLength(2);
    assertClean(titles[0]!.slice(4, -1));
  });

  it('key binding problems quoting a hostile config are sanitized', async () => {
    h = await renderConsole({ keyOverrides: { [`x${EVIL}`]: ['a'] } });
    expect(h.frame()).toContain('Key bindings: key override for unknown command');
    for (const frame of h.stdout.frames) assertClean(frame);
  });
});
