/**
 * Idempotency keys (`Idempotency-Key: <anything unique>`), so a switch that
 * retries a request after a timeout creates one call, not two. The engine
 * does the durable part: the command runs under the id
 * `api:<key id>:<idempotency key>`, and a command id that already acted
 * returns its first result, even after a restart. Here: requests with the
 * same key in flight at once share one answer, and a key reused for a
 * different request is refused (409) rather than answered with another
 * request's result.
 */
import { createHash } from 'node:crypto';
import { apiError, type ApiError } from './http-json.js';

const KEY = /^[\x21-\x7e]{1,255}$/;
/** Fingerprints remembered (the oldest are forgotten first): well beyond a switch's retry window. */
const REMEMBERED = 10_000;

export class Idempotency<T> {
  private readonly fingerprints = new Map<string, string>();
  private readonly inFlight = new Map<string, Promise<T>>();

  /** The header's key, checked; undefined when the request has none. */
  static keyOf(header: string | string[] | undefined): { ok: true; key?: string } | { ok: false; error: ApiError } {
    if (header === undefined) return { ok: true };
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || !KEY.test(key)) return { ok: false, error: apiError(400, 'BAD_REQUEST', 'Idempotency-Key: 1–255 printable characters, no spaces.') };
    return { ok: true, key };
  }

  /** Runs `act` once per (scope, key): a concurrent repeat waits for the first; a different request under the same key is refused. */
  run(scope: string, key: string, request: unknown, act: () => Promise<T>, conflict: (error: ApiError) => T): Promise<T> {
    const id = `${scope}\u0000${key}`;
    const fingerprint = createHash('sha256').update(JSON.stringify(request)).digest('base64url');
    const seen = this.fingerprints.get(id);
    if (seen !== undefined && seen !== fingerprint)
      return Promise.resolve(conflict(apiError(409, 'IDEMPOTENCY_CONFLICT', `The Idempotency-Key "${key}" was used for a different request.`)));
    this.remember(id, fingerprint);
    const running = this.inFlight.get(id);
    if (running) return running;
    const promise = act().finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, promise);
    return promise;
  }

  private remember(id: string, fingerprint: string): void {
    this.fingerprints.delete(id);
    this.fingerprints.set(id, fingerprint);
    if (this.fingerprints.size > REMEMBERED) this.fingerprints.delete(this.fingerprints.keys().next().value!);
  }
}
