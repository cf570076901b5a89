/**
 * Text from outside (customers, names, the server) printed by the command-line
 * helpers: control and bidi characters removed, so nothing untrusted reaches
 * the terminal as an escape sequence or reorders a line. Newlines are kept.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(s: string): string {
  return s.replace(UNSAFE, '');
}
