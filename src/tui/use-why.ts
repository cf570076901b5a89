// Always say why: when the engine changes the agent's status on its own (an
// offer rejected or missed, the end of work, a lost connection), or an offer
// goes away unanswered, the message line says so in words (status-words.ts).
// The agent's own choices need no sentence.
import { useEffect, useRef } from 'react';
import type { ConsoleServices } from './context.js';
import { useView } from './context.js';
import { OFFER_GONE, statusChangeWords } from './status-words.js';
import { forgetWhy, showMessage, showWhy } from './ui-state.js';

/** Long enough to be read after a busy moment. */
export const WHY_MS = 15_000;

export function useWhy(s: ConsoleServices): void {
  // One status change, whatever else the self view carries (a new object on every frame).
  const change = useView((v) => (v.self ? `${v.self.statusSince}|${v.self.status}|${v.self.statusChange?.cause}|${v.self.statusChange?.from}` : undefined));
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    const self = s.view.get().self;
    const first = seen.current === undefined;
    const same = change === seen.current;
    seen.current = change;
    // The first view (login, a restart) is not news: only changes seen while running.
    if (first || same || !self) return;
    const words = statusChangeWords(self);
    if (words) showWhy(s.ui, words, s.clock.now(), WHY_MS);
    else forgetWhy(s.ui);
  }, [change, s]);

  const offerId = useView((v) => v.offer?.id ?? null);
  const reason = useView((v) => v.offerEndReason);
  const lastOffer = useRef<string | null>(null);
  useEffect(() => {
    const gone = lastOffer.current !== null && offerId === null;
    lastOffer.current = offerId;
    const words = gone && reason ? OFFER_GONE[reason] : undefined;
    if (words) showMessage(s.ui, 'info', words, s.clock.now(), WHY_MS);
  }, [offerId, reason, s]);
}
