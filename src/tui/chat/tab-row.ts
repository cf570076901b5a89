// The chat tab row laid out to its width: the counter (chats open and the
// most the agent may hold, in words: a bare '1 of 6' read as a tab number or
// six chats; and what the unread mark means) and the active tab
// always whole; names shortened evenly to make room; with more tabs than fit,
// those farthest from the active one are left out and counted in words
// (Alt-1..6 and Alt-Left/Right still reach them).
import type { Segment } from '../components/line.js';
import { fit } from '../text/fit.js';
import { cellWidth } from '../text/width.js';

export interface TabCell {
  /** Alt-n for a customer chat, '@' for a colleague. */
  n: string;
  label: string;
  unread: number;
  active: boolean;
}

const LABEL_MAX = 12;
const LABEL_MIN = 4;

const mark = (t: TabCell): string => (t.unread ? `•${t.unread}` : '');
/** A tab's text: '[n name•2] ' when active (its name as long as it may be), ' n name•2  ' otherwise. */
const tabText = (t: TabCell, labelW: number): string => {
  const label = `${t.n} ${fit(t.label, Math.min(t.active ? LABEL_MAX : labelW, cellWidth(t.label))).trimEnd()}${mark(t)}`;
  return t.active ? `[${label}] ` : ` ${label}  `;
};
const rowWidth = (tabs: readonly TabCell[], labelW: number): number => tabs.reduce((n, t) => n + cellWidth(tabText(t, labelW)), 0);

/** The tabs that fit: the active one, then its neighbours outwards, at the widest label width that fits. */
function choose(tabs: readonly TabCell[], room: number): { shown: TabCell[]; labelW: number } {
  const active = Math.max(0, tabs.findIndex((t) => t.active));
  // Nearest first: the active tab, then alternately right and left of it.
  const order = [...tabs.keys()].sort((a, b) => Math.abs(a - active) - Math.abs(b - active) || b - a);
  for (let count = tabs.length; count > 1; count--) {
    const shown = order.slice(0, count).sort((a, b) => a - b).map((i) => tabs[i]!);
    const hidden = tabs.length - count;
    const avail = room - (hidden ? cellWidth(more(hidden)) : 0);
    for (let w = LABEL_MAX; w >= LABEL_MIN; w--) if (rowWidth(shown, w) <= avail) return { shown, labelW: w };
  }
  return { shown: tabs.length ? [tabs[active]!] : [], labelW: LABEL_MAX };
}

const more = (hidden: number): string => ` +${hidden} more tab${hidden > 1 ? 's' : ''} `;

export function tabRowParts(tabs: readonly TabCell[], chats: { open: number; max: number }, width: number): Segment[] {
  const counter = ` ${chats.open} chat${chats.open === 1 ? '' : 's'} open (max ${chats.max})${tabs.some((t) => t.unread) ? ' · •n unread' : ''}`;
  const { shown, labelW } = choose(tabs, width - cellWidth(counter));
  const parts: Segment[] = shown.map((t) => ({ text: tabText(t, labelW), role: t.active ? 'selection' : t.unread ? 'warning' : 'muted' }));
  const hidden = tabs.filter((t) => !shown.includes(t));
  if (hidden.length) parts.push({ text: more(hidden.length), role: hidden.some((t) => t.unread) ? 'warning' : 'muted' });
  parts.push({ text: counter, role: 'muted' });
  return parts;
}
