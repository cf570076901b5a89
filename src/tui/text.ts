// Fitting sanitized text into terminal cells: pad or cut to an exact width
// (columns of a table line up even with wide characters), and hard-wrap notes.
// Input must already be sanitized (safe-view.ts): these only measure and cut.
import { cellWidth, truncateToWidth } from './text/width.js';

/** Exactly `width` cells: cut with '…' or padded with spaces on the right. */
export function fit(s: string, width: number): string {
  if (width <= 0) return '';
  const cut = truncateToWidth(s, width);
  return cut + ' '.repeat(Math.max(0, width - cellWidth(cut)));
}

/** Exactly `width` cells, right-aligned (numbers, timers). */
export function fitRight(s: string, width: number): string {
  if (width <= 0) return '';
  const cut = truncateToWidth(s, width);
  return ' '.repeat(Math.max(0, width - cellWidth(cut))) + cut;
}

const segmenter = new Intl.Segmenter();

/** Hard-wrap multi-line text to `width` cells per line, never splitting a grapheme. */
export function wrapToWidth(text: string, width: number): string[] {
  const w = Math.max(1, Math.floor(width));
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let cur = '';
    let used = 0;
    for (const { segment } of segmenter.segment(para)) {
      const sw = cellWidth(segment);
      if (used + sw > w && cur !== '') {
        out.push(cur);
        cur = '';
        used = 0;
      }
      if (sw > w) continue; // a wide char in a 1-cell column cannot show at all
      cur += segment;
      used += sw;
    }
    out.push(cur);
  }
  return out;
}
