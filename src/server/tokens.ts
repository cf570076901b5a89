/**
 * Bearer tokens (an agent's session, a customer's chat): 192 random bits,
 * handed to the client only. What the server keeps, and what the event log
 * records, is the token's key: its SHA-256 (a random token needs no salt),
 * so a copy of the database resumes nobody.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** What is kept of a token: SHA-256, base64url. */
export function tokenKey(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}
