// When a new offer arrives: alert the agent (bell, desktop notification, as
// they set them) and bring the
// interaction pane forward — unless the agent is typing (notes, search, or
// any dialog with a text field: palette, dial, transfer, a notice…): then the
// typed text and the field stay put, the offer shows in the banner, and
// Ctrl-Y still accepts. A pop-up notice keeps the screen until acknowledged.
import { useEffect, useRef } from 'react';
import type { ConsoleServices } from './context.js';
import { useView } from './context.js';
import { SCREENS, TEXT, type ScreenId } from './keymap.js';
import { customerLine, interactionTitle } from './panes/offer.js';
import type { UiState } from './ui-state.js';

/** A dialog whose screen takes typed text (its keymap screen has a text layer). */
const hasTextField = (kind: ScreenId): boolean => (SCREENS[kind] as readonly string[]).includes(TEXT);
const isTyping = (u: UiState): boolean => u.text !== null || (u.overlay !== null && hasTextField(u.overlay.kind));

export function takeFocusForOffer(u: UiState): UiState {
  if (isTyping(u) || u.overlay?.kind === 'noticePopup' || (u.focus === 'interaction' && u.overlay === null)) return u;
  return { ...u, focus: 'interaction', overlay: null };
}

export function useOfferArrival(s: ConsoleServices): void {
  const offerId = useView((v) => v.offer?.id ?? null);
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (offerId === last.current) return;
    last.current = offerId;
    const offer = s.view.get().offer;
    if (offerId === null || !offer) return;
    s.terminal.alert({ title: `Offer: ${interactionTitle(offer)}`, body: customerLine(offer.customer) });
    s.ui.update(takeFocusForOffer);
  }, [offerId, s]);
}
