/**
 * Login throttling: after 5 failures within a minute from one agent name or
 * one address, further attempts are refused for a delay that doubles with
 * each further failure (1 s, 2 s, 4 s … capped at 5 min).
 */
export const LOCKOUT = { window: 60_000, freeFailures: 5, baseDelay: 1000, maxDelay: 300_000 };

interface Record {
  failures: number[];
  lockedUntil: number;
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
      const r = this.records.get(k) ?? { failures: [], lockedUntil: 0 };
      r.failures = r.failures.filter((f) => t - f < LOCKOUT.window);
      r.failures.push(t);
      const over = r.failures.length - LOCKOUT.freeFailures;
      if (over >= 0) r.lockedUntil = t + Math.min(LOCKOUT.maxDelay, LOCKOUT.baseDelay * 2 ** over);
      this.records.set(k, r);
    }
    if (this.records.size > 10_000) this.prune(t);
  }

  success(keys: string[]): void {
    for (const k of keys) this.records.delete(k);
  }

  private prune(t: number): void {
    for (const [k, r] of this.records)
      if (r.lockedUntil < t && r.failures.every((f) => t - f >= LOCKOUT.window)) this.records.delete(k);
  }
}
