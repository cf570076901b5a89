/**
 * The engine: commands in, events out. For each command: the handler
 * validates against the current state and emits events (each applied to the
 * in-memory state as it is emitted, so later steps see it); routing then
 * emits the offers the change made possible; the whole batch is appended to
 * the store in one transaction; timers are re-armed from the new deadlines;
 * and only then are the events published. Nothing is published, and no
 * command is acknowledged, before it is durable.
 *
 * If the store itself fails mid-command, the in-memory state is ahead of the
 * log: the engine marks itself broken and refuses further work; a restart
 * rebuilds the state from the log, losing only the unacknowledged command.
 *
 * Group commit (opt-in, `groupCommit`): `executeDurable` queues a command and
 * answers with a promise. Once per turn of the event loop (setImmediate: it
 * runs right after the I/O callbacks of the turn, so everything that arrived
 * together is batched, and an idle engine adds no delay) the queued commands
 * run in order, each exactly as `execute` runs it, and all their batches are
 * appended in ONE transaction with their receipts; then timers are re-armed,
 * the batches are published in order and only then are the promises
 * resolved. Outside a flush the in-memory state therefore only ever holds
 * committed events: queries and snapshots never show what is not durable.
 * A group's transaction is bounded (`maxEvents`): a bigger backlog is
 * committed in several transactions within the same flush. Timer-fired
 * commands join the queue; `execute` still runs at once (after committing
 * whatever is queued, so commands keep their order). A store failure during
 * a flush rejects every command of the group and everything still queued;
 * nothing of the group is published.
 */
import { applyEvent } from './apply.js';
import type { AnyCommand, Command, CommandOutcome } from './commands.js';
import type { Clock, TimerHandle } from './clock.js';
import type { EngineEvent, EngineEventBody } from './events.js';
import type { Ctx } from './handlers/context.js';
import { HANDLERS } from './handlers/index.js';
import { ok, type Result } from './result.js';
import { Router } from './routing/router.js';
import { deserializeState, serializeState } from './snapshot.js';
import { emptyState, type ChatMessage, type EngineState } from './state.js';
import type { CommandReceipt, EventStore } from './store/store.js';
import type { Tenant } from './tenant/tenant.js';
import { Queries } from './queries.js';
import { agentDeadlines, interactionDeadlines } from './deadlines.js';
import { transcriptOf } from './transcript.js';

export interface EngineOptions {
  tenant: Tenant;
  store: EventStore;
  clock: Clock;
  /** Take a snapshot every this many events (restart replays at most this many). */
  snapshotEvery?: number;
  /** Commit `executeDurable` commands (and timer-fired ones) in groups: see the top of this file. */
  groupCommit?: boolean | GroupCommitOptions;
}

export interface GroupCommitOptions {
  /** A transaction is closed once the group reaches this many events (default 2,000). */
  maxEvents?: number;
  /** Schedules a flush (default `setImmediate`). Tests pass their own, or call `flush()`. */
  schedule?: (flush: () => void) => void;
}

/** A command waiting for the next group commit. */
interface Queued {
  command: AnyCommand;
  commandId?: string;
  /** A timer-fired command: the timer's key. */
  timerKey?: string;
  promise?: Promise<Result<CommandOutcome>>;
  resolve?: (result: Result<CommandOutcome>) => void;
  reject?: (error: Error) => void;
}

/** What the commands run since the last commit touched, and the last sequence number they used. */
interface Work {
  seq: number;
  interactions: Set<string>;
  agents: Set<string>;
}

const NO_TIMER: TimerHandle = { cancel() {} };

/** A stored receipt is the command's whole result (older logs stored the outcome alone). */
function receiptResult(stored: unknown): Result<CommandOutcome> {
  const r = stored as Result<CommandOutcome>;
  return typeof r === 'object' && r !== null && typeof r.ok === 'boolean' ? r : ok(stored as CommandOutcome);
}

export type EventListener = (events: readonly EngineEvent[]) => void;

const handle = (ctx: Ctx, command: AnyCommand): Result<CommandOutcome> =>
  (HANDLERS[command.type] as (c: Ctx, cmd: AnyCommand) => Result<CommandOutcome>)(ctx, command);

export class Engine {
  readonly tenant: Tenant;
  readonly queries: Queries;
  private readonly store: EventStore;
  private readonly clock: Clock;
  private readonly snapshotEvery: number;
  private state: EngineState;
  private router: Router;
  private seq: number;
  private sinceSnapshot = 0;
  private listeners = new Set<EventListener>();
  private publishing = false;
  private pendingPublish: EngineEvent[][] = [];
  /** `fired`: the timer went off and its command waits in the group queue. */
  private timers = new Map<string, { at: number; handle: TimerHandle; fired?: true }>();
  private broken?: Error;
  private closed = false;
  private readonly group?: { maxEvents: number; schedule: (flush: () => void) => void };
  private queue: Queued[] = [];
  /** Queued commands by command id, so a resend before the commit gets the same answer. */
  private pendingById = new Map<string, Promise<Result<CommandOutcome>>>();
  private flushScheduled = false;
  private flushWaiters: (() => void)[] = [];

  /** Opens an engine on a store, restoring state from its snapshot and log tail. */
  constructor(options: EngineOptions) {
    this.tenant = options.tenant;
    this.store = options.store;
    this.clock = options.clock;
    this.snapshotEvery = options.snapshotEvery ?? 10_000;
    if (options.groupCommit) {
      const g = options.groupCommit === true ? {} : options.groupCommit;
      this.group = { maxEvents: Math.max(1, g.maxEvents ?? 2_000), schedule: g.schedule ?? ((flush) => void setImmediate(flush)) };
    }
    const snapshot = this.store.latestSnapshot();
    this.state = snapshot ? deserializeState(snapshot.state) : emptyState();
    this.seq = snapshot?.seq ?? 0;
    for (const e of this.store.readFrom(this.seq)) {
      applyEvent(this.state, e);
      this.seq = e.seq;
      this.sinceSnapshot++;
    }
    this.dropUnknownAgents();
    this.router = new Router(this.state, this.tenant);
    this.queries = new Queries(() => this.state, this.tenant, () => this.router, this.clock);
    for (const i of this.state.interactions.keys()) this.syncInteractionTimers(i);
    for (const a of this.state.agents.keys()) this.syncAgentTimer(a);
    // Routing may have been interrupted by the stop: settle it now.
    this.run(() => ({ ok: true, value: {} }));
  }

  /**
   * Runs one command now: committed, published and answered before it returns. Never throws for
   * a user mistake: the result says what went wrong. With group commit, whatever is queued is
   * committed first, so commands keep their order.
   */
  execute(command: Command, options: { commandId?: string } = {}): Result<CommandOutcome> {
    if (this.queue.length) this.flush();
    // A command id that already acted (a resend, even after a server restart) returns its first result.
    const previous = options.commandId ? this.store.receipt(options.commandId) : undefined;
    if (previous !== undefined) return receiptResult(previous);
    return this.run((ctx) => handle(ctx, command), options.commandId);
  }

  /**
   * Runs one command and answers once it is durable. With group commit the command joins the
   * next group (see the top of this file); without, it runs at once as `execute` does. Rejects
   * (never resolves) when the store fails or the engine is closed.
   */
  executeDurable(command: Command, options: { commandId?: string } = {}): Promise<Result<CommandOutcome>> {
    if (!this.group) {
      try {
        return Promise.resolve(this.execute(command, options));
      } catch (e) {
        return Promise.reject(e as Error);
      }
    }
    const unusable = this.unusable();
    if (unusable) return Promise.reject(unusable);
    const { commandId } = options;
    if (commandId) {
      // A resend: still waiting for its group, or already committed (even before a restart).
      const pending = this.pendingById.get(commandId);
      if (pending) return pending;
      const previous = this.store.receipt(commandId);
      if (previous !== undefined) return Promise.resolve(receiptResult(previous));
    }
    const item: Queued = { command, commandId };
    item.promise = new Promise((resolve, reject) => {
      item.resolve = resolve;
      item.reject = reject;
    });
    if (commandId) this.pendingById.set(commandId, item.promise);
    this.enqueue(item);
    return item.promise;
  }

  /**
   * Group commit: runs and commits every queued command now (normally a scheduled flush does).
   * Throws only if a timer-fired command's handler failed (a bug); a store failure rejects the
   * commands' promises and marks the engine broken.
   */
  flush(): void {
    let internal: unknown;
    // Only what was queued when the flush began: commands queued by listeners meanwhile wait for the next turn.
    let budget = this.queue.length;
    while (budget > 0 && this.queue.length) {
      const taken = this.flushGroup(budget);
      budget -= taken.count;
      internal ??= taken.internalError;
    }
    if (this.queue.length) this.scheduleFlush();
    else for (const waiter of this.flushWaiters.splice(0)) waiter();
    if (internal !== undefined) throw internal;
  }

  /** Resolves once nothing is queued any more (at once if nothing is). */
  flushed(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.flushWaiters.push(resolve));
  }

  /** Commands waiting for the next group commit. */
  get queued(): number {
    return this.queue.length;
  }

  /** Receives every committed batch of events, in order. Returns an unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
    return this.store.eventsOfInteraction(interactionId);
  }

  /**
   * The durable chat transcript of an interaction, read from the log: its own
   * messages and those of the interactions it was transferred from.
   */
  transcript(interactionId: string): ChatMessage[] {
    return transcriptOf((id) => this.store.eventsOfInteraction(id), interactionId);
  }

  close(): void {
    if (this.closed) return;
    // What was accepted for the next group is committed, not dropped.
    if (this.queue.length && !this.broken) {
      try {
        this.flush();
      } catch {
        // A timer command's bug: the engine closes anyway.
      }
    }
    this.closed = true;
    this.failQueued(new Error('engine is closed'));
    for (const t of this.timers.values()) t.handle.cancel();
    this.timers.clear();
    this.store.close();
  }

  private run(fn: (ctx: Ctx) => Result<CommandOutcome>, commandId?: string): Result<CommandOutcome> {
    const unusable = this.unusable();
    if (unusable) throw unusable;
    const work: Work = { seq: this.seq, interactions: new Set(), agents: new Set() };
    const { result, batch } = this.runOne(fn, work);
    if (batch.length === 0) return result;
    this.commit(batch, commandId ? { commandId, result } : undefined);
    this.settleTimers(work);
    this.publish([batch]);
    return result;
  }

  /**
   * Validates and applies one command, then routes: its events are applied to the state (not yet
   * committed) and numbered after `work.seq`, which moves past them.
   */
  private runOne(fn: (ctx: Ctx) => Result<CommandOutcome>, work: Work): { result: Result<CommandOutcome>; batch: EngineEvent[] } {
    const batch: EngineEvent[] = [];
    const now = this.clock.now();
    const ctx: Ctx = {
      state: this.state,
      tenant: this.tenant,
      now: () => now,
      queueStats: (queueId) => this.router.stats(queueId),
      emit: (body: EngineEventBody) => {
        const event = { ...body, seq: work.seq + batch.length + 1, ts: now } as EngineEvent;
        const ids = body as { interactionId?: string; agentId?: string };
        // Held across apply: an ending interaction leaves the map but must leave the router too.
        const before = ids.interactionId ? this.state.interactions.get(ids.interactionId) : undefined;
        applyEvent(this.state, event);
        const interaction = before ?? (ids.interactionId ? this.state.interactions.get(ids.interactionId) : undefined);
        batch.push(event);
        if (interaction) {
          work.interactions.add(interaction.id);
          this.router.refreshInteraction(interaction);
          if (interaction.agentId) work.agents.add(interaction.agentId);
        }
        for (const agentId of [ids.agentId, interaction?.agentId]) {
          if (!agentId) continue;
          work.agents.add(agentId);
          this.router.refreshAgent(agentId);
        }
      },
    };
    const result = fn(ctx);
    if (!result.ok && !result.commit) {
      if (batch.length) throw new Error(`handler emitted events and then failed: ${result.error.message}`);
      return { result, batch };
    }
    this.route(ctx);
    work.seq += batch.length;
    return { result, batch };
  }

  private unusable(): Error | undefined {
    if (this.broken) return new Error(`engine stopped after a store failure: ${this.broken.message}`);
    if (this.closed) return new Error('engine is closed');
    return undefined;
  }

  private enqueue(item: Queued): void {
    this.queue.push(item);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || !this.group) return;
    this.flushScheduled = true;
    this.group.schedule(() => {
      this.flushScheduled = false;
      if (!this.closed) this.flush();
    });
  }

  /**
   * One group: runs queued commands (at most `budget`) until the group holds `maxEvents` events,
   * commits them in one transaction, re-arms timers, publishes, then answers the callers.
   */
  private flushGroup(budget: number): { count: number; internalError?: unknown } {
    const unusable = this.unusable();
    if (unusable) {
      const count = this.queue.length;
      this.failQueued(unusable);
      return { count };
    }
    const maxEvents = this.group?.maxEvents ?? Infinity;
    const work: Work = { seq: this.seq, interactions: new Set(), agents: new Set() };
    const done: { item: Queued; result?: Result<CommandOutcome>; error?: unknown }[] = [];
    const batches: EngineEvent[][] = [];
    const receipts: CommandReceipt[] = [];
    let events = 0;
    while (done.length < budget && events < maxEvents && this.queue.length) {
      const item = this.queue.shift()!;
      if (item.timerKey && this.timers.get(item.timerKey)?.fired) this.timers.delete(item.timerKey);
      try {
        const { result, batch } = this.runOne((ctx) => handle(ctx, item.command), work);
        done.push({ item, result });
        if (batch.length === 0) continue;
        batches.push(batch);
        events += batch.length;
        if (item.commandId) receipts.push({ commandId: item.commandId, result, seq: work.seq });
      } catch (e) {
        // A handler bug: this command is refused (as `execute` would throw); the others go on.
        done.push({ item, error: e });
      }
    }
    if (batches.length) {
      try {
        this.commit(batches.length === 1 ? batches[0]! : batches.flat(), receipts);
      } catch (e) {
        // Nothing of the group is published and nobody is answered "ok": the state is ahead of the log.
        for (const d of done) this.settle(d.item, undefined, e);
        this.failQueued(new Error(`engine stopped after a store failure: ${(e as Error).message}`));
        return { count: done.length };
      }
      this.settleTimers(work);
      this.publish(batches);
    }
    let internalError: unknown;
    for (const d of done) {
      if (d.error !== undefined && !d.item.reject) internalError ??= d.error;
      this.settle(d.item, d.result, d.error);
    }
    return { count: done.length, internalError };
  }

  private settle(item: Queued, result: Result<CommandOutcome> | undefined, error: unknown): void {
    if (item.commandId && this.pendingById.get(item.commandId) === item.promise) this.pendingById.delete(item.commandId);
    if (error !== undefined || !result) item.reject?.(error instanceof Error ? error : new Error(String(error)));
    else item.resolve?.(result);
  }

  private failQueued(error: Error): void {
    for (const item of this.queue.splice(0)) this.settle(item, undefined, error);
    for (const waiter of this.flushWaiters.splice(0)) waiter();
  }

  private settleTimers(work: Work): void {
    for (const id of work.interactions) this.syncInteractionTimers(id);
    for (const id of work.agents) this.syncAgentTimer(id);
  }

  /** Turns every routing decision the batch made possible into an offer. */
  private route(ctx: Ctx): void {
    for (let decision = this.router.next(); decision; decision = this.router.next()) {
      const i = this.state.interactions.get(decision.interactionId)!;
      const timeoutSec = i.queueId
        ? this.tenant.queues.get(i.queueId)!.acceptTimeoutSec
        : this.tenant.config.directRouting.acceptTimeoutSec;
      ctx.emit({ type: 'interaction.offered', interactionId: i.id, agentId: decision.agentId, deadline: ctx.now() + timeoutSec * 1000 });
    }
  }

  private commit(batch: EngineEvent[], receipts?: CommandReceipt | CommandReceipt[]): void {
    this.sinceSnapshot += batch.length;
    const last = batch[batch.length - 1]!.seq;
    // A snapshot costs time proportional to the state; taking one no more often than every
    // state-size events keeps that cost constant per event (and restart replay bounded by it).
    const due = this.sinceSnapshot >= Math.max(this.snapshotEvery, this.state.interactions.size + this.state.agents.size);
    const snapshot = due ? { seq: last, state: serializeState(this.state) } : undefined;
    try {
      this.store.append(batch, snapshot, receipts);
    } catch (e) {
      this.broken = e as Error;
      throw e;
    }
    this.seq = last;
    if (snapshot) this.sinceSnapshot = 0;
  }

  private publish(batches: EngineEvent[][]): void {
    // A listener may execute commands while we publish: queue their batches so every listener sees the same order.
    this.pendingPublish.push(...batches);
    if (this.publishing) return;
    this.publishing = true;
    try {
      for (let next = this.pendingPublish.shift(); next; next = this.pendingPublish.shift())
        for (const listener of this.listeners) listener(next);
    } finally {
      this.publishing = false;
    }
  }

  private syncInteractionTimers(interactionId: string): void {
    for (const [key, at, command] of interactionDeadlines(this.state, interactionId)) this.arm(key, at, command);
  }

  private syncAgentTimer(agentId: string): void {
    for (const [key, at, command] of agentDeadlines(this.state, agentId)) this.arm(key, at, command);
  }

  private arm(key: string, at: number | undefined, command: AnyCommand): void {
    const current = this.timers.get(key);
    if (current?.at === at) return;
    current?.handle.cancel();
    this.timers.delete(key);
    if (at === undefined) return;
    const timer = this.clock.at(at, () => {
      if (this.closed) return void this.timers.delete(key);
      if (this.group) {
        // Joins the next group; until it runs, re-arming the same deadline is a no-op.
        this.timers.set(key, { at, handle: NO_TIMER, fired: true });
        return this.enqueue({ command, timerKey: key });
      }
      this.timers.delete(key);
      this.run((ctx) => handle(ctx, command));
    });
    this.timers.set(key, { at, handle: timer });
  }

  /** Agents removed from the tenant file since the log was written are forgotten, not crashed on. */
  private dropUnknownAgents(): void {
    for (const id of this.state.agents.keys()) if (!this.tenant.agents.has(id)) this.state.agents.delete(id);
  }
}
