import { describe, expect, it } from 'vitest';
import { computeLayout, CHROME_ROWS, SPLIT_MIN } from '../../src/tui/layout.js';
import { clampCursor, listWindow } from '../../src/tui/list-window.js';
import { fit, fitRight } from '../../src/tui/text/fit.js';
import { wrapToWidth } from '../../src/tui/text/wrap.js';
import { cellWidth } from '../../src/tui/text/width.js';

describe('layout', () => {
  it('tabs below 120 columns: one pane, a tab row, root one row short', () => {
    const l = computeLayout({ columns: 80, rows: 24, focus: 'queues', extraRows: 0 });
    expect(l.mode).toBe('tabs');
    expect(l.height).toBe(23);
    expect(l.body).toBe(23 - CHROME_ROWS - 1);
    expect(l.columns).toEqual([{ width: 80, panes: [{ id: 'queues', width: 80, height: l.body }] }]);
  });

  it('split from 120 columns: all panes, columns fill the width, heights fill the body', () => {
    for (const [columns, rows] of [[SPLIT_MIN, 24], [200, 60], [137, 31]] as const) {
      const l = computeLayout({ columns, rows, focus: 'queues', extraRows: 1 });
      expect(l.mode).toBe('split');
      expect(l.columns.reduce((n, c) => n + c.width, 0)).toBe(columns);
      for (const c of l.columns) expect(c.panes.reduce((n, p) => n + p.height, 0)).toBe(l.body);
      expect(l.columns.flatMap((c) => c.panes.map((p) => p.id)).sort()).toEqual(['contacts', 'disposition', 'interaction', 'notices', 'queues']);
    }
  });

  it('never goes negative on tiny terminals', () => {
    const l = computeLayout({ columns: 10, rows: 3, focus: 'queues', extraRows: 1 });
    expect(l.body).toBe(0);
    expect(l.height).toBe(2);
  });
});

describe('list window', () => {
  it('shows everything when it fits', () => expect(listWindow(5, 4, 10)).toEqual({ start: 0, end: 5 }));
  it('keeps the cursor visible', () => {
    for (let c = 0; c < 200; c += 7) {
      const w = listWindow(200, c, 15);
      expect(w.end - w.start).toBe(15);
      expect(c >= w.start && c < w.end).toBe(true);
    }
  });
  it('clamps', () => {
    expect(clampCursor(-3, 5)).toBe(0);
    expect(clampCursor(9, 5)).toBe(4);
    expect(clampCursor(2, 0)).toBe(0);
  });
});

describe('text fitting', () => {
  it('pads or cuts to exact cell widths, wide chars included', () => {
    expect(fit('abc', 5)).toBe('abc  ');
    expect(fit('abcdef', 4)).toBe('abc…');
    expect(fitRight('7', 3)).toBe('  7');
    expect(cellWidth(fit('日本語テキスト', 6))).toBe(6);
    expect(cellWidth(fit('日本語', 5))).toBe(5);
  });
  it('wraps to width without splitting graphemes', () => {
    expect(wrapToWidth('hello world', 5)).toEqual(['hello', 'world']);
    expect(wrapToWidth('a\n\nb', 5)).toEqual(['a', '', 'b']);
    for (const l of wrapToWidth('日本語テキスト👍🏽ok', 3)) expect(cellWidth(l)).toBeLessThanOrEqual(3);
  });
});
