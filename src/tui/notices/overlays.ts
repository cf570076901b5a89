// The notice dialogs, as UI state (types only). They join the console's
// Overlay union; each kind is a keymap screen (NOTICE_SCREENS in commands.ts).
import type { NoticePriority } from '../../protocol/index.js';
import type { Overlay } from '../ui-state.js';

export type NoticeOverlay =
  /** `groups`: 0 = all the groups I may address, n = the n-th of them. */
  | { kind: 'noticeCompose'; text: string; priority: NoticePriority; groups: number; error: string | null }
  | { kind: 'noticeView'; noticeId: string; cursor: number }
  /** Opened by the console itself; `previous` comes back once acknowledged. */
  | { kind: 'noticePopup'; noticeId: string; previous: Overlay | null; error: string | null };
