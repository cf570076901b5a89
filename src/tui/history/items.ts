// What the History dialog lists and shows, derived from its state: shared by
// the dialog (what to draw) and the actions (what Enter opens).
import type { DateFormat, HistoryEntry } from '../../protocol/index.js';
import { MEDIA_LABELS } from '../labels.js';
import { formatClock, whenLabel } from '../format.js';
import type { HistoryOverlay } from './overlays.js';

/** "Chat · Lee Park" for a known customer; else the case's subject, which says it ("Chat with Lee"). */
const what = (e: HistoryEntry): string => (e.customerName ? `${MEDIA_LABELS[e.log.media]} · ${e.customerName}` : e.subject);

/** One row: when, what, with whom; its codes and duration on the right. */
export function historyRow(e: HistoryEntry, now: number, format: DateFormat): { key: string; label: string; right: string } {
  return {
    key: e.followUpId,
    label: `${whenLabel(e.at, now, format)} ${what(e)}`,
    right: `${e.log.codes.length ? e.log.codes.join(', ') : 'no codes'} · ${formatClock(e.log.durationSec * 1000)}`,
  };
}

/** The header of an entry opened whole; its text (notes, codes, a chat's transcript) follows. */
export function historyHeader(e: HistoryEntry, now: number, format: DateFormat): string {
  return [whenLabel(e.at, now, format), what(e), e.log.queueName, `case ${e.caseId}`].filter(Boolean).join(' · ');
}

export const openedEntry = (o: HistoryOverlay): HistoryEntry | undefined => (o.opened ? o.entries?.find((e) => e.followUpId === o.opened) : undefined);
