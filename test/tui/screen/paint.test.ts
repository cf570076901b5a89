// Painting Ink's laid-out tree into the grid is the hard clip: whatever a
// text holds (say the console and the terminal disagree on its width), it is
// cut at its own box, a bordered box's content at its border, everything at
// the terminal's edge; a wide character that would cross an edge becomes a space.
import { describe, expect, it } from 'vitest';
import { Grid } from '../../../src/tui/screen/grid.js';
import { paintTree, type InkNode } from '../../../src/tui/screen/paint.js';

const at = (left: number, top: number, width: number, height: number) => ({ getComputedLeft: () => left, getComputedTop: () => top, getComputedWidth: () => width, getComputedHeight: () => height });
const text = (s: string, box: ReturnType<typeof at>, style: Record<string, unknown> = {}): InkNode => ({ nodeName: 'ink-text', yogaNode: box, style, childNodes: [{ nodeName: '#text', nodeValue: s }] });
const root = (...children: InkNode[]): InkNode => ({ nodeName: 'ink-root', yogaNode: at(0, 0, 20, 4), style: {}, childNodes: children });

function paint(tree: InkNode, columns = 20, rows = 4): string[] {
  const grid = new Grid(columns, rows);
  paintTree(tree, grid);
  return Array.from({ length: rows }, (_, y) => grid.rowText(y));
}

describe('paint: the hard clip', () => {
  it('a text wider than its box (a width disagreement) is cut at its box, not written over its neighbour', () => {
    const rows = paint(root(text('abcdefghijklmnopqrstuvwxyz', at(0, 0, 8, 1)), text('|right', at(8, 0, 12, 1))));
    expect(rows[0]).toBe('abcdefgh|right      ');
    expect(rows[1]).toBe(' '.repeat(20)); // the rest of the text is below its box: cut too
  });

  it('a bordered box keeps its content inside its border, whatever the content’s layout says', () => {
    const pane: InkNode = {
      nodeName: 'ink-box', yogaNode: at(0, 0, 10, 4), style: { borderStyle: 'round' },
      childNodes: [{ nodeName: 'ink-box', yogaNode: at(1, 1, 30, 2), style: {}, childNodes: [text('0123456789abcdefghij', at(0, 0, 30, 1))] }],
    };
    expect(paint(root(pane))).toEqual(['╭────────╮          ', '│01234567│          ', '│        │          ', '╰────────╯          ']);
  });

  it('nothing past the terminal’s last column or row; a wide character crossing the edge becomes a space', () => {
    expect(paint(root(text('abc王', at(0, 0, 10, 1)), text('x', at(0, 9, 1, 1))), 4, 2)).toEqual(['abc ', '    ']);
  });

  it('truncates a too-wide truncate-end text with an ellipsis, and wraps a wrap text at a space', () => {
    const rows = paint(root(text('truncated text', at(0, 0, 10, 1), { textWrap: 'truncate-end' }), text('wrapped text here', at(0, 1, 10, 3))));
    expect(rows.map((r) => r.trimEnd())).toEqual(['truncated…', 'wrapped', 'text here', '']);
  });
});
