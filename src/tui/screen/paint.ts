// Ink's laid-out tree (after Yoga has placed every node) painted into a grid:
// borders, backgrounds and text, each clipped to its own box. This replaces
// Ink's string output (which rebuilt and re-parsed every line of the screen
// on every frame) and is the hard clip: a text node never writes past its own
// width, a bordered box's content never past its border, nothing past the
// terminal's last column or row, whatever the text's widths turn out to be.
import chalk from 'chalk';
import { lineCells, type LineCells } from './cells.js';
import type { Grid } from './grid.js';

/** The parts of Ink's DOM nodes we read (ink's DOMElement, structurally). */
interface YogaLike {
  getComputedLeft(): number;
  getComputedTop(): number;
  getComputedWidth(): number;
  getComputedHeight(): number;
}
export interface InkNode {
  nodeName: string;
  nodeValue?: string;
  childNodes?: InkNode[];
  yogaNode?: YogaLike;
  style?: Record<string, unknown>;
  internal_transform?: (s: string, index: number) => string;
  internal_static?: boolean;
}

interface Clip { x1: number; y1: number; x2: number; y2: number }

const BOXES: Record<string, Record<'topLeft' | 'top' | 'topRight' | 'left' | 'right' | 'bottomLeft' | 'bottom' | 'bottomRight', string>> = {
  single: { topLeft: '┌', top: '─', topRight: '┐', left: '│', right: '│', bottomLeft: '└', bottom: '─', bottomRight: '┘' },
  round: { topLeft: '╭', top: '─', topRight: '╮', left: '│', right: '│', bottomLeft: '╰', bottom: '─', bottomRight: '╯' },
  double: { topLeft: '╔', top: '═', topRight: '╗', left: '║', right: '║', bottomLeft: '╚', bottom: '═', bottomRight: '╝' },
  bold: { topLeft: '┏', top: '━', topRight: '┓', left: '┃', right: '┃', bottomLeft: '┗', bottom: '━', bottomRight: '┛' },
  classic: { topLeft: '+', top: '-', topRight: '+', left: '|', right: '|', bottomLeft: '+', bottom: '-', bottomRight: '+' },
};

/** Ink's colour names and forms (its colorize), through chalk. */
function colorize(s: string, color: unknown, layer: 'fg' | 'bg'): string {
  if (typeof color !== 'string' || color === '') return s;
  const c = chalk as unknown as Record<string, (x: string) => string>;
  if (color in chalk) return layer === 'fg' ? c[color]!(s) : (c[`bg${color[0]!.toUpperCase()}${color.slice(1)}`]?.(s) ?? s);
  if (color.startsWith('#')) return layer === 'fg' ? chalk.hex(color)(s) : chalk.bgHex(color)(s);
  const a = /^ansi256\(\s?(\d+)\s?\)$/.exec(color);
  if (a) return layer === 'fg' ? chalk.ansi256(Number(a[1]))(s) : chalk.bgAnsi256(Number(a[1]))(s);
  const r = /^rgb\(\s?(\d+),\s?(\d+),\s?(\d+)\s?\)$/.exec(color);
  if (r) return layer === 'fg' ? chalk.rgb(Number(r[1]), Number(r[2]), Number(r[3]))(s) : chalk.bgRgb(Number(r[1]), Number(r[2]), Number(r[3]))(s);
  return s;
}

const intersect = (a: Clip, b: Clip): Clip => ({ x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1), x2: Math.min(a.x2, b.x2), y2: Math.min(a.y2, b.y2) });

/** Cells of a line at (x, y), cut to `clip`. */
function blit(grid: Grid, cells: LineCells, x: number, y: number, clip: Clip): void {
  if (y < clip.y1 || y >= clip.y2) return;
  if (cells.risky) grid.risky[y] = 1;
  let cx = x;
  for (let i = 0; i < cells.chars.length && cx < clip.x2; i++) {
    const w = cells.widths[i]!;
    if (cx >= clip.x1) grid.put(cx, y, cells.chars[i]!, w, cells.styles[i]!, clip.x2);
    else if (cx + w > clip.x1) grid.put(clip.x1, y, ' ', 1, cells.styles[i]!, clip.x2); // half a wide char at the left edge
    cx += w;
  }
}

/** Ink's <Text> children as one string, nested <Text> styles applied (its squashTextNodes). */
function squash(node: InkNode): string {
  let text = '';
  const children = node.childNodes ?? [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.nodeName === '#text') { text += child.nodeValue ?? ''; continue; }
    let inner = child.nodeName === 'ink-text' || child.nodeName === 'ink-virtual-text' ? squash(child) : '';
    if (inner.length > 0 && child.internal_transform) inner = child.internal_transform(inner, i);
    text += inner;
  }
  return text;
}

/** Splits cells wider than `width` into rows, at the last space when there is one. */
function wrapCells(cells: LineCells, width: number): LineCells[] {
  if (cells.width <= width || width <= 0) return [cells];
  const rows: LineCells[] = [];
  let start = 0;
  while (start < cells.chars.length) {
    let used = 0;
    let end = start;
    let lastSpace = -1;
    while (end < cells.chars.length && used + cells.widths[end]! <= width) {
      if (cells.chars[end] === ' ') lastSpace = end;
      used += cells.widths[end]!;
      end++;
    }
    if (end < cells.chars.length && lastSpace > start) end = lastSpace + 1;
    if (end === start) end = start + 1; // a wide char in a one-cell column
    rows.push(slice(cells, start, end));
    start = end;
  }
  return rows;
}

function slice(c: LineCells, from: number, to: number): LineCells {
  const widths = c.widths.slice(from, to);
  return { chars: c.chars.slice(from, to), widths, styles: c.styles.slice(from, to), width: widths.reduce((a, b) => a + b, 0), risky: c.risky };
}

/** Cut to `width` cells ending with an ellipsis in the last kept cell's style (Ink's truncate-end). */
function truncateCells(c: LineCells, width: number): LineCells {
  if (c.width <= width) return c;
  if (width <= 0) return slice(c, 0, 0);
  let used = 0;
  let end = 0;
  while (end < c.chars.length && used + c.widths[end]! <= width - 1) used += c.widths[end++]!;
  const cut = slice(c, 0, end);
  const style = c.styles[Math.max(0, end - 1)] ?? 0;
  return { ...cut, chars: [...cut.chars, '…'], widths: [...cut.widths, 1], styles: [...cut.styles, style], width: used + 1 };
}

function paintText(grid: Grid, node: InkNode, x: number, y: number, clip: Clip, transforms: NonNullable<InkNode['internal_transform']>[]): void {
  const yoga = node.yogaNode!;
  const width = yoga.getComputedWidth();
  const own = intersect(clip, { x1: x, y1: y, x2: x + width, y2: y + yoga.getComputedHeight() });
  if (own.x1 >= own.x2 || own.y1 >= own.y2) return;
  const text = squash(node);
  if (text === '') return;
  const wrap = String(node.style?.textWrap ?? 'wrap');
  let row = 0;
  for (const source of text.split('\n')) {
    let line = source;
    for (const t of transforms) line = t(line, row);
    const cells = lineCells(line);
    const rows = cells.width <= width ? [cells] : wrap === 'wrap' ? wrapCells(cells, width) : [truncateCells(cells, width)];
    for (const r of rows) {
      if (y + row >= own.y2) return;
      blit(grid, r, x, y + row, own);
      row++;
    }
  }
}

function paintBox(grid: Grid, node: InkNode, x: number, y: number, clip: Clip): Clip {
  const yoga = node.yogaNode!;
  const w = yoga.getComputedWidth();
  const h = yoga.getComputedHeight();
  const st = node.style ?? {};
  const border = st.borderStyle;
  const box = typeof border === 'string' ? (BOXES[border] ?? BOXES.single!) : typeof border === 'object' && border ? (border as (typeof BOXES)['single']) : null;
  const edges = { top: box !== null && st.borderTop !== false, bottom: box !== null && st.borderBottom !== false, left: box !== null && st.borderLeft !== false, right: box !== null && st.borderRight !== false };
  const inner: Clip = { x1: x + (edges.left ? 1 : 0), y1: y + (edges.top ? 1 : 0), x2: x + w - (edges.right ? 1 : 0), y2: y + h - (edges.bottom ? 1 : 0) };
  if (st.backgroundColor) {
    const fill = lineCells(colorize(' '.repeat(Math.max(0, inner.x2 - inner.x1)), st.backgroundColor, 'bg'));
    for (let r = inner.y1; r < inner.y2; r++) blit(grid, fill, inner.x1, r, clip);
  }
  if (box) {
    const paint = (s: string, color: unknown, dim: unknown): LineCells => lineCells(dim ? chalk.dim(colorize(s, color, 'fg')) : colorize(s, color, 'fg'));
    const span = Math.max(0, w - (edges.left ? 1 : 0) - (edges.right ? 1 : 0));
    const horizontal = (l: string, m: string, r: string) => (edges.left ? l : '') + m.repeat(span) + (edges.right ? r : '');
    if (edges.top) blit(grid, paint(horizontal(box.topLeft, box.top, box.topRight), st.borderTopColor ?? st.borderColor, st.borderTopDimColor ?? st.borderDimColor), x, y, clip);
    if (edges.bottom) blit(grid, paint(horizontal(box.bottomLeft, box.bottom, box.bottomRight), st.borderBottomColor ?? st.borderColor, st.borderBottomDimColor ?? st.borderDimColor), x, y + h - 1, clip);
    const left = paint(box.left, st.borderLeftColor ?? st.borderColor, st.borderLeftDimColor ?? st.borderDimColor);
    const right = paint(box.right, st.borderRightColor ?? st.borderColor, st.borderRightDimColor ?? st.borderDimColor);
    for (let r = inner.y1; r < inner.y2; r++) {
      if (edges.left) blit(grid, left, x, r, clip);
      if (edges.right) blit(grid, right, x + w - 1, r, clip);
    }
  }
  // Content stays inside a border whatever it holds; overflow: hidden clips a borderless box too.
  const hideX = box !== null || st.overflowX === 'hidden' || st.overflow === 'hidden';
  const hideY = box !== null || st.overflowY === 'hidden' || st.overflow === 'hidden';
  return intersect(clip, { x1: hideX ? inner.x1 : -Infinity, y1: hideY ? inner.y1 : -Infinity, x2: hideX ? inner.x2 : Infinity, y2: hideY ? inner.y2 : Infinity });
}

function paintNode(grid: Grid, node: InkNode, ox: number, oy: number, clip: Clip, transforms: NonNullable<InkNode['internal_transform']>[]): void {
  const yoga = node.yogaNode;
  if (!yoga || node.internal_static || node.style?.display === 'none') return;
  const x = ox + yoga.getComputedLeft();
  const y = oy + yoga.getComputedTop();
  const ts = node.internal_transform ? [node.internal_transform, ...transforms] : transforms;
  if (node.nodeName === 'ink-text') {
    paintText(grid, node, x, y, clip, ts);
    return;
  }
  const inner = node.nodeName === 'ink-box' ? paintBox(grid, node, x, y, clip) : clip;
  if (inner.x1 >= inner.x2 || inner.y1 >= inner.y2) return;
  for (const child of node.childNodes ?? []) paintNode(grid, child, x, y, inner, ts);
}

/** Paints Ink's root (laid out) into `grid`, replacing what it held. */
export function paintTree(root: InkNode, grid: Grid): void {
  grid.clear();
  paintNode(grid, root, 0, 0, { x1: 0, y1: 0, x2: grid.columns, y2: grid.rows }, []);
}
