// The notice dialogs, as UI state (types only). They join the console's
// Overlay union; each kind is a keymap screen (NOTICE_SCREENS in commands.ts).
import type { NoticePriority } from '../../protocol/index.js';

/**
 * Opened by the console itself; `previous` (the console's overlay it covered:
 * ui-state's Overlay, a type parameter so this file needs no ui-state) comes
 * back once acknowledged.
 */
export interface NoticePopup<Previous = unknown> {
  kind: 'noticePopup';
  noticeId: string;
  previous: Previous | null;
  error: string | null;
}

export type NoticeOverlay =
  /** `groups`: the chosen recipients, any subset of the groups I may address (all at first); `groupCursor`: the one Ctrl-G toggles. */
  | { kind: 'noticeCompose'; text: string; priority: NoticePriority; groups: readonly string[]; groupCursor: number; error: string | null }
  | { kind: 'noticeView'; noticeId: string; cursor: number }
  | NoticePopup;
