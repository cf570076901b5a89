/**
 * API keys for the server's HTTP API (docs/api.md), as the operator's tooling
 * uses them: `Authorization: Bearer <key>`. A key is 32 random bytes; the
 * tenant file keeps only its SHA-256 (a key this long needs no slow hash) with
 * the key's id and scopes, so a leaked tenant file leaks no key.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface ApiKeyEntry {
  id: string;
  hash: string;
  scopes: readonly string[];
}

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

export class ApiKeys {
  private readonly byHash: ReadonlyMap<string, ApiKeyEntry>;

  constructor(entries: readonly ApiKeyEntry[]) {
    this.byHash = new Map(entries.map((e) => [e.hash, e]));
  }

  /** Is the request's bearer key known, and does it have `scope`? (Looked up by its hash: no key is compared as text.) */
  check(req: IncomingMessage, scope: string): KeyCheck {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    const entry = m ? this.byHash.get(apiKeyHash(m[1]!)) : undefined;
    if (!entry) return { ok: false, status: 401, code: 'AUTH_FAILED', message: 'An API key is required (Authorization: Bearer <key>), and this one is not known.' };
    if (!entry.scopes.includes(scope)) return { ok: false, status: 403, code: 'NOT_PERMITTED', message: `The key "${entry.id}" may not do this (it needs the "${scope}" scope).` };
    return { ok: true, id: entry.id };
  }
}
