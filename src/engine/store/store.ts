/**
 * Where the event log lives. The engine only needs these few operations, so
 * a tenant can move to another store (or node) without touching the engine.
 */
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
  close(): void;
}

/** A stored receipt is the command's whole result (older logs stored the outcome alone). */
export function storedResult(stored: unknown): Result<CommandOutcome> {
  const r = stored as Result<CommandOutcome>;
  return typeof r === 'object' && r !== null && typeof r.ok === 'boolean' ? r : ok(stored as CommandOutcome);
}
