// Generates src/tui/text/width-table.ts: the console's answer to "how many
// terminal cells does this code point take", and which code points terminals
// disagree on. Run: npm run gen:width (needs python3; see glibc-wcwidth.py).
//
// Widths follow wcwidth() as glibc builds it from the Unicode data (and as
// tmux, xterm and VTE apply it): 0 for nonspacing and enclosing marks and
// format characters (but 1 for the prepended concatenation marks and the soft
// hyphen), 0 for the Hangul medial vowels and final consonants, 2 for East
// Asian Wide and Fullwidth, 1 for everything else. Unicode data comes from the
// running Node's ICU (general categories, properties, grapheme breaks) and
// get-east-asian-width (East Asian Width), both current Unicode.
//
// "Unstable" code points are those two terminals in use today draw at
// different widths, so no single answer can be right: the console replaces
// them at ingress (src/tui/text/normalize.ts). Measured, not guessed: every
// assigned code point whose width differs between current Unicode and the C
// library here (a terminal with older tables: tmux draws wcwidth() == -1 as one
// cell), plus the classes string-width (Ink's measure) and terminals treat
// differently whatever the Unicode version — see `unstable` below.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eastAsianWidthType } from 'get-east-asian-width';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const OUT = here('../src/tui/text/width-table.ts');

const prop = (p: string): RegExp => new RegExp(`^\\p{${p}}$`, 'u');
const [Mn, Me, Cf, Cc, Assigned, DefaultIgnorable] = ['Mn', 'Me', 'Cf', 'Cc', 'Assigned', 'Default_Ignorable_Code_Point'].map(prop) as [RegExp, RegExp, RegExp, RegExp, RegExp, RegExp];

/** Prepended_Concatenation_Mark (PropList.txt; not a property JS regexes know). */
const PREPENDED_MARKS = new Set([0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06dd, 0x070f, 0x0890, 0x0891, 0x08e2, 0x110bd, 0x110cd]);
const SOFT_HYPHEN = 0x00ad;
const ZERO_WIDTH_SPACE = 0x200b;
/** Hangul jungseong and jongseong (medial vowels, final consonants): they join the syllable before them. */
const isConjoiningJamo = (cp: number): boolean => (cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff);

const isWideEaw = (cp: number): boolean => ['wide', 'fullwidth'].includes(eastAsianWidthType(cp));

function width(cp: number, ch: string): 0 | 1 | 2 {
  if (Cc.test(ch)) return 0; // never drawn: the sanitizer removes every control
  if (PREPENDED_MARKS.has(cp) || cp === SOFT_HYPHEN) return 1;
  if (Mn.test(ch) || Me.test(ch) || Cf.test(ch) || isConjoiningJamo(cp) || cp === ZERO_WIDTH_SPACE) return 0;
  return isWideEaw(cp) ? 2 : 1;
}

const segmenter = new Intl.Segmenter();
/** A zero-width character that is a grapheme of its own: Ink gives it a cell, the terminal none. */
const standsAlone = (ch: string): boolean => [...segmenter.segment(`a${ch}a`)].length === 3;

function unstable(cp: number, ch: string, w: number, libc: number): boolean {
  if (Cc.test(ch)) return false;
  return (
    !Assigned.test(ch) || // no terminal knows what to draw
    PREPENDED_MARKS.has(cp) || // one cell in wcwidth, joined to the next character by string-width
    (DefaultIgnorable.test(ch) && w !== 0) || // the Hangul fillers: drawn by wcwidth, invisible to string-width
    isConjoiningJamo(cp) || // 0 in wcwidth, 1 in string-width and many terminals unless after a leading consonant
    (w === 0 && standsAlone(ch)) || // Ink gives a lone format character a cell
    libc !== w // current Unicode and the older tables disagree
  );
}

const oneGrapheme = (s: string): boolean => [...segmenter.segment(s)].length === 1;
const isRegionalIndicator = (cp: number): boolean => cp >= 0x1f1e6 && cp <= 0x1f1ff;
const isLeadingJamo = (cp: number): boolean => (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0xa960 && cp <= 0xa97f);
/** Joins the character before it (Extend, SpacingMark) or after it (Prepend), or its own kind. */
const joiner = (cp: number, ch: string): boolean =>
  !Cc.test(ch) && (oneGrapheme(`a${ch}`) || oneGrapheme(`${ch}a`) || isRegionalIndicator(cp) || isLeadingJamo(cp));

function ranges(pred: (cp: number) => boolean): number[] {
  const out: number[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (!pred(cp)) continue;
    if (out.length > 0 && out[out.length - 1] === cp - 1) out[out.length - 1] = cp;
    else out.push(cp, cp);
  }
  return out;
}

function main(): void {
  const [libcName, libcWidths] = execFileSync('python3', [here('glibc-wcwidth.py')], { encoding: 'utf8', maxBuffer: 4 << 20 }).split('\n') as [string, string];
  const widths = new Int8Array(0x110000);
  const unstables = new Uint8Array(0x110000);
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue; // surrogates: the sanitizer drops unpaired ones
    const ch = String.fromCodePoint(cp);
    const w = width(cp, ch);
    widths[cp] = w;
    const c = libcWidths[cp];
    const libc = c === 'x' ? 1 : Number(c); // tmux draws what wcwidth() cannot measure as one cell
    unstables[cp] = unstable(cp, ch, w, libc) ? 1 : 0;
  }
  const table = (name: string, doc: string, rs: number[]): string => {
    const body = rs.map((n) => `0x${n.toString(16)}`).join(',').replace(/((?:[^,]*,){16})/g, '$1\n  ');
    return `/** ${doc} Inclusive [first, last] pairs, ascending. */\nexport const ${name}: readonly number[] = [\n  ${body},\n];\n`;
  };
  const src = [
    `// Generated by scripts/gen-width-table.ts (npm run gen:width): do not edit.`,
    `// Unicode ${process.versions.unicode} (ICU ${process.versions.icu}, Node ${process.versions.node}), measured against ${libcName} wcwidth().`,
    '',
    table('ZERO_WIDTH', 'Code points a terminal draws in no cell of their own.', ranges((cp) => widths[cp] === 0 && !(cp >= 0xd800 && cp <= 0xdfff))),
    table('WIDE', 'Code points a terminal draws in two cells.', ranges((cp) => widths[cp] === 2)),
    table('UNSTABLE', 'Code points terminals (or Ink) draw at different widths: replaced at ingress.', ranges((cp) => unstables[cp] === 1)),
    table('JOINERS', 'Code points that take cells and join a neighbour into one grapheme (prepended letters, spacing marks, regional indicators, leading jamo): text without them, or zero-width ones, is one grapheme a code point.', ranges((cp) => widths[cp] !== 0 && !(cp >= 0xd800 && cp <= 0xdfff) && joiner(cp, String.fromCodePoint(cp)))),
    table('WIDE_MARKS', 'Zero-width code points of East Asian Wide width (Ink\'s slice-ansi counts their grapheme 2).', ranges((cp) => widths[cp] === 0 && !(cp >= 0xd800 && cp <= 0xdfff) && isWideEaw(cp))),
  ].join('\n');
  writeFileSync(OUT, src);
  console.log(`wrote ${OUT}`);
}

main();
