/**
 * Reads a tmux screen (capture-pane) the way the terminal laid it out: each
 * code point at the column tmux put it, measured with the C library's
 * wcwidth() as tmux does (not with the console's own width function, which is
 * what is under test). Then checks that the console's layout held.
 */
import { libcWidths, type LibcWidths } from '../tui/helpers/libc-width.js';

let libc: LibcWidths | undefined;
/** Cells tmux gives a code point: wcwidth(), and none where wcwidth() cannot
 *  tell (measured: terminal-widths.test.ts). */
function drawn(cp: number): number {
  libc ??= libcWidths();
  return Math.max(0, libc.width(cp));
}

/** Each visible character of a screen row with the column it starts at. */
export function cellsOfRow(row: string): { ch: string; col: number }[] {
  const out: { ch: string; col: number }[] = [];
  let col = 0;
  for (const ch of row) {
    const w = drawn(ch.codePointAt(0)!);
    if (w === 0) continue; // joins the cell before it
    out.push({ ch, col });
    col += w;
  }
  return out;
}

export const rowWidth = (row: string): number => cellsOfRow(row).reduce((n, c) => n + drawn(c.ch.codePointAt(0)!), 0);

const LEFT = new Set(['╭', '│', '╰', '├']);
const RIGHT = new Set(['╮', '│', '╯', '┤']);

/**
 * What is wrong with a screen of the console in tabs layout (below 120
 * columns): the status bar on the first row, then the red alert bar of a
 * platform change if there is one, the tab row (or a dialog's frame from
 * there), then one frame whose every row has its left border in the first
 * column and its right border in the last, and below it no border at all
 * (nothing left of an earlier frame). Empty when the layout held.
 */
export function layoutProblems(screen: string, columns: number): string[] {
  const rows = screen.split('\n');
  const problems: string[] = [];
  if (!rows[0]?.startsWith('Ana L.')) problems.push(`row 0 is not the status bar: ${rows[0]}`);
  const bar = rows[1]?.startsWith('⚠ Platform change') ? 1 : 0;
  const tabs = 1 + bar;
  const dialog = rows[tabs]?.startsWith('╭') ?? false;
  if (!dialog && !/^[[ ]\d /.test(rows[tabs] ?? '')) problems.push(`row ${tabs} is neither the tab row nor a dialog: ${rows[tabs]}`);
  rows.forEach((r, i) => {
    if (rowWidth(r) > columns) problems.push(`row ${i} is ${rowWidth(r)} columns wide: ${r}`);
  });
  const top = dialog ? tabs : tabs + 1;
  const bottom = rows.findIndex((r, i) => i > top && r.startsWith('╰'));
  if (!rows[top]?.startsWith('╭') || bottom < 0) {
    problems.push(`no frame from row ${top} (bottom ${bottom})`);
    return problems;
  }
  for (let i = top; i <= bottom; i++) {
    const cells = cellsOfRow(rows[i]!);
    const first = cells[0];
    const last = cells[cells.length - 1];
    if (!first || first.col !== 0 || !LEFT.has(first.ch)) problems.push(`row ${i}: no left border in column 0: ${rows[i]}`);
    if (!last || last.col !== columns - 1 || !RIGHT.has(last.ch)) problems.push(`row ${i}: right border at column ${last?.col} ('${last?.ch}'), not ${columns - 1}: ${rows[i]}`);
  }
  for (let i = bottom + 1; i < rows.length; i++) {
    if (/[╭╮╰╯│├┤]/.test(rows[i]!)) problems.push(`row ${i}, below the frame, holds a border: ${rows[i]}`);
  }
  return problems;
}

/**
 * A styled screen (capture-pane -e) as the eye sees it: each row as its
 * characters, each with the colours and attributes it is drawn in, without
 * the blanks at its end that show nothing (no background, not inverse).
 * capture-pane writes only the SGR changes from one cell to the next, so the
 * same screen can come out in different codes; this reads them back.
 */
export function visibleCells(screen: string): string[] {
  const style = { fg: '', bg: '', flags: new Set<string>() };
  const apply = (params: string): void => {
    const p = params === '' ? ['0'] : params.split(';');
    for (let i = 0; i < p.length; i++) {
      const n = Number(p[i]);
      if (n === 0) { style.fg = ''; style.bg = ''; style.flags.clear(); }
      else if (n === 38 || n === 48) {
        const colour = p[i + 1] === '5' ? p.slice(i, i + 3) : p.slice(i, i + 5);
        i += colour.length - 1;
        if (n === 38) style.fg = colour.join(';'); else style.bg = colour.join(';');
      } else if ((n >= 30 && n <= 37) || (n >= 90 && n <= 97)) style.fg = String(n);
      else if (n === 39) style.fg = '';
      else if ((n >= 40 && n <= 47) || (n >= 100 && n <= 107)) style.bg = String(n);
      else if (n === 49) style.bg = '';
      else if (n === 22) { style.flags.delete('1'); style.flags.delete('2'); }
      else if (n >= 23 && n <= 29) style.flags.delete(String(n - 20));
      else style.flags.add(String(n));
    }
  };
  return screen.split('\n').map((row) => {
    const cells: { ch: string; style: string; shows: boolean }[] = [];
    for (const m of row.matchAll(/\x1b\[([\d;]*)m|[^\x1b]/gu)) {
      if (m[1] !== undefined) { apply(m[1]); continue; }
      const flags = [...style.flags].sort().join('');
      cells.push({ ch: m[0], style: `${style.fg}/${style.bg}/${flags}`, shows: m[0] !== ' ' || style.bg !== '' || /[47]/.test(flags) });
    }
    while (cells.length > 0 && !cells[cells.length - 1]!.shows) cells.pop();
    return cells.map((c) => `${c.ch}{${c.style}}`).join('');
  });
}
