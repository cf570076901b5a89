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
  defaultServer?: string;
  theme?: string;
  keys: Record<string, string[]>;
  bell: boolean;
  /** Desktop notifications on offers: auto (where the terminal shows them), osc9, osc777, off. */
  notifications: NotifySetting;
  /** Linear mode (screen readers) every time, as --linear. */
  linear: boolean;
  dateFormat: (typeof DATE_FORMATS)[number];
  lastOutboundCode?: string;
  favourites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  servers: {},
  keys: {},
  bell: true,
  notifications: 'auto',
  linear: false,
  dateFormat: 'iso',
  favourites: [],
};

export type SettingsStore = Conf<Settings>;

/**
 * `cwd` lets tests (and AGENT_CONSOLE_CONFIG_DIR) point at a temp folder. A
 * file that breaks the schema (settings-schema.ts) is a UsageError (exit 2)
 * naming what is wrong, never read as something else.
 */
export function openSettings(cwd = process.env.AGENT_CONSOLE_CONFIG_DIR): SettingsStore {
  const settings = new Conf<Settings>({
    projectName: 'agent-console',
    projectSuffix: '',
    defaults: DEFAULT_SETTINGS,
    ...(cwd ? { cwd } : {}),
    clearInvalidConfig: false,
  });
  const problems = checkSchema(settings.store);
  if (problems.length) {
    throw new UsageError(`the settings file is not valid: ${problems.join('; ')} (fix it with agent-console config set, or edit ${settings.path})`);
  }
  return settings;
}

/** Sets `key` (a dot path) to `value` if the settings still fit the schema; else a UsageError saying what the setting takes. */
export function setSetting(settings: SettingsStore, key: string, value: unknown): void {
  const next = structuredClone(settings.store) as unknown as Record<string, unknown>;
  const path = key.split('.');
  let at = next;
  for (const k of path.slice(0, -1)) {
    if (typeof at[k] !== 'object' || at[k] === null || Array.isArray(at[k])) at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  at[path[path.length - 1]!] = value;
  const problems = checkSchema(next);
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
