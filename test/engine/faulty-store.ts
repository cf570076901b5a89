/** A SQLite store that fails writes like a full disk while `full` is set (store-fault tests). */
import { SqliteEventStore, type EngineEvent } from '../../src/engine/index.js';
import type { CommandReceipt, StoredSnapshot } from '../../src/engine/store/store.js';

const diskFull = () => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

export class FaultyStore extends SqliteEventStore {
  full = false;
  /** Reading back ends early (the log lost acknowledged events). */
  readUpTo?: number;
  override append(events: readonly EngineEvent[], snapshot?: StoredSnapshot, receipts?: CommandReceipt | readonly CommandReceipt[]): void {
    if (this.full) throw diskFull();
    super.append(events, snapshot, receipts);
  }
  override probe(): void {
    if (this.full) throw diskFull();
    super.probe();
  }
  override *readFrom(after: number): Iterable<EngineEvent> {
    for (const e of super.readFrom(after)) if (this.readUpTo === undefined || e.seq <= this.readUpTo) yield e;
  }
}
