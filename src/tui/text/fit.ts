// Fitting sanitized text into terminal cells: pad or cut to an exact width, so
// the columns of a table line up even with wide characters. Input must
// already be sanitized (safe-view.ts): these only measure and cut.
import { cellWidth, truncateToWidth } from './width.js';

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
