/**
 * The user's settings, through `conf` (a JSON file in the OS config folder):
 * server profiles, theme, key overrides, bell, notifications, linear mode, date format, last outbound
 * code, favourite contacts.
 */
import Conf from 'conf';
import type { NotifySetting } from '../tui/screen/caps.js';
import { checkSchema, type DATE_FORMATS } from './settings-schema.js';
import { UsageError } from './errors.js';

export interface ServerProfile {
  url: string;
  agent: string;
}

export interface Settings {
  servers: Record<string, ServerProfile>;
  theme?: string;
  keys: Record<string, string[]>;
  bell: boolean;
  /** Desktop notifications on offers: auto (where the terminal shows them), osc9, osc777, off. */
  notifications: NotifySetting;
  /** Linear mode (screen readers) every time, as --linear. */
  linear: boolean;
  /** The agent's own date format: iso, us or eu (absent: their profile's on the server, else the tenant's). */
  dateFormat?: (typeof DATE_FORMATS)[number];
  lastOutboundCode?: string;
  favourites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  servers: {},
  keys: {},
  bell: true,
  notifications: 'auto',
  linear: false,
  favourites: [],
};

export type SettingsStore = Conf<Settings>;

/** `cwd` lets tests (and AGENT_CONSOLE_CONFIG_DIR) point at a temp folder. */
export function openSettings(cwd = process.env.AGENT_CONSOLE_CONFIG_DIR): SettingsStore {
  return new Conf<Settings>({
    projectName: 'agent-console',
    projectSuffix: '',
    defaults: DEFAULT_SETTINGS,
    ...(cwd ? { cwd } : {}),
    clearInvalidConfig: false,
  });
}

/** What is wrong with one setting (as the file has it, or `value`), by the schema (settings-schema.ts); [] when nothing. */
const problemsOf = (key: string, value: unknown): string[] => (value === undefined ? [] : checkSchema({ [key]: value }));

/** Everything wrong in the settings file, each naming the setting and what it takes. */
export function settingsProblems(settings: SettingsStore): string[] {
  return Object.entries(settings.store).flatMap(([k, v]) => problemsOf(k, v));
}

/** A setting as the file has it, or its default when the file's value breaks the schema (settingsProblems says so). */
export function validSetting<K extends keyof Settings>(settings: SettingsStore, key: K): Settings[K] {
  const value = settings.get(key);
  return problemsOf(key, value).length ? DEFAULT_SETTINGS[key] : value;
}

/**
 * Sets `key` (a dot path) to `value` if that setting then fits the schema;
 * else a UsageError saying what it takes. Other settings are not checked:
 * a file broken elsewhere can still be mended one setting at a time.
 */
export function setSetting(settings: SettingsStore, key: string, value: unknown): void {
  const [top, ...rest] = key.split('.') as [string, ...string[]];
  let next: unknown = value;
  if (rest.length) {
    const current = settings.get(top as never) as unknown;
    const root = (typeof current === 'object' && current !== null && !Array.isArray(current) ? structuredClone(current) : {}) as Record<string, unknown>;
    let at = root;
    for (const k of rest.slice(0, -1)) {
      if (typeof at[k] !== 'object' || at[k] === null || Array.isArray(at[k])) at[k] = {};
      at = at[k] as Record<string, unknown>;
    }
    at[rest[rest.length - 1]!] = value;
    next = root;
  }
  const problems = checkSchema({ [top]: next });
  if (problems.length) throw new UsageError(`config set ${key}: ${problems.join('; ')}`);
  settings.set(key as never, value as never);
}

/** Values on the command line are JSON when they parse as JSON, else plain strings. */
export function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
