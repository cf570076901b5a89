// Cell styles: what SGR sequences set (colours and attributes), interned as
// small integers so a grid cell is a number and two cells compare with ===.
// Styles are read from what chalk wrote (Ink's <Text> colours through it, at
// full fidelity) and written back at the terminal's colour level, with the
// fewest parameters that take the terminal from its current style to the next.
import type { ColorLevel } from './caps.js';

export const BOLD = 1;
export const DIM = 2;
export const ITALIC = 4;
export const UNDERLINE = 8;
export const INVERSE = 16;
export const STRIKE = 32;

/** -1: the terminal's default; 0–255: palette index; TRUE + 0xRRGGBB: truecolor. */
export type Color = number;
const DEFAULT = -1;
const TRUE = 0x1000000;

export interface Style {
  fg: Color;
  bg: Color;
  attrs: number;
}

/** Style ids, shared by every grid of the process. Id 0 is the default style. */
const styles: Style[] = [{ fg: DEFAULT, bg: DEFAULT, attrs: 0 }];
const ids = new Map<string, number>([['-1,-1,0', 0]]);

export function styleId(fg: Color, bg: Color, attrs: number): number {
  const key = `${fg},${bg},${attrs}`;
  let id = ids.get(key);
  if (id === undefined) {
    id = styles.length;
    styles.push({ fg, bg, attrs });
    ids.set(key, id);
  }
  return id;
}

export const styleOf = (id: number): Style => styles[id]!;
export const DEFAULT_STYLE = 0;

/** Applies one SGR parameter list ("1;38;2;255;0;0") to a style; unknown codes are ignored. */
export function applySgr(s: Style, params: string): Style {
  const p = params === '' ? [0] : params.split(/[;:]/).map((x) => (x === '' ? 0 : Number(x)));
  let { fg, bg, attrs } = s;
  for (let i = 0; i < p.length; i++) {
    const n = p[i]!;
    if (n === 0) { fg = DEFAULT; bg = DEFAULT; attrs = 0; }
    else if (n === 1) attrs |= BOLD;
    else if (n === 2) attrs |= DIM;
    else if (n === 3) attrs |= ITALIC;
    else if (n === 4) attrs |= UNDERLINE;
    else if (n === 7) attrs |= INVERSE;
    else if (n === 9) attrs |= STRIKE;
    else if (n === 22) attrs &= ~(BOLD | DIM);
    else if (n === 23) attrs &= ~ITALIC;
    else if (n === 24) attrs &= ~UNDERLINE;
    else if (n === 27) attrs &= ~INVERSE;
    else if (n === 29) attrs &= ~STRIKE;
    else if (n >= 30 && n <= 37) fg = n - 30;
    else if (n >= 90 && n <= 97) fg = n - 90 + 8;
    else if (n === 39) fg = DEFAULT;
    else if (n >= 40 && n <= 47) bg = n - 40;
    else if (n >= 100 && n <= 107) bg = n - 100 + 8;
    else if (n === 49) bg = DEFAULT;
    else if (n === 38 || n === 48) {
      let c: Color | undefined;
      if (p[i + 1] === 5) { c = (p[i + 2] ?? 0) & 255; i += 2; }
      else if (p[i + 1] === 2) { c = TRUE + (((p[i + 2] ?? 0) & 255) << 16) + (((p[i + 3] ?? 0) & 255) << 8) + ((p[i + 4] ?? 0) & 255); i += 4; }
      if (c !== undefined) { if (n === 38) fg = c; else bg = c; }
    }
  }
  return { fg, bg, attrs };
}

// ---------------------------------------------------------------- colour levels

function rgbTo256(r: number, g: number, b: number): number {
  if (r === g && g === b) {
    if (r < 8) return 16;
    if (r > 248) return 231;
    return Math.round(((r - 8) / 247) * 24) + 232;
  }
  return 16 + 36 * Math.round((r / 255) * 5) + 6 * Math.round((g / 255) * 5) + Math.round((b / 255) * 5);
}

/** xterm's 16 colours: the nearest one stands in for a colour a 16-colour terminal cannot show. */
const ANSI16: readonly (readonly [number, number, number])[] = [
  [0, 0, 0], [205, 0, 0], [0, 205, 0], [205, 205, 0], [0, 0, 238], [205, 0, 205], [0, 205, 205], [229, 229, 229],
  [127, 127, 127], [255, 0, 0], [0, 255, 0], [255, 255, 0], [92, 92, 255], [255, 0, 255], [0, 255, 255], [255, 255, 255],
];
const CUBE = [0, 95, 135, 175, 215, 255];

function rgbOf256(code: number): readonly [number, number, number] {
  if (code < 16) return ANSI16[code]!;
  if (code >= 232) { const v = (code - 232) * 10 + 8; return [v, v, v]; }
  const c = code - 16;
  return [CUBE[Math.floor(c / 36)]!, CUBE[Math.floor(c / 6) % 6]!, CUBE[c % 6]!];
}

function nearest16(r: number, g: number, b: number): number {
  let best = 0;
  let bestD = Infinity;
  ANSI16.forEach(([R, G, B], i) => {
    const d = (r - R) ** 2 + (g - G) ** 2 + (b - B) ** 2;
    if (d < bestD) { bestD = d; best = i; }
  });
  return best;
}

/** A colour as the terminal can show it: null when it cannot (level 0). */
function atLevel(c: Color, level: ColorLevel): Color | null {
  if (c === DEFAULT) return DEFAULT;
  if (level === 0) return null;
  if (c >= TRUE) {
    const [r, g, b] = [(c >> 16) & 255, (c >> 8) & 255, c & 255];
    return level === 3 ? c : level === 2 ? rgbTo256(r, g, b) : nearest16(r, g, b);
  }
  return level === 1 && c >= 16 ? nearest16(...rgbOf256(c)) : c;
}

function colorParams(c: Color, base: 30 | 40): string {
  if (c === DEFAULT) return String(base + 9);
  if (c >= TRUE) return `${base + 8};2;${(c >> 16) & 255};${(c >> 8) & 255};${c & 255}`;
  if (c < 8) return String(base + c);
  if (c < 16) return String(base + 60 + c - 8);
  return `${base + 8};5;${c}`;
}

const ATTR_ON: readonly [number, string][] = [[BOLD, '1'], [DIM, '2'], [ITALIC, '3'], [UNDERLINE, '4'], [INVERSE, '7'], [STRIKE, '9']];
const ATTR_OFF: readonly [number, string][] = [[ITALIC, '23'], [UNDERLINE, '24'], [INVERSE, '27'], [STRIKE, '29']];

/** The style as the terminal shows it at `level` (colours it cannot show dropped). */
function shown(s: Style, level: ColorLevel): Style {
  return { fg: atLevel(s.fg, level) ?? DEFAULT, bg: atLevel(s.bg, level) ?? DEFAULT, attrs: s.attrs };
}

function fromReset(s: Style): string[] {
  const out: string[] = [];
  for (const [bit, code] of ATTR_ON) if (s.attrs & bit) out.push(code);
  if (s.fg !== DEFAULT) out.push(colorParams(s.fg, 30));
  if (s.bg !== DEFAULT) out.push(colorParams(s.bg, 40));
  return out;
}

function incremental(a: Style, b: Style): string[] {
  const out: string[] = [];
  const weight = BOLD | DIM;
  let attrs = a.attrs;
  if ((attrs & weight & ~b.attrs) !== 0) { out.push('22'); attrs &= ~weight; }
  for (const [bit, code] of ATTR_OFF) if (attrs & bit && !(b.attrs & bit)) out.push(code);
  for (const [bit, code] of ATTR_ON) if (b.attrs & bit && !(attrs & bit)) out.push(code);
  if (a.fg !== b.fg) out.push(colorParams(b.fg, 30));
  if (a.bg !== b.bg) out.push(colorParams(b.bg, 40));
  return out;
}

/**
 * SGR that takes the terminal from style `from` to style `to` at `level`:
 * the shorter of the changes alone and a reset followed by the whole style;
 * '' when nothing visible changes.
 */
export function sgrTransition(from: number, to: number, level: ColorLevel): string {
  const a = shown(styleOf(from), level);
  const b = shown(styleOf(to), level);
  if (a.fg === b.fg && a.bg === b.bg && a.attrs === b.attrs) return '';
  const inc = incremental(a, b).join(';');
  const full = fromReset(b);
  const reset = full.length ? `0;${full.join(';')}` : '';
  return `\x1b[${inc.length <= reset.length ? inc : reset}m`;
}
