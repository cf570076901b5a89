/**
 * The settings file's JSON Schema, and a checker for the part of JSON Schema
 * it uses (type, enum, pattern, properties, required, additionalProperties,
 * items, anyOf, $ref to $defs). conf could take the schema itself, but its
 * validator (Ajv) compiles it at every start — a quarter to half a second on a
 * busy machine, for every command — where this reads it in microseconds. The
 * messages say what a setting takes, in words a user can act on.
 */
import type { NotifySetting } from '../tui/screen/caps.js';

/** screen/caps.ts's NOTIFY_SETTINGS, written out: `config` loads nothing of the console. */
const NOTIFY_SETTINGS = ['auto', 'off', 'osc9', 'osc777'] as const satisfies readonly NotifySetting[];
export const DATE_FORMATS = ['iso', 'us', 'eu'] as const;

export interface Schema {
  type?: 'object' | 'string' | 'boolean' | 'array';
  enum?: readonly string[];
  pattern?: string;
  properties?: Readonly<Record<string, Schema>>;
  required?: readonly string[];
  additionalProperties?: false | Schema;
  items?: Schema;
  anyOf?: readonly Schema[];
  $ref?: string;
  /** What the value is, in words (for a pattern or anyOf that fails). */
  description?: string;
}

const text: Schema = { type: 'string' };
const DEFS: Readonly<Record<string, Schema>> = {
  // Command ids have dots (offer.accept): `config set keys.offer.accept …` nests them, the keymap flattens them.
  keyTree: {
    type: 'object',
    additionalProperties: { anyOf: [{ type: 'array', items: text }, { $ref: '#/$defs/keyTree' }], description: 'a list of keys, e.g. ["ctrl+a"]' },
  },
};

export const SETTINGS_SCHEMA: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    servers: {
      type: 'object',
      additionalProperties: { type: 'object', properties: { url: text, agent: text }, required: ['url', 'agent'], additionalProperties: false },
    },
    theme: { type: 'string', pattern: '^[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}$', description: 'a theme name (letters, digits, - and _)' },
    keys: { $ref: '#/$defs/keyTree' },
    bell: { type: 'boolean' },
    notifications: { enum: NOTIFY_SETTINGS },
    linear: { type: 'boolean' },
    dateFormat: { enum: DATE_FORMATS },
    lastOutboundCode: text,
    favourites: { type: 'array', items: text },
  },
};

const TYPE_WORDS: Record<NonNullable<Schema['type']>, string> = { object: 'an object', string: 'a string', boolean: 'true or false', array: 'a list' };
const typeOf = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

/** The problems of `value` against `schema`, each naming where (dot path) and what is expected; [] when it fits. */
export function checkSchema(value: unknown, schema: Schema = SETTINGS_SCHEMA, path = ''): string[] {
  const s = schema.$ref ? DEFS[schema.$ref.replace('#/$defs/', '')]! : schema;
  const at = path || 'the settings';
  if (s.anyOf) return s.anyOf.some((alt) => checkSchema(value, alt, path).length === 0) ? [] : [`${at} must be ${s.description ?? 'another value'}`];
  if (s.enum) return s.enum.includes(value as string) ? [] : [`${at} must be one of ${s.enum.join(', ')}`];
  if (s.type && typeOf(value) !== s.type) return [`${at} must be ${TYPE_WORDS[s.type]}`];
  if (s.pattern && !new RegExp(s.pattern).test(value as string)) return [`${at} must be ${s.description ?? `like ${s.pattern}`}`];
  if (s.items) return (value as unknown[]).flatMap((item, i) => checkSchema(item, s.items, `${path}[${i}]`));
  if (s.type !== 'object') return [];
  const obj = value as Record<string, unknown>;
  const problems = (s.required ?? []).filter((k) => !(k in obj)).map((k) => `${at} needs ${k}`);
  for (const [k, v] of Object.entries(obj)) {
    const sub = s.properties?.[k] ?? s.additionalProperties;
    const where = path ? `${path}.${k}` : k;
    if (sub === false || sub === undefined) problems.push(path ? `${path} has no ${k}` : `there is no setting "${k}"; settings are ${Object.keys(s.properties ?? {}).join(', ')}`);
    else problems.push(...checkSchema(v, sub, where));
  }
  return problems;
}
