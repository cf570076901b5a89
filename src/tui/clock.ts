// The one shared once-a-second clock behind every timer on screen (status
// time, offer countdown, wrap-up, contacts, queue waits, the message area).
// Ticks land on second boundaries so all timers change together, in one frame.
// It runs only while something is subscribed. A timer whose text moves more
// slowly (contacts' time in status: once a minute) subscribes through
// subscribeEvery and hears only the ticks that can change it.

export interface Clock {
  /** Time of the last tick (stable between ticks, as React snapshots must be). */
  now(): number;
  subscribe(listener: () => void): () => void;
  /** Catch up with real time now (an extra tick), so a timer that just
   *  appeared starts from the right second rather than the last tick's. */
  sync?(): void;
}

/** sync() does nothing when the last tick is at most this old. */
const SYNC_SLACK_MS = 200;

export function createSystemClock(periodMs = 1000): Clock {
  const listeners = new Set<() => void>();
  let current = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const tick = (): void => {
    current = Date.now();
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
      if (listeners.size === 0 || Date.now() - current <= SYNC_SLACK_MS) return;
      current = Date.now();
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      if (listeners.size === 0) {
        current = Date.now();
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
