/**
 * The engine's timers, one per deadline key, re-armed from the deadlines
 * the state asks for (modules.ts) after every batch and at start: a key
 * whose time did not change keeps its timer; one with no time is disarmed.
 */
import type { Clock, TimerHandle } from './kernel/clock.js';
import type { Deadline } from './kernel/module.js';
import type { AnyCommand, EngineState } from './kernel/types.js';
import { agentDeadlines, interactionDeadlines } from './modules.js';

/** What a batch touched: only their timers can have changed. */
export interface Touched {
  interactions: Iterable<string>;
  agents: Iterable<string>;
}

const NO_TIMER: TimerHandle = { cancel() {} };

export class DeadlineTimers {
  /** `fired`: the timer went off and its command waits in the group queue. */
  private timers = new Map<string, { at: number; handle: TimerHandle; fired?: true }>();

  /** `fire` runs when a timer goes off (the timer is already forgotten). */
  constructor(
    private readonly clock: Clock,
    private readonly fire: (key: string, at: number, command: AnyCommand) => void,
  ) {}

  /** Re-arms the timers of what a batch touched from the state's deadlines. */
  settle(state: EngineState, touched: Touched): void {
    for (const id of touched.interactions) this.sync(interactionDeadlines(state, id));
    for (const id of touched.agents) this.sync(agentDeadlines(state, id));
  }

  /** Every timer from scratch (at start, and after a rollback): deadlines already past fire at once. */
  settleAll(state: EngineState): void {
    this.cancelAll();
    this.settle(state, { interactions: state.interactions.keys(), agents: state.agents.keys() });
  }

  /** The command of a fired timer waits in the group queue: until it runs, re-arming the same deadline is a no-op. */
  waiting(key: string, at: number): void {
    this.timers.set(key, { at, handle: NO_TIMER, fired: true });
  }

  /** The waiting command of a fired timer runs now. */
  ran(key: string): void {
    if (this.timers.get(key)?.fired) this.timers.delete(key);
  }

  cancelAll(): void {
    for (const t of this.timers.values()) t.handle.cancel();
    this.timers.clear();
  }

  private sync(deadlines: readonly Deadline[]): void {
    for (const [key, at, command] of deadlines) this.arm(key, at, command);
  }

  private arm(key: string, at: number | undefined, command: AnyCommand): void {
    const current = this.timers.get(key);
    if (current?.at === at) return;
    current?.handle.cancel();
    this.timers.delete(key);
    if (at === undefined) return;
    const handle = this.clock.at(at, () => {
      this.timers.delete(key);
      this.fire(key, at, command);
    });
    this.timers.set(key, { at, handle });
  }
}
