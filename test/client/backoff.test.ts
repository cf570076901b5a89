/**
 * The console's reconnect delays: jittered (a crowd of consoles does not come
 * back in step) and capped at 2 s, so a restarted server has its agents back
 * within about 2 s of being ready however long it was down.
 */
import { describe, expect, it } from 'vitest';
import { backoffDelay, RECONNECT_BACKOFF } from '../../src/client/index.js';

describe('reconnect backoff', () => {
  it('doubles from 250 ms, stays in the upper half of its ceiling, and never exceeds 2 s', () => {
    const low = (attempt: number) => backoffDelay(attempt, { ...RECONNECT_BACKOFF, random: () => 0 });
    const high = (attempt: number) => backoffDelay(attempt, { ...RECONNECT_BACKOFF, random: () => 1 });
    expect([0, 1, 2, 3, 4].map(high)).toEqual([250, 500, 1000, 2000, 2000]);
    expect([0, 1, 2, 3, 4].map(low)).toEqual([125, 250, 500, 1000, 1000]);
    for (let attempt = 0; attempt < 100; attempt++) expect(high(attempt)).toBeLessThanOrEqual(2000);
  });

  it('spreads a crowd: 1,000 consoles at the cap land across the whole second', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const delays = Array.from({ length: 1000 }, () => backoffDelay(10, { ...RECONNECT_BACKOFF, random }));
    const buckets = new Set(delays.map((d) => Math.floor(d / 100)));
    expect(buckets.size).toBeGreaterThanOrEqual(10); // 1.0–2.0 s in 100 ms buckets: every one used
  });
});
