import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { Text, useInput, type Key } from 'ink';
import { render } from 'ink-testing-library';
import {
  ChordError, chordFromChar, chordFromInk, chordFromSequence, chordId, formatChord, isKeyRun, isPlainRun, isTextKey, parseChord,
  splitKeys, type Chord, type InkKey,
} from '../../src/tui/keys.js';
import { renderInk, tick } from './helpers/render.js';

const c = (key: string, mods: Partial<Omit<Chord, 'key'>> = {}): Chord =>
  ({ key, ctrl: false, alt: false, shift: false, ...mods });

/** A component that records the chord Ink's useInput gives each key (as chordFromInk reads it). */
function chordProbe(seen: string[]) {
  return function Probe() {
    useInput((input, key) => {
      const chord = chordFromInk(input, key);
      seen.push(chord ? chordId(chord) : 'null');
    });
    return createElement(Text, null, 'probe');
  };
}

describe('parseChord', () => {
  it.each([
    ['ctrl+k', c('k', { ctrl: true })],
    ['Ctrl-K', c('k', { ctrl: true })],
    ['control+k', c('k', { ctrl: true })],
    ['alt+1', c('1', { alt: true })],
    ['meta+x', c('x', { alt: true })],
    ['shift+tab', c('tab', { shift: true })],
    ['esc', c('esc')],
    ['Escape', c('esc')],
    ['enter', c('enter')],
    ['return', c('enter')],
    ['?', c('?')],
    [':', c(':')],
    ['f2', c('f2')],
    ['F12', c('f12')],
    ['space', c('space')],
    ['a', c('a')],
    ['A', c('a', { shift: true })],
    ['shift+a', c('a', { shift: true })],
    ['alt+shift+A', c('a', { alt: true, shift: true })],
    ['ctrl+alt+shift+up', c('up', { ctrl: true, alt: true, shift: true })],
    ['pgdn', c('pagedown')],
    ['delete', c('backspace')],
    ['ctrl++', c('+', { ctrl: true })],
    ['ctrl+-', c('-', { ctrl: true })],
    ['Ctrl--', c('-', { ctrl: true })],
    ['+', c('+')],
    ['-', c('-')],
    ['é', c('é')],
    ['  ctrl+k  ', c('k', { ctrl: true })],
  ])('%j', (text, expected) => {
    expect(parseChord(text)).toEqual(expected);
  });

  it.each(['', '   ', 'ctrl+', 'shift+', 'ctrl+foo', 'hyper+k', 'f13', 'ab', 'shift+?', 'shift+1', '\x01', 'ctrl+\x1b', '\u200b', 'constructor', 'ctrl+toString'])(
    'rejects %j with a ChordError carrying the text',
    (text) => {
      let err: unknown;
      try { parseChord(text); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(ChordError);
      expect((err as ChordError).text).toBe(text);
    },
  );
});

describe('chordId and formatChord', () => {
  it('builds stable ids with a fixed modifier order', () => {
    expect(chordId(parseChord('ctrl+k'))).toBe('ctrl+k');
    expect(chordId(parseChord('shift+alt+ctrl+x'))).toBe('ctrl+alt+shift+x');
    expect(chordId(parseChord('Esc'))).toBe('esc');
    expect(chordId(parseChord('A'))).toBe('shift+a');
  });

  it.each([
    ['ctrl+k', 'Ctrl-K'], ['alt+1', 'Alt-1'], ['shift+tab', 'Shift-Tab'], ['esc', 'Esc'],
    ['enter', 'Enter'], ['?', '?'], ['f2', 'F2'], ['space', 'Space'], ['a', 'a'], ['A', 'Shift-A'],
    ['pageup', 'PgUp'], ['ctrl+alt+shift+x', 'Ctrl-Alt-Shift-X'], ['ctrl+-', 'Ctrl--'],
  ])('%s shows as %s and parses back', (text, label) => {
    const chord = parseChord(text);
    expect(formatChord(chord)).toBe(label);
    expect(parseChord(label)).toEqual(chord);
  });
});

const noKey: InkKey = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false,
};
const k = (over: Partial<InkKey>): InkKey => ({ ...noKey, ...over });

describe('chordFromInk', () => {
  it.each([
    ['k', k({ ctrl: true }), 'ctrl+k'],
    ['1', k({ meta: true }), 'alt+1'],
    ['', k({ tab: true, shift: true }), 'shift+tab'],
    ['', k({ escape: true, meta: true }), 'esc'],
    ['', k({ return: true }), 'enter'],
    ['\r', noKey, 'enter'],
    ['?', noKey, '?'],
    ['?', k({ shift: true }), '?'],
    ['A', k({ shift: true }), 'shift+a'],
    ['a', noKey, 'a'],
    [' ', noKey, 'space'],
    ['`', k({ ctrl: true }), 'ctrl+space'],
    ['', k({ delete: true }), 'backspace'],
    ['', k({ backspace: true }), 'backspace'],
    ['', k({ upArrow: true, meta: true }), 'alt+up'],
    ['', k({ pageDown: true }), 'pagedown'],
    ['', k({ home: true }), 'home'],
  ])('(%j, %j) → %s', (input, key, id) => {
    const chord = chordFromInk(input, key);
    expect(chord).not.toBeNull();
    expect(chordId(chord!)).toBe(id);
  });

  it('returns null for pastes, controls and keys Ink cannot name', () => {
    expect(chordFromInk('hello', noKey)).toBeNull();
    expect(chordFromInk('\x1c', noKey)).toBeNull();
    expect(chordFromInk('', noKey)).toBeNull(); // e.g. F2 through useInput
  });

  it('accepts the real Ink Key type', () => {
    const inkKey: Key = { ...noKey, super: false, hyper: false, capsLock: false, numLock: false };
    expect(chordFromInk('x', inkKey)).toEqual(c('x'));
  });
});

describe('chordFromInk against real Ink input parsing', () => {
  // Raw bytes a terminal sends → what the keymap should see.
  const cases: Array<[string, string]> = [
    ['\x0b', 'ctrl+k'], ['\x1b1', 'alt+1'], ['\x1b[Z', 'shift+tab'], ['\r', 'enter'],
    ['?', '?'], [' ', 'space'], ['A', 'shift+a'], ['q', 'q'], ['\x7f', 'backspace'],
    ['\x1b[A', 'up'], ['\x1b[6~', 'pagedown'], ['\t', 'tab'], ['\x1bx', 'alt+x'],
  ];
  it.each(cases)('%j → %s', async (raw, id) => {
    const seen: string[] = [];
    const Probe = chordProbe(seen);
    const app = render(createElement(Probe));
    try {
      await new Promise((r) => setTimeout(r, 50));
      app.stdin.write(raw);
      await new Promise((r) => setTimeout(r, 50));
      expect(seen).toEqual([id]);
    } finally {
      app.unmount();
    }
  });
});

describe('chordFromSequence (function keys)', () => {
  it.each([
    ['\x1bOP', 'f1'], ['\x1bOQ', 'f2'], ['\x1b[12~', 'f2'], ['\x1b[24~', 'f12'],
    ['\x1b[1;5Q', 'ctrl+f2'], ['\x1b[15;2~', 'shift+f5'], ['\x1b[1;3S', 'alt+f4'],
  ])('%j → %s', (seq, id) => {
    const chord = chordFromSequence(seq);
    expect(chord && chordId(chord)).toBe(id);
    expect(chord).toEqual(parseChord(id));
  });

  it('ignores other sequences', () => {
    for (const seq of ['x', '\x1b[A', '\x1b[16~', '\x1b[12', '']) expect(chordFromSequence(seq)).toBeNull();
  });
});

describe('several keys in one read (isKeyRun, splitKeys, chordFromChar)', () => {
  it('a run is several plain characters; an escape sequence Ink could not name is not', () => {
    for (const run of ['s\r', 'sj\r', ':log out', 'ab', 'é😀']) expect(isKeyRun(run, noKey), JSON.stringify(run)).toBe(true);
    // One key; what is left of ESC [ 200 ~, ESC [ < 0;3;4 M, ESC [ I, ESC O x; a double-ESC sequence.
    for (const one of ['s', '😀', '\r', '', '[200~', '[<0;3;4M', '[I', 'Ox', '[[A', '\x1b[200~']) {
      expect(isKeyRun(one, noKey), JSON.stringify(one)).toBe(false);
    }
    expect(isKeyRun('ab', k({ meta: true }))).toBe(false);
  });

  it('splits by code point, CR LF being one Enter', () => {
    expect(splitKeys('s\r')).toEqual(['s', '\r']);
    expect(splitKeys('a😀\r\nb\n\r')).toEqual(['a', '😀', '\r\n', 'b', '\n', '\r']);
  });

  it('text keys are printable characters; line breaks, tabs and other controls are keys of their own', () => {
    for (const t of ['a', 'A', ' ', '~', '😀', 'é']) expect(isTextKey(t), JSON.stringify(t)).toBe(true);
    for (const key of ['\r', '\n', '\r\n', '\t', '\x7f', '\b', '\x13', '\x19', '\x00', '\x1c', '\u0085', '\u009b']) {
      expect(isTextKey(key), JSON.stringify(key)).toBe(false);
    }
  });

  it('a raw Ink event is a run when it is several characters with no escape', () => {
    for (const run of ['s\r', 'OK', '[I', '[200~', 'é😀']) expect(isPlainRun(run), JSON.stringify(run)).toBe(true);
    for (const one of ['s', '😀', '\r', '', '\x1b[200~', '\x1b[I', '\x1bOx', '\x1bx']) expect(isPlainRun(one), JSON.stringify(one)).toBe(false);
  });

  it('gives every character the chord Ink gives it when read alone', async () => {
    const chars = [...Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(i)).filter((ch) => ch !== '\x1b'), 'é', 'Ж', '😀', '\u0085'];
    const seen: string[] = [];
    const Probe = chordProbe(seen);
    const app = renderInk(createElement(Probe));
    try {
      await tick();
      for (const ch of chars) {
        app.stdin.write(ch);
        await tick();
      }
      const mine = chars.map((ch) => { const chord = chordFromChar(ch); return chord ? chordId(chord) : 'null'; });
      expect(Object.fromEntries(chars.map((ch, i) => [JSON.stringify(ch), mine[i]])))
        .toEqual(Object.fromEntries(chars.map((ch, i) => [JSON.stringify(ch), seen[i]])));
      expect(seen).toHaveLength(chars.length);
    } finally {
      app.instance.unmount();
    }
  });
});
