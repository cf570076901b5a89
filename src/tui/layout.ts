// Where panes go, as a pure function of the terminal size. Below SPLIT_MIN
// columns one pane shows at a time under a tab row; from SPLIT_MIN up, the
// panes sit side by side in two columns, Contacts and CRM sharing one place
// (the one focused last shows; a screen pop brings the CRM). The root is one
// row shorter than the terminal (a full-height frame makes terminals scroll).
import type { PaneId } from './pane-ids.js';

export const SPLIT_MIN = 120;
/** Status bar, message line, key hints. */
export const CHROME_ROWS = 3;

export interface PaneBox { id: PaneId; width: number; height: number }
export interface Layout {
  mode: 'tabs' | 'split';
  /** Rows of the root box (terminal rows − 1). */
  height: number;
  /** Rows left for panes (or a dialog) between the chrome lines. */
  body: number;
  /** Columns of pane boxes, left to right; tabs mode has one column with the focused pane. */
  columns: { width: number; panes: PaneBox[] }[];
}

type Share = { id: PaneId; share?: number; rows?: number };
const SPLIT: readonly { share: number; panes: readonly Share[] }[] = [
  { share: 0.55, panes: [{ id: 'interaction', share: 0.6 }, { id: 'disposition' }] },
  { share: 0.45, panes: [{ id: 'queues', share: 0.35 }, { id: 'contacts' }, { id: 'notices', rows: 3 }] },
];

/** Split `total` by shares; fixed rows first, the last flexible entry takes the rest. */
function splitHeights(total: number, panes: readonly Share[]): number[] {
  const fixed = panes.reduce((n, p) => n + (p.rows ?? 0), 0);
  const flex = Math.max(0, total - fixed);
  let given = 0;
  const lastFlex = panes.map((p) => p.rows === undefined).lastIndexOf(true);
  return panes.map((p, i) => {
    if (p.rows !== undefined) return Math.min(p.rows, total);
    const h = i === lastFlex ? flex - given : Math.floor(flex * (p.share ?? 0));
    given += h;
    return Math.max(0, h);
  });
}

/** The panes that take turns in one place of the split layout. */
const SHARED: readonly PaneId[] = ['contacts', 'crm'];

/** `crm`: the CRM shows in the place it shares with Contacts (unless Contacts has the focus). */
export function computeLayout(o: { columns: number; rows: number; focus: PaneId; extraRows: number; crm?: boolean }): Layout {
  const columns = Math.max(1, Math.floor(o.columns));
  const height = Math.max(1, Math.floor(o.rows) - 1);
  const split = columns >= SPLIT_MIN;
  // The tab row exists only in tabs mode.
  const body = Math.max(0, height - CHROME_ROWS - o.extraRows - (split ? 0 : 1));
  if (!split) return { mode: 'tabs', height, body, columns: [{ width: columns, panes: [{ id: o.focus, width: columns, height: body }] }] };
  const shared: PaneId = SHARED.includes(o.focus) ? o.focus : o.crm ? 'crm' : 'contacts';
  let usedW = 0;
  const cols = SPLIT.map((c, ci) => {
    const width = ci === SPLIT.length - 1 ? columns - usedW : Math.floor(columns * c.share);
    usedW += width;
    const heights = splitHeights(body, c.panes);
    return { width, panes: c.panes.map((p, i) => ({ id: SHARED.includes(p.id) ? shared : p.id, width, height: heights[i]! })) };
  });
  return { mode: 'split', height, body, columns: cols };
}
