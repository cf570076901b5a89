// A small terminal emulator, enough for what the console writes: text with
// SGR styles, CR/LF, absolute and relative cursor moves, erase line/screen,
// autowrap on/off, the alternate screen, the cursor's visibility, titles.
// Tests check where characters really land, in which style, and whether
// anything scrolled away — the bytes as a terminal would take them.
import { codePointWidth } from '../../../src/tui/text/width.js';

export class Vt {
  grid: string[][];
  /** SGR parameters in force for each cell ('' for none), parallel to grid. */
  styles: string[][];
  row = 0;
  col = 0;
  /** Lines pushed off the top (into the scrollback). */
  scrolled = 0;
  altScreen = false;
  autowrap = true;
  cursorVisible = true;
  title = '';
  bells = 0;
  private sgr: string[] = [];
  private pendingWrap = false;
  /** The cell last written: a zero-width code point joins it. */
  private last = { row: -1, col: -1 };

  constructor(readonly columns: number, readonly rows: number) {
    this.grid = this.blank();
    this.styles = this.blank('');
  }

  private blank(fill?: string): string[][] {
    return Array.from({ length: this.rows }, () => (fill === undefined ? [] : new Array<string>(this.columns).fill(fill)));
  }

  write(data: string): void {
    const re = /\x1b\[([?\d;:]*)([A-Za-z@])|\x1b\](\d+);([^\x07\x1b]*)(?:\x07|\x1b\\)|\x1bP[^\x1b]*(?:\x1b\x1b[^\x1b]*)*\x1b\\|\x1b[()][A-Z0-9]|\x1b[78=>c]|\n|\r|\x07|\x08|[^\x1b\n\r\x07\x08]/gu;
    for (const m of data.matchAll(re)) {
      const t = m[0];
      if (m[2] !== undefined) this.csi(m[1]!, m[2]);
      else if (m[3] !== undefined) { if (m[3] === '0' || m[3] === '2') this.title = m[4]!; }
      else if (t === '\n') this.lineFeed();
      else if (t === '\r') { this.col = 0; this.pendingWrap = false; }
      else if (t === '\x08') this.col = Math.max(0, this.col - 1);
      else if (t === '\x07') this.bells++;
      else if (t.startsWith('\x1b')) continue;
      else this.put(t);
    }
  }

  private csi(params: string, final: string): void {
    if (params.startsWith('?')) {
      const on = final === 'h';
      for (const mode of params.slice(1).split(';')) {
        if (mode === '1049') { this.altScreen = on; if (on) { this.grid = this.blank(); this.styles = this.blank(''); } }
        else if (mode === '7') this.autowrap = on;
        else if (mode === '25') this.cursorVisible = on;
      }
      return;
    }
    if (final === 'm') { this.applySgr(params); return; }
    const nums = params.split(';').map((p) => (p === '' ? NaN : Number(p)));
    const n = Number.isNaN(nums[0]!) ? 1 : Math.max(1, nums[0]!);
    this.pendingWrap = false;
    switch (final) {
      case 'A': this.row = Math.max(0, this.row - n); break;
      case 'B': this.row = Math.min(this.rows - 1, this.row + n); break;
      case 'C': this.col = Math.min(this.columns - 1, this.col + n); break;
      case 'D': this.col = Math.max(0, this.col - n); break;
      case 'E': this.row = Math.min(this.rows - 1, this.row + n); this.col = 0; break;
      case 'G': this.col = Math.min(this.columns - 1, n - 1); break;
      case 'H': this.row = Math.min(this.rows - 1, n - 1); this.col = Math.min(this.columns - 1, (Number.isNaN(nums[1] ?? NaN) ? 1 : nums[1]!) - 1); break;
      case 'K': {
        const from = params === '2' ? 0 : params === '1' ? -1 : this.col;
        const line = this.grid[this.row]!;
        if (from === -1) for (let c = 0; c <= this.col; c++) { line[c] = ' '; this.styles[this.row]![c] = ''; }
        else { line.length = Math.min(line.length, from); this.styles[this.row]!.fill('', from); }
        break;
      }
      case 'J':
        if (params === '2' || params === '3') { this.grid = this.blank(); this.styles = this.blank(''); }
        else { this.grid[this.row]!.length = this.col; for (let r = this.row + 1; r < this.rows; r++) this.grid[r] = []; }
        break;
      default: break;
    }
  }

  private applySgr(params: string): void {
    const p = params === '' ? ['0'] : params.split(';');
    for (let i = 0; i < p.length; i++) {
      if (p[i] === '0') this.sgr = [];
      else if (p[i] === '38' || p[i] === '48') {
        const len = p[i + 1] === '5' ? 3 : 5;
        this.sgr = this.sgr.filter((s) => !s.startsWith(`${p[i]};`));
        this.sgr.push(p.slice(i, i + len).join(';'));
        i += len - 1;
      } else this.sgr.push(p[i]!);
    }
  }

  private lineFeed(): void {
    // A TTY turns '\n' into CR LF.
    this.col = 0;
    this.pendingWrap = false;
    if (this.row === this.rows - 1) {
      this.grid.shift();
      this.grid.push([]);
      this.styles.shift();
      this.styles.push(new Array<string>(this.columns).fill(''));
      this.scrolled++;
    } else {
      this.row++;
    }
  }

  /** One code point, as wcwidth terminals draw it: a zero-width one joins the
   *  cell before it, a wide one takes two. */
  private put(ch: string): void {
    const w = codePointWidth(ch.codePointAt(0)!);
    if (w === 0) {
      const line = this.grid[this.last.row];
      if (line?.[this.last.col] !== undefined) line[this.last.col] += ch;
      return;
    }
    if (this.pendingWrap && this.autowrap) this.lineFeed();
    this.pendingWrap = false;
    const line = this.grid[this.row]!;
    while (line.length < this.col) line.push(' ');
    line[this.col] = ch;
    if (w === 2) line[this.col + 1] = '';
    this.styles[this.row]![this.col] = this.sgr.join(';');
    this.last = { row: this.row, col: this.col };
    if (this.col + w >= this.columns) {
      this.col = this.columns - 1;
      this.pendingWrap = true;
    } else {
      this.col += w;
    }
  }

  /** The screen as text, trailing spaces trimmed. */
  lines(): string[] {
    return this.grid.map((l) => Array.from(l, (c) => c ?? ' ').join('').replace(/\s+$/, ''));
  }

  /** SGR parameters of the cell at (row, col). */
  styleAt(row: number, col: number): string {
    return this.styles[row]?.[col] ?? '';
  }
}
