// The one shared once-a-second clock behind every timer on screen (status
// time, offer countdown, wrap-up, contacts, queue waits, the message area).
// Its time is always a whole second (of local time), so every timer on screen
// changes on the same second boundary, in one frame: a break timer counted
// from a server timestamp moves in step with the wall clock, and catching up
// after a server event (sync) mid-second changes nothing until the next second.
// It runs only while something is subscribed. A timer whose text moves more
// slowly (contacts' time in status: once a minute) subscribes through
// subscribeEvery and hears only the ticks that can change it.

export interface Clock {
  /** Time of the last tick, a whole second (stable between ticks, as React snapshots must be). */
  now(): number;
  subscribe(listener: () => void): () => void;
  /** Catch up with real time now (an extra tick) if a second boundary passed
   *  since the last tick (a late timer), so a timer that just appeared starts
   *  from the right second. */
  sync?(): void;
}

/** `onTick` hears every tick first (the renderer: the frame it causes is time-driven). */
export function createSystemClock(periodMs = 1000, onTick?: () => void): Clock {
  const listeners = new Set<() => void>();
  const period = (): number => Math.floor(Date.now() / periodMs) * periodMs;
  let current = period();
  let timer: NodeJS.Timeout | undefined;
  const tick = (): void => {
    current = period();
    onTick?.();
    for (const l of [...listeners]) l();
    schedule();
  };
  const schedule = (): void => {
    // Re-aligned every tick: setInterval would drift off the second boundary.
    timer = setTimeout(tick, periodMs - (Date.now() % periodMs) + 1);
  };
  return {
    now: () => current,
    sync() {
      if (listeners.size === 0 || period() <= current) return;
      current = period();
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      if (listeners.size === 0) {
        current = period();
        schedule();
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) clearTimeout(timer);
      };
    },
  };
}

/**
 * A subscribe function on `clock` that passes on only the ticks where
 * floor((now − origin) / stepMs) changes. For a timer counting from `origin`
 * whose text changes once a step (a minute), the other ticks are not even
 * reported: nothing is computed or re-rendered for them.
 */
export function subscribeEvery(clock: Clock, stepMs: number, origin = 0): Clock['subscribe'] {
  return (listener) => {
    const step = (): number => Math.floor((clock.now() - origin) / stepMs);
    let last = step();
    return clock.subscribe(() => {
      const s = step();
      if (s === last) return;
      last = s;
      listener();
    });
  };
}

/** A clock tests move by hand. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(at: number): void;
}

export function createManualClock(start = Date.now()): ManualClock {
  const listeners = new Set<() => void>();
  let current = start;
  const notify = (): void => { for (const l of [...listeners]) l(); };
  return {
    now: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    advance(ms) { current += ms; notify(); },
    set(at) { current = at; notify(); },
  };
}
