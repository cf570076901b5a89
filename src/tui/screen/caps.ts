// What the agent's terminal can do, decided once at start from a table of
// known TERMs (plus the hints terminals export: COLORTERM, TERM_PROGRAM,
// TMUX, VTE_VERSION...), the locale and the user's choices. Nothing is
// queried from the terminal: a device-attributes query costs a round trip
// (seconds on a bad link) and its answer arrives mixed with the first keys.
// Every writer (the screen writer, titles, notifications) reads this one
// decision; nothing else looks at TERM, NO_COLOR or the locale.

/** 0 none (attributes only), 1 the 16 ANSI colours, 2 256 colours, 3 truecolor. */
export type ColorLevel = 0 | 1 | 2 | 3;
/** Desktop notifications: OSC 9 (iTerm2, WezTerm, kitty, ghostty) or OSC 777 (VTE, foot, urxvt). */
export type NotifyProtocol = 'osc9' | 'osc777';
/** The per-user setting: `auto` uses the table below, `off` never notifies. */
export const NOTIFY_SETTINGS = ['auto', 'off', 'osc9', 'osc777'] as const;
export type NotifySetting = (typeof NOTIFY_SETTINGS)[number];

export interface TerminalCaps {
  term: string;
  colorLevel: ColorLevel;
  /** UTF-8 locale: Unicode glyphs; otherwise every byte written is ASCII. */
  unicode: boolean;
  altScreen: boolean;
  /** Synchronized output (mode 2026) around large frames. */
  syncOutput: boolean;
  bracketedPaste: boolean;
  /** Window title (OSC 2), and xterm's title stack to restore the user's. */
  titles: boolean;
  titleStack: boolean;
  /** Desktop notification protocol, null for none (the bell still rings). */
  notify: NotifyProtocol | null;
  /** Inside tmux: notifications go through its passthrough (allow-passthrough on). */
  tmux: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

interface Profile {
  colors: ColorLevel;
  altScreen: boolean;
  syncOutput: boolean;
  bracketedPaste: boolean;
  titles: boolean;
  titleStack: boolean;
}

const NONE: Profile = { colors: 0, altScreen: false, syncOutput: false, bracketedPaste: false, titles: false, titleStack: false };
const XTERM: Profile = { colors: 1, altScreen: true, syncOutput: true, bracketedPaste: true, titles: true, titleStack: true };
const MULTIPLEXER: Profile = { ...XTERM, titleStack: false };

/** Known TERMs, first match wins. Anything not listed gets NONE: no colour,
 *  no modes, only cursor addressing and attributes every VT100 knows. */
const TERMS: readonly (readonly [RegExp, Profile])[] = [
  [/^(dumb|unknown|)$/, NONE],
  [/^vt\d/, NONE], // vt100, vt102, vt220...: no colour, no alternate screen
  [/^linux/, { ...NONE, colors: 1 }], // the Linux console: 8/16 colours, nothing else
  [/^tmux/, MULTIPLEXER],
  [/^screen/, { ...MULTIPLEXER, syncOutput: false }],
  [/^(xterm|rxvt|urxvt|alacritty|foot|kitty|wezterm|contour|ghostty|st-|st$|mintty|putty|konsole|gnome|vte|iterm)/, XTERM],
];

function profileOf(term: string): Profile {
  for (const [re, p] of TERMS) if (re.test(term)) return p;
  return NONE;
}

/** The colours a terminal of this profile shows: the TERM's suffix and COLORTERM refine it. */
function terminalColors(term: string, env: Env, base: ColorLevel): ColorLevel {
  if (base === 0 || /-mono$|-m$/.test(term)) return 0;
  if (/-direct|truecolor|24bit/.test(term) || /^(truecolor|24bit)$/i.test(env.COLORTERM ?? '')) return 3;
  if (/256/.test(term)) return 2;
  return base;
}

/** FORCE_COLOR as chalk reads it: '', 'true' → 1; 'false', '0' → 0; a number, capped at 3. */
function forcedLevel(v: string | undefined): ColorLevel | undefined {
  if (v === undefined) return undefined;
  if (v === '' || v === 'true') return 1;
  if (v === 'false') return 0;
  const n = Number(v);
  return Number.isFinite(n) ? (Math.max(0, Math.min(3, Math.floor(n))) as ColorLevel) : 1;
}

/**
 * The colour level, decided once: FORCE_COLOR wins; then no colour off a
 * terminal, on TERM=dumb, or with NO_COLOR (unless the user picked a theme
 * for this run: an explicit choice overrides NO_COLOR, as no-color.org asks);
 * then what the terminal shows. The CI variable is not read: a console on a
 * terminal is interactive wherever it runs.
 */
export function decideColorLevel(o: { env: Env; isTTY: boolean; themeFlag?: string | undefined }): ColorLevel {
  const forced = forcedLevel(o.env.FORCE_COLOR);
  if (forced !== undefined) return forced;
  const term = o.env.TERM ?? '';
  if (!o.isTTY || term === 'dumb') return 0;
  if ((o.env.NO_COLOR ?? '') !== '' && !o.themeFlag?.trim()) return 0;
  return terminalColors(term, o.env, profileOf(term).colors);
}

/** The locale's character set is UTF-8 (LC_ALL, then LC_CTYPE, then LANG, as
 *  setlocale reads them; none set is the C locale: ASCII). */
export function isUtf8Locale(env: Env): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale);
}

/** Which desktop notification a terminal shows, from what it exports (these
 *  survive tmux, and LC_TERMINAL survives ssh). */
function notifyProtocol(term: string, env: Env): NotifyProtocol | null {
  const program = env.TERM_PROGRAM ?? '';
  if (program === 'iTerm.app' || env.LC_TERMINAL === 'iTerm2' || env.ITERM_SESSION_ID) return 'osc9';
  if (program === 'WezTerm' || env.WEZTERM_PANE) return 'osc9';
  if (program === 'ghostty' || /^(xterm-)?ghostty/.test(term)) return 'osc9';
  if (env.KITTY_WINDOW_ID || term === 'xterm-kitty') return 'osc9';
  if (/^foot/.test(term) || /^(rxvt|urxvt)/.test(term) || env.VTE_VERSION) return 'osc777';
  return null;
}

export interface CapsOptions {
  env?: Env;
  isTTY?: boolean;
  /** --theme for this run (an explicit choice overrides NO_COLOR). */
  themeFlag?: string | undefined;
  /** --ascii: ASCII glyphs whatever the locale. */
  ascii?: boolean | undefined;
  notifications?: NotifySetting | undefined;
}

export function detectCaps(o: CapsOptions = {}): TerminalCaps {
  const env = o.env ?? process.env;
  const isTTY = o.isTTY ?? true;
  const term = env.TERM ?? '';
  const p = isTTY ? profileOf(term) : NONE;
  const setting = o.notifications ?? 'auto';
  return {
    term,
    colorLevel: decideColorLevel({ env, isTTY, themeFlag: o.themeFlag }),
    unicode: !o.ascii && isUtf8Locale(env),
    altScreen: p.altScreen,
    syncOutput: p.syncOutput,
    bracketedPaste: p.bracketedPaste,
    titles: p.titles,
    titleStack: p.titleStack,
    notify: !isTTY || setting === 'off' ? null : setting === 'auto' ? notifyProtocol(term, env) : setting,
    tmux: Boolean(env.TMUX) || /^tmux/.test(term),
  };
}
