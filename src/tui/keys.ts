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

// ---- several keys in one read ----------------------------------------------
//
// Ink hands useInput a whole run of plain characters (everything between two
// escape sequences of one stdin read) as ONE input. A terminal sends one key
// per keystroke, but a busy process reads them together: "s" then Enter typed
// while the console was stalled arrive as "s\r", which chordFromInk cannot
// name (null), so both keys were lost. These helpers split such a run back
// into keys: outside bracketed-paste markers every character is a key, on a
// pane and in a text field alike (see PasteReader for pastes).

const NO_KEY: InkKey = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false,
  pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false,
};

// What is left of an escape sequence Ink could not name, once it strips the
// ESC: CSI "[" params final (also the legacy "[[A"), or SS3 "O" final. Ink's
// tokenizer emits exactly these shapes, so they are one (unknown) key, not a
// run of '[', '2', '0', '0', '~' (which would press "2": go to pane 2).
const STRIPPED_SEQUENCE = /^(?:\[\[?[\x20-\x3f]*[\x40-\x7e]|O[\x40-\x7e])$/;

/** True when one of Ink's raw input events (before useInput parses it) is
 *  several plain keys: Ink cuts its reads at each escape character, so an
 *  event is either one escape sequence or a run of plain characters. */
export function isPlainRun(raw: string): boolean {
  if (raw.includes('\x1b')) return false;
  let n = 0;
  for (const _ of raw) if (++n > 1) return true;
  return false;
}

/** Guess from useInput's (input, key) alone (the raw event unknown) whether
 *  it is several plain keys: True when Ink's (input, key) is several plain keys read at once (no escape
 *  sequence, no flag Ink derived from a single key). */
export function isKeyRun(input: string, key: InkKey): boolean {
  if (input.includes('\x1b') || STRIPPED_SEQUENCE.test(input)) return false;
  if ((Object.keys(NO_KEY) as (keyof InkKey)[]).some((k) => key[k])) return false;
  let n = 0;
  for (const _ of input) if (++n > 1) return true;
  return false;
}

/** Split a run into keys: one per code point, CR LF being one Enter. */
export function splitKeys(run: string): string[] {
  const keys: string[] = [];
  for (const ch of run) {
    if (ch === '\n' && keys.at(-1) === '\r') keys[keys.length - 1] = '\r\n';
    else keys.push(ch);
  }
  return keys;
}

/** The chord of one key of a run: what chordFromInk gives when Ink reads that
 *  character alone (Ink 6.8's parseKeypress and useInput; test/tui/keys.test.ts
 *  checks every ASCII character against Ink itself). */
export function chordFromChar(ch: string): Chord | null {
  if (ch === '\r' || ch === '\r\n') return chordFromInk('\r', { ...NO_KEY, return: true });
  if (ch === '\t') return chordFromInk('\t', { ...NO_KEY, tab: true });
  if (ch === '\b') return chordFromInk('', { ...NO_KEY, backspace: true });
  if (ch === '\x7f') return chordFromInk('', { ...NO_KEY, delete: true });
  const code = ch.codePointAt(0)!;
  // C0 controls Ink names Ctrl+letter (NUL is Ctrl+`, i.e. Ctrl+Space); '\n' is Enter.
  if (ch !== '\n' && code <= 0x1a) return chordFromInk(String.fromCharCode(code + 96), { ...NO_KEY, ctrl: true });
  return chordFromInk(ch, { ...NO_KEY, shift: /^[A-Z]$/.test(ch) });
}

/** A key of a run that a text field takes as typing, so a run of them can be
 *  typed in one update: printable, not a line break, tab or any control
 *  (Enter, Tab, Backspace, Ctrl-S... act as keys, C1 controls one by one). */
export function isTextKey(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return code >= 0x20 && code !== 0x7f && (code < 0x80 || code > 0x9f);
}

// ---- bracketed paste --------------------------------------------------------
//
// With bracketed paste on (terminal.ts), the terminal wraps pasted text in
// ESC[200~ ... ESC[201~, so a paste is told apart from typing: only the text
// between the markers is a paste. PasteReader sits in front of Ink's useInput
// and reads Ink's input events: Ink splits each stdin read at escape
// characters, so a marker read whole is an event of its own ("\x1b[200~",
// which useInput would hand over as "[200~", with the ESC stripped), the
// pasted text one or more events (one per read, split again at any escape
// sequence inside it). A marker cut in two by the reads comes as two events:
// Ink holds an unfinished sequence until its next read, but flushes it on its
// own when the rest is not there yet ("\x1b[20" then "0~text...", or "\x1b"
// then "[201~"). Inside a paste every event is pasted text until the end
// marker, wherever it is cut; outside, a cut start marker is held until its
// rest arrives.

export const PASTE_START = '\x1b[200~';
export const PASTE_END = '\x1b[201~';
/** Text kept of one paste: well above any field's maximum; the rest is read and dropped. */
export const MAX_PASTE = 100_000;
/**
 * A paste whose end marker never comes (a terminal that dropped it, a clipboard
 * holding a bare start marker) would swallow every key after it: once input
 * pauses this long inside a paste, the paste ends there. Terminals send a
 * paste in back-to-back reads, far closer together than this.
 */
export const PASTE_STALL_MS = 1000;

/** What to do with one Ink input event (in order). */
export type InputStep =
  /** Not part of a paste: hand the event to Ink's useInput unchanged. */
  | { kind: 'key'; input: string }
  /** Plain keys read in one event after an end marker that was cut in two. */
  | { kind: 'keys'; run: string }
  /** A whole paste, raw (the text field sanitizes it). */
  | { kind: 'paste'; text: string };

export class PasteReader {
  /** Pasted text so far (at most MAX_PASTE), null outside a paste. */
  private paste: string | null = null;
  private pasteLength = 0; // raw length read, MAX_PASTE or not
  private tail = ''; // the last characters read in a paste: the end marker may have begun there
  /** A start-marker prefix Ink flushed alone ("\x1b[20"): held, not a key. */
  private held = '';
  /** "\x1b" or "\x1b[" just handed over as a key (Esc, Alt-[): a start
   *  marker may still go on in the next event; the key has acted already. */
  private passed = '';

  /** When the last event of the paste in progress was read. */
  private lastAt = 0;

  get inPaste(): boolean {
    return this.paste !== null;
  }

  /** `now`: when the event was read (the console's clock), to end a stalled paste. */
  feed(event: string, now = 0): InputStep[] {
    if (this.paste !== null && now - this.lastAt > PASTE_STALL_MS) {
      const text = this.paste;
      this.paste = null;
      this.tail = '';
      return [{ kind: 'paste', text }, ...this.feed(event, now)];
    }
    this.lastAt = now;
    if (this.paste !== null) return this.feedPaste(event);
    const prefix = this.held || this.passed;
    this.held = this.passed = '';
    if (prefix) {
      const joined = prefix + event;
      if (joined.startsWith(PASTE_START)) return this.begin(joined.slice(PASTE_START.length));
      if (PASTE_START.startsWith(joined)) {
        this.held = joined;
        return [];
      }
      // Not a marker: a held prefix was an unfinished sequence (no key); the event is its own.
    }
    if (event.startsWith(PASTE_START)) return this.begin(event.slice(PASTE_START.length));
    if (event === PASTE_END) return []; // an end with no start: nothing to end
    // "\x1b[2", "\x1b[20", "\x1b[200": no key sends these (useInput would read "[20" as keys "[", "2", "0").
    if (event.length >= 3 && PASTE_START.startsWith(event)) {
      this.held = event;
      return [];
    }
    if (event === '\x1b' || event === '\x1b[') this.passed = event;
    return [{ kind: 'key', input: event }];
  }

  private begin(rest: string): InputStep[] {
    this.paste = '';
    this.pasteLength = 0;
    this.tail = '';
    return rest ? this.feedPaste(rest) : [];
  }

  private append(text: string): void {
    const room = MAX_PASTE - this.paste!.length;
    if (room > 0) this.paste += text.length <= room ? text : text.slice(0, room);
    this.pasteLength += text.length;
  }

  private feedPaste(event: string): InputStep[] {
    const scan = this.tail + event;
    const at = scan.indexOf(PASTE_END);
    if (at < 0) {
      this.append(event);
      this.tail = scan.slice(-(PASTE_END.length - 1));
      return [];
    }
    // Where the end marker starts in the event; negative when it began in
    // text already appended (the tail).
    const cut = at - this.tail.length;
    if (cut >= 0) this.append(event.slice(0, cut));
    else this.paste = this.paste!.slice(0, Math.max(0, this.pasteLength + cut));
    const text = this.paste!;
    const rest = scan.slice(at + PASTE_END.length);
    this.paste = null;
    this.tail = '';
    const steps: InputStep[] = [{ kind: 'paste', text }];
    // What follows the marker in the same event (only when the marker was cut
    // in two, so the event is plain text): keys, or the start of another paste.
    for (const step of rest ? this.feed(rest, this.lastAt) : []) {
      steps.push(step.kind === 'key' ? { kind: 'keys', run: step.input } : step);
    }
    return steps;
  }
}
