// The screen writer: the bytes that take the terminal from the grid it shows
// to the next one. Only changed cells are written, each run placed with the
// cheapest absolute or relative cursor move (never a line feed, so nothing
// ever scrolls), with the fewest SGR parameters, at the terminal's colour
// level and in its character set. A row that holds a character terminals
// measure differently is rewritten whole when it changes: erased, then every
// cell placed, with an absolute move after each doubtful character, so a
// width disagreement can never leave stale cells or shift a row.
import type { TerminalCaps } from './caps.js';
import { toAscii } from './charset.js';
import { Grid } from './grid.js';
import { sgrTransition } from './style.js';
import { isRisky } from './width.js';

export const SYNC_START = '\x1b[?2026h';
export const SYNC_END = '\x1b[?2026l';
/** Frames smaller than this cannot tear visibly: no synchronized-output brackets (16 bytes). */
const SYNC_MIN_BYTES = 512;
/** Blank cells at the end of a changed run cheaper to erase (EL) than to write. */
const ERASE_MIN = 4;

export type WriterCaps = Pick<TerminalCaps, 'colorLevel' | 'unicode' | 'syncOutput'>;

export interface FrameOutput {
  bytes: string;
  /** Cells written (diagnostics and benches). */
  cells: number;
  /** A character terminals measure differently was written where it was not before (the renderer repaints after doubt). */
  doubt: boolean;
}

const utf8Length = (s: string): number => (/^[\x00-\x7f]*$/.test(s) ? s.length : Buffer.byteLength(s));

export class ScreenWriter {
  /** What the terminal shows; null: unknown (start, resize, Ctrl-L). */
  private shown: Grid | null = null;
  private x = -1;
  private y = -1;
  private style = 0;
  private out = '';
  private cells = 0;
  private doubt = false;

  constructor(private readonly caps: WriterCaps) {}

  /** Forget what the terminal shows: the next frame repaints everything. */
  invalidate(): void {
    this.shown = null;
  }

  /** The grid the terminal shows (after the last frame). */
  get current(): Grid | null {
    return this.shown;
  }

  /**
   * Bytes for `next` (then what the terminal shows). Returns the grid it no
   * longer needs, for the next paint, and the output ('' when nothing changed).
   */
  frame(next: Grid): { output: FrameOutput; spare: Grid | null } {
    this.out = '';
    this.cells = 0;
    this.doubt = false;
    let prev = this.shown;
    if (!prev || prev.columns !== next.columns || prev.rows !== next.rows) {
      // Full repaint: reset attributes (erase uses the current background), home, erase all.
      this.out += '\x1b[0m\x1b[H\x1b[2J';
      this.style = 0;
      this.x = 0;
      this.y = 0;
      prev = new Grid(next.columns, next.rows);
    }
    for (let y = 0; y < next.rows; y++) {
      if (next.risky[y] || prev.risky[y]) this.rewriteRow(prev, next, y);
      else this.diffRow(prev, next, y);
    }
    let bytes = this.out;
    if (bytes !== '' && this.caps.syncOutput && utf8Length(bytes) >= SYNC_MIN_BYTES) bytes = SYNC_START + bytes + SYNC_END;
    const spare = this.shown;
    this.shown = next;
    return { output: { bytes, cells: this.cells, doubt: this.doubt }, spare: spare && spare.columns === next.columns && spare.rows === next.rows ? spare : null };
  }

  private changed(prev: Grid, next: Grid, i: number): boolean {
    return prev.chars[i] !== next.chars[i] || prev.styles[i] !== next.styles[i];
  }

  private diffRow(prev: Grid, next: Grid, y: number): void {
    const cols = next.columns;
    const row = y * cols;
    let x = 0;
    while (x < cols) {
      if (!this.changed(prev, next, row + x)) { x++; continue; }
      // The start of a run: the left half if this is the right half of a wide character.
      const start = next.chars[row + x] === '' && x > 0 ? x - 1 : x;
      let end = x + 1;
      // Extend over further changes, and over short unchanged gaps when writing them is cheaper than a move.
      for (;;) {
        while (end < cols && this.changed(prev, next, row + end)) end++;
        let gap = end;
        while (gap < cols && gap - end < 8 && !this.changed(prev, next, row + gap)) gap++;
        if (gap >= cols || gap - end >= 8 || !this.cheaperToWrite(next, row, end, gap, y)) break;
        end = gap;
      }
      this.writeRun(prev, next, y, start, end);
      x = end;
    }
  }

  /** Writing cells [from, to) again costs no more than moving past them. */
  private cheaperToWrite(next: Grid, row: number, from: number, to: number, y: number): boolean {
    let cost = 0;
    let style = next.styles[row + from - 1] ?? 0;
    for (let i = from; i < to; i++) {
      const ch = next.chars[row + i]!;
      if (ch !== '' && ch.charCodeAt(0) >= 0x7f) return false;
      cost += sgrTransition(style, next.styles[row + i]!, this.caps.colorLevel).length + ch.length;
      style = next.styles[row + i]!;
    }
    return cost <= this.moveTo(to, y, from, y).length;
  }

  /** A row holding doubtful characters: erased and written whole. */
  private rewriteRow(prev: Grid, next: Grid, y: number): void {
    const row = y * next.columns;
    let same = true;
    for (let x = 0; x < next.columns && same; x++) same = !this.changed(prev, next, row + x);
    if (same) return;
    this.move(0, y);
    this.setStyle(0);
    this.out += '\x1b[2K';
    let end = next.columns;
    while (end > 0 && next.chars[row + end - 1] === ' ' && next.styles[row + end - 1] === 0) end--;
    this.writeRun(prev, next, y, 0, end, true);
  }

  private writeRun(prev: Grid, next: Grid, y: number, from: number, to: number, afterErase = false): void {
    const cols = next.columns;
    const row = y * cols;
    // A run reaching blanks that go on to the end of the line: erase to the end instead of writing them.
    let end = to;
    if (!afterErase) {
      let blank = cols;
      while (blank > from && next.chars[row + blank - 1] === ' ' && next.styles[row + blank - 1] === 0) blank--;
      if (blank < to && cols - blank >= ERASE_MIN) end = blank;
    }
    for (let x = from; x < end; x++) {
      const ch = next.chars[row + x]!;
      if (ch === '') continue;
      const w = next.chars[row + x + 1] === '' && x + 1 < cols ? 2 : 1;
      if (afterErase && ch === ' ' && next.styles[row + x] === 0) continue;
      this.move(x, y);
      this.setStyle(next.styles[row + x]!);
      const ascii = ch.length === 1 && ch.charCodeAt(0) < 0x7f;
      this.out += ascii || !this.caps.unicode ? (ascii ? ch : toAscii(ch, w)) : ch;
      this.cells++;
      this.x = x + w;
      // After a character terminals disagree on, the cursor's column is unknown: the next cell is placed absolutely.
      // Doubt comes only with a new one: the same character again in its cell (its row rewritten for a
      // ticking clock) is drawn as it was before its repaint, so it raises none (no repaint every second).
      const risky = !ascii && this.caps.unicode && isRisky(ch);
      if (risky && prev.chars[row + x] !== ch) this.doubt = true;
      if (risky || this.x >= cols) this.x = -1;
    }
    if (end < to) {
      this.move(end, y);
      this.setStyle(0);
      this.out += '\x1b[K';
    }
  }

  private setStyle(style: number): void {
    if (style === this.style) return;
    this.out += sgrTransition(this.style, style, this.caps.colorLevel);
    this.style = style;
  }

  private move(x: number, y: number): void {
    if (this.x === x && this.y === y) return;
    this.out += this.moveTo(x, y, this.x, this.y);
    this.x = x;
    this.y = y;
  }

  /** The shortest sequence from (fx, fy) to (x, y); fx < 0 means unknown. */
  private moveTo(x: number, y: number, fx: number, fy: number): string {
    const cup = x === 0 ? (y === 0 ? '\x1b[H' : `\x1b[${y + 1}H`) : `\x1b[${y + 1};${x + 1}H`;
    if (fx < 0 || fy < 0) return cup;
    let vertical = '';
    if (y > fy) vertical = y - fy === 1 ? '\x1b[B' : `\x1b[${y - fy}B`;
    else if (y < fy) vertical = fy - y === 1 ? '\x1b[A' : `\x1b[${fy - y}A`;
    let horizontal = '';
    if (x === 0 && fx !== 0) horizontal = '\r';
    else if (x > fx) horizontal = x - fx === 1 ? '\x1b[C' : `\x1b[${x - fx}C`;
    else if (x < fx) horizontal = `\x1b[${x + 1}G`;
    const relative = vertical + horizontal;
    return relative.length < cup.length ? relative : cup;
  }
}
