// The console's copy of the client's view: sanitized (safe-view.ts) and kept
// in a store panes select from. The server clock offset is re-measured on
// every message with a few ms of jitter; small changes are ignored so timers
// (and whatever selects the offset) do not re-render for nothing.
import type { Clock } from './clock.js';
import type { ConsoleClient } from './context.js';
import { safeView, type SafeView } from './safe-view.js';
import type { Store } from './store.js';

/** Offset changes smaller than this keep the previous offset. */
export const OFFSET_TOLERANCE_MS = 250;

export function stabilize(prev: SafeView | undefined, next: SafeView): SafeView {
  if (!prev || prev.clockOffset === next.clockOffset) return next;
  if (Math.abs(prev.clockOffset - next.clockOffset) >= OFFSET_TOLERANCE_MS) return next;
  return { ...next, clockOffset: prev.clockOffset };
}

/** Keep `store` in step with the client from now on; returns the unsubscribe.
 *  The clock catches up first, so new deadlines are shown from the right second. */
export function followClient(client: ConsoleClient, store: Store<SafeView>, clock?: Clock): () => void {
  const stop = client.subscribe((v) => {
    clock?.sync?.();
    store.set(stabilize(store.get(), safeView(v)));
  });
  // Catch up with anything that changed before we subscribed.
  store.set(stabilize(store.get(), safeView(client.getView())));
  return stop;
}
