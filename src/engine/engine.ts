/**
 * The engine loop: commands in, events out. It knows no medium: what a
 * command does, how an event changes the state, which timers the state asks
 * for and what `queries` shows come from the modules (modules.ts).
 *
 * For each command: it runs into the in-memory state (the handler's events,
 * then routing's offers: command-run.ts); the whole batch is appended to the
 * store in one transaction; timers are re-armed from the new deadlines; and
 * only then are the events published. Nothing is published, and no command
 * is acknowledged, before it is durable.
 *
 * If the store fails a write, the in-memory state is ahead of the log: the
 * engine rebuilds it from the log at once, refuses work with
 * STORE_UNAVAILABLE until the store can be written again, then takes work
 * again by itself — or, if it cannot prove its state, stops for good
 * (store-link.ts, store-recovery.ts).
 *
 * Group commit (opt-in, `groupCommit`, see group-commit.ts):
 * `executeDurable` queues a command and answers once its group is durable;
 * timer-fired commands join the queue; `execute` still runs at once (after
 * committing whatever is queued, so commands keep their order). Outside a
 * flush the in-memory state only ever holds committed events: queries and
 * snapshots never show what is not durable; nothing of a group whose commit
 * failed is published.
 */
import { newWork, runCommand, type Run, type Work } from './command-run.js';
import { DeadlineTimers } from './deadline-timers.js';
import { GroupCommit, type GroupCommitOptions } from './group-commit.js';
import type { Clock } from './kernel/clock.js';
import { ok, type Result } from './kernel/result.js';
import type { AnyCommand, Command, CommandOutcome, EngineEvent, EngineState } from './kernel/types.js';
import * as modules from './modules.js';
import { Publisher, type EventListener } from './publisher.js';
import { Router } from './routing/router.js';
import type { CommandReceipt, EventStore } from './store/store.js';
import { StoreLink } from './store-link.js';
import { unlessStoreUnavailable, type HealthListener, type StoreHealth } from './store-recovery.js';
import type { Tenant } from './tenant/tenant.js';

export type { GroupCommitOptions } from './group-commit.js';
export type { EventListener } from './publisher.js';

export interface EngineOptions {
  tenant: Tenant;
  store: EventStore;
  clock: Clock;
  /** Take a snapshot every this many events (restart replays at most this many). */
  snapshotEvery?: number;
  /** Commit `executeDurable` commands (and timer-fired ones) in groups: see the top of this file. */
  groupCommit?: boolean | GroupCommitOptions;
  /** Opens the store again after a failure (a fresh connection); without it the engine retries on the store it has. */
  reopenStore?: () => EventStore;
  /** After a store failure, try the store again this often (ms, default 1,000). */
  storeRetryMs?: number;
}

export class Engine {
  readonly tenant: Tenant;
  readonly queries: modules.Queries;
  private readonly clock: Clock;
  private readonly snapshotEvery: number;
  /** Replaced as a whole when the engine rolls back to its log after a store failure. */
  private state: EngineState;
  private router: Router;
  private readonly timers: DeadlineTimers;
  private readonly group?: GroupCommit<Work>;
  private readonly publisher = new Publisher();
  private readonly link: StoreLink;
  private seq: number;
  private sinceSnapshot: number;
  private closed = false;

  /** Opens an engine on a store, restoring state from its snapshot and log tail. */
  constructor(options: EngineOptions) {
    this.tenant = options.tenant;
    this.clock = options.clock;
    this.snapshotEvery = options.snapshotEvery ?? 10_000;
    if (options.groupCommit) {
      const host = {
        unusable: () => this.unusable(),
        receipt: (commandId: string) => this.link.receipt(commandId),
        begin: () => newWork(this.seq),
        run: (work: Work, command: AnyCommand) => ({ ...this.runOne((ctx) => modules.handle(ctx, command), work), seq: work.seq }),
        timerRan: (key: string) => this.timers.ran(key),
        commit: (work: Work, batches: EngineEvent[][], receipts: CommandReceipt[]) => this.commitWork(work, batches, receipts),
      };
      this.group = new GroupCommit(options.groupCommit === true ? {} : options.groupCommit, host, () => {
        if (!this.closed) this.flush();
      });
    }
    this.timers = new DeadlineTimers(this.clock, (key, at, command) => this.timerFired(key, at, command));
    const { store, reopenStore } = options;
    this.link = new StoreLink({ store, reopenStore, clock: this.clock, retryMs: options.storeRetryMs ?? 1000 }, this.rollback());
    ({ state: this.state, seq: this.seq, replayed: this.sinceSnapshot } = modules.restore(store, this.tenant));
    this.router = new Router(this.state, this.tenant);
    this.queries = modules.createQueries({
      state: () => this.state,
      records: this.link.records,
      tenant: this.tenant,
      clock: this.clock,
      queueStats: (queueId, asker) => this.router.stats(queueId, asker),
      history: (interactionId) => this.history(interactionId),
      hooks: modules.HOOKS,
    });
    this.timers.settleAll(this.state);
    // Routing may have been interrupted by the stop: settle it now (or once the store can be written).
    unlessStoreUnavailable(() => this.run(() => ok({})));
  }

  /**
   * Runs one command now: committed, published and answered before it returns. Never throws for
   * a user mistake: the result says what went wrong. With group commit, whatever is queued is
   * committed first, so commands keep their order.
   */
  execute(command: Command, options: { commandId?: string } = {}): Result<CommandOutcome> {
    if (this.group?.length) this.flush();
    // A command id that already acted (a resend, even after a server restart) returns its first result.
    const previous = options.commandId ? this.link.receipt(options.commandId) : undefined;
    if (previous) return previous;
    return this.run((ctx) => modules.handle(ctx, command), options.commandId);
  }

  /**
   * Runs one command and answers once it is durable. With group commit the command joins the
   * next group (see the top of this file); without, it runs at once as `execute` does. Rejects
   * (never resolves) when the store fails or the engine is closed.
   */
  executeDurable(command: Command, options: { commandId?: string } = {}): Promise<Result<CommandOutcome>> {
    try {
      return this.group ? this.group.add(command, options.commandId) : Promise.resolve(this.execute(command, options));
    } catch (e) {
      return Promise.reject(e as Error);
    }
  }

  /**
   * Group commit: runs and commits every queued command now (normally a scheduled flush does).
   * Throws only if a timer-fired command's handler failed (a bug); a store failure rejects the
   * commands' promises and marks the engine broken.
   */
  flush(): void {
    this.group?.flush();
  }

  /** Resolves once nothing is queued any more (at once if nothing is). */
  flushed(): Promise<void> {
    return this.group?.whenDrained() ?? Promise.resolve();
  }

  /** Commands waiting for the next group commit. */
  get queued(): number {
    return this.group?.length ?? 0;
  }

  /** Whether the store can be written: `unavailable` (commands are refused, the engine retries), or `failed` for good. */
  get health(): StoreHealth {
    return this.link.recovery.health;
  }

  /** Hears each change of health once. Returns an unsubscribe function. */
  onHealth(listener: HealthListener): () => void {
    return this.link.recovery.onHealth(listener);
  }

  /** Receives every committed batch of events, in order. Returns an unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    return this.publisher.subscribe(listener);
  }

  /** The last committed event's sequence number. */
  get lastSeq(): number {
    return this.seq;
  }

  now(): number {
    return this.clock.now();
  }

  /** Stored events of one interaction (history, transcripts). */
  history(interactionId: string): EngineEvent[] {
    return this.link.store.eventsOfInteraction(interactionId);
  }

  close(): void {
    if (this.closed) return;
    // What was accepted for the next group is committed, not dropped.
    if (this.group?.length && this.health.state === 'ok') {
      try {
        this.flush();
      } catch {
        // A timer command's bug: the engine closes anyway.
      }
    }
    this.closed = true;
    this.group?.failAll(new Error('engine is closed'));
    this.timers.cancelAll();
    this.link.close();
  }

  private run(fn: Run, commandId?: string): Result<CommandOutcome> {
    const unusable = this.unusable();
    if (unusable) throw unusable;
    const work = newWork(this.seq);
    const { result, batch } = this.runOne(fn, work);
    if (batch.length) this.commitWork(work, [batch], commandId ? { commandId, result } : undefined);
    return result;
  }

  /** Commits the batches in one transaction, re-arms the timers they touched, then publishes them. Throws if the store fails. */
  private commitWork(work: Work, batches: EngineEvent[][], receipts?: CommandReceipt | CommandReceipt[]): void {
    this.commit(batches.length === 1 ? batches[0]! : batches.flat(), receipts);
    this.timers.settle(this.state, work);
    this.publisher.publish(batches);
  }

  /** Runs one command into the state (not committed): command-run.ts. */
  private runOne(fn: Run, work: Work): { result: Result<CommandOutcome>; batch: EngineEvent[] } {
    const env = { state: this.state, records: this.link.records, tenant: this.tenant, router: this.router, now: this.clock.now() };
    return runCommand(env, fn, work);
  }

  private unusable(): Error | undefined {
    if (this.closed) return new Error('engine is closed');
    return this.link.recovery.refusal();
  }

  private timerFired(key: string, at: number, command: AnyCommand): void {
    if (this.closed) return;
    if (this.group) {
      // Joins the next group; until it runs, re-arming the same deadline is a no-op.
      this.timers.waiting(key, at);
      return this.group.addTimer(command, key);
    }
    // Refused while the store is unavailable: every timer is re-armed when it is back.
    unlessStoreUnavailable(() => this.run((ctx) => modules.handle(ctx, command)));
  }

  private commit(batch: EngineEvent[], receipts?: CommandReceipt | CommandReceipt[]): void {
    const last = batch[batch.length - 1]!.seq;
    // A snapshot costs time proportional to the state; taking one no more often than every
    // state-size events keeps that cost constant per event (and restart replay bounded by it).
    const due = this.sinceSnapshot + batch.length >= Math.max(this.snapshotEvery, this.state.interactions.size + this.state.agents.size);
    const snapshot = due ? { seq: last, state: modules.serializeState(this.state) } : undefined;
    // SQLite rolls a failed transaction back whole: on a failure nothing of the batch is in the log.
    this.link.guarded((store) => store.append(batch, snapshot, receipts));
    this.seq = last;
    this.sinceSnapshot = snapshot ? 0 : this.sinceSnapshot + batch.length;
  }

  /** How the engine rolls back to its log after a store failure (store-link.ts calls these). */
  private rollback() {
    return {
      acknowledged: () => this.seq,
      rebuild: () => {
        ({ state: this.state, seq: this.seq, replayed: this.sinceSnapshot } = modules.restore(this.link.store, this.tenant));
        this.router = new Router(this.state, this.tenant);
        this.timers.settleAll(this.state);
        return this.seq;
      },
      resumed: () => this.timers.settleAll(this.state),
    };
  }
}
