import { mkdtempSync, rmSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decideColorLevel } from '../../src/tui/screen/caps.js';
import {
  BUNDLED_THEMES_DIR, ROLES, ThemeError, isValidColor, loadTheme, parseTheme, pickThemeName, textProps,
} from '../../src/tui/theme.js';

const BUNDLED = ['default', 'light', 'high-contrast', 'mono'];
const STATUSES = ['logged_out', 'on_break', 'available', 'busy', 'busy_stop_new', 'working_offline'];
const defaultJson = (): { name: string; roles: Record<string, unknown> } =>
  JSON.parse(readFileSync(join(BUNDLED_THEMES_DIR, 'default.json'), 'utf8'));

describe('bundled themes', () => {
  it.each(BUNDLED)('%s loads cleanly with every role', (name) => {
    const { theme, error } = loadTheme(name);
    expect(error).toBeUndefined();
    expect(theme.name).toBe(name);
    expect(theme.file).toBe(join(BUNDLED_THEMES_DIR, `${name}.json`));
    for (const role of ROLES) expect(theme.roles[role]).toBeDefined();
    for (const s of STATUSES) expect(ROLES).toContain(`status.${s}`);
  });

  it('mono uses no color at all, yet tells every status apart', () => {
    const { theme } = loadTheme('mono');
    for (const role of ROLES) {
      expect(theme.roles[role].color).toBeUndefined();
      expect(theme.roles[role].bg).toBeUndefined();
    }
    const looks = STATUSES.map((s) => JSON.stringify(theme.roles[`status.${s}` as (typeof ROLES)[number]]));
    expect(new Set(looks).size).toBe(STATUSES.length);
  });

  it('default follows the notice priority colors', () => {
    const { theme } = loadTheme('default');
    expect(theme.roles['priority.low'].color).toBe('green');
    expect(theme.roles['priority.medium'].color).toBe('yellow');
    expect(theme.roles['priority.high'].color).toBe('red');
    expect(theme.roles.selection.bg).toBeDefined();
  });
});

describe('theme validation', () => {
  it('accepts Ink colors and "default"', () => {
    for (const c of ['red', 'gray', 'grey', 'cyanBright', '#f80', '#ff8800', 'ansi256(208)', 'rgb(255,136,0)', 'default']) {
      expect(isValidColor(c), c).toBe(true);
    }
    for (const c of ['', 'orange', '#ff88', '#gggggg', 'ansi256(300)', 'rgb(256,0,0)', 'bold', 'RED']) {
      expect(isValidColor(c), c).toBe(false);
    }
  });

  it('normalizes strings, objects and "default"', () => {
    const json = defaultJson();
    json.roles['status.busy'] = { color: 'default', bold: true, dim: false };
    json.roles.selection = '#123456';
    json.roles.text = 'default';
    const t = parseTheme(json, 'x.json');
    expect(t.roles['status.busy']).toEqual({ bold: true });
    expect(t.roles.selection).toEqual({ bg: '#123456' }); // string form of selection = background
    expect(t.roles.text).toEqual({});
  });

  it.each([
    ['missing role', (j: ReturnType<typeof defaultJson>) => { delete j.roles['status.on_break']; }, 'status.on_break'],
    ['bad color', (j: ReturnType<typeof defaultJson>) => { j.roles['status.busy'] = 'rouge'; }, 'status.busy'],
    ['bad bg', (j: ReturnType<typeof defaultJson>) => { j.roles.selection = { bg: 42 }; }, 'selection.bg'],
    ['bad flag', (j: ReturnType<typeof defaultJson>) => { j.roles.title = { bold: 'yes' }; }, 'title.bold'],
    ['unknown style key', (j: ReturnType<typeof defaultJson>) => { j.roles.title = { colour: 'red' }; }, 'title.colour'],
    ['array spec', (j: ReturnType<typeof defaultJson>) => { j.roles.muted = ['gray']; }, 'muted'],
  ])('%s → ThemeError naming key and file', (_name, mutate, key) => {
    const json = defaultJson();
    mutate(json);
    let err: unknown;
    try { parseTheme(json, '/x/bad.json'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ThemeError);
    expect((err as ThemeError).key).toBe(key);
    expect((err as ThemeError).file).toBe('/x/bad.json');
    expect((err as ThemeError).message).toContain(key);
    expect((err as ThemeError).message).toContain('/x/bad.json');
  });

  it('rejects a file without roles', () => {
    expect(() => parseTheme({ name: 'x' }, 'f.json')).toThrow(ThemeError);
    expect(() => parseTheme([], 'f.json')).toThrow(ThemeError);
  });

  it('ignores unknown role names (themes from newer versions)', () => {
    const json = defaultJson();
    json.roles['someFutureRole'] = 'red';
    expect(() => parseTheme(json, 'f.json')).not.toThrow();
  });
});

describe('loadTheme with a user theme dir', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'ac-theme-')); });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  it('prefers the user dir over the bundled themes', () => {
    const json = defaultJson();
    json.name = 'default';
    json.roles.accent = '#abcdef';
    writeFileSync(join(dir, 'default.json'), JSON.stringify(json));
    const { theme, error } = loadTheme('default', { userDir: dir });
    expect(error).toBeUndefined();
    expect(theme.file).toBe(join(dir, 'default.json'));
    expect(theme.roles.accent.color).toBe('#abcdef');
  });

  it('loads a user-only theme and falls through to bundled ones', () => {
    const json = defaultJson();
    json.name = 'ocean';
    writeFileSync(join(dir, 'ocean.json'), JSON.stringify(json));
    expect(loadTheme('ocean', { userDir: dir }).theme.name).toBe('ocean');
    expect(loadTheme('light', { userDir: dir }).theme.file).toBe(join(BUNDLED_THEMES_DIR, 'light.json'));
  });

  it('a bad user theme falls back to the bundled default, with the error', () => {
    const json = defaultJson();
    json.roles['status.available'] = 'not-a-color';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(json));
    const { theme, error } = loadTheme('broken', { userDir: dir });
    expect(theme.file).toBe(join(BUNDLED_THEMES_DIR, 'default.json'));
    expect(error).toBeInstanceOf(ThemeError);
    expect(error?.key).toBe('status.available');
    expect(error?.message).toContain(join(dir, 'broken.json'));
  });

  it('a broken user default.json does not hide behind the bundled one silently', () => {
    writeFileSync(join(dir, 'default.json'), '{ not json');
    const { theme, error } = loadTheme('default', { userDir: dir });
    expect(theme.file).toBe(join(BUNDLED_THEMES_DIR, 'default.json'));
    expect(error?.message).toMatch(/invalid JSON/);
  });

  it('unreadable entries and unknown names never crash', () => {
    mkdirSync(join(dir, 'adir.json'));
    expect(loadTheme('adir', { userDir: dir }).error).toBeInstanceOf(ThemeError);
    const missing = loadTheme('nope', { userDir: dir });
    expect(missing.error?.message).toContain('nope');
    expect(missing.theme.name).toBe('default');
    expect(loadTheme('x', { userDir: join(dir, 'does-not-exist') }).theme.name).toBe('default');
  });

  it('refuses names that would escape the theme dirs', () => {
    for (const name of ['../default', '/etc/passwd', 'a/b', '', '.hidden']) {
      const { theme, error } = loadTheme(name, { userDir: dir });
      expect(error, name).toBeInstanceOf(ThemeError);
      expect(theme.name).toBe('default');
    }
  });
});

describe('pickThemeName (with the colour level decided from the environment)', () => {
  it.each<[{ flag?: string; config?: string; env: Record<string, string> }, string]>([
    [{ env: {} }, 'default'],
    [{ config: 'light', env: {} }, 'light'],
    [{ flag: 'high-contrast', config: 'light', env: {} }, 'high-contrast'],
    [{ config: 'light', env: { NO_COLOR: '1' } }, 'mono'],
    [{ env: { NO_COLOR: 'yes' } }, 'mono'],
    [{ config: 'light', env: { NO_COLOR: '' } }, 'light'], // empty NO_COLOR is "unset"
    [{ config: 'light', env: { TERM: 'dumb' } }, 'mono'],
    [{ config: 'light', env: { TERM: 'xterm-256color' } }, 'light'],
    [{ flag: 'light', env: { NO_COLOR: '1' } }, 'light'], // an explicit flag overrides NO_COLOR
    [{ flag: '  ', config: ' ', env: {} }, 'default'],
    [{ config: 'light', env: { TERM: 'vt100' } }, 'mono'], // a terminal without colours
    [{ config: 'light', env: { FORCE_COLOR: '0' } }, 'mono'],
  ])('%j → %s', (opts, expected) => {
    const colorLevel = decideColorLevel({ env: { TERM: 'xterm-256color', ...opts.env }, isTTY: true, themeFlag: opts.flag });
    expect(pickThemeName({ flag: opts.flag, config: opts.config, colorLevel })).toBe(expected);
  });
});

describe('textProps', () => {
  it('maps a role to Ink <Text> props', () => {
    const { theme } = loadTheme('default');
    expect(textProps(theme, 'selection')).toEqual({ color: 'white', backgroundColor: 'blue' });
    const mono = loadTheme('mono').theme;
    expect(textProps(mono, 'status.busy')).toEqual({ inverse: true });
    expect(textProps(mono, 'muted')).toEqual({ dimColor: true });
  });
});
