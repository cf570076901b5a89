/**
 * API keys for the server's HTTP API (docs/api.md, docs/ingress.md), as a
 * switch or the operator's tooling uses them: `Authorization: Bearer <key>`.
 * A key is 32 random bytes; the tenant file keeps only its SHA-256 (a key
 * this long needs no slow hash) with the key's id and scopes, so a leaked
 * tenant file leaks no key. Keys belong to the tenant whose file holds them:
 * a server knows no other tenant's keys.
 *
 * The keys are read again whenever the tenant file changes (`agent-console
 * apikey create|revoke` rewrite it), so a revoked key is refused from the
 * next request on, without a restart, and stays refused after one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { ApiKeySchema, type ApiKeyConfig, type ApiScope } from '../engine/index.js';

export type ApiKeyEntry = ApiKeyConfig;

const PREFIX = 'ac_';

/** A new key and what the tenant file keeps of it. */
export function newApiKey(): { key: string; hash: string } {
  const key = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: apiKeyHash(key) };
}

export function apiKeyHash(key: string): string {
  return `sha256$${createHash('sha256').update(key).digest('base64url')}`;
}

export type KeyCheck = { ok: true; id: string } | { ok: false; status: 401 | 403; code: 'AUTH_FAILED' | 'NOT_PERMITTED'; message: string };

/** Where the keys come from: a fixed list, or the tenant file as it is now. */
export type KeySource = () => readonly ApiKeyEntry[];

export class ApiKeys {
  private entries: readonly ApiKeyEntry[] | undefined;
  private byHash = new Map<string, ApiKeyEntry>();

  constructor(private readonly source: KeySource) {}

  /** Is the request's bearer key known, not revoked, and does it have `scope`? (Looked up by its hash: no key is compared as text.) */
  check(req: IncomingMessage, scope: ApiScope): KeyCheck {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    const entry = m ? this.current().get(apiKeyHash(m[1]!)) : undefined;
    if (!entry || entry.revokedAt)
      return { ok: false, status: 401, code: 'AUTH_FAILED', message: 'An API key is required (Authorization: Bearer <key>), and this one is not known or was revoked.' };
    if (!entry.scopes.includes(scope)) return { ok: false, status: 403, code: 'NOT_PERMITTED', message: `The key "${entry.id}" may not do this (it needs the "${scope}" scope).` };
    return { ok: true, id: entry.id };
  }

  private current(): ReadonlyMap<string, ApiKeyEntry> {
    const entries = this.source();
    if (entries !== this.entries) {
      this.entries = entries;
      this.byHash = new Map(entries.map((e) => [e.hash, e]));
    }
    return this.byHash;
  }
}

const KeysOfFile = z.object({ apiKeys: z.array(ApiKeySchema).default([]) });

/**
 * The keys of a tenant file, read again when the file changes (its size, time or inode: a
 * rewrite by rename is seen at once). A file that became unreadable or invalid keeps the
 * keys last read (and `onError` says why), so a typo while editing does not stop a switch;
 * a revocation written by `apikey revoke` is always a valid file.
 */
export function keysOfTenantFile(file: string, initial: readonly ApiKeyEntry[], onError: (message: string) => void): KeySource {
  let keys = initial;
  let stamp = stampOf(file);
  return () => {
    const now = stampOf(file);
    if (now === stamp) return keys;
    stamp = now;
    try {
      keys = KeysOfFile.parse(JSON.parse(readFileSync(file, 'utf8'))).apiKeys;
    } catch (e) {
      onError(`${file}: API keys not reloaded, the previous ones stay in force: ${(e as Error).message}`);
    }
    return keys;
  };
}

function stampOf(file: string): string {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return 'missing';
  }
}
