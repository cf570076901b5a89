// Bracketed paste: the terminal wraps a paste in ESC[200~ ... ESC[201~ once
// the console turns the mode on. Only the text between the markers is a
// paste: into the active text field in one piece, ignored anywhere else;
// everything outside them is keys. The markers may be cut by the terminal's
// reads anywhere (a 10 KB paste comes in 4 KB reads): Ink then hands over the
// unfinished sequence on its own ("\x1b[20", then "1~..."). Each test writes
// its chunks one stdin write (one read) at a time.
import { useStdin, useInput, Text } from 'ink';
import { createElement, useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { PASTE_END, PASTE_START, PasteReader, type InputStep } from '../../src/tui/keys.js';
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON } from '../../src/tui/screen/session.js';
import { PASTE_IGNORED, readPastes } from '../../src/tui/use-console-input.js';
import { chatView } from './chat/fixtures.js';
import { interaction, makeView } from './helpers/fixtures.js';
import { KEY, renderConsole, renderInk, tick, type ConsoleHarness } from './helpers/render.js';
import { startConsole, xtermCaps } from './helpers/run-console.js';
import { calls as callsOf } from './helpers/scenario.js';

const paste = (text: string): string => `${PASTE_START}${text}${PASTE_END}`;

let h: ConsoleHarness | undefined;
afterEach(() => {
  h?.unmount();
  h = undefined;
});
const calls = (name: Parameters<typeof callsOf>[1]) => callsOf(h!, name);
const tabBar = () => h!.frame().split('\n')[1]!;

describe('PasteReader', () => {
  const feed = (events: string[]): InputStep[] => {
    const r = new PasteReader();
    return events.flatMap((e) => r.feed(e));
  };

  it('passes keys through, and gives a paste whole at its end marker', () => {
    expect(feed(['a', PASTE_START, 'x\ry', 'z', PASTE_END, 'b'])).toEqual([
      { kind: 'key', input: 'a' }, { kind: 'paste', text: 'x\ryz' }, { kind: 'key', input: 'b' },
    ]);
  });

  it('a paste whose end marker never comes ends once input pauses (keys after it act again)', () => {
    const r = new PasteReader();
    expect(r.feed(PASTE_START, 1000)).toEqual([]);
    expect(r.feed('half a paste', 1500)).toEqual([]);
    expect(r.feed('more', 2500)).toEqual([]); // 1 s after the last read: still the paste
    expect(r.feed('s', 3501)).toEqual([{ kind: 'paste', text: 'half a pastemore' }, { kind: 'key', input: 's' }]);
    expect(r.inPaste).toBe(false);
    // A paste after the stall works as ever.
    expect(r.feed(`${PASTE_START}ok${PASTE_END}`, 3600)).toEqual([{ kind: 'paste', text: 'ok' }]);
  });

  it('end markers cut anywhere, as Ink flushes them', () => {
    for (const events of [
      ['\x1b[20', '1~'], ['\x1b[2', '01~'], ['\x1b[', '201~'], ['\x1b', '[201~'], ['\x1b[201', '~'],
    ]) {
      expect(feed([PASTE_START, 'text', ...events]), JSON.stringify(events)).toEqual([{ kind: 'paste', text: 'text' }]);
    }
    // Keys read in the same event after a cut end marker are keys.
    expect(feed([PASTE_START, 'text', '\x1b[2', '01~q'])).toEqual([{ kind: 'paste', text: 'text' }, { kind: 'keys', run: 'q' }]);
  });

  it('start markers cut in two: a held prefix is no key; a lone Esc (or Alt-[) still is', () => {
    expect(feed(['\x1b[20', '0~text', PASTE_END])).toEqual([{ kind: 'paste', text: 'text' }]);
    expect(feed(['\x1b[2', '0', '0~text', PASTE_END])).toEqual([{ kind: 'paste', text: 'text' }]);
    expect(feed(['\x1b', '[200~text', PASTE_END])).toEqual([{ kind: 'key', input: '\x1b' }, { kind: 'paste', text: 'text' }]);
    expect(feed(['\x1b[', '200~text', PASTE_END])).toEqual([{ kind: 'key', input: '\x1b[' }, { kind: 'paste', text: 'text' }]);
    // Not a marker after all: the held prefix is dropped (an unfinished sequence), the next event is a key.
    expect(feed(['\x1b[20', 'x'])).toEqual([{ kind: 'key', input: 'x' }]);
    expect(feed(['\x1b', 'x'])).toEqual([{ kind: 'key', input: '\x1b' }, { kind: 'key', input: 'x' }]);
  });

  it('escape sequences inside a paste are pasted text (the field sanitizes them); a stray end is nothing', () => {
    expect(feed([PASTE_START, 'a', '\x1b[31m', 'b', '\x1b[A', PASTE_END])).toEqual([{ kind: 'paste', text: 'a\x1b[31mb\x1b[A' }]);
    expect(feed([PASTE_END, 'k'])).toEqual([{ kind: 'key', input: 'k' }]);
    expect(feed([PASTE_START, PASTE_END])).toEqual([{ kind: 'paste', text: '' }]);
  });

  it('keeps at most MAX_PASTE characters of a huge paste, and still finds its end', () => {
    const steps = feed([PASTE_START, ...Array.from({ length: 30 }, () => 'x'.repeat(4095)), '\x1b[20', '1~']);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toEqual({ kind: 'paste', text: 'x'.repeat(100_000) });
  });
});

describe('through Ink\'s own input parsing, a stream cut at every place', () => {
  // A probe with the console's input plumbing (readPastes in front of useInput).
  function probe(log: string[]) {
    return function Probe() {
      const { internal_eventEmitter } = useStdin();
      useEffect(() => readPastes(internal_eventEmitter, {
        paste: (t) => log.push(`paste:${t}`),
        keys: (r) => log.push(...[...r].map((k) => `key:${k}`)),
        deliver: (raw, emit) => { log.push(...(raw.startsWith('\x1b') ? [`key:${raw}`] : [...raw].map((k) => `key:${k}`))); emit(); },
      }), [internal_eventEmitter]);
      useInput(() => {});
      return createElement(Text, null, 'probe');
    };
  }
  const stream = `ab${paste('one\rtwo\x1b[31m!')}c${paste('3')}`;
  const expected = ['key:a', 'key:b', 'paste:one\rtwo\x1b[31m!', 'key:c', 'paste:3'];
  // A read ending right after a start marker's ESC (or ESC [): Ink flushes it
  // alone, and that is the Esc (or Alt-[) key: it has acted before the rest
  // shows a marker. Terminals write a marker and its text at once: rare.
  const startEscs = [...stream.matchAll(/\x1b\[200~/g)].map((m) => m.index);
  const want = (flushedCuts: number[]): string[] => {
    const pastes = expected.filter((e) => e.startsWith('paste:'));
    return expected.flatMap((e) => {
      const n = pastes.indexOf(e);
      if (n < 0) return [e];
      if (flushedCuts.includes(startEscs[n]! + 1)) return ['key:\x1b', e];
      if (flushedCuts.includes(startEscs[n]! + 2)) return ['key:\x1b[', e];
      return [e];
    });
  };

  it('in two reads, with Ink flushing the unfinished sequence between them or not', async () => {
    for (const flush of [true, false]) {
      for (let i = 1; i < stream.length; i++) {
        const log: string[] = [];
        const app = renderInk(createElement(probe(log)));
        try {
          await tick();
          app.stdin.write(stream.slice(0, i));
          if (flush) await tick();
          app.stdin.write(stream.slice(i));
          await tick();
          expect(log, `cut at ${i}${flush ? ', flushed' : ''}`).toEqual(want(flush ? [i] : []));
        } finally {
          app.instance.unmount();
        }
      }
    }
  });

  it('in three reads, cut at every pair of places', async () => {
    for (let i = 1; i < stream.length; i++) {
      for (let j = i + 1; j < stream.length; j++) {
        const log: string[] = [];
        const app = renderInk(createElement(probe(log)));
        try {
          await tick();
          for (const chunk of [stream.slice(0, i), stream.slice(i, j), stream.slice(j)]) {
            app.stdin.write(chunk);
            await tick();
          }
          expect(log, `cut at ${i}, ${j}`).toEqual(want([i, j]));
        } finally {
          app.instance.unmount();
        }
      }
    }
    // Hundreds of renders, CPU-bound: seconds alone, over the default 20 s on a loaded machine.
  }, 120_000);
});

describe('a paste in the console', () => {
  it('chat compose: a multi-line paste is typed in one piece and not sent; Enter sends it', async () => {
    h = await renderConsole({ view: chatView() });
    await h.press(KEY.enter);
    await h.press(paste('first line\r\nsecond line\rthird'));
    expect(calls('sendChat')).toEqual([]);
    expect(h.frame()).toContain('third▌');
    await h.press(KEY.enter);
    expect(calls('sendChat').map(([, text]) => text)).toEqual(['first line\nsecond line\nthird']);
  });

  it('chat compose: markers and text cut across reads at awkward places', async () => {
    h = await renderConsole({ view: chatView() });
    await h.press(KEY.enter);
    await h.press('\x1b[2', '00~hello\r', 'wor', 'ld\x1b', '[201~');
    expect(calls('sendChat')).toEqual([]);
    await h.press('\x1b[20', `0~!${PASTE_END}`, KEY.enter);
    expect(calls('sendChat').map(([, text]) => text)).toEqual(['hello\nworld!']);
  });

  it('notes: a 12 KB paste in 4 KB reads is cut to the field\'s 10,000 characters, line breaks kept', async () => {
    h = await renderConsole({ view: makeView({ work: [interaction('w1', { notes: '' })] }) });
    await h.press('n');
    const text = 'y'.repeat(99).concat('\r').repeat(120);
    const raw = paste(text);
    const reads: string[] = [];
    for (let i = 0; i < raw.length; i += 4095) reads.push(raw.slice(i, i + 4095));
    await h.press(...reads);
    await h.press(KEY.ctrl('s'));
    const [[id, notes]] = calls('setNotes') as [[string, string]];
    expect(id).toBe('w1');
    expect(notes).toBe('y'.repeat(99).concat('\n').repeat(100));
  });

  it('a hostile clipboard: escape sequences are stripped from the paste, and nothing crashes', async () => {
    h = await renderConsole({ view: makeView({ work: [interaction('w1', { notes: '' })] }) });
    await h.press('n');
    // SGR colours, an OSC 52 clipboard write, a screen clear, an 8-bit CSI, a bell.
    await h.press(paste('a\x1b[31mred\x1b[0m\x1b]52;c;aGk=\x07 \x1b[2Jb\x9b31m\x07c'));
    await h.press(KEY.ctrl('s'));
    expect(calls('setNotes')).toEqual([['w1', 'ared bc']]);
  });

  it('a single-line field: line breaks become spaces', async () => {
    h = await renderConsole();
    await h.press('4', '/');
    await h.press(paste('ch\rl'));
    expect(h.frame()).toContain('/ch l▌');
  });

  it('on a pane, a paste runs nothing ("sq" would open the status menu and quit) and says so', async () => {
    h = await renderConsole();
    await h.press(paste('sq4\r'));
    expect(h.frame()).not.toContain('─ Change status');
    expect(h.frame()).not.toContain('Leave the console?');
    expect(tabBar()).toContain('[1 Interaction]');
    expect(h.frame()).toContain(PASTE_IGNORED);
    expect(h.exits).toEqual([]);
    expect(h.fake!.calls).toEqual([]);
  });

  it('in a dialog without a text field, a paste is ignored: the menu stays, nothing is picked', async () => {
    h = await renderConsole({ view: makeView({ self: { ...makeView().self!, status: 'on_break' } }) });
    await h.press('s');
    expect(h.frame()).toContain('─ Change status');
    await h.press(paste('j\r'));
    expect(h.frame()).toContain('─ Change status');
    expect(h.frame()).toContain(PASTE_IGNORED);
    expect(calls('setStatus')).toEqual([]);
  });

  it('without markers (a terminal without bracketed paste), a colour sequence Ink cannot parse is dropped, not a crash', async () => {
    h = await renderConsole();
    await h.press('\x1b[31m', '3');
    expect(tabBar()).toContain('[3 Queues]');
  });
});

describe('the terminal mode', () => {
  it('is turned on at start where the terminal has it, and off on the way out, once, after the last frame', async () => {
    const c = await startConsole();
    expect(c.stdout.frames[0]).toContain(BRACKETED_PASTE_ON);
    await c.press('q', 'l');
    await expect(c.done).resolves.toBe(0);
    const out = c.bytes();
    expect(out.split(BRACKETED_PASTE_OFF)).toHaveLength(2);
    expect(c.stdout.frames.at(-1)).toContain(BRACKETED_PASTE_OFF);
  });

  it('is left alone on a terminal without it (or output that is not a terminal)', async () => {
    const c = await startConsole({ caps: xtermCaps({ bracketedPaste: false }) });
    await c.quit();
    expect(c.bytes()).not.toContain(BRACKETED_PASTE_ON);
    expect(c.bytes()).not.toContain(BRACKETED_PASTE_OFF);
  });
});
