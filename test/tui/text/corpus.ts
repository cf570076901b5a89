// Text terminals measure differently, by class: what the width function is
// checked on against libc, what the normalizer must make unambiguous, and what
// a customer sends in the end-to-end layout test.
export interface CorpusClass {
  readonly name: string;
  /** Short samples, each a few graphemes. */
  readonly samples: readonly string[];
}

const PREPENDED_MARKS = [0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06dd, 0x070f, 0x0890, 0x08e2, 0x110bd];

export const CORPUS: readonly CorpusClass[] = [
  { name: 'emoji', samples: ['😀', '👍', '🎉', '⌚', '🚀'] },
  { name: 'emoji + VS15', samples: ['⌚\uFE0E', '😀\uFE0E', '☎\uFE0E'] },
  { name: 'text + VS16', samples: ['❤\uFE0F', '☺\uFE0F', '✔\uFE0F', '☀\uFE0F', '✈\uFE0F'] },
  { name: 'text-default emoji', samples: ['❤', '☺', '✔', '☀'] },
  { name: 'ZWJ sequences', samples: ['👨\u200D👩\u200D👧', '👩\u200D❤\uFE0F\u200D💋\u200D👨', '🏳\uFE0F\u200D🌈', '🧑\u200D💻'] },
  { name: 'flags', samples: ['🇫🇷', '🇯🇵', '🇦🇦', '🇫', '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'] },
  { name: 'keycaps', samples: ['1\uFE0F\u20E3', '#\uFE0F\u20E3', '*\uFE0F\u20E3', '7\u20E3'] },
  { name: 'skin tones', samples: ['👍🏽', '👋🏿', '🏽', 'a🏽'] },
  { name: 'Hangul fillers', samples: ['\u3164', '\u115F', '\u1160', '\uFFA0', '\u115F\u1161'] },
  { name: 'Hangul jamo', samples: ['\u1100\u1161\u11A8', '\u1112\u1161\u11AB', '\u1161', '\u11A8', '\u1100', '한국어', '\u1113\u1176'] },
  { name: 'prepended marks', samples: PREPENDED_MARKS.map((cp) => `${String.fromCodePoint(cp)}12`) },
  { name: 'combining floods', samples: ['Z' + '\u0336\u0337\u0338\u0334'.repeat(12), 'e\u0301', '\u0301x', 'a\u20DD', '\u0E01\u0E34\u0E48'] },
  { name: 'CJK', samples: ['日本語', '中文', 'ＡＢＣ', 'ｶﾀｶﾅ', '\u3000', 'ｶﾞ'] },
  { name: 'East Asian ambiguous', samples: ['①②', 'Ω', '±×', '─│', '…', '●', '\u00A1'] },
  { name: 'newer than the C library', samples: ['\u{1FA77}', '\u{1FAE8}', '\u{2EBF0}', '\u2630', '\u3248'] },
  { name: 'unassigned and format', samples: ['\u0378', '\uFDD0', '\u{1D173}', '\u{E01F0}', '\u{13430}'] },
];

/** Every code point of the corpus, once. */
export function corpusCodePoints(): number[] {
  const set = new Set<number>();
  for (const c of CORPUS) for (const s of c.samples) for (const ch of s) set.add(ch.codePointAt(0)!);
  return [...set].sort((a, b) => a - b);
}
