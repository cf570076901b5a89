// The screen writer: replayed into a terminal emulator, its bytes reproduce
// every frame exactly (characters and styles), never scroll, and write only
// what changed; styles take the fewest SGR parameters at the terminal's
// colour level; an ASCII terminal gets ASCII; rows with characters terminals
// measure differently are rewritten whole.
import { describe, expect, it } from 'vitest';
import { prng } from '../../../src/cli/demo/prng.js';
import { lineCells } from '../../../src/tui/screen/cells.js';
import { Grid } from '../../../src/tui/screen/grid.js';
import { applySgr, BOLD, DIM, INVERSE, sgrTransition, styleId, styleOf, UNDERLINE } from '../../../src/tui/screen/style.js';
import { ScreenWriter, SYNC_END, SYNC_START, type WriterCaps } from '../../../src/tui/screen/writer.js';
import { Vt } from '../helpers/vt.js';

const CAPS: WriterCaps = { colorLevel: 3, unicode: true, syncOutput: true };

function fill(grid: Grid, rows: string[]): Grid {
  grid.clear();
  rows.forEach((line, y) => {
    let x = 0;
    const cells = lineCells(line);
    cells.chars.forEach((ch, i) => { grid.put(x, y, ch, cells.widths[i]!, cells.styles[i]!); x += cells.widths[i]!; });
    if (cells.risky) grid.risky[y] = 1;
  });
  return grid;
}

function terminal(columns: number, rows: number): Vt {
  const vt = new Vt(columns, rows);
  vt.autowrap = false; // as the terminal session sets it
  return vt;
}

const styleAt = (vt: Vt, y: number, x: number): number => {
  const s = applySgr(styleOf(0), vt.styleAt(y, x));
  return styleId(s.fg, s.bg, s.attrs);
};

function expectShows(vt: Vt, grid: Grid): void {
  for (let y = 0; y < grid.rows; y++) {
    expect(vt.lines()[y], `row ${y}`).toBe(grid.rowText(y).replace(/\s+$/, ''));
    for (let x = 0; x < grid.columns; x++) {
      const ch = grid.chars[y * grid.columns + x]!;
      if (ch !== ' ' && ch !== '') expect(styleAt(vt, y, x), `style at ${y},${x}`).toBe(grid.styles[y * grid.columns + x]);
    }
  }
}

describe('screen writer', () => {
  it('random frames replay exactly; nothing scrolls; no line feed is ever written', () => {
    const rand = prng(7);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const words = ['Ana', 'queue', '●', '王小明', 'Zoë', '│', '  ', '12:04', 'x'];
    const colours = ['', '\x1b[32m', '\x1b[1;31m', '\x1b[38;2;10;200;30m', '\x1b[7m', '\x1b[2;4m', '\x1b[44m'];
    const writer = new ScreenWriter(CAPS);
    const vt = terminal(30, 8);
    let grid: Grid | null = new Grid(30, 8);
    for (let frame = 0; frame < 200; frame++) {
      const rows = Array.from({ length: 8 }, () => {
        let line = '';
        while (rand() < 0.8) line += `${pick(colours)}${pick(words)}\x1b[0m `;
        return line;
      });
      const next = fill(grid ?? new Grid(30, 8), rows);
      const { output, spare } = writer.frame(next);
      expect(output.bytes).not.toContain('\n');
      vt.write(output.bytes);
      expectShows(vt, next);
      grid = spare;
    }
    expect(vt.scrolled).toBe(0);
  });

  it('writes nothing when nothing changed, and only the changed cells otherwise', () => {
    const writer = new ScreenWriter(CAPS);
    const rows = ['Ana L.  ● Available 4s            12:00:01', '╭─ 1 Interaction ───────────╮'];
    writer.frame(fill(new Grid(50, 3), rows));
    expect(writer.frame(fill(new Grid(50, 3), rows)).output.bytes).toBe('');
    const tick = writer.frame(fill(new Grid(50, 3), ['Ana L.  ● Available 5s            12:00:02', rows[1]!])).output;
    expect(tick.cells).toBe(2);
    expect(tick.bytes).toBe('\x1b[1;21H5\x1b[20C2');
  });

  it('moves with the shortest sequence, and erases a blank end of line instead of writing spaces', () => {
    const writer = new ScreenWriter(CAPS);
    writer.frame(fill(new Grid(40, 3), ['a long line of text that ends here', 'b']));
    const out = writer.frame(fill(new Grid(40, 3), ['a long', 'bc'])).output.bytes;
    expect(out).toBe('\x1b[1;8H\x1b[K\x1b[2;2Hc');
  });

  it('brackets a large frame in synchronized output where the terminal has it, never a small one', () => {
    const big = fill(new Grid(80, 24), Array.from({ length: 24 }, (_, i) => `row ${i} `.repeat(8)));
    const sync = new ScreenWriter(CAPS).frame(big).output.bytes;
    expect(sync.startsWith(SYNC_START) && sync.endsWith(SYNC_END)).toBe(true);
    expect(new ScreenWriter({ ...CAPS, syncOutput: false }).frame(big).output.bytes).not.toContain(SYNC_START);
    expect(new ScreenWriter(CAPS).frame(fill(new Grid(80, 24), ['x'])).output.bytes).not.toContain(SYNC_START);
  });

  it('an ASCII terminal gets one ASCII character per cell: glyphs stand in, letters lose accents, the rest is ?', () => {
    const writer = new ScreenWriter({ ...CAPS, unicode: false });
    const grid = fill(new Grid(40, 2), ['╭─ Zoë ● Łukasz 王 …─╮', '│ ✉ 3 → é']);
    const vt = terminal(40, 2);
    const bytes = writer.frame(grid).output.bytes;
    vt.write(bytes);
    expect(/^[\x00-\x7f]*$/.test(bytes)).toBe(true);
    expect(vt.lines()).toEqual(['+- Zoe * Lukasz ?? .-+', '| @ 3 > e']);
  });

  it('rewrites a row holding a doubtful character whole, placing the cell after it absolutely', () => {
    const writer = new ScreenWriter(CAPS);
    writer.frame(fill(new Grid(20, 2), ['Eve ❤️ here 1', 'x']));
    const out = writer.frame(fill(new Grid(20, 2), ['Eve ❤️ here 2', 'x'])).output.bytes;
    expect(out.startsWith('\x1b[H\x1b[2K')).toBe(true);
    expect(out).toMatch(/❤️\x1b\[1;\d+H/);
    // The row changes back to plain text: still rewritten whole (the terminal may hold stale cells).
    expect(writer.frame(fill(new Grid(20, 2), ['Eve here 2', 'x'])).output.bytes).toContain('\x1b[2K');
    expect(writer.frame(fill(new Grid(20, 2), ['Eve here 3', 'x'])).output.bytes).not.toContain('\x1b[2K');
  });

  it('after invalidate() (Ctrl-L, a resize) the next frame repaints everything from a cleared screen', () => {
    const writer = new ScreenWriter(CAPS);
    const rows = ['one', 'two'];
    writer.frame(fill(new Grid(10, 2), rows));
    writer.invalidate();
    const vt = terminal(10, 2);
    vt.write('garbage everywhere');
    vt.write(writer.frame(fill(new Grid(10, 2), rows)).output.bytes);
    expect(vt.lines()).toEqual(rows);
  });
});

describe('styles', () => {
  const s = (params: string): number => { const st = applySgr(styleOf(0), params); return styleId(st.fg, st.bg, st.attrs); };

  it('reads chalk’s SGR: attributes, 16, 256 and truecolor, resets', () => {
    expect(styleOf(s('1;2;4;7'))).toEqual({ fg: -1, bg: -1, attrs: BOLD | DIM | UNDERLINE | INVERSE });
    expect(styleOf(s('31;104'))).toMatchObject({ fg: 1, bg: 12 });
    expect(styleOf(s('38;5;208'))).toMatchObject({ fg: 208 });
    expect(styleOf(s('38;2;255;0;128'))).toMatchObject({ fg: 0x1000000 + 0xff0080 });
    expect(s('1;31;0')).toBe(0);
  });

  it('takes the shorter of the changes alone and a reset with the whole style', () => {
    expect(sgrTransition(0, s('32'), 3)).toBe('\x1b[32m');
    expect(sgrTransition(s('1;32'), s('32'), 3)).toBe('\x1b[22m');
    expect(sgrTransition(s('1;4;7;32'), s('33'), 3)).toBe('\x1b[0;33m');
    expect(sgrTransition(s('32'), s('32'), 3)).toBe('');
  });

  it('shows colours at the terminal’s level: 256 → 16, truecolor → 256 or 16, none at 0 (attributes stay)', () => {
    expect(sgrTransition(0, s('38;2;255;0;0'), 3)).toBe('\x1b[38;2;255;0;0m');
    expect(sgrTransition(0, s('38;2;255;0;0'), 2)).toBe('\x1b[38;5;196m');
    expect(sgrTransition(0, s('38;2;255;0;0'), 1)).toBe('\x1b[91m');
    expect(sgrTransition(0, s('38;5;28'), 1)).toBe('\x1b[32m');
    expect(sgrTransition(0, s('1;38;2;255;0;0;44'), 0)).toBe('\x1b[1m');
    expect(sgrTransition(0, s('32'), 0)).toBe('');
  });
});

describe('cells of a styled line', () => {
  it('drops every escape sequence but SGR, and every control character', () => {
    const c = lineCells('a\x1b]52;c;aGk=\x07b\x1b[2Jc\x07\x1b[31md');
    expect(c.chars.join('')).toBe('abcd');
    expect(styleOf(c.styles[3]!).fg).toBe(1);
  });

  it('measures wide characters and keeps a zero-width mark with the character before it', () => {
    const c = lineCells('王e\u0301x\u200b');
    expect(c.chars).toEqual(['王', 'e\u0301', 'x\u200b']);
    expect(c.widths).toEqual([2, 1, 1]);
    expect(c.width).toBe(4);
  });
});
