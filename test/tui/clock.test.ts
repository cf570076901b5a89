import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualClock, createSystemClock, subscribeEvery } from '../../src/tui/clock.js';

afterEach(() => vi.useRealTimers());

describe('shared clock', () => {
  it('ticks on second boundaries only while someone listens', () => {
    vi.useFakeTimers({ now: 1_000_500 });
    const clock = createSystemClock();
    const seen: number[] = [];
    const off = clock.subscribe(() => seen.push(clock.now()));
    vi.advanceTimersByTime(2600);
    expect(seen).toEqual([1_001_000, 1_002_000, 1_003_000]);
    off();
    vi.advanceTimersByTime(5000);
    expect(seen).toHaveLength(3);
  });

  it('sync() mid-second changes nothing: every timer moves on the second, in step', () => {
    vi.useFakeTimers({ now: 2_000_000 });
    const clock = createSystemClock();
    let calls = 0;
    clock.subscribe(() => calls++);
    vi.setSystemTime(2_000_700);
    clock.sync!();
    expect([clock.now(), calls]).toEqual([2_000_000, 0]);
  });

  it('sync() catches up once when a second boundary passed without a tick (a late timer)', () => {
    vi.useFakeTimers({ now: 2_000_000 });
    const clock = createSystemClock();
    let calls = 0;
    clock.subscribe(() => calls++);
    vi.setSystemTime(2_001_300); // the tick due at 2_001_000 has not run yet
    clock.sync!();
    clock.sync!();
    expect([clock.now(), calls]).toEqual([2_001_000, 1]);
  });

  it('a manual clock moves only when told', () => {
    const clock = createManualClock(5);
    let calls = 0;
    clock.subscribe(() => calls++);
    clock.advance(10);
    clock.set(100);
    expect([clock.now(), calls]).toEqual([100, 2]);
  });

  it('subscribeEvery reports only the ticks that start a new step since the origin', () => {
    const clock = createManualClock(1_000_000);
    const seen: number[] = [];
    // A minute-granularity timer counting from 20 s before the start.
    const off = subscribeEvery(clock, 60_000, 1_000_000 - 20_000)(() => seen.push(clock.now()));
    for (let s = 0; s < 39; s++) clock.advance(1000);
    expect(seen).toEqual([]);
    clock.advance(1000);
    expect(seen).toEqual([1_040_000]);
    for (let s = 0; s < 59; s++) clock.advance(1000);
    expect(seen).toHaveLength(1);
    clock.advance(1000);
    expect(seen).toEqual([1_040_000, 1_100_000]);
    // A jump (a resync, a clock set back) that changes the step is reported too.
    clock.set(1_000_000);
    expect(seen).toHaveLength(3);
    off();
    clock.advance(600_000);
    expect(seen).toHaveLength(3);
  });

  it('subscribeEvery keeps the system clock running only while subscribed', () => {
    vi.useFakeTimers({ now: 5_000_000 });
    const clock = createSystemClock();
    let calls = 0;
    const off = subscribeEvery(clock, 60_000, 5_000_000)(() => calls++);
    vi.advanceTimersByTime(59_000);
    expect(calls).toBe(0);
    vi.advanceTimersByTime(1_500);
    expect(calls).toBe(1);
    off();
    expect(vi.getTimerCount()).toBe(0);
  });
});
