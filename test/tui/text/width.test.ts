import { beforeAll, describe, expect, it } from 'vitest';
import { cellWidth, codePointWidth, isUnstableWidth, sliceByWidth, takeWidth, truncateToWidth } from '../../../src/tui/text/width.js';
import { libcWidths, type LibcWidths } from '../helpers/libc-width.js';
import { corpusCodePoints } from './corpus.js';

const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
const isControl = (cp: number): boolean => cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
const isSurrogate = (cp: number): boolean => cp >= 0xd800 && cp <= 0xdfff;

let libc: LibcWidths;
beforeAll(() => {
  libc = libcWidths();
});
/** What tmux draws: wcwidth(), and one cell where wcwidth() cannot tell (-1:
 *  a code point newer than the C library's tables). */
const drawn = (cp: number): number => (libc.width(cp) < 0 ? 1 : libc.width(cp));

describe('the width function against libc wcwidth()', () => {
  it('agrees on every code point of the corpus, except the unstable ones it replaces at ingress', () => {
    const differ = corpusCodePoints().filter((cp) => codePointWidth(cp) !== drawn(cp));
    // Where they differ, terminals differ too: the width changed in a Unicode
    // newer than the C library's tables (trigrams, new emoji, new CJK), or it
    // is glibc's own choice (circled numbers on black squares: 2, Unicode says
    // ambiguous). The normalizer replaces these; no answer would be right.
    expect(differ.filter((cp) => !isUnstableWidth(cp)).map(hex), libc.name).toEqual([]);
    // Against glibc 2.36 (Unicode 14): U+2630, U+3248, U+1FA77, U+1FAE8, U+2EBF0.
    for (const cp of [0x2630, 0x3248, 0x1fa77, 0x1fae8, 0x2ebf0]) expect(isUnstableWidth(cp), hex(cp)).toBe(true);
  });

  it('agrees on every Unicode code point but controls and the unstable ones', () => {
    const differ: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (isSurrogate(cp) || isControl(cp) || isUnstableWidth(cp)) continue;
      if (codePointWidth(cp) !== drawn(cp)) differ.push(`${hex(cp)} ours ${codePointWidth(cp)} drawn ${drawn(cp)}`);
    }
    expect(differ.slice(0, 20), libc.name).toEqual([]);
  });

  it('counts controls as nothing (libc: -1; the sanitizer removes them first)', () => {
    for (const cp of [0x00, 0x07, 0x1b, 0x7f, 0x9b]) expect(codePointWidth(cp)).toBe(0);
  });

  it('marks as unstable exactly the classes terminals disagree on', () => {
    const unstable = (s: string): boolean => [...s].some((ch) => isUnstableWidth(ch.codePointAt(0)!));
    for (const s of ['\u3164', '\u115F', '\u1160', '\uFFA0', '\u0600', '\u06DD', '\u{110BD}', '\u11A8', '\u0378', '\u{1FA77}']) {
      expect(unstable(s), hex(s.codePointAt(0)!)).toBe(true);
    }
    for (const s of ['a', 'é', '日', '😀', '❤', '\uFE0F', '\u0301', '\u1100', '한', '①', '─', '\u{E000}', '🇫']) {
      expect(unstable(s), hex(s.codePointAt(0)!)).toBe(false);
    }
  });
});

describe('cellWidth', () => {
  it('counts wide chars and emoji as 2, combining marks as 0, ambiguous as 1', () => {
    expect(cellWidth('abc')).toBe(3);
    expect(cellWidth('日本')).toBe(4);
    expect(cellWidth('👍')).toBe(2);
    expect(cellWidth('e\u0301')).toBe(1);
    expect(cellWidth('①─…')).toBe(3);
    expect(cellWidth('')).toBe(0);
  });

  it('measures sequences code point by code point, as wcwidth terminals draw them', () => {
    expect(cellWidth('❤\uFE0F')).toBe(1); // the selector draws nothing in tmux
    expect(cellWidth('👨\u200D👩\u200D👧')).toBe(6); // each member drawn
    expect(cellWidth('🇫🇷')).toBe(2); // two one-cell regional indicators
    expect(cellWidth('1\uFE0F\u20E3')).toBe(1);
    expect(cellWidth('\u1100\u1161\u11A8')).toBe(2); // a conjoined syllable
  });
});

describe('truncateToWidth', () => {
  it('truncates by cells with an ellipsis', () => {
    expect(truncateToWidth('hello world', 5)).toBe('hell…');
    expect(truncateToWidth('hello', 5)).toBe('hello');
    expect(truncateToWidth('日本語テキスト', 5)).toBe('日本…');
    expect(truncateToWidth('👍👍👍', 4)).toBe('👍…');
    expect(truncateToWidth('e\u0301e\u0301e\u0301', 3)).toBe('e\u0301e\u0301e\u0301');
  });

  it('never splits a wide char or a grapheme', () => {
    expect(truncateToWidth('日本語', 5, '')).toBe('日本');
    expect(truncateToWidth('日本語', 3, '')).toBe('日');
    expect(cellWidth(truncateToWidth('a日本語', 4))).toBeLessThanOrEqual(4);
    expect(truncateToWidth('🇫🇷🇯🇵', 3, '')).toBe('🇫🇷');
    expect(truncateToWidth('e\u0301\u0301x', 1, '')).toBe('e\u0301\u0301');
  });

  it('handles tiny and odd widths', () => {
    expect(truncateToWidth('abc', 0)).toBe('');
    expect(truncateToWidth('abc', -1)).toBe('');
    expect(truncateToWidth('abc', 1)).toBe('…');
    expect(truncateToWidth('abc', 1, '...')).toBe('a');
    expect(truncateToWidth('x'.repeat(10_000), 80)).toHaveLength(80);
  });

  it('takeWidth says how wide the head it took is', () => {
    expect(takeWidth('日本語', 5)).toEqual({ text: '日本', width: 4 });
    expect(takeWidth('ab', 5)).toEqual({ text: 'ab', width: 2 });
  });
});

describe('sliceByWidth', () => {
  it('takes a window of cells', () => {
    expect(sliceByWidth('hello world', 6, 11)).toBe('world');
    expect(sliceByWidth('hello', 3, 10)).toBe('lo');
    expect(sliceByWidth('hello', 5, 10)).toBe('');
  });

  it('turns a wide char cut by either edge into spaces, so columns stay put', () => {
    expect(sliceByWidth('日本語', 1, 5)).toBe(' 本 ');
    expect(cellWidth(sliceByWidth('a日本語b', 2, 7))).toBe(5);
  });

  it('keeps marks with their base', () => {
    expect(sliceByWidth('ae\u0301b', 1, 2)).toBe('e\u0301');
  });
});
