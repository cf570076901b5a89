// The History dialog, as UI state (types only): it joins the console's
// Overlay union and is a keymap screen (HISTORY_SCREENS in commands.ts).
import type { HistoryEntry } from '../../protocol/index.js';

export interface HistoryOverlay {
  kind: 'history';
  /** Typed to search; the server searches every past log of mine, not only those loaded. */
  query: string;
  cursor: number;
  /** The answer for `query` (null: loading). */
  entries: readonly HistoryEntry[] | null;
  /** The entry opened whole (its transcript or call log), by follow-up id; null: the list. */
  opened: string | null;
  error: string | null;
}
