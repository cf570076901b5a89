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
import { agentPhoneTimerAt, callTimerAt } from './phone/timers.js';

export interface EngineOptions {
  tenant: Tenant;
  store: EventStore;
  clock: Clock;
  /** Take a snapshot every this many events (restart replays at most this many). */
  snapshotEvery?: number;
}

/** A stored receipt is the command's whole result (older logs stored the outcome alone). */
function receiptResult(stored: unknown): Result<CommandOutcome> {
  const r = stored as Result<CommandOutcome>;
  return typeof r === 'object' && r !== null && typeof r.ok === 'boolean' ? r : ok(stored as CommandOutcome);
}

export type EventListener = (events: readonly EngineEvent[]) => void;

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
  private timers = new Map<string, { at: number; handle: TimerHandle }>();
  private broken?: Error;
  private closed = false;

  /** Opens an engine on a store, restoring state from its snapshot and log tail. */
  constructor(options: EngineOptions) {
    this.tenant = options.tenant;
    this.store = options.store;
    this.clock = options.clock;
    this.snapshotEvery = options.snapshotEvery ?? 10_000;
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

  /** Runs one command. Never throws for a user mistake: the result says what went wrong. */
  execute(command: Command, options: { commandId?: string } = {}): Result<CommandOutcome> {
    // A command id that already acted (a resend, even after a server restart) returns its first result.
    const previous = options.commandId ? this.store.receipt(options.commandId) : undefined;
    if (previous !== undefined) return receiptResult(previous);
    return this.run((ctx) => (HANDLERS[command.type] as (c: Ctx, cmd: AnyCommand) => Result<CommandOutcome>)(ctx, command), options.commandId);
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
    const messages: ChatMessage[] = [];
    const seen = new Set<string>();
    for (let id: string | undefined = interactionId; id && !seen.has(id); ) {
      seen.add(id);
      let previous: string | undefined;
      for (const e of this.store.eventsOfInteraction(id)) {
        if (e.type === 'chat.message') messages.push(e.message);
        if (e.type === 'interaction.arrived') previous = e.transferredFrom?.interactionId;
      }
      id = previous;
    }
    return messages.sort((a, b) => a.ts - b.ts || Number(a.id.slice(2)) - Number(b.id.slice(2)));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers.values()) t.handle.cancel();
    this.timers.clear();
    this.store.close();
  }

  private run(fn: (ctx: Ctx) => Result<CommandOutcome>, commandId?: string): Result<CommandOutcome> {
    if (this.broken) throw new Error(`engine stopped after a store failure: ${this.broken.message}`);
    if (this.closed) throw new Error('engine is closed');
    const batch: EngineEvent[] = [];
    const touchedInteractions = new Set<string>();
    const touchedAgents = new Set<string>();
    const now = this.clock.now();
    const ctx: Ctx = {
      state: this.state,
      tenant: this.tenant,
      now: () => now,
      queueStats: (queueId) => this.router.stats(queueId),
      emit: (body: EngineEventBody) => {
        const event = { ...body, seq: this.seq + batch.length + 1, ts: now } as EngineEvent;
        const ids = body as { interactionId?: string; agentId?: string };
        // Held across apply: an ending interaction leaves the map but must leave the router too.
        const before = ids.interactionId ? this.state.interactions.get(ids.interactionId) : undefined;
        applyEvent(this.state, event);
        const interaction = before ?? (ids.interactionId ? this.state.interactions.get(ids.interactionId) : undefined);
        batch.push(event);
        if (interaction) {
          touchedInteractions.add(interaction.id);
          this.router.refreshInteraction(interaction);
          if (interaction.agentId) touchedAgents.add(interaction.agentId);
        }
        for (const agentId of [ids.agentId, interaction?.agentId]) {
          if (!agentId) continue;
          touchedAgents.add(agentId);
          this.router.refreshAgent(agentId);
        }
      },
    };
    const result = fn(ctx);
    if (!result.ok && !result.commit) {
      if (batch.length) throw new Error(`handler emitted events and then failed: ${result.error.message}`);
      return result;
    }
    this.route(ctx);
    if (batch.length === 0) return result;
    this.commit(batch, commandId ? { commandId, result } : undefined);
    for (const id of touchedInteractions) this.syncInteractionTimers(id);
    for (const id of touchedAgents) this.syncAgentTimer(id);
    this.publish(batch);
    return result;
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

  private commit(batch: EngineEvent[], receipt?: CommandReceipt): void {
    this.sinceSnapshot += batch.length;
    const last = batch[batch.length - 1]!.seq;
    // A snapshot costs time proportional to the state; taking one no more often than every
    // state-size events keeps that cost constant per event (and restart replay bounded by it).
    const due = this.sinceSnapshot >= Math.max(this.snapshotEvery, this.state.interactions.size + this.state.agents.size);
    const snapshot = due ? { seq: last, state: serializeState(this.state) } : undefined;
    try {
      this.store.append(batch, snapshot, receipt);
    } catch (e) {
      this.broken = e as Error;
      throw e;
    }
    this.seq = last;
    if (snapshot) this.sinceSnapshot = 0;
  }

  private publish(batch: EngineEvent[]): void {
    // A listener may execute commands while we publish: queue their batches so every listener sees the same order.
    this.pendingPublish.push(batch);
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
    const i = this.state.interactions.get(interactionId);
    this.arm(`offer:${interactionId}`, i?.phase === 'offered' ? i.offerDeadline : undefined, {
      type: 'offer_timeout',
      interactionId,
    });
    this.arm(`wrapup:${interactionId}`, i?.phase === 'wrapup' && !i.wrapUpOverdue ? i.wrapUpDeadline : undefined, {
      type: 'wrap_up_due',
      interactionId,
    });
    // Phone legs the switch is dialing give up at their ring deadline.
    this.arm(`ring:${interactionId}`, callTimerAt(this.state, interactionId), { type: 'phone_ring_timeout', interactionId });
  }

  private syncAgentTimer(agentId: string): void {
    const a = this.state.agents.get(agentId);
    // After the grace period an agent with work keeps it: no timer until the work ends.
    const pending = a?.loggedIn && a.disconnectedUntil !== undefined && (a.offer || a.work.size === 0);
    this.arm(`grace:${agentId}`, pending ? a.disconnectedUntil : undefined, { type: 'grace_expired', agentId });
    // The agent's own phone legs: voice connection and workplace PIN calls.
    this.arm(`phone:${agentId}`, agentPhoneTimerAt(this.state, agentId), { type: 'phone_agent_timeout', agentId });
  }

  private arm(key: string, at: number | undefined, command: AnyCommand): void {
    const current = this.timers.get(key);
    if (current?.at === at) return;
    current?.handle.cancel();
    this.timers.delete(key);
    if (at === undefined) return;
    const handle = this.clock.at(at, () => {
      this.timers.delete(key);
      if (this.closed) return;
      this.run((ctx) => (HANDLERS[command.type] as (c: Ctx, cmd: AnyCommand) => Result<CommandOutcome>)(ctx, command));
    });
    this.timers.set(key, { at, handle });
  }

  /** Agents removed from the tenant file since the log was written are forgotten, not crashed on. */
  private dropUnknownAgents(): void {
    for (const id of this.state.agents.keys()) if (!this.tenant.agents.has(id)) this.state.agents.delete(id);
  }
}
