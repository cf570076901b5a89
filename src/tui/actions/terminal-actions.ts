// Terminal keys, on every screen: repaint (Ctrl-L) and suspend (Ctrl-Z).
import type { Handler } from './run.js';

export const terminalActions = {
  'terminal.repaint': (s) => s.terminal.repaint(),
  'terminal.suspend': (s) => s.terminal.suspend(),
} satisfies Record<string, Handler>;
