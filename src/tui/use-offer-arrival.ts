// When a new offer arrives: alert the agent (bell, desktop notification, as
// they set them). Nothing else moves: a server event never takes the focus,
// closes a dialog or leaves a text field, so the keys the agent is typing
// keep going where they were going. The offer shows in the interaction pane,
// or in the banner when that pane is not on screen, with its own keys
// (Ctrl-Y, Ctrl-X) that work from anywhere.
import { useEffect, useRef } from 'react';
import type { ConsoleServices } from './context.js';
import { useView } from './context.js';
import { customerLine, interactionTitle } from './panes/offer.js';

export function useOfferArrival(s: ConsoleServices): void {
  const offerId = useView((v) => v.offer?.id ?? null);
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (offerId === last.current) return;
    last.current = offerId;
    const offer = s.view.get().offer;
    if (offerId === null || !offer) return;
    s.terminal.alert({ title: `Offer: ${interactionTitle(offer)}`, body: customerLine(offer.customer) });
  }, [offerId, s]);
}
