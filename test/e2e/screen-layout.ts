/**
 * Reads a tmux screen (capture-pane) the way the terminal laid it out: each
 * code point at the column tmux put it, measured with the C library's
 * wcwidth() as tmux does (not with the console's own width function, which is
 * what is under test). Then checks that the console's layout held.
 */
import { libcWidths, type LibcWidths } from '../tui/helpers/libc-width.js';

let libc: LibcWidths | undefined;
/** Cells tmux gives a code point: wcwidth(), and one where it cannot tell. */
function drawn(cp: number): number {
  libc ??= libcWidths();
  const w = libc.width(cp);
  return w < 0 ? 1 : w;
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
 * columns): the status bar on the first row, the tab row on the second (or a
 * dialog's frame from there), then one frame whose every row has its left
 * border in the first column and its right border in the last. Empty when
 * the layout held.
 */
export function layoutProblems(screen: string, columns: number): string[] {
  const rows = screen.split('\n');
  const problems: string[] = [];
  if (!rows[0]?.startsWith('Ana L.')) problems.push(`row 0 is not the status bar: ${rows[0]}`);
  const dialog = rows[1]?.startsWith('╭') ?? false;
  if (!dialog && !/^[[ ]\d /.test(rows[1] ?? '')) problems.push(`row 1 is neither the tab row nor a dialog: ${rows[1]}`);
  rows.forEach((r, i) => {
    if (rowWidth(r) > columns) problems.push(`row ${i} is ${rowWidth(r)} columns wide: ${r}`);
  });
  const top = dialog ? 1 : 2;
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
  return problems;
}
