// One line of Ink's styled text (characters and SGR sequences, as chalk wrote
// them) as terminal cells: a grapheme, its width and its style per cell.
// Any other escape sequence is dropped here: nothing but text and colours
// reaches the grid. Parsed lines are cached by their text, across frames: a
// frame mostly repeats the lines of the last one.
import { applySgr, DEFAULT_STYLE, styleId, styleOf } from './style.js';
import { cellWidth, isRisky } from './width.js';

export interface LineCells {
  /** One grapheme per cell start; widths[i] cells wide (1 or 2). */
  readonly chars: readonly string[];
  readonly widths: readonly number[];
  readonly styles: readonly number[];
  /** Total cells. */
  readonly width: number;
  /** Holds a grapheme terminals measure differently (width.ts). */
  readonly risky: boolean;
}

const segmenter = new Intl.Segmenter();
const cache = new Map<string, LineCells>();
const CACHE_MAX = 20_000;

/** Index just past the escape sequence starting at s[i] (ESC). */
function skipEscape(s: string, i: number): number {
  const next = s.charCodeAt(i + 1);
  if (next === 0x5b) {
    let j = i + 2;
    while (j < s.length && (s.charCodeAt(j) < 0x40 || s.charCodeAt(j) > 0x7e)) j++;
    return j + 1;
  }
  if (next === 0x5d || next === 0x50 || next === 0x5f || next === 0x5e || next === 0x58) {
    let j = i + 2;
    while (j < s.length && s.charCodeAt(j) !== 0x07 && !(s.charCodeAt(j) === 0x1b && s.charCodeAt(j + 1) === 0x5c)) j++;
    return s.charCodeAt(j) === 0x07 ? j + 1 : j + 2;
  }
  return i + 2;
}

function parse(line: string): LineCells {
  const chars: string[] = [];
  const widths: number[] = [];
  const styles: number[] = [];
  let style = DEFAULT_STYLE;
  let width = 0;
  let risky = false;
  const text = (run: string): void => {
    for (const { segment } of segmenter.segment(run)) {
      const c = segment.charCodeAt(0);
      if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0)) continue; // controls never reach a cell
      const w = segment.length === 1 && c < 0x7f ? 1 : cellWidth(segment);
      if (w === 0) {
        // Zero-width (a lone combining mark): kept with the cell before it, never dropped.
        if (chars.length) chars[chars.length - 1] += segment;
        continue;
      }
      if (c >= 0x7f && isRisky(segment)) risky = true;
      chars.push(segment);
      widths.push(Math.min(2, w));
      styles.push(style);
      width += Math.min(2, w);
    }
  };
  let i = 0;
  while (i < line.length) {
    const esc = line.indexOf('\x1b', i);
    if (esc < 0) { text(line.slice(i)); break; }
    if (esc > i) text(line.slice(i, esc));
    const end = skipEscape(line, esc);
    if (line.charCodeAt(esc + 1) === 0x5b && line.charCodeAt(end - 1) === 0x6d) {
      const s = applySgr(styleOf(style), line.slice(esc + 2, end - 1));
      style = styleId(s.fg, s.bg, s.attrs);
    }
    i = end;
  }
  return { chars, widths, styles, width, risky };
}

export function lineCells(line: string): LineCells {
  let cells = cache.get(line);
  if (cells === undefined) {
    if (cache.size >= CACHE_MAX) cache.clear();
    cells = parse(line);
    cache.set(line, cells);
  }
  return cells;
}

/** Visible width of a styled line (escape sequences take no cells). */
export const lineWidth = (line: string): number => lineCells(line).width;
