// After the sanitizer and the width normalizer, the console (wcwidth), Ink
// (string-width, grapheme by grapheme) and the terminal agree on the width of
// every grapheme of untrusted text: checked for every Unicode code point in
// the contexts that change how graphemes form.
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { sanitizeLine, sanitizeText } from '../../../src/tui/sanitize.js';
import { normalizeWidth } from '../../../src/tui/text/normalize.js';
import { cellWidth, isUnstableWidth } from '../../../src/tui/text/width.js';
import { CORPUS } from './corpus.js';

const segmenter = new Intl.Segmenter();
const graphemes = (s: string): string[] => [...segmenter.segment(s)].map((x) => x.segment);
const hex = (s: string): string => [...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join(' ');

// Ink lays out and places text with string-width, and clips it (boxes with
// overflow hidden) with slice-ansi, which measures graphemes its own way: a
// clip to the text's own width must keep all of it. (Ink's wrap-ansi has an older
// string-width that counts text-default emoji such as © as 2, but Ink only
// wraps a line wider than its box, and the console never hands it one.)

/** Why `text` (already normalized) would not be drawn where the console thinks, or undefined. */
function disagreement(text: string): string | undefined {
  for (const g of graphemes(text)) {
    if (g === '\n') continue;
    const ours = cellWidth(g);
    // Ink's output grid gives every grapheme at least one cell.
    if (ours < 1) return `zero-width grapheme ${hex(g)}`;
    if (stringWidth(g) !== ours) return `${hex(g)}: ours ${ours}, string-width ${stringWidth(g)}`;
  }
  for (const line of text.split('\n')) {
    if (sliceAnsi(line, 0, cellWidth(line)) !== line) return `${hex(line)}: slice-ansi cuts it at ${cellWidth(line)} cells`;
  }
  return undefined;
}

// Code points that share a 128-block, a general category, the emoji and
// grapheme properties and a width behave alike: one of each is checked in
// every context (about 2,100 of the 1.1 million).
const CATEGORIES = ['Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'Mn', 'Mc', 'Me', 'Nd', 'Nl', 'No', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po', 'Sm', 'Sc', 'Sk', 'So', 'Zs', 'Zl', 'Zp', 'Cf', 'Co', 'Cn'].map((p) => new RegExp(`^\\p{${p}}$`, 'u'));
const PROPERTIES = ['Emoji_Presentation', 'Extended_Pictographic', 'Emoji_Modifier', 'Emoji_Modifier_Base', 'Regional_Indicator', 'Grapheme_Extend', 'Default_Ignorable_Code_Point', 'Variation_Selector'].map((p) => new RegExp(`^\\p{${p}}$`, 'u'));

function* representatives(): Generator<number> {
  const seen = new Set<string>();
  for (let cp = 0x20; cp <= 0x10ffff; cp++) {
    if ((cp >= 0x7f && cp < 0xa0) || (cp >= 0xd800 && cp <= 0xdfff)) continue;
    const c = String.fromCodePoint(cp);
    const category = CATEGORIES.findIndex((re) => re.test(c));
    const properties = PROPERTIES.map((re) => (re.test(c) ? 1 : 0)).join('');
    const block = category >= CATEGORIES.length - 2 ? 'any' : cp >> 7; // private use and unassigned: alike everywhere
    const key = `${block} ${category} ${properties} ${cellWidth(c)} ${isUnstableWidth(cp)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    yield cp;
  }
}

// What grapheme clustering joins a code point to: nothing, a letter, marks,
// a syllable, a virama, a regional indicator, a keycap base, an emoji, a
// prepended letter, itself.
const CONTEXTS: ((c: string) => string)[] = [
  (c) => c,
  (c) => `a${c}`,
  (c) => `${c}\u0301b`,
  (c) => `가${c}`,
  (c) => `\u1100${c}`,
  (c) => `क्${c}`,
  (c) => `🇫${c}`,
  (c) => `1${c}\u20E3`,
  (c) => `👍${c}`,
  (c) => `\u0D4E${c}`,
  (c) => `${c}${c}`,
  (c) => `x\n${c}`,
];

describe('normalized text measures the same everywhere', () => {
  it('for every code point, alone and in every joining context', () => {
    const bad: string[] = [];
    let checked = 0;
    for (const cp of representatives()) {
      const c = String.fromCodePoint(cp);
      for (const ctx of CONTEXTS) {
        const input = ctx(c);
        // Single-line text differs only where a line break was (now a space).
        const why = disagreement(sanitizeText(input)) ?? (input.includes('\n') ? disagreement(sanitizeLine(input)) : undefined);
        if (why) bad.push(`${hex(input)} -> ${why}`);
      }
      checked++;
      if (bad.length > 20) break;
    }
    expect(checked).toBeGreaterThan(2000);
    expect(bad).toEqual([]);
  }, 120_000);

  it('for the whole corpus, sample by sample and all in one message', () => {
    const all = CORPUS.flatMap((c) => c.samples).join(' ');
    for (const s of [...CORPUS.flatMap((c) => c.samples), all]) {
      expect(disagreement(sanitizeText(s)), hex(s)).toBeUndefined();
      expect(stringWidth(sanitizeLine(s)), hex(s)).toBe(cellWidth(sanitizeLine(s)));
    }
  });
});

/** The text as drawn: the zero-width non-joiners that split graphemes draw nothing. */
const seen = (s: string): string => s.replaceAll('\u200C', '');

describe('what the agent sees instead', () => {
  it.each([
    ['a Hangul filler is a visible stand-in', 'Eve\u3164X', 'Eve\uFFFDX'],
    ['so are the other fillers', '\u115F\u1160\uFFA0', '\uFFFD\uFFFD\uFFFD'],
    ['a prepended concatenation mark', '\u0600123', '\uFFFD123'],
    ['VS16 after a text-default emoji is dropped', '❤\uFE0F ok', '❤ ok'],
    ['VS15 after an emoji is dropped', '⌚\uFE0E', '⌚'],
    ['a keycap keeps its digit', '1\uFE0F\u20E3', '1'],
    ['a skin tone is dropped after its base', '👍🏽', '👍'],
    ['a flag stays', '🇫🇷', '🇫🇷'],
    ['regional indicators that are no flag become letters', '🇦🇦', 'AA'],
    ['so does one alone', '🇫🇷🇫 🇫', '🇫🇷F F'],
    ['marks at the start of a line get a base', '\u0301x\n\u0301y', '\u00A0\u0301x\n\u00A0\u0301y'],
    ['conjoining jamo compose into a syllable', '\u1100\u1161\u11A8', '각'],
    ['a lone vowel jamo is a stand-in', 'a\u1161', 'a\uFFFD'],
    ['a code point newer than older terminals is a stand-in', 'pink \u{1FA77}', 'pink \uFFFD'],
    ['an unassigned code point is a stand-in', 'x\u0378', 'x\uFFFD'],
    ['Thai SARA AM is written as its two parts', 'กำ', 'ก\u0E4D\u0E32'],
    ['CJK, combining marks and ambiguous-width text are unchanged', '日本語 e\u0301 ①─…', '日本語 e\u0301 ①─…'],
  ])('%s', (_name, input, expected) => {
    expect(seen(sanitizeText(input))).toBe(expected);
  });

  it('splits a conjunct after its virama with a zero-width non-joiner', () => {
    expect(sanitizeText('क्ष')).toBe('क्\u200Cष');
  });

  it('keeps a Zalgo flood on its letter', () => {
    const zalgo = 'Z' + '\u0336\u0337'.repeat(40);
    expect(sanitizeLine(zalgo)).toBe(zalgo);
    expect(cellWidth(sanitizeLine(zalgo))).toBe(1);
  });

  it('is idempotent', () => {
    for (const s of CORPUS.flatMap((c) => c.samples)) expect(normalizeWidth(sanitizeText(s))).toBe(sanitizeText(s));
  });

  it('leaves plain text alone, fast', () => {
    const s = 'Hello, my order #123 was closed on Sunday, right? Ça va. '.repeat(200);
    expect(normalizeWidth(s)).toBe(s);
  });
});
