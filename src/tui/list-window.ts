// Virtualized lists: which slice of a long list to render so the cursor stays
// visible. Only the rows in the window are turned into React elements.

/** Clamp a cursor into [0, count). An empty list has cursor 0. */
export const clampCursor = (cursor: number, count: number): number =>
  count <= 0 ? 0 : Math.min(Math.max(0, cursor), count - 1);

/** Start and end (exclusive) of the visible rows, keeping the cursor on screen,
 *  roughly centered once it passes the middle of the window. */
export function listWindow(count: number, cursor: number, height: number): { start: number; end: number } {
  const h = Math.max(0, Math.floor(height));
  if (count <= h) return { start: 0, end: count };
  const c = clampCursor(cursor, count);
  const start = Math.min(Math.max(0, c - Math.floor(h / 2)), count - h);
  return { start, end: start + h };
}
