// What the transfer dialogs (chat and call) say about a target before the
// agent picks it: who else could take work from a queue now, and whether a
// colleague can take a call. The console's prediction, worded; the engine
// still judges the transfer (UNSTAFFED, INVALID_STATE).
import type { ContactView, QueueListing } from '../protocol/index.js';
import { STATUS_LABELS } from './labels.js';

/** A transfer dialog's filter as you type: any of the texts holds the query, whatever its case (empty: everything). */
export const matchesQuery = (query: string, ...texts: (string | undefined)[]): boolean => {
  const q = query.trim().toLowerCase();
  return q === '' || texts.some((t) => t?.toLowerCase().includes(q));
};

/** Colleagues who could take work from the queue now, never counting me (older servers: everyone available). */
export const othersFree = (q: QueueListing): number => q.stats.others ?? q.stats.available;

/** "2 avail" or "nobody else": the first figure of a queue row. */
export const freeLabel = (q: QueueListing): string => (othersFree(q) ? `${othersFree(q)} avail` : 'nobody else');

/** The engine answered UNSTAFFED for `queueId`: its word is newer than the listing, whose row now says "nobody else" too. */
export const markUnstaffed = <Q extends QueueListing>(queues: readonly Q[] | null, queueId: string): Q[] | null =>
  queues && queues.map((q) => (q.id === queueId ? { ...q, stats: { ...q.stats, others: 0 } } : q));

/** The warning the engine would answer UNSTAFFED with, when the listing already says so (null: none due). */
export function unstaffedWarning(q: QueueListing, what: 'chat' | 'call', mayTransferUnstaffed: boolean): string | null {
  if (othersFree(q) > 0 || mayTransferUnstaffed) return null;
  const who = what === 'chat' ? 'the customer' : 'the caller';
  return `Nobody else is available in ${q.name} right now (a ${what} you transfer never comes back to you): ${who} will wait there.`;
}

/** Why a colleague cannot be consulted or added to a call now (DOMAIN.md: Available or Working Offline), or undefined. */
export function agentUnreachable(c: ContactView): string | undefined {
  if (c.offerWaiting) return `${c.displayName} has an offer waiting: a call reaches them once they have answered it.`;
  if (c.status === 'available' || c.status === 'working_offline') return undefined;
  return `${c.displayName} is ${STATUS_LABELS[c.status]}: only Available or Working Offline colleagues can take a call.`;
}
