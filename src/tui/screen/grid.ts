// The screen as cells: what a frame should show (painted from Ink's tree) and
// what the terminal shows (the last frame written). A wide character takes
// its cell and the next, which holds '' (its right half). Nothing can be put
// outside the grid: it is the terminal's size, the last clip of all.
import { DEFAULT_STYLE } from './style.js';

export class Grid {
  readonly chars: string[];
  readonly styles: Int32Array;
  /** Rows holding a grapheme terminals may draw at another width (width.ts). */
  readonly risky: Uint8Array;

  constructor(readonly columns: number, readonly rows: number) {
    this.chars = new Array<string>(columns * rows).fill(' ');
    this.styles = new Int32Array(columns * rows);
    this.risky = new Uint8Array(rows);
  }

  clear(): void {
    this.chars.fill(' ');
    this.styles.fill(DEFAULT_STYLE);
    this.risky.fill(0);
  }

  /**
   * Puts a grapheme of width 1 or 2 at (x, y). A wide one that would cross
   * `right` (a clip edge, or the last column) becomes a space. Half of a wide
   * character overwritten blanks its other half.
   */
  put(x: number, y: number, ch: string, width: number, style: number, right = this.columns): void {
    if (y < 0 || y >= this.rows || x < 0 || x >= Math.min(right, this.columns)) return;
    const row = y * this.columns;
    if (width === 2 && x + 1 >= Math.min(right, this.columns)) { ch = ' '; width = 1; }
    this.unsplit(row, x);
    this.chars[row + x] = ch;
    this.styles[row + x] = style;
    if (width === 2) {
      this.unsplit(row, x + 1);
      this.chars[row + x + 1] = '';
      this.styles[row + x + 1] = style;
    }
  }

  /** Before (x) is overwritten: the wide character it is half of loses its other half. */
  private unsplit(row: number, x: number): void {
    if (this.chars[row + x] === '' && x > 0) this.chars[row + x - 1] = ' ';
    else if (x + 1 < this.columns && this.chars[row + x + 1] === '') this.chars[row + x + 1] = ' ';
  }

  /** Cells of one row as text (tests, diagnostics). */
  rowText(y: number): string {
    return this.chars.slice(y * this.columns, (y + 1) * this.columns).join('');
  }
}
