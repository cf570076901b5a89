// Writes that bypass Ink's frame: the window title (OSC 2) and the bell. Both
// are invisible and move no cursor, so they never disturb incremental output.
// The title is built from view strings that safe-view.ts already sanitized
// (no control character can end the sequence early); it is written only when
// it changes.
import { truncateToWidth } from './text/width.js';

export type RawWrite = (data: string) => void;

const MAX_TITLE = 120;

/** OSC 2 (window title). `safeTitle` must come from the SafeView. */
export function titleSequence(safeTitle: string): string {
  return `\x1b]2;${truncateToWidth(safeTitle, MAX_TITLE)}\x07`;
}

export const BELL = '\x07';

/** xterm's title stack: save the user's title at start, restore it at exit. */
export const PUSH_TITLE = '\x1b[22;2t';
export const POP_TITLE = '\x1b[23;2t';

/**
 * Bracketed paste (xterm mode 2004): while on, the terminal wraps pasted text
 * in ESC[200~ ... ESC[201~ (keys.ts, PasteReader), so a paste is never taken
 * for typed keys. Terminals without it ignore the mode. It outlives the
 * process, so it must be turned off on every way out (run.tsx).
 */
export const BRACKETED_PASTE_ON = '\x1b[?2004h';
export const BRACKETED_PASTE_OFF = '\x1b[?2004l';
