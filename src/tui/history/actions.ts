// History commands: open the dialog (loading my latest logs), search as I
// type (the server searches every log of mine), open one, back to the list.
import { error, type Handler } from '../actions/run.js';
import { leaveText } from '../actions/focus.js';
import type { ConsoleServices } from '../context.js';
import { clampCursor } from '../list-window.js';
import { safeErrorMessage } from '../safe-view.js';
import type { Overlay, UiState } from '../ui-state.js';
import type { HistoryOverlay } from './overlays.js';

const patch = (s: ConsoleServices, f: (o: HistoryOverlay) => Partial<HistoryOverlay>): void =>
  s.ui.update((u) => (u.overlay?.kind === 'history' ? { ...u, overlay: { ...u.overlay, ...f(u.overlay) } as Overlay } : u));

/** Asks for the entries matching `query`; an answer for a query typed over since is dropped. */
export async function loadHistory(s: ConsoleServices, query: string): Promise<void> {
  let r;
  try {
    r = await s.client.history(query.trim() || undefined);
  } catch (e) {
    r = { ok: false as const, error: { code: 'SERVER_ERROR' as const, message: (e as Error).message } };
  }
  patch(s, (o) => (o.query !== query ? {} : r.ok ? { entries: r.history ?? [], error: null } : { entries: [], error: safeErrorMessage(r.error) }));
}

export const historyActions = {
  'global.history': (s) => {
    if (!s.view.get().self) return error(s, 'Not logged in yet.');
    leaveText(s);
    // The dialog asks for the entries of its query (HistoryDialog's effect), now and as the agent types.
    s.ui.update((u) => ({ ...u, overlay: { kind: 'history', query: '', cursor: 0, entries: null, opened: null, error: null } }));
  },
} satisfies Record<string, Handler>;

export const historyDialogSelect = {
  history: (s: ConsoleServices, o: HistoryOverlay): void => {
    if (o.opened || !o.entries?.length) return;
    const e = o.entries[clampCursor(o.cursor, o.entries.length)];
    if (e) patch(s, () => ({ opened: e.followUpId }));
  },
};

export const historyDialogBack = {
  history: (s: ConsoleServices, o: HistoryOverlay): void =>
    o.opened ? patch(s, () => ({ opened: null })) : s.ui.update((u) => ({ ...u, overlay: null })),
};

/** The search field, while the list is shown; each change asks the server again. */
export const HISTORY_TEXT_FIELDS = {
  history: {
    get: (u: UiState) => (u.overlay?.kind === 'history' && !u.overlay.opened ? u.overlay.query : undefined),
    set: (u: UiState, query: string): UiState => (u.overlay?.kind === 'history' ? { ...u, overlay: { ...u.overlay, query, cursor: 0, entries: null } } : u),
    multiline: false,
    max: 200,
  },
};

export const historyCount = (s: ConsoleServices): number => {
  const o = s.ui.get().overlay;
  return o?.kind === 'history' && !o.opened ? (o.entries?.length ?? 0) : 0;
};
