// A tiny terminal emulator, just enough for what Ink writes (text, CR/LF,
// cursor up/next-line/column, erase line) so tests can check where lines
// really land on screen, and whether anything scrolled away.
import { codePointWidth } from '../../../src/tui/text/width.js';

export class Vt {
  grid: string[][];
  row = 0;
  col = 0;
  /** Lines pushed off the top (into the scrollback). */
  scrolled = 0;

  constructor(readonly columns: number, readonly rows: number) {
    this.grid = Array.from({ length: rows }, () => []);
  }

  write(data: string): void {
    const re = /\x1b\[([?\d;]*)([A-Za-z])|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]|\n|\r|\x07|[^\x1b\n\r\x07]/gu;
    for (const m of data.matchAll(re)) {
      const t = m[0];
      if (m[2] !== undefined) this.csi(m[1]!, m[2]);
      else if (t === '\n') this.lineFeed();
      else if (t === '\r') this.col = 0;
      else if (t.startsWith('\x1b') || t === '\x07') continue;
      else this.put(t);
    }
  }

  private csi(params: string, final: string): void {
    const n = params === '' ? 1 : Math.max(1, Number(params.split(';')[0]) || 1);
    if (params.startsWith('?')) return;
    switch (final) {
      case 'A': this.row = Math.max(0, this.row - n); break;
      case 'B': this.row = Math.min(this.rows - 1, this.row + n); break;
      case 'E': this.row = Math.min(this.rows - 1, this.row + n); this.col = 0; break;
      case 'G': this.col = (params === '' ? 1 : Number(params)) - 1; break;
      case 'K': {
        const line = this.grid[this.row]!;
        if (params === '2') line.length = 0;
        else line.length = Math.min(line.length, this.col);
        break;
      }
      case 'J': if (params === '2' || params === '3') this.grid = Array.from({ length: this.rows }, () => []); break;
      case 'H': this.row = 0; this.col = 0; break;
      default: break; // SGR and anything else: no effect on layout
    }
  }

  private lineFeed(): void {
    // A TTY turns '\n' into CR LF.
    this.col = 0;
    if (this.row === this.rows - 1) {
      this.grid.shift();
      this.grid.push([]);
      this.scrolled++;
    } else {
      this.row++;
    }
  }

  /** One code point, as wcwidth terminals draw it: a zero-width one joins the
   *  cell before it, a wide one takes two. */
  private put(ch: string): void {
    const line = this.grid[this.row]!;
    const w = codePointWidth(ch.codePointAt(0)!);
    if (w === 0) {
      if (this.col > 0 && line[this.col - 1] !== undefined) line[this.col - 1] += ch;
      return;
    }
    while (line.length < this.col) line.push(' ');
    line[this.col] = ch;
    if (w === 2) line[this.col + 1] = '';
    this.col += w;
  }

  /** The screen as text, trailing spaces trimmed. */
  lines(): string[] {
    return this.grid.map((l) => l.join('').replace(/\s+$/, ''));
  }
}
