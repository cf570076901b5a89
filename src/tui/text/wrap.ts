// Word wrapping: lines break at spaces (and between wide CJK characters,
// which need none); only a word wider than a whole line is cut, between
// graphemes. Works on cells of any style, so plain text (text.ts) and styled
// chat lines (chat/rich.ts) wrap alike. Widths come from width.ts.
import { cellWidth, graphemes, truncateToWidth } from './width.js';

/** One grapheme with its width and whatever style the caller attaches. */
export interface Cell<S> {
  readonly text: string;
  readonly width: number;
  readonly style: S;
}

/** The graphemes of `text` as cells of one style. */
export function cellsOf<S>(text: string, style: S): Cell<S>[] {
  const out: Cell<S>[] = [];
  for (const g of graphemes(text)) out.push({ text: g, width: cellWidth(g), style });
  return out;
}

/** Breaking spaces: a line may end at them, and they vanish there. */
const isSpace = (c: Cell<unknown>): boolean => c.text === ' ' || (c.text !== '\u00a0' && c.text !== '\u2007' && c.text !== '\u202f' && /^\p{Zs}$/u.test(c.text));

/**
 * Wrap one paragraph ('\n' cells end a line) to `width` cells; lines after the
 * first get `indent` fewer (the caller indents them). A word that fits on a
 * line never breaks; a wider one fills lines grapheme by grapheme. Spaces at
 * a break are dropped; leading spaces of the paragraph are kept.
 */
export function wrapCells<S>(cells: readonly Cell<S>[], width: number, indent = 0): Cell<S>[][] {
  const lines: Cell<S>[][] = [];
  let line: Cell<S>[] = [];
  let used = 0;
  let wrapped = false; // the current line continues the one before (no '\n' between)
  const room = (): number => Math.max(1, width - (lines.length > 0 ? indent : 0));
  const endLine = (soft: boolean): void => {
    if (soft) while (line.length > 0 && isSpace(line[line.length - 1]!)) line.pop();
    lines.push(line);
    line = [];
    used = 0;
    wrapped = soft;
  };
  const put = (c: Cell<S>): void => {
    if (c.width > room()) return; // wider than the whole line: cannot show at all
    if (used + c.width > room()) endLine(true);
    line.push(c);
    used += c.width;
  };

  let i = 0;
  while (i < cells.length) {
    const c = cells[i]!;
    if (c.text === '\n') { endLine(false); i++; continue; }
    if (isSpace(c)) {
      // Spaces never start a wrapped line; at the end of a line they end it.
      if (!(wrapped && line.length === 0)) {
        if (used + c.width > room()) endLine(true);
        else { line.push(c); used += c.width; }
      }
      i++;
      continue;
    }
    const end = wordEnd(cells, i);
    let w = 0;
    for (let j = i; j < end; j++) w += cells[j]!.width;
    if (used + w > room() && used > 0) endLine(true); // a word too wide for any line still starts its own
    for (let j = i; j < end; j++) put(cells[j]!);
    i = end;
  }
  lines.push(line);
  return lines;
}

/** End of the word starting at `i`: up to a space or a line break; a wide
 *  character is a word of its own (CJK text breaks between characters). */
function wordEnd(cells: readonly Cell<unknown>[], i: number): number {
  if (cells[i]!.width >= 2) return i + 1;
  let j = i + 1;
  while (j < cells.length) {
    const c = cells[j]!;
    if (c.text === '\n' || isSpace(c) || c.width >= 2) break;
    j++;
  }
  return j;
}

/** Multi-line text word-wrapped to `width` cells per line. */
export function wrapToWidth(text: string, width: number): string[] {
  return wrapCells(cellsOf(text, null), Math.max(1, Math.floor(width))).map((line) => line.map((c) => c.text).join(''));
}

/** The most rows one detail line (a customer, a whisper, a call's notice) wraps to: whole, but never a screenful of hostile text. */
export const DETAIL_ROWS = 3;

/** Each line (with whatever else it carries, e.g. a role) wrapped by wrapAtMost: one entry per row. */
export function wrapEach<L extends { text: string }>(lines: readonly L[], width: number, rows: number): L[] {
  return lines.flatMap((l) => wrapAtMost(l.text, width, rows).map((text) => ({ ...l, text })));
}

/** Word-wrapped to at most `rows` lines: whole unless longer than that, when only the last line's end is cut ('…'). */
export function wrapAtMost(text: string, width: number, rows: number): string[] {
  const lines = wrapToWidth(text, width);
  if (lines.length <= rows) return lines;
  return [...lines.slice(0, rows - 1), truncateToWidth(lines.slice(rows - 1).join(' '), width)];
}
