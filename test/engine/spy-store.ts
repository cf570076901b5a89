/** A SQLite store that counts its transactions and can be told to fail the next one (group-commit tests). */
import { SqliteEventStore, type EngineEvent } from '../../src/engine/index.js';
import type { CommandReceipt, StoredSnapshot } from '../../src/engine/store/store.js';

export class SpyStore extends SqliteEventStore {
  appends: { events: number; receipts: number }[] = [];
  failNext = false;
  override append(events: readonly EngineEvent[], snapshot?: StoredSnapshot, receipts?: CommandReceipt | readonly CommandReceipt[]): void {
    if (this.failNext) throw new Error('disk full');
    super.append(events, snapshot, receipts);
    this.appends.push({ events: events.length, receipts: receipts === undefined ? 0 : Array.isArray(receipts) ? receipts.length : 1 });
  }
}
