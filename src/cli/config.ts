/**
 * The user's settings, through `conf` (a JSON file in the OS config folder):
 * server profiles, theme, key overrides, bell, notifications, linear mode, date format, last outbound
 * code, favourite contacts.
 */
import Conf from 'conf';
import type { NotifySetting } from '../tui/screen/caps.js';
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

/** screen/caps.ts's NOTIFY_SETTINGS, written out: `config` loads nothing of the console. */
const NOTIFY_SETTINGS = ['auto', 'off', 'osc9', 'osc777'] as const satisfies readonly NotifySetting[];
export const DATE_FORMATS = ['iso', 'us', 'eu'] as const;

const text = { type: 'string' } as const;
/**
 * The settings file's JSON Schema (conf validates every write and every
 * read with it): no other key, each value of its type or one of its values.
 * Themes are checked by name here and by file when set (actions/config.ts).
 */
export const SETTINGS_SCHEMA = {
  servers: {
    type: 'object',
    additionalProperties: { type: 'object', properties: { url: text, agent: text }, required: ['url', 'agent'], additionalProperties: false },
  },
  defaultServer: text,
  theme: { type: 'string', pattern: '^[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}$' },
  // Command ids have dots (offer.accept): `config set keys.offer.accept …` nests them, the keymap flattens them.
  keys: { $ref: '#/$defs/keyTree' },
  bell: { type: 'boolean' },
  notifications: { enum: NOTIFY_SETTINGS },
  linear: { type: 'boolean' },
  dateFormat: { enum: DATE_FORMATS },
  lastOutboundCode: text,
  favourites: { type: 'array', items: text },
} as const;

/** What a setting takes, in words (for the refusal). */
export function allowedFor(key: string): string {
  const top = key.split('.')[0]!;
  const schema = (SETTINGS_SCHEMA as Record<string, { type?: string; enum?: readonly string[]; $ref?: string }>)[top];
  if (!schema) return `there is no setting "${top}"; settings are ${Object.keys(SETTINGS_SCHEMA).join(', ')}`;
  if (schema.enum) return `${top} is one of ${schema.enum.join(', ')}`;
  if (schema.type === 'boolean') return `${top} is true or false`;
  if (top === 'servers') return 'servers.NAME is {"url": "ws://…", "agent": "…"}';
  if (top === 'keys') return 'keys.COMMAND is a list of keys, e.g. ["ctrl+a"]';
  if (schema.type === 'array') return `${top} is a list of strings`;
  return `${top} is a string`;
}

/** `cwd` lets tests (and AGENT_CONSOLE_CONFIG_DIR) point at a temp folder. A file that breaks the schema is a UsageError (exit 2) naming it. */
export function openSettings(cwd = process.env.AGENT_CONSOLE_CONFIG_DIR): SettingsStore {
  try {
    return new Conf<Settings>({
      projectName: 'agent-console',
      projectSuffix: '',
      defaults: DEFAULT_SETTINGS,
      ...(cwd ? { cwd } : {}),
      clearInvalidConfig: false,
      schema: SETTINGS_SCHEMA as never,
      rootSchema: {
        additionalProperties: false,
        $defs: { keyTree: { type: 'object', additionalProperties: { anyOf: [{ type: 'array', items: text }, { $ref: '#/$defs/keyTree' }] } } },
      },
    });
  } catch (e) {
    throw new UsageError(`the settings file is not valid: ${schemaMessage(e)} (fix it with agent-console config set, or edit the file \`agent-console config path\` prints)`);
  }
}

/** conf's "Config schema violation: `bell` must be boolean" as "bell must be boolean". */
export function schemaMessage(e: unknown): string {
  return (e as Error).message.replace(/^Config schema violation: /, '').replace(/`([^`]*)`/g, (_, k: string) => k.replace(/\//g, '.') || 'the file');
}

/** Values on the command line are JSON when they parse as JSON, else plain strings. */
export function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
