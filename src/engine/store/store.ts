/**
 * Where the event log lives. The engine only needs these few operations, so
 * a tenant can move to another store (or node) without touching the engine.
 */
import type Database from 'better-sqlite3';
import { ok, type Result } from '../kernel/result.js';
import type { CommandOutcome, EngineEvent } from '../kernel/types.js';

export interface StoredSnapshot {
  /** The last event included in the snapshot. */
  seq: number;
  state: unknown;
}

/** The result of a client command, kept with its events so a resend never acts twice, even across restarts. */
export interface CommandReceipt {
  commandId: string;
  result: unknown;
  /** The command's last event (a group commit holds several commands); defaults to the batch's last event. */
  seq?: number;
}

/**
 * Records too large to keep in memory (CRM customers and cases...) live in
 * tables beside the log: a projection of the log, written in the SAME
 * transaction as the events that change it, so the two never disagree (a
 * failed append rolls back both). It is rebuilt from the log when it is new
 * or its version changed, so it never needs a migration of its own.
 */
export interface Projection<R = unknown> {
  /** Its key in the store (and in `ctx.records`). */
  readonly name: string;
  /** Bump when its tables or what it derives change: the store rebuilds it from the log. */
  readonly version: number;
  /** The event types it applies; no other event reaches it. */
  readonly types: ReadonlySet<string>;
  /** Creates its tables (dropping them first when `rebuild`) and returns how it applies events and reads. */
  open(db: Database.Database, rebuild: boolean): OpenProjection<R>;
}

export interface OpenProjection<R> {
  /** Applies one event (inside the append's transaction, or during a rebuild). */
  apply(event: EngineEvent): void;
  /** Reads (by handlers, to validate, and by views). */
  readonly reader: R;
}

export interface EventStore {
  /**
   * Appends a batch atomically (one transaction), with an optional snapshot taken after it and the
   * receipts of the commands that made it (one, or several when commands are committed as a group).
   */
  append(events: readonly EngineEvent[], snapshot?: StoredSnapshot, receipts?: CommandReceipt | readonly CommandReceipt[]): void;
  /** The stored result of a command id that already acted, if any. */
  receipt(commandId: string): unknown;
  lastSeq(): number;
  /** Events with seq > after, in order. */
  readFrom(after: number): Iterable<EngineEvent>;
  latestSnapshot(): StoredSnapshot | undefined;
  /** Reads stored events of one interaction (transcripts, history). */
  eventsOfInteraction(interactionId: string): EngineEvent[];
  /**
   * Keeps a projection in the store: brought up to date with the log now (rebuilt when new or of
   * another version), then applied in the transaction of every append. Returns its reader.
   */
  attach<R>(projection: Projection<R>): R;
  /** A small write: throws if the store cannot be written now (after a failure, the engine probes before taking work again). */
  probe(): void;
  close(): void;
}

/** A stored receipt is the command's whole result (older logs stored the outcome alone). */
export function storedResult(stored: unknown): Result<CommandOutcome> {
  const r = stored as Result<CommandOutcome>;
  return typeof r === 'object' && r !== null && typeof r.ok === 'boolean' ? r : ok(stored as CommandOutcome);
}
