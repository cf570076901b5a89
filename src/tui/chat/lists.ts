// How long the chat dialogs' lists are, for the shared cursor keys (list-actions.ts).
import type { ConsoleServices } from '../context.js';
import { faqMatches } from './faq.js';

export const CHAT_LIST_COUNTS = {
  faq: (s: ConsoleServices): number => {
    const o = s.ui.get().overlay;
    return o?.kind === 'faq' ? faqMatches(s.view.get().faq, o.query).length : 0;
  },
  chatTransfer: (s: ConsoleServices): number => {
    const o = s.ui.get().overlay;
    return o?.kind === 'chatTransfer' ? (o.queues?.length ?? 0) : 0;
  },
};
