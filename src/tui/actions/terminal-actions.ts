// Terminal keys, on every screen: repaint (Ctrl-L), suspend (Ctrl-Z) and help
// (F1) where ? is text or a dialog's own key.
import { sayWhereThingsStand } from '../linear/use-linear.js';
import type { Handler } from './run.js';

export const terminalActions = {
  // Linear mode has no screen to draw again: it says where things stand.
  'terminal.repaint': (s) => (s.linear ? sayWhereThingsStand(s) : s.terminal.repaint()),
  'terminal.suspend': (s) => s.terminal.suspend(),
  // Over whatever is open, which stays as it was (a draft keeps being written, a dialog comes back on close).
  'terminal.help': (s) => s.ui.update((u) => (u.overlay?.kind === 'help' ? u : { ...u, overlay: { kind: 'help', cursor: 0, previous: u.overlay } })),
} satisfies Record<string, Handler>;
