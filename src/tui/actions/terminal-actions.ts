// Terminal keys, on every screen: repaint (Ctrl-L) and suspend (Ctrl-Z).
import { sayWhereThingsStand } from '../linear/use-linear.js';
import type { Handler } from './run.js';

export const terminalActions = {
  // Linear mode has no screen to draw again: it says where things stand.
  'terminal.repaint': (s) => (s.linear ? sayWhereThingsStand(s) : s.terminal.repaint()),
  'terminal.suspend': (s) => s.terminal.suspend(),
} satisfies Record<string, Handler>;
