/**
 * `agent-console apikey create|list|revoke` (and `api-key new`): the keys of
 * the server's HTTP API, kept in the tenant file as their SHA-256 only. The
 * file is rewritten atomically (a temporary file, flushed, renamed over it),
 * and checked as a whole before it is, so a running `serve` reads either the
 * old keys or the new ones — and takes a revocation from its next request.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { API_SCOPES } from '../../engine/tenant/schema.js';
import { parseTenant } from '../../engine/tenant/load.js';
import type { ApiKeyEntry } from '../../server/api-keys.js';
import { newApiKey } from '../../server/api-keys.js';
import { CliError, UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { terminalSafe } from '../terminal-safe.js';

export interface ApiKeyFlags {
  id: string;
  scope: string[];
  json?: boolean;
}

export interface TenantKeyFlags {
  tenant: string;
  json?: boolean;
}

function checkFlags(flags: ApiKeyFlags): void {
  const unknown = flags.scope.filter((s) => !(API_SCOPES as readonly string[]).includes(s));
  if (unknown.length) throw new UsageError(`--scope: ${unknown.join(', ')} is not a scope; scopes: ${API_SCOPES.join(', ')}`);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(flags.id)) throw new UsageError('--id: use 1–64 letters, digits, dot, dash or underscore');
}

/** `api-key new`: a key and the entry to add by hand (the tenant file is not touched). */
export function newApiKeyCommand(flags: ApiKeyFlags): void {
  checkFlags(flags);
  const { key, hash } = newApiKey();
  const entry = { id: flags.id, hash, scopes: [...new Set(flags.scope)] };
  process.stdout.write(
    flags.json
      ? `${JSON.stringify({ key, entry })}\n`
      : `${key}\n\nThe key is shown only now: give it to the tool that uses it (AGENT_CONSOLE_API_KEY).\nAdd this to the tenant file's "apiKeys" (or use agent-console apikey create --tenant FILE, which does):\n${JSON.stringify(entry)}\n`,
  );
}

type TenantJson = Record<string, unknown> & { apiKeys?: ApiKeyEntry[] };

function readTenant(file: string): TenantJson {
  parseTenant(readJson(file), file); // a bad file is refused as serve would refuse it (exit 2, the field named)
  return readJson(file) as TenantJson;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${file}: ${(e as Error).message}`);
  }
}

/** Checks the new content as a tenant, then replaces the file in one rename. */
function writeTenant(file: string, tenant: TenantJson): void {
  parseTenant(tenant, file);
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(tenant, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (e) {
    throw new CliError(`cannot write ${file}: ${(e as Error).message}`, EXIT.error);
  }
}

export function createApiKey(flags: ApiKeyFlags & TenantKeyFlags): void {
  checkFlags(flags);
  const tenant = readTenant(flags.tenant);
  const keys = tenant.apiKeys ?? [];
  const same = keys.find((k) => k.id === flags.id);
  if (same) throw new UsageError(`--id: the tenant already has a key "${flags.id}"${same.revokedAt ? ' (revoked)' : ''}: choose another id`);
  const { key, hash } = newApiKey();
  const entry: ApiKeyEntry = { id: flags.id, hash, scopes: [...new Set(flags.scope)] as ApiKeyEntry['scopes'], createdAt: new Date().toISOString() };
  writeTenant(flags.tenant, { ...tenant, apiKeys: [...keys, entry] });
  process.stdout.write(
    flags.json
      ? `${JSON.stringify({ key, id: entry.id, scopes: entry.scopes })}\n`
      : `${key}\n\nThe key "${entry.id}" (${entry.scopes.join(', ')}) is in ${flags.tenant}; a running serve takes it at once.\nIt is shown only now: give it to the tool that uses it (AGENT_CONSOLE_API_KEY).\n`,
  );
}

export function listApiKeys(flags: TenantKeyFlags): void {
  const keys = readTenant(flags.tenant).apiKeys ?? [];
  if (flags.json) return void process.stdout.write(`${JSON.stringify(keys.map(({ hash: _, ...k }) => k))}\n`);
  if (!keys.length) return void process.stdout.write(`No API keys in ${flags.tenant}.\n`);
  const rows = keys.map((k) => [k.id, k.scopes.join(','), k.createdAt ?? '-', k.revokedAt ? `revoked ${k.revokedAt}` : 'active'].map((c) => terminalSafe(c)));
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['ID', 'SCOPES', 'CREATED'][i]!.length));
  const line = (r: string[]) => `${r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ')}\n`;
  process.stdout.write(line(['ID', 'SCOPES', 'CREATED', 'STATE']) + rows.map(line).join(''));
}

export function revokeApiKey(id: string, flags: TenantKeyFlags): void {
  const tenant = readTenant(flags.tenant);
  const keys = tenant.apiKeys ?? [];
  const key = keys.find((k) => k.id === id);
  if (!key) throw new UsageError(`the tenant has no key "${id}" (agent-console apikey list --tenant ${flags.tenant})`);
  const revokedAt = key.revokedAt ?? new Date().toISOString();
  if (!key.revokedAt) writeTenant(flags.tenant, { ...tenant, apiKeys: keys.map((k) => (k === key ? { ...k, revokedAt } : k)) });
  process.stdout.write(
    flags.json ? `${JSON.stringify({ id, revokedAt })}\n` : `The key "${id}" is revoked (${revokedAt}): a running serve refuses it from its next request.\n`,
  );
}
