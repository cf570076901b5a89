// Alerts (a new offer, a pop-up notice): the bell, and a desktop notification
// where the terminal shows one (caps.ts) and the user wants it. The text is
// reduced to printable characters here whatever the caller passed (no
// control can end the sequence early or start another), cut short, and in
// ASCII on a non-UTF-8 terminal. Inside tmux the notification is wrapped in
// tmux's passthrough (tmux needs `set -g allow-passthrough on` to let it out).
import type { TerminalCaps } from './caps.js';
import { asciiText } from './charset.js';
import { cellWidth } from './width.js';

export const BELL = '\x07';
const MAX_TEXT = 120;

export interface Alert {
  /** "Offer: Chat · Sales" */
  title: string;
  /** "Olivia Brown · acct 1234" */
  body: string;
}

export interface AlertSettings {
  /** Ring the bell (the `bell` setting, `--no-bell`). */
  bell: boolean;
}

/** Printable characters only (C0, DEL, C1, and ';' for OSC 777's fields gone), at most MAX_TEXT code points. */
function printable(s: string, unicode: boolean, dropSemicolons: boolean): string {
  let out = '';
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0) || (c >= 0x2028 && c <= 0x2029)) { out += ' '; continue; }
    if (dropSemicolons && ch === ';') { out += ','; continue; }
    if (++n > MAX_TEXT) { out += '…'; break; }
    out += ch;
  }
  return unicode ? out : asciiText(out, cellWidth);
}

/** tmux's passthrough: DCS tmux; <sequence with every ESC doubled> ST. */
const tmuxPassthrough = (seq: string): string => `\x1bPtmux;${seq.replaceAll('\x1b', '\x1b\x1b')}\x1b\\`;

/** The bytes that announce `alert` on this terminal ('' for none). */
export function alertSequence(alert: Alert, caps: Pick<TerminalCaps, 'notify' | 'tmux' | 'unicode'>, settings: AlertSettings): string {
  let desktop = '';
  if (caps.notify === 'osc9') {
    const text = printable(alert.body ? `${alert.title}: ${alert.body}` : alert.title, caps.unicode, false);
    desktop = `\x1b]9;${text}\x07`;
  } else if (caps.notify === 'osc777') {
    desktop = `\x1b]777;notify;${printable(alert.title, caps.unicode, true)};${printable(alert.body, caps.unicode, true)}\x07`;
  }
  if (desktop && caps.tmux) desktop = tmuxPassthrough(desktop);
  return (settings.bell ? BELL : '') + desktop;
}
