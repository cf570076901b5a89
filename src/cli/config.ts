/**
 * The user's settings, through `conf` (a JSON file in the OS config folder):
 * server profiles, theme, key overrides, bell, notifications, linear mode, date format, last outbound
 * code, favourite contacts.
 */
import Conf from 'conf';

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
  notifications: 'auto' | 'off' | 'osc9' | 'osc777';
  /** Linear mode (screen readers) every time, as --linear. */
  linear: boolean;
  dateFormat: 'iso' | 'us' | 'eu';
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

/** Values on the command line are JSON when they parse as JSON, else plain strings. */
export function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
