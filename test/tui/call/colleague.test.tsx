// Calling a colleague without typing their number (issue 13's audit): from
// Contacts and from their chat tab, Ctrl-P opens the dial dialog on the
// colleague's direct number, and Enter dials it with the outbound code, as a
// typed number would be. A colleague without a direct number is not offered
// the key.
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, renderConsole, type ConsoleHarness } from '../helpers/render.js';
import { calls } from '../helpers/scenario.js';
import { BEN_NUMBER as BEN, colleagueView as view } from './fixtures.js';

let h: ConsoleHarness | undefined;
afterEach(() => h?.unmount());

const footer = (x: ConsoleHarness) => x.frame().split('\n').at(-1) ?? '';

describe('calling a colleague', () => {
  it('from Contacts: Ctrl-P on a colleague dials their direct number (outbound code asked)', async () => {
    h = await renderConsole({ view: view() });
    await h.press('4');
    // The cursor is on the first by name: Benjamin.
    expect(footer(h)).toContain('Call');
    await h.press(KEY.ctrl('p'));
    expect(h.frame()).toMatch(/Dial[\s\S]*Number: \+1 510 555 0111▌[\s\S]*› Spring campaign/);
    await h.press(KEY.enter);
    expect(calls(h, 'dial')).toEqual([[BEN, 'campaign']]);
  });

  it('a colleague without a direct number is not offered the call', async () => {
    h = await renderConsole({ view: view() });
    // Chloé, second by name.
    await h.press('4', 'j');
    expect(footer(h)).not.toContain('Call');
    await h.press(KEY.ctrl('p'));
    expect(h.frame()).not.toContain('Number:');
    expect(calls(h, 'dial')).toEqual([]);
  });

  it('from their chat tab: Ctrl-P dials the colleague I am chatting with', async () => {
    h = await renderConsole({ view: view() });
    await h.press('\x1b1');
    expect(h.frame()).toContain('Got a minute?');
    await h.press(KEY.ctrl('p'));
    expect(h.frame()).toMatch(/Dial[\s\S]*Number: \+1 510 555 0111▌/);
    await h.press(KEY.enter);
    expect(calls(h, 'dial')).toEqual([[BEN, 'campaign']]);
  });
});
