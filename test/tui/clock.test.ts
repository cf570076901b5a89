import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualClock, createSystemClock } from '../../src/tui/clock.js';

afterEach(() => vi.useRealTimers());

describe('shared clock', () => {
  it('ticks on second boundaries only while someone listens', () => {
    vi.useFakeTimers({ now: 1_000_500 });
    const clock = createSystemClock();
    const seen: number[] = [];
    const off = clock.subscribe(() => seen.push(clock.now()));
    vi.advanceTimersByTime(2600);
    expect(seen.map((t) => Math.floor(t / 1000))).toEqual([1001, 1002, 1003]);
    expect(seen.every((t) => t % 1000 <= 1)).toBe(true);
    off();
    vi.advanceTimersByTime(5000);
    expect(seen).toHaveLength(3);
  });

  it('sync() catches up between ticks, once', () => {
    vi.useFakeTimers({ now: 2_000_000 });
    const clock = createSystemClock();
    let calls = 0;
    clock.subscribe(() => calls++);
    vi.setSystemTime(2_000_700);
    clock.sync!();
    expect(clock.now()).toBe(2_000_700);
    clock.sync!();
    expect(calls).toBe(1);
  });

  it('a manual clock moves only when told', () => {
    const clock = createManualClock(5);
    let calls = 0;
    clock.subscribe(() => calls++);
    clock.advance(10);
    clock.set(100);
    expect([clock.now(), calls]).toEqual([100, 2]);
  });
});
