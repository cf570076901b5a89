/**
 * The engine's hold on its store: the connection (replaced by a fresh one
 * when the store is re-opened after a failure), the readers of the
 * projections kept beside the log (refilled in place, so queries holding
 * them stay valid), and every store operation the engine makes that can
 * fail, guarded: a failure becomes the store being unavailable, and
 * store-recovery.ts decides what happens next (roll back, refuse, retry).
 */
import type { Clock } from './kernel/clock.js';
import type { Result } from './kernel/result.js';
import type { CommandOutcome, EngineRecords } from './kernel/types.js';
import * as modules from './modules.js';
import { storedResult, type EventStore } from './store/store.js';
import { StoreRecovery, type RecoveryHost } from './store-recovery.js';

export interface StoreLinkOptions {
  store: EventStore;
  clock: Clock;
  /** Opens the store again after a failure (a fresh connection); without it the engine retries on the store it has. */
  reopenStore?: () => EventStore;
  /** After a store failure, try the store again this often (ms). */
  retryMs: number;
}

/** What recovery needs of the engine itself: its acknowledged point, a rebuild from the log, taking work again. */
export type EngineSide = Pick<RecoveryHost, 'acknowledged' | 'rebuild' | 'resumed'>;

export class StoreLink {
  readonly records: EngineRecords;
  readonly recovery: StoreRecovery;
  private current: EventStore;

  constructor(options: StoreLinkOptions, engine: EngineSide) {
    this.current = options.store;
    const host: RecoveryHost = {
      acknowledged: () => engine.acknowledged(),
      rebuild: () => engine.rebuild(),
      resumed: () => engine.resumed(),
      reopen: () => this.reopen(options.reopenStore),
      probe: () => this.current.probe(),
    };
    this.recovery = new StoreRecovery(options.clock, host, options.retryMs);
    this.records = modules.openRecords(this.current);
  }

  /** The connection now (another one after a re-open). */
  get store(): EventStore {
    return this.current;
  }

  /** Runs a store operation; a failure becomes the store being unavailable (thrown as StoreUnavailableError). */
  guarded<T>(op: (store: EventStore) => T): T {
    try {
      return op(this.current);
    } catch (e) {
      throw this.recovery.failed(e);
    }
  }

  /** The stored result of a command id that already acted, if any. */
  receipt(commandId: string): Result<CommandOutcome> | undefined {
    const stored = this.guarded((store) => store.receipt(commandId));
    return stored === undefined ? undefined : storedResult(stored);
  }

  close(): void {
    this.recovery.close();
    this.current.close();
  }

  private reopen(reopenStore: (() => EventStore) | undefined): void {
    if (!reopenStore) return;
    const fresh = reopenStore();
    const records = modules.openRecords(fresh);
    try {
      this.current.close();
    } catch {
      // The old connection is broken anyway.
    }
    this.current = fresh;
    Object.assign(this.records, records);
  }
}
