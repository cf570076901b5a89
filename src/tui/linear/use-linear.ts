// Linear mode in the console: follows the view and the console's state and
// says what changed (view-news.ts, ui-news.ts) on the linear output, echoes
// the text field being typed in, and says where things stand at start and on
// Ctrl-L. Nothing here runs without a linear output (the full screen).
import { useEffect } from 'react';
import type { ConsoleServices } from '../context.js';
import { keysLabel } from '../keymap.js';
import type { SafeView } from '../safe-view.js';
import type { UiState } from '../ui-state.js';
import { fieldOf, summaryLines, uiNews } from './ui-news.js';
import { viewNews, type NewsContext } from './view-news.js';

/** The offer's keys as the agent can press them now: its letters on the Interaction pane, its chords anywhere else. */
function newsContext(s: ConsoleServices, v: SafeView, u: UiState): NewsContext {
  const onPane = u.focus === 'interaction' && !u.overlay && !u.text;
  const canReject = v.self?.permissions.includes('rejectOffers') ?? false;
  return {
    serverNow: s.clock.now() + v.clockOffset,
    offerKeys: {
      accept: keysLabel(s.keymap, onPane ? 'offerPane.accept' : 'offer.accept'),
      reject: canReject ? keysLabel(s.keymap, onPane ? 'offerPane.reject' : 'offer.reject') : null,
    },
  };
}

/** Says where things stand (Ctrl-L in linear mode). */
export function sayWhereThingsStand(s: ConsoleServices): void {
  const v = s.view.get();
  s.linear?.say(summaryLines(v, s.keymap, newsContext(s, v, s.ui.get())));
}

export function useLinear(s: ConsoleServices): void {
  useEffect(() => {
    const out = s.linear;
    if (!out) return;
    let view = s.view.get();
    let ui = s.ui.get();
    if (view.self) sayWhereThingsStand(s);
    const offView = s.view.subscribe(() => {
      const next = s.view.get();
      // The first view with the agent in it (the login) is the summary, not news.
      if (!view.self && next.self) {
        view = next;
        sayWhereThingsStand(s);
        return;
      }
      out.say(viewNews(view, next, newsContext(s, next, ui)));
      view = next;
    });
    const offUi = s.ui.subscribe(() => {
      const next = s.ui.get();
      const field = fieldOf(view, next, s.keymap);
      // A field closed ends its line before the news; one opened starts after it.
      if (!field) out.field('ui', null);
      out.say(uiNews(ui, next, view, s.keymap, newsContext(s, view, next)));
      ui = next;
      if (field) out.field('ui', field);
    });
    return () => {
      offView();
      offUi();
    };
  }, [s]);
}
