// Themes map semantic roles (a status, a notice priority, "muted"...) to
// colors and text styles, so panes never hard-code a color and the mono theme
// (NO_COLOR, TERM=dumb) can tell roles apart with bold/dim/inverse alone.
// A theme file is JSON: {"name"?, "description"?, "roles": {role: spec}} where
// a spec is a color string or {color?, bg?, bold?, dim?, inverse?, underline?}.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROLES = [
  'status.logged_out', 'status.on_break', 'status.available', 'status.busy',
  'status.busy_stop_new', 'status.working_offline',
  'priority.low', 'priority.medium', 'priority.high', 'priority.popup',
  'focusBorder', 'border', 'muted', 'danger', 'warning', 'success', 'accent',
  'text', 'selection', 'title',
] as const;
export type Role = (typeof ROLES)[number];

/** Normalized style of one role. No `color`/`bg` means the terminal default. */
export interface RoleStyle {
  color?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

export interface Theme {
  name: string;
  /** File it was loaded from; null for the built-in emergency theme. */
  file: string | null;
  roles: Record<Role, RoleStyle>;
}

export class ThemeError extends Error {
  override readonly name = 'ThemeError';
  constructor(message: string, readonly file?: string, readonly key?: string) {
    super(message);
  }
}

/** themes/ at the package root: two levels up from src/tui/. */
export const BUNDLED_THEMES_DIR = fileURLToPath(new URL('../../themes/', import.meta.url));

// Roles whose plain-string form means a background color, not a foreground.
const BG_ROLES: ReadonlySet<Role> = new Set<Role>(['selection']);
const FLAGS = ['bold', 'dim', 'inverse', 'underline'] as const;
const NAMED = new Set([
  'black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'gray', 'grey',
  'blackBright', 'redBright', 'greenBright', 'yellowBright', 'blueBright',
  'magentaBright', 'cyanBright', 'whiteBright',
]);
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const ANSI256 = /^ansi256\((\d{1,3})\)$/;
const RGB = /^rgb\((\d{1,3}),\s?(\d{1,3}),\s?(\d{1,3})\)$/;
// Theme names become file names: no path separators, no dot-dot tricks.
const THEME_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

/** Colors Ink's <Text> understands, plus "default" (no color). */
export function isValidColor(c: string): boolean {
  if (c === 'default' || NAMED.has(c) || HEX.test(c)) return true;
  const a = ANSI256.exec(c);
  if (a) return Number(a[1]) <= 255;
  const r = RGB.exec(c);
  return r !== null && r.slice(1).every((v) => Number(v) <= 255);
}

function parseColor(v: unknown, file: string, key: string): string | undefined {
  if (typeof v !== 'string' || !isValidColor(v)) {
    throw new ThemeError(`${file}: "${key}": bad color ${JSON.stringify(v)}`, file, key);
  }
  return v === 'default' ? undefined : v;
}

function parseRole(role: Role, spec: unknown, file: string): RoleStyle {
  const style: RoleStyle = {};
  if (typeof spec === 'string') {
    const c = parseColor(spec, file, role);
    if (c !== undefined) style[BG_ROLES.has(role) ? 'bg' : 'color'] = c;
    return style;
  }
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new ThemeError(`${file}: "${role}": expected a color or a style object`, file, role);
  }
  for (const [k, v] of Object.entries(spec)) {
    const key = `${role}.${k}`;
    if (k === 'color' || k === 'bg') {
      const c = parseColor(v, file, key);
      if (c !== undefined) style[k] = c;
    } else if ((FLAGS as readonly string[]).includes(k)) {
      if (typeof v !== 'boolean') {
        throw new ThemeError(`${file}: "${key}": expected true or false`, file, key);
      }
      if (v) style[k as (typeof FLAGS)[number]] = true;
    } else {
      throw new ThemeError(`${file}: "${key}": unknown style key`, file, key);
    }
  }
  return style;
}

/** Validate parsed JSON as a theme. Throws ThemeError naming the key and file.
 *  Unknown role names are ignored (themes written for a newer version). */
export function parseTheme(json: unknown, file: string, fallbackName = 'theme'): Theme {
  const obj = json as { name?: unknown; roles?: unknown } | null;
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    throw new ThemeError(`${file}: expected a JSON object`, file);
  }
  const roles = obj.roles;
  if (typeof roles !== 'object' || roles === null || Array.isArray(roles)) {
    throw new ThemeError(`${file}: "roles": missing or not an object`, file, 'roles');
  }
  const out = {} as Record<Role, RoleStyle>;
  for (const role of ROLES) {
    if (!Object.hasOwn(roles, role)) {
      throw new ThemeError(`${file}: "${role}": missing`, file, role);
    }
    out[role] = parseRole(role, (roles as Record<string, unknown>)[role], file);
  }
  const name = typeof obj.name === 'string' && obj.name ? obj.name : fallbackName;
  return { name, file, roles: out };
}

/** Read and validate one file; null when it does not exist. */
function readTheme(file: string, name: string): Theme | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ThemeError(`${file}: cannot read: ${(e as Error).message}`, file);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ThemeError(`${file}: invalid JSON: ${(e as Error).message}`, file);
  }
  return parseTheme(json, file, name);
}

// Last resort if even the bundled default is unreadable (broken install):
// no colors at all, which is always legible.
function builtinTheme(): Theme {
  const roles = {} as Record<Role, RoleStyle>;
  for (const r of ROLES) roles[r] = {};
  roles.title = { bold: true };
  roles.focusBorder = { bold: true };
  roles.selection = { inverse: true };
  roles['priority.popup'] = { inverse: true, bold: true };
  return { name: 'builtin', file: null, roles };
}

function loadStrict(name: string, userDir: string | undefined): Theme {
  if (!THEME_NAME.test(name)) {
    throw new ThemeError(`bad theme name ${JSON.stringify(name)}`, undefined, 'theme');
  }
  // A user file shadows the bundled one of the same name; if it is broken we
  // report it rather than silently using the bundled one.
  for (const dir of userDir ? [userDir, BUNDLED_THEMES_DIR] : [BUNDLED_THEMES_DIR]) {
    const theme = readTheme(join(dir, `${name}.json`), name);
    if (theme) return theme;
  }
  throw new ThemeError(`theme "${name}" not found`, undefined, 'theme');
}

/** The themes there are: the user's folder's and the bundled ones, by name. */
export function themeNames(userDir?: string): string[] {
  const names = new Set<string>();
  for (const dir of userDir ? [BUNDLED_THEMES_DIR, userDir] : [BUNDLED_THEMES_DIR]) {
    try {
      for (const f of readdirSync(dir)) if (f.endsWith('.json') && THEME_NAME.test(f.slice(0, -5))) names.add(f.slice(0, -5));
    } catch {
      // no such folder: no themes there
    }
  }
  return [...names].sort();
}

export interface LoadedTheme {
  theme: Theme;
  /** Why the requested theme was not used; the console shows it, never crashes. */
  error?: ThemeError;
}

/** Load a theme by name from `userDir` first, then the bundled themes/.
 *  Any problem falls back to the bundled default, with the error alongside. */
export function loadTheme(name: string, opts: { userDir?: string } = {}): LoadedTheme {
  try {
    return { theme: loadStrict(name, opts.userDir) };
  } catch (e) {
    const error = e instanceof ThemeError ? e : new ThemeError(String(e));
    let theme: Theme | null = null;
    try {
      theme = readTheme(join(BUNDLED_THEMES_DIR, 'default.json'), 'default');
    } catch {
      // fall through to the built-in theme
    }
    return { theme: theme ?? builtinTheme(), error };
  }
}

/** Theme to use: --theme flag, then mono when the terminal gets no colour
 *  (the colour level decided once in screen/caps.ts: NO_COLOR, TERM=dumb, a
 *  terminal without colours, FORCE_COLOR=0), then the config file, then
 *  "default". The flag wins over NO_COLOR (no-color.org: explicit per-run
 *  choices override it); the config does not, so a theme saved once cannot
 *  defeat NO_COLOR set for a session. */
export function pickThemeName(opts: {
  flag?: string | undefined;
  config?: string | undefined;
  colorLevel: number;
}): string {
  const flag = opts.flag?.trim();
  if (flag) return flag;
  if (opts.colorLevel === 0) return 'mono';
  const config = opts.config?.trim();
  return config || 'default';
}

/** Props for Ink's <Text> for a role (kept React-free: a plain object). */
export function textProps(theme: Theme, role: Role): {
  color?: string; backgroundColor?: string; bold?: boolean;
  dimColor?: boolean; inverse?: boolean; underline?: boolean;
} {
  const s = theme.roles[role];
  const p: ReturnType<typeof textProps> = {};
  if (s.color) p.color = s.color;
  if (s.bg) p.backgroundColor = s.bg;
  if (s.bold) p.bold = true;
  if (s.dim) p.dimColor = true;
  if (s.inverse) p.inverse = true;
  if (s.underline) p.underline = true;
  return p;
}
