// Key chords for the keymap: parse what users write in their config
// ("ctrl+k"), show it in help ("Ctrl-K"), and turn Ink's useInput (input, key)
// pair into the same normalized chord so the keymap is a plain lookup by id.

/** Ink's useInput Key, structurally (only the fields we read), so this module
 *  needs no React/Ink import. */
export interface InkKey {
  upArrow: boolean; downArrow: boolean; leftArrow: boolean; rightArrow: boolean;
  pageDown: boolean; pageUp: boolean; home: boolean; end: boolean;
  return: boolean; escape: boolean; ctrl: boolean; shift: boolean; tab: boolean;
  backspace: boolean; delete: boolean; meta: boolean;
}

/** `key` is a named key (see NAMED) or one printable character, lowercased
 *  for letters (an upper-case letter is `shift` + lower case). */
export interface Chord {
  key: string;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
}

export class ChordError extends Error {
  override readonly name = 'ChordError';
  constructor(message: string, readonly text: string) {
    super(message);
  }
}

// Canonical name → help label. Function keys are added below.
const NAMED: Record<string, string> = {
  esc: 'Esc', enter: 'Enter', tab: 'Tab', space: 'Space', backspace: 'Backspace',
  up: 'Up', down: 'Down', left: 'Left', right: 'Right',
  pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End',
};
for (let n = 1; n <= 12; n++) NAMED[`f${n}`] = `F${n}`;

// Spellings accepted in config files. Delete maps to backspace because Ink
// reports the Backspace key (DEL, 0x7f) and the forward Delete key alike as
// `key.delete`: two names would make one of them silently never match.
const ALIASES: Record<string, string> = {
  escape: 'esc', return: 'enter', del: 'backspace', delete: 'backspace', bs: 'backspace',
  pgup: 'pageup', pgdn: 'pagedown', arrowup: 'up', arrowdown: 'down',
  arrowleft: 'left', arrowright: 'right', spacebar: 'space',
};
const MODIFIER = /^(ctrl|control|alt|meta|option|shift)[+-]/i;

// A letter in the sense of "has case": shift changes it, so it is normalized.
const hasCase = (ch: string): boolean => ch.toLowerCase() !== ch.toUpperCase();
const isSingleChar = (s: string): boolean => s.length > 0 && [...s].length === 1;
// Control chars, DEL, C1 and format chars cannot be typed as a plain key.
const isPrintable = (ch: string): boolean => !/[\p{Cc}\p{Cf}\p{Cs}\p{Z}]/u.test(ch);

/** Parse "ctrl+k", "Alt-1", "shift+tab", "esc", "?", "f2", "space", "A"...
 *  Both '+' and '-' separate modifiers, so "ctrl+-" and "Ctrl--" mean Ctrl and '-'. */
export function parseChord(text: string): Chord {
  let rest = text.trim();
  const chord: Chord = { key: '', ctrl: false, alt: false, shift: false };
  for (let m = MODIFIER.exec(rest); m && rest.length > m[0].length; m = MODIFIER.exec(rest)) {
    const mod = m[1]!.toLowerCase();
    if (mod === 'shift') chord.shift = true;
    else if (mod === 'ctrl' || mod === 'control') chord.ctrl = true;
    else chord.alt = true;
    rest = rest.slice(m[0].length);
  }
  if (rest === '') throw new ChordError(`empty key chord`, text);
  if (isSingleChar(rest)) {
    if (!isPrintable(rest)) throw new ChordError(`unprintable key in chord ${JSON.stringify(text)}`, text);
    if (hasCase(rest)) {
      // A bare "A" means Shift+a; with a modifier, case is only how help is
      // written ("Ctrl-K" is Ctrl+k), so Shift must be explicit there.
      const bare = !chord.ctrl && !chord.alt && !chord.shift;
      if (bare && rest !== rest.toLowerCase()) chord.shift = true;
      return { ...chord, key: rest.toLowerCase() };
    }
    // Terminals send "?" for Shift+/; a shift flag is never reported for it.
    if (chord.shift) {
      throw new ChordError(`"${text}": shift with a symbol cannot be detected; write the symbol itself`, text);
    }
    return { ...chord, key: rest };
  }
  const lower = rest.toLowerCase();
  // hasOwn, not `in`: "constructor" must not pass as a key name.
  const name = Object.hasOwn(ALIASES, lower) ? ALIASES[lower]! : lower;
  if (!Object.hasOwn(NAMED, name)) throw new ChordError(`unknown key ${JSON.stringify(rest)} in chord ${JSON.stringify(text)}`, text);
  return { ...chord, key: name };
}

/** Stable lookup id: modifiers in a fixed order, e.g. "ctrl+alt+shift+tab". */
export function chordId(c: Chord): string {
  return `${c.ctrl ? 'ctrl+' : ''}${c.alt ? 'alt+' : ''}${c.shift ? 'shift+' : ''}${c.key}`;
}

/** Help label: "Ctrl-K", "Alt-1", "Shift-Tab", "Esc", "?", "F2", "a", "Shift-A". */
export function formatChord(c: Chord): string {
  const named = NAMED[c.key];
  let key = named ?? c.key;
  if (!named && (c.ctrl || c.alt || c.shift) && hasCase(key)) key = key.toUpperCase();
  return `${c.ctrl ? 'Ctrl-' : ''}${c.alt ? 'Alt-' : ''}${c.shift ? 'Shift-' : ''}${key}`;
}

/** Map Ink's useInput arguments to a chord; null for pasted text or keys Ink
 *  cannot name (F-keys, Insert: use chordFromSequence on raw input). */
export function chordFromInk(input: string, key: InkKey): Chord | null {
  // Ink sets meta for Esc itself (it parses ESC as a meta prefix): not Alt.
  if (key.escape) return { key: 'esc', ctrl: false, alt: false, shift: false };
  const mods = { ctrl: key.ctrl, alt: key.meta, shift: key.shift };
  const named =
    key.upArrow ? 'up' : key.downArrow ? 'down' : key.leftArrow ? 'left' : key.rightArrow ? 'right'
    : key.pageUp ? 'pageup' : key.pageDown ? 'pagedown' : key.home ? 'home' : key.end ? 'end'
    : key.return ? 'enter' : key.tab ? 'tab' : key.backspace || key.delete ? 'backspace'
    : null;
  if (named) return { key: named, ...mods };
  if (input === '\r' || input === '\n') return { key: 'enter', ...mods };
  if (input === ' ') return { key: 'space', ...mods };
  // Ctrl+Space arrives as NUL, which Ink names as Ctrl+` .
  if (key.ctrl && input === '`') return { key: 'space', ...mods };
  if (!isSingleChar(input) || !isPrintable(input)) return null;
  if (hasCase(input)) {
    return { key: input.toLowerCase(), ...mods, shift: mods.shift || input !== input.toLowerCase() };
  }
  // Symbols and digits already encode shift (kitty may still report it).
  return { key: input, ...mods, shift: false };
}

// xterm function keys: ESC O P..S (F1–F4), CSI 1;mod P..S, CSI n[;mod] ~.
const FN_TILDE: Record<string, number> = {
  11: 1, 12: 2, 13: 3, 14: 4, 15: 5, 17: 6, 18: 7, 19: 8, 20: 9, 21: 10, 23: 11, 24: 12,
};
const FN_SEQ = /^\x1b(?:O([PQRS])|\[(?:1;(\d+))?([PQRS])|\[(\d+)(?:;(\d+))?~)$/;

/** Chord for a raw function-key sequence (Ink's useInput reports F-keys as
 *  empty input with no flag, so a raw stdin listener must name them). */
export function chordFromSequence(seq: string): Chord | null {
  const m = FN_SEQ.exec(seq);
  if (!m) return null;
  const letter = m[1] ?? m[3];
  const n = letter ? 'PQRS'.indexOf(letter) + 1 : FN_TILDE[m[4]!];
  if (!n) return null;
  // xterm modifier parameter is 1 + bits (1 shift, 2 alt, 4 ctrl).
  const bits = Math.max(0, Number(m[2] ?? m[5] ?? 1) - 1);
  return { key: `f${n}`, shift: (bits & 1) !== 0, alt: (bits & 2) !== 0, ctrl: (bits & 4) !== 0 };
}
