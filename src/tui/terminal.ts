// What the console asks of the terminal besides frames: the window title, an
// alert (bell, desktop notification), a full repaint, a suspend. Panes and
// actions call these; run.tsx wires them to the terminal session
// (screen/control.ts), tests record them.
import type { Alert } from './screen/notify.js';
import { truncateToWidth } from './text/width.js';

export type { Alert };

export interface TerminalControl {
  /** The window title, from SafeView strings (sanitized). */
  title(text: string): void;
  /** A new offer or a pop-up notice: bell and/or desktop notification, as the user set them. */
  alert(alert: Alert): void;
  /** Draw everything again (Ctrl-L). */
  repaint(): void;
  /** Give the shell its screen and stop (Ctrl-Z); `fg` comes back. */
  suspend(): void;
}

export const NO_TERMINAL: TerminalControl = { title() {}, alert() {}, repaint() {}, suspend() {} };

const MAX_TITLE = 120;

/** OSC 2 (window title). `safeTitle` must come from the SafeView. */
export function titleSequence(safeTitle: string): string {
  return `\x1b]2;${truncateToWidth(safeTitle, MAX_TITLE)}\x07`;
}
