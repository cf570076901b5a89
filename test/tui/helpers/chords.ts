// What a terminal sends for a chord: lets tests press every binding of the
// keymap, including user overrides, without hard-coding key sequences.
import type { Chord } from '../../../src/tui/keys.js';

const NAMED: Record<string, string> = {
  esc: '\x1b', enter: '\r', tab: '\t', space: ' ', backspace: '\x7f',
  up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D',
  pageup: '\x1b[5~', pagedown: '\x1b[6~', home: '\x1b[H', end: '\x1b[F',
  f1: '\x1bOP', f2: '\x1bOQ', f3: '\x1bOR', f4: '\x1bOS',
};

export function chordInput(c: Chord): string {
  if (c.key === 'tab' && c.shift) return '\x1b[Z';
  let s = NAMED[c.key] ?? (c.shift ? c.key.toUpperCase() : c.key);
  if (c.ctrl && c.key.length === 1) s = String.fromCharCode(c.key.charCodeAt(0) & 0x1f);
  if (c.alt) s = `\x1b${s}`;
  return s;
}
