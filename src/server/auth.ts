/**
 * Login throttling: after 5 failures within a minute from one agent name or
 * one address, further attempts are refused for a delay that doubles with
 * each further failure (1 s, 2 s, 4 s … capped at 5 min). The doubling is
 * remembered until 15 quiet minutes pass, so an attacker who waits out each
 * delay keeps climbing instead of starting over once the minute has passed.
 */
export const LOCKOUT = { window: 60_000, freeFailures: 5, baseDelay: 1000, maxDelay: 300_000, forgetAfter: 15 * 60_000 };

interface Record {
  failures: number[];
  lockedUntil: number;
  /** Failures past the free ones, since the last quiet period. */
  strikes: number;
}

export class LoginThrottle {
  private records = new Map<string, Record>();

  constructor(private readonly now: () => number = Date.now) {}

  /** ms to wait before this key may try again (0 = may try now). */
  retryAfter(keys: string[]): number {
    const t = this.now();
    return Math.max(0, ...keys.map((k) => (this.records.get(k)?.lockedUntil ?? 0) - t));
  }

  failure(keys: string[]): void {
    const t = this.now();
    for (const k of keys) {
      const r = this.records.get(k) ?? { failures: [], lockedUntil: 0, strikes: 0 };
      const last = r.failures.at(-1) ?? -Infinity;
      if (t - last >= LOCKOUT.forgetAfter) r.strikes = 0;
      r.failures = r.failures.filter((f) => t - f < LOCKOUT.window);
      r.failures.push(t);
      if (r.strikes > 0 || r.failures.length >= LOCKOUT.freeFailures) {
        r.lockedUntil = t + Math.min(LOCKOUT.maxDelay, LOCKOUT.baseDelay * 2 ** Math.min(r.strikes, 20));
        r.strikes++;
      }
      this.records.set(k, r);
    }
    if (this.records.size > 10_000) this.prune(t);
  }

  success(keys: string[]): void {
    for (const k of keys) this.records.delete(k);
  }

  private prune(t: number): void {
    for (const [k, r] of this.records)
      if (r.lockedUntil < t && r.failures.every((f) => t - f >= LOCKOUT.forgetAfter)) this.records.delete(k);
  }
}
