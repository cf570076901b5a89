// The console's one measure of text on screen: how many terminal cells a code
// point or a string takes, and cutting strings to a number of cells. Every
// width the console computes (layout, wrapping, truncation, cursor placement)
// comes from here, so the console and the terminal never hold two opinions.
//
// The answers are wcwidth()'s, as tmux, xterm and VTE draw text: each code
// point advances the cursor by its own width, whatever grapheme it belongs to
// (0 for combining marks and format characters, 2 for East Asian Wide and
// Fullwidth and emoji presentation, 1 otherwise; East Asian Ambiguous is 1, as
// in every Western locale). So a ZWJ family is as wide as its members, and a
// variation selector adds nothing. Text from outside is normalized at ingress
// (normalize.ts) so that none of the sequences terminals disagree on remain.
// The tables are generated from Unicode data: scripts/gen-width-table.ts.
//
// Ink still lays out with its own measures: string-width (layout and where
// each grapheme goes) and slice-ansi (clipping boxes with overflow hidden)
// agree with this function on normalized text, checked for every code point
// (test/tui/text/normalize.test.ts). Two do not: wrap-ansi's older
// string-width counts text-default emoji (©, ❤) two cells, and cli-truncate
// follows slice-ansi; Ink only calls them on a line wider than its box, which
// the console never hands it (every line is fitted with this function first).
// The console's own strings must keep to what all agree on: no VS16, no
// emoji sequences.
import { JOINERS, UNSTABLE, WIDE, WIDE_MARKS, ZERO_WIDTH } from './width-table.js';

function inRanges(ranges: readonly number[], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[mid * 2]!) hi = mid - 1;
    else if (cp > ranges[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Below this every printable code point is one cell (Latin, Greek before its marks). */
const FIRST_NON_NARROW = 0x0300;

/** Cells a terminal gives one code point: 0, 1 or 2. Controls count 0 (the
 *  sanitizer removes them before anything is measured). */
export function codePointWidth(cp: number): 0 | 1 | 2 {
  if (cp < FIRST_NON_NARROW) return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? 0 : 1;
  if (inRanges(ZERO_WIDTH, cp)) return 0;
  return inRanges(WIDE, cp) ? 2 : 1;
}

/** True for a code point terminals (or Ink) draw at different widths. */
export function isUnstableWidth(cp: number): boolean {
  return cp >= FIRST_NON_NARROW && inRanges(UNSTABLE, cp);
}

/** True for a code point that takes cells and joins a neighbour into one
 *  grapheme (a prepended letter, a spacing mark, a regional indicator, a
 *  leading jamo). */
export function isJoiner(cp: number): boolean {
  return cp >= FIRST_NON_NARROW && inRanges(JOINERS, cp);
}

/** True for a zero-width mark of East Asian Wide width (U+3099 and kin):
 *  drawn on a wide base it adds nothing, on a narrow one Ink's clipping
 *  counts it two cells. */
export function isWideMark(cp: number): boolean {
  return cp >= FIRST_NON_NARROW && inRanges(WIDE_MARKS, cp);
}

/** Cells the terminal takes to draw `s` (sanitized: no controls). */
export function cellWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) { w++; continue; }
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    w += codePointWidth(cp);
  }
  return w;
}

const segmenter = new Intl.Segmenter();

/** The grapheme clusters of `s` (what a reader sees as one character): cuts
 *  fall between them, so a base never loses its marks, nor a flag its half. */
export function graphemes(s: string): Iterable<string> {
  return isPrintableAscii(s) ? s : (function* () {
    for (const { segment } of segmenter.segment(s)) yield segment;
  })();
}

/** Cut `s` (already sanitized, one line) to at most `width` cells, ending with
 *  `ellipsis` when something was cut. Never splits a grapheme: a wide one that
 *  would straddle the edge is left out instead. */
export function truncateToWidth(s: string, width: number, ellipsis = '…'): string {
  const w = Math.floor(width);
  if (!(w > 0)) return '';
  if (isPrintableAscii(s) ? s.length <= w : cellWidth(s) <= w) return s;
  let tail = ellipsis;
  let budget = w - cellWidth(tail);
  if (budget < 0) { tail = ''; budget = w; } // ellipsis wider than the room
  return takeWidth(s, budget).text + tail;
}

/** The longest head of `s` that fits in `width` cells, whole graphemes only. */
export function takeWidth(s: string, width: number): { text: string; width: number } {
  let used = 0;
  let end = 0;
  for (const g of graphemes(s)) {
    const gw = cellWidth(g);
    if (used + gw > width) break;
    used += gw;
    end += g.length;
  }
  return { text: s.slice(0, end), width: used };
}

/** The cells [start, end) of `s` as a string exactly that wide (or shorter
 *  when `s` ends first): whole graphemes only, a wide one cut by either edge
 *  becomes spaces for its cells inside the range. For clipping a line to a
 *  window of columns. */
export function sliceByWidth(s: string, start: number, end: number): string {
  const from = Math.max(0, Math.floor(start));
  const to = Math.floor(end);
  let out = '';
  let col = 0;
  for (const g of graphemes(s)) {
    if (col >= to) break;
    const gw = cellWidth(g);
    const next = col + gw;
    if (col >= from && next <= to) out += g;
    else if (next > from) out += ' '.repeat(Math.min(next, to) - Math.max(col, from));
    col = next;
  }
  return out;
}

function isPrintableAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}
