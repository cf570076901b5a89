// What the notice views list, derived from the view: shared by the pane, the
// dialogs and the actions so they always agree on the item under the cursor.
import type { DateFormat, NoticePriority, NoticeView } from '../../protocol/index.js';
import type { Role } from '../theme.js';
import { whenLabel } from '../format.js';

/** Theme entry: each priority's colour (green, yellow, red; a pop-up is critical). */
export const PRIORITY_ROLES: Record<NoticePriority, Role> = {
  low: 'priority.low', medium: 'priority.medium', high: 'priority.high', popup: 'priority.popup',
};
export const PRIORITY_LABELS: Record<NoticePriority, string> = { low: 'Low', medium: 'Medium', high: 'High', popup: 'Pop-up' };

export const senderOf = (n: NoticeView): string => (n.platform ? 'Platform' : (n.fromName ?? 'Someone'));

/** "● 10:42 Kate S.: text" — one line of the pane. */
export function noticeLine(n: NoticeView, now: number, format: DateFormat): string {
  return `${n.read ? ' ' : '●'} ${whenLabel(n.at, now, format)} ${senderOf(n)}: ${n.text.replace(/\s+/g, ' ')}`;
}

/** The header of a notice shown whole. */
export function noticeHeader(n: NoticeView, now: number, format: DateFormat): string {
  const to = n.groups.join(', ');
  return `${PRIORITY_LABELS[n.priority]} · ${senderOf(n)} → ${to} · ${whenLabel(n.at, now, format)}`;
}

/** Unread notices, and the highest priority among them (for the status bar). */
export function unreadSummary(notices: readonly NoticeView[]): { count: number; top?: NoticePriority } {
  const order: NoticePriority[] = ['popup', 'high', 'medium', 'low'];
  const unread = notices.filter((n) => !n.read);
  return { count: unread.length, top: order.find((p) => unread.some((n) => n.priority === p)) };
}

/** The oldest unread pop-up: it takes the console until acknowledged. */
export const pendingPopup = (notices: readonly NoticeView[]): NoticeView | undefined =>
  notices.findLast((n) => n.priority === 'popup' && !n.read);

/** The newest unread platform notice: a red bar atop the console until read. */
export const platformAlert = (notices: readonly NoticeView[]): NoticeView | undefined => notices.find((n) => n.platform && !n.read);
