/**
 * Group commit: the queue of commands waiting for the next commit — client
 * commands answered by a promise once durable, and timer-fired commands —
 * and the flush that runs them. Once per turn of the event loop
 * (setImmediate: right after the I/O callbacks of the turn, so everything
 * that arrived together is batched, and an idle engine adds no delay) the
 * queued commands run in order, each exactly as `execute` runs it, and all
 * their batches are committed in ONE transaction with their receipts; only
 * then are the promises settled. A group's transaction is bounded
 * (`maxEvents`): a bigger backlog is committed in several transactions
 * within the same flush. A store failure rejects every command of the group
 * and everything still queued. A resend of a command id still waiting gets
 * the same promise, so it never acts twice.
 */
import type { Result } from './kernel/result.js';
import type { AnyCommand, CommandOutcome, EngineEvent } from './kernel/types.js';
import type { CommandReceipt } from './store/store.js';

export interface GroupCommitOptions {
  /** A transaction is closed once the group reaches this many events (default 2,000). */
  maxEvents?: number;
  /** Schedules a flush (default `setImmediate`). Tests pass their own, or call `flush()`. */
  schedule?: (flush: () => void) => void;
}

/** A command waiting for the next group commit. */
export interface Queued {
  command: AnyCommand;
  commandId?: string;
  /** A timer-fired command: the timer's key. */
  timerKey?: string;
  promise?: Promise<Result<CommandOutcome>>;
  resolve?: (result: Result<CommandOutcome>) => void;
  reject?: (error: Error) => void;
}

/** What a flush needs of the engine. */
export interface GroupHost<W> {
  /** Why the engine takes no more work (a store failure, closed), if so. */
  unusable(): Error | undefined;
  /** The result of a command id that already acted, if any. */
  receipt(commandId: string): Result<CommandOutcome> | undefined;
  /** Opens a group: commands run into it until it is committed. */
  begin(): W;
  /** Runs one command into the group (applied, not committed); `seq`: its last event's. Throws on a handler bug. */
  run(work: W, command: AnyCommand): { result: Result<CommandOutcome>; batch: EngineEvent[]; seq: number };
  /** A fired timer's command is about to run. */
  timerRan(key: string): void;
  /** Commits the group in one transaction, re-arms timers and publishes. Throws if the store fails. */
  commit(work: W, batches: EngineEvent[][], receipts: CommandReceipt[]): void;
}

export class GroupCommit<W> {
  readonly maxEvents: number;
  private readonly schedule: (flush: () => void) => void;
  private items: Queued[] = [];
  /** Queued commands by command id, so a resend before the commit gets the same answer. */
  private pendingById = new Map<string, Promise<Result<CommandOutcome>>>();
  private flushPending = false;
  private waiters: (() => void)[] = [];

  /** `due` runs when a scheduled flush is due (the engine flushes, unless it is closed). */
  constructor(
    options: GroupCommitOptions,
    private readonly host: GroupHost<W>,
    private readonly due: () => void,
  ) {
    this.maxEvents = Math.max(1, options.maxEvents ?? 2_000);
    this.schedule = options.schedule ?? ((flush) => void setImmediate(flush));
  }

  get length(): number {
    return this.items.length;
  }

  /**
   * Queues a client command; its promise settles once its group is committed, and rejects if the
   * store fails or the engine is closed. A resend gets the first answer: the same promise while
   * the command waits, its stored result once committed (even before a restart).
   */
  add(command: AnyCommand, commandId?: string): Promise<Result<CommandOutcome>> {
    const unusable = this.host.unusable();
    if (unusable) return Promise.reject(unusable);
    if (commandId) {
      const pending = this.pendingById.get(commandId);
      if (pending) return pending;
      const previous = this.host.receipt(commandId);
      if (previous) return Promise.resolve(previous);
    }
    const item: Queued = { command, commandId };
    const promise = new Promise<Result<CommandOutcome>>((resolve, reject) => {
      item.resolve = resolve;
      item.reject = reject;
    });
    item.promise = promise;
    if (commandId) this.pendingById.set(commandId, promise);
    this.push(item);
    return promise;
  }

  /** Queues a command fired by the timer `timerKey`. */
  addTimer(command: AnyCommand, timerKey: string): void {
    this.push({ command, timerKey });
  }

  /** Answers a command taken from the queue: its result, or the error that refused it. */
  private settle(item: Queued, result: Result<CommandOutcome> | undefined, error: unknown): void {
    if (item.commandId && this.pendingById.get(item.commandId) === item.promise) this.pendingById.delete(item.commandId);
    if (error !== undefined || !result) item.reject?.(error instanceof Error ? error : new Error(String(error)));
    else item.resolve?.(result);
  }

  /** Refuses everything still queued. */
  failAll(error: Error): void {
    for (const item of this.items.splice(0)) this.settle(item, undefined, error);
    this.drained();
  }

  /** Resolves once nothing is queued any more (at once if nothing is). */
  whenDrained(): Promise<void> {
    if (this.items.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Runs and commits every command queued when the flush began (commands queued meanwhile, by
   * listeners, wait for the next turn). Throws only if a timer-fired command's handler failed (a
   * bug); a store failure rejects the commands' promises.
   */
  flush(): void {
    let internal: unknown;
    let budget = this.items.length;
    while (budget > 0 && this.items.length) {
      const taken = this.flushGroup(budget);
      budget -= taken.count;
      internal ??= taken.internalError;
    }
    if (this.items.length) this.scheduleFlush();
    else this.drained();
    if (internal !== undefined) throw internal;
  }

  /** One group: runs queued commands (at most `budget`) until it holds `maxEvents` events, commits, then answers the callers. */
  private flushGroup(budget: number): { count: number; internalError?: unknown } {
    const unusable = this.host.unusable();
    if (unusable) {
      const count = this.items.length;
      this.failAll(unusable);
      return { count };
    }
    const work = this.host.begin();
    const done: { item: Queued; result?: Result<CommandOutcome>; error?: unknown }[] = [];
    const batches: EngineEvent[][] = [];
    const receipts: CommandReceipt[] = [];
    let events = 0;
    while (done.length < budget && events < this.maxEvents) {
      const item = this.items.shift();
      if (!item) break;
      if (item.timerKey) this.host.timerRan(item.timerKey);
      try {
        const { result, batch, seq } = this.host.run(work, item.command);
        done.push({ item, result });
        if (batch.length === 0) continue;
        batches.push(batch);
        events += batch.length;
        if (item.commandId) receipts.push({ commandId: item.commandId, result, seq });
      } catch (e) {
        // A handler bug: this command is refused (as `execute` would throw); the others go on.
        done.push({ item, error: e });
      }
    }
    if (batches.length) {
      try {
        this.host.commit(work, batches, receipts);
      } catch (e) {
        // Nothing of the group is published and nobody is answered "ok" (the engine rolled back to its log).
        for (const d of done) this.settle(d.item, undefined, e);
        this.failAll(e instanceof Error ? e : new Error(String(e)));
        return { count: done.length };
      }
    }
    let internalError: unknown;
    for (const d of done) {
      if (d.error !== undefined && !d.item.reject) internalError ??= d.error;
      this.settle(d.item, d.result, d.error);
    }
    return { count: done.length, internalError };
  }

  private drained(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  private push(item: Queued): void {
    this.items.push(item);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushPending) return;
    this.flushPending = true;
    this.schedule(() => {
      this.flushPending = false;
      this.due();
    });
  }
}
