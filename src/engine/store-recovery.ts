/**
 * What the engine does when its store fails a write (disk full, I/O error,
 * read-only file, a lock another process holds):
 *
 *  1. Roll back at once: the failed batch was already applied to memory, so
 *     the engine rebuilds its state from the log's last durable point (the
 *     snapshot and its tail, exactly as at start). Memory equals the log
 *     again, and the log must hold everything that was acknowledged.
 *  2. Refuse work: every command gets `StoreUnavailableError` (the wire's
 *     STORE_UNAVAILABLE) — the failed group's commands, those queued behind
 *     it, and every new one — without trying the store again.
 *  3. Retry on its own: every `retryMs` it re-opens the store and tries a
 *     small write; once that succeeds it replays the log again (from the new
 *     connection) and takes work again, re-arming every timer (deadlines that
 *     passed meanwhile fire now).
 *
 * If the engine cannot prove its state — the log cannot be read back, or it
 * holds less than was acknowledged — it gives up: health turns `failed`, every
 * command is refused for good, and the process should exit non-zero so a
 * supervisor restarts it (`serve` does). Health changes are reported once
 * each to `onHealth` listeners: the server logs one line per change and
 * answers /healthz from `health`.
 */
import type { Clock, TimerHandle } from './kernel/clock.js';

export type StoreHealth =
  | { state: 'ok' }
  /** `refused`: commands refused since `since` (epoch ms) without trying the store (those of the failed write are not counted). */
  | { state: 'unavailable'; reason: string; since: number; refused: number }
  | { state: 'failed'; reason: string };

/** Hears each change of health once, with the health before it (how long an outage lasted, what it refused). */
export type HealthListener = (health: StoreHealth, before: StoreHealth) => void;

/** A command the engine did not run because its store cannot be written: nothing of it happened. */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(
    readonly reason: string,
    /** When to try again (the engine's next probe), in ms. */
    readonly retryAfterMs: number,
    /** The engine gave up (it could not prove its state): no retry will help until a restart. */
    readonly final = false,
  ) {
    super(final ? `engine stopped: ${reason}` : `store unavailable: ${reason}`);
  }
}

/** Runs `fn`; a refusal because the store cannot be written is dropped (the work is redone once it can), anything else thrown. */
export function unlessStoreUnavailable(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof StoreUnavailableError)) throw e;
  }
}

export interface RecoveryHost {
  /** The last sequence number acknowledged (committed) before the failure. */
  acknowledged(): number;
  /** Rebuilds memory from the store's log; returns the log's last sequence number. Throws if the log cannot be read. */
  rebuild(): number;
  /** Opens the store again (a fresh connection), keeping the old one if it cannot. */
  reopen(): void;
  /** A small write: throws if the store still cannot be written. */
  probe(): void;
  /** The engine takes work again: re-arm every timer. */
  resumed(): void;
}

/** "SQLITE_FULL: database or disk is full" from a SqliteError (or any Error). */
export function describeStoreError(e: unknown): string {
  const err = e as { code?: unknown; message?: unknown };
  const message = typeof err?.message === 'string' ? err.message : String(e);
  return typeof err?.code === 'string' && !message.startsWith(err.code) ? `${err.code}: ${message}` : message;
}

export class StoreRecovery {
  private current: StoreHealth = { state: 'ok' };
  private readonly listeners = new Set<HealthListener>();
  private retry?: TimerHandle;

  constructor(
    private readonly clock: Clock,
    private readonly host: RecoveryHost,
    private readonly retryMs: number,
  ) {}

  get health(): StoreHealth {
    return this.current;
  }

  onHealth(listener: HealthListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The error to refuse a command with, if the engine takes no work now (and counts it). */
  refusal(): StoreUnavailableError | undefined {
    const h = this.current;
    if (h.state === 'ok') return undefined;
    if (h.state === 'failed') return new StoreUnavailableError(h.reason, 0, true);
    h.refused++;
    return new StoreUnavailableError(h.reason, this.retryMs);
  }

  /** A store operation failed: roll memory back to the log, refuse work, start retrying. Returns the error for the caller. */
  failed(error: unknown): StoreUnavailableError {
    if (this.current.state === 'failed') return this.refusal()!;
    const reason = describeStoreError(error);
    const acknowledged = this.host.acknowledged();
    let unproven: string | undefined;
    try {
      const logged = this.host.rebuild();
      if (logged < acknowledged) unproven = `the log ends at event ${logged} but event ${acknowledged} was acknowledged`;
    } catch (e) {
      unproven = `the log cannot be read back (${describeStoreError(e)})`;
    }
    if (unproven) return this.giveUp(`${reason}; ${unproven}`);
    if (this.current.state !== 'unavailable') this.set({ state: 'unavailable', reason, since: this.clock.now(), refused: 0 });
    this.scheduleRetry();
    return new StoreUnavailableError(reason, this.retryMs);
  }

  close(): void {
    this.retry?.cancel();
  }

  private attempt(): void {
    this.retry = undefined;
    if (this.current.state !== 'unavailable') return;
    const acknowledged = this.host.acknowledged();
    try {
      this.host.reopen();
      this.host.probe();
    } catch {
      return this.scheduleRetry(); // still unwritable: nothing to report, the first line said why
    }
    try {
      const logged = this.host.rebuild();
      if (logged < acknowledged) return void this.giveUp(`the log ends at event ${logged} but event ${acknowledged} was acknowledged`);
    } catch (e) {
      return void this.giveUp(`the log cannot be read back (${describeStoreError(e)})`);
    }
    this.set({ state: 'ok' });
    this.host.resumed();
  }

  private giveUp(reason: string): StoreUnavailableError {
    this.retry?.cancel();
    this.set({ state: 'failed', reason });
    return new StoreUnavailableError(reason, 0, true);
  }

  private scheduleRetry(): void {
    if (this.retry) return;
    this.retry = this.clock.at(this.clock.now() + this.retryMs, () => this.attempt());
  }

  private set(health: StoreHealth): void {
    const before = this.current;
    this.current = health;
    for (const listener of this.listeners) listener(health, before);
  }
}
