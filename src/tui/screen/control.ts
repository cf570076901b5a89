// The terminal control the console's panes and actions use (terminal.ts), on
// a real terminal: titles only where the terminal has them, alerts as the
// user set them (notify.ts), repaint and suspend through the renderer and the
// session. Everything it writes is printable text in the terminal's charset.
import type { TerminalControl } from '../terminal.js';
import { titleSequence } from '../terminal.js';
import type { TerminalCaps } from './caps.js';
import { asciiText } from './charset.js';
import { alertSequence, type AlertSettings } from './notify.js';
import type { ScreenRenderer } from './renderer.js';
import type { TerminalSession } from './session.js';
import { cellWidth } from './width.js';

export function terminalControl(session: TerminalSession, renderer: ScreenRenderer, caps: TerminalCaps, settings: AlertSettings): TerminalControl {
  return {
    title(text) {
      if (caps.titles) session.write(titleSequence(caps.unicode ? text : asciiText(text, cellWidth)));
    },
    alert(alert) {
      session.write(alertSequence(alert, caps, settings));
    },
    repaint: () => renderer.repaint(),
    suspend: () => session.suspend(),
  };
}
