// When a new offer arrives: ring the bell (if wanted) and bring the
// interaction pane forward — unless the agent is typing (notes, search,
// palette): then the typed text and the field stay put, the offer shows in
// the banner, and Ctrl-Y still accepts.
import { useEffect, useRef } from 'react';
import type { ConsoleServices } from './context.js';
import { useView } from './context.js';
import { BELL } from './terminal.js';
import type { UiState } from './ui-state.js';

const isTyping = (u: UiState): boolean => u.text !== null || u.overlay?.kind === 'palette';

export function takeFocusForOffer(u: UiState): UiState {
  if (isTyping(u) || (u.focus === 'interaction' && u.overlay === null)) return u;
  return { ...u, focus: 'interaction', overlay: null };
}

export function useOfferArrival(s: ConsoleServices): void {
  const offerId = useView((v) => v.offer?.id ?? null);
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (offerId === last.current) return;
    last.current = offerId;
    if (offerId === null) return;
    if (s.bell) s.writeRaw(BELL);
    s.ui.update(takeFocusForOffer);
  }, [offerId, s]);
}
