// What the chat dialogs list, and how long the lists are for the shared cursor keys (list-actions.ts).
import type { QueueListing } from '../../protocol/index.js';
import type { ConsoleServices } from '../context.js';
import { matchesQuery } from '../transfer-targets.js';
import { faqMatches } from './faq.js';
import type { ChatOverlay } from './overlays.js';

/** The chat queues the transfer dialog shows: those matching what was typed. */
export const transferQueues = (o: Extract<ChatOverlay, { kind: 'chatTransfer' }>): readonly QueueListing[] =>
  (o.queues ?? []).filter((q) => matchesQuery(o.query, q.name));

export const CHAT_LIST_COUNTS = {
  faq: (s: ConsoleServices): number => {
    const o = s.ui.get().overlay;
    return o?.kind === 'faq' ? faqMatches(s.view.get().faq, o.query).length : 0;
  },
  chatTransfer: (s: ConsoleServices): number => {
    const o = s.ui.get().overlay;
    return o?.kind === 'chatTransfer' ? transferQueues(o).length : 0;
  },
};
