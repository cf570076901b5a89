/**
 * The event log in SQLite (better-sqlite3, WAL). One row per event, one
 * transaction per command batch (or per group of commands' batches, when the
 * engine commits them as a group); snapshots let a restart replay only the
 * tail.
 *
 * Durability (what "acknowledged" promises), `durability`:
 *   - 'normal' (default): `synchronous=NORMAL` in WAL. A committed transaction
 *     is in the WAL file when the command is answered, so it survives the
 *     process crashing or being killed; the WAL is synced to disk only at
 *     checkpoints, so an OS crash or power loss can lose the last ones.
 *   - 'full': `synchronous=FULL`. The WAL is synced on every commit: an
 *     answered command also survives an OS crash or power loss, at the cost
 *     of an fsync per group commit (bench/durability.bench.ts).
 */
import Database from 'better-sqlite3';
import type { EngineEvent } from '../kernel/types.js';
import type { CommandReceipt, EventStore, OpenProjection, Projection, StoredSnapshot } from './store.js';

/** Receipts kept for de-duplication: far more than any client's outbox can hold. */
const RECEIPTS_KEPT = 100_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY,
  ts INTEGER NOT NULL,
  type TEXT NOT NULL,
  interaction_id TEXT,
  agent_id TEXT,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_interaction ON events(interaction_id) WHERE interaction_id IS NOT NULL;
-- No index on agent_id: nothing reads the log by agent, and the index cost about 40% of every
-- append (measured by bench/routing.bench.ts). Older databases lose theirs here.
DROP INDEX IF EXISTS events_agent;
CREATE TABLE IF NOT EXISTS snapshots (
  seq INTEGER PRIMARY KEY,
  state TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS receipts (
  command_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  result TEXT NOT NULL
);
-- Projections kept beside the log (see Projection in store.ts): the version that built each,
-- and the last event it applied.
CREATE TABLE IF NOT EXISTS projections (
  name TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  seq INTEGER NOT NULL
);
`;

interface Attached {
  projection: Projection;
  open: OpenProjection<unknown>;
}

/** Bump when the stored shape changes incompatibly. */
export const STORE_FORMAT = 1;

export type Durability = 'normal' | 'full';
export const DURABILITIES: readonly Durability[] = ['normal', 'full'];

export interface SqliteStoreOptions {
  durability?: Durability;
  /**
   * How long a write waits for a lock another process holds before it fails (SQLITE_BUSY), in ms.
   * Short: the engine is single-threaded, so a wait stalls every console; the engine treats the
   * failure as the store being unavailable and retries on its own (default 500).
   */
  busyTimeoutMs?: number;
}

export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly insertSnapshot: Database.Statement;
  private readonly appendTx: (events: readonly EngineEvent[], snapshot: StoredSnapshot | undefined, receipts: readonly CommandReceipt[]) => void;
  private readonly insertReceipt: Database.Statement;
  private readonly findReceipt: Database.Statement;
  private receiptsAdded = 0;
  private last: number;
  private readonly attached: Attached[] = [];
  private readonly projectedUpTo: Database.Statement;

  /** `file` may be ':memory:' for tests. */
  constructor(file: string, options: SqliteStoreOptions = {}) {
    this.db = new Database(file, { timeout: options.busyTimeoutMs ?? 500 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    const format = this.db.prepare("SELECT value FROM meta WHERE key = 'format'").get() as { value: string } | undefined;
    if (!format) this.db.prepare("INSERT INTO meta (key, value) VALUES ('format', ?)").run(String(STORE_FORMAT));
    else if (Number(format.value) !== STORE_FORMAT)
      throw new Error(`${file}: store format ${format.value}, this version reads format ${STORE_FORMAT}`);
    this.insert = this.db.prepare(
      'INSERT INTO events (seq, ts, type, interaction_id, agent_id, body) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertSnapshot = this.db.prepare('INSERT OR REPLACE INTO snapshots (seq, state) VALUES (?, ?)');
    this.insertReceipt = this.db.prepare('INSERT OR IGNORE INTO receipts (command_id, seq, result) VALUES (?, ?, ?)');
    this.findReceipt = this.db.prepare('SELECT result FROM receipts WHERE command_id = ?');
    this.projectedUpTo = this.db.prepare('UPDATE projections SET seq = ? WHERE name = ?');
    this.appendTx = this.db.transaction((events: readonly EngineEvent[], snapshot: StoredSnapshot | undefined, receipts: readonly CommandReceipt[]) => {
      for (const receipt of receipts) {
        this.insertReceipt.run(receipt.commandId, receipt.seq ?? events.at(-1)?.seq ?? this.last, JSON.stringify(receipt.result));
        if (++this.receiptsAdded % 1000 === 0)
          this.db.prepare('DELETE FROM receipts WHERE rowid <= (SELECT MAX(rowid) FROM receipts) - ?').run(RECEIPTS_KEPT);
      }
      for (const e of events) {
        const ids = e as { interactionId?: string; agentId?: string };
        this.insert.run(e.seq, e.ts, e.type, ids.interactionId ?? null, ids.agentId ?? null, JSON.stringify(e));
      }
      for (const a of this.attached) this.project(a, events);
      if (snapshot) {
        this.insertSnapshot.run(snapshot.seq, JSON.stringify(snapshot.state));
        // Two snapshots are enough: the newest, and one before it in case it is unreadable.
        this.db.prepare('DELETE FROM snapshots WHERE seq < (SELECT MIN(seq) FROM (SELECT seq FROM snapshots ORDER BY seq DESC LIMIT 2))').run();
      }
    });
    this.last = (this.db.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number | null }).seq ?? 0;
  }

  append(events: readonly EngineEvent[], snapshot?: StoredSnapshot, receipts?: CommandReceipt | readonly CommandReceipt[]): void {
    if (events.length === 0 && !snapshot) return;
    this.appendTx(events, snapshot, receipts === undefined ? [] : Array.isArray(receipts) ? receipts : [receipts as CommandReceipt]);
    if (events.length) this.last = events[events.length - 1]!.seq;
  }

  /** The connection's `synchronous` setting, as SQLite reports it (what `durability` asked for). */
  get synchronous(): 'NORMAL' | 'FULL' | 'OTHER' {
    const level = this.db.pragma('synchronous', { simple: true }) as number;
    return level === 1 ? 'NORMAL' : level === 2 ? 'FULL' : 'OTHER';
  }

  /** A small write transaction: throws if the database cannot be written now (full, read-only, locked, I/O error). */
  probe(): void {
    this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('probe', ?)").run(String(Date.now()));
  }

  receipt(commandId: string): unknown {
    const row = this.findReceipt.get(commandId) as { result: string } | undefined;
    return row && JSON.parse(row.result);
  }

  lastSeq(): number {
    return this.last;
  }

  *readFrom(after: number): Iterable<EngineEvent> {
    const rows = this.db.prepare('SELECT body FROM events WHERE seq > ? ORDER BY seq').iterate(after) as Iterable<{ body: string }>;
    for (const row of rows) yield JSON.parse(row.body) as EngineEvent;
  }

  latestSnapshot(): StoredSnapshot | undefined {
    const row = this.db.prepare('SELECT seq, state FROM snapshots ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; state: string }
      | undefined;
    return row && { seq: row.seq, state: JSON.parse(row.state) };
  }

  attach<R>(projection: Projection<R>): R {
    const known = this.attached.find((a) => a.projection.name === projection.name);
    if (known) return known.open.reader as R;
    const row = this.db.prepare('SELECT version, seq FROM projections WHERE name = ?').get(projection.name) as
      | { version: number; seq: number }
      | undefined;
    // Written in the same transactions as the log, a projection of this version is up to date;
    // a new one (or one whose shape changed, or a log reset under it) is rebuilt from the log.
    const rebuild = !row || row.version !== projection.version || row.seq > this.last;
    const attached = this.db.transaction((): Attached => {
      const a: Attached = { projection, open: projection.open(this.db, rebuild) };
      if (!rebuild) return a;
      this.db.prepare('INSERT OR REPLACE INTO projections (name, version, seq) VALUES (?, ?, 0)').run(projection.name, projection.version);
      const types = [...projection.types];
      // Pages of events (a statement cannot write while another iterates on the connection).
      const page = this.db.prepare(`SELECT seq, body FROM events WHERE seq > ? AND type IN (${types.map(() => '?').join(',')}) ORDER BY seq LIMIT 1000`);
      for (let after = 0; ; ) {
        const rows = page.all(after, ...types) as { seq: number; body: string }[];
        if (rows.length === 0) break;
        this.project(a, rows.map((r) => JSON.parse(r.body) as EngineEvent));
        after = rows.at(-1)!.seq;
      }
      return a;
    })();
    this.attached.push(attached);
    return attached.open.reader as R;
  }

  /** Applies a batch's events to one projection (inside a transaction) and records how far it got. */
  private project(a: Attached, events: readonly EngineEvent[]): void {
    let last = 0;
    for (const e of events)
      if (a.projection.types.has(e.type)) {
        a.open.apply(e);
        last = e.seq;
      }
    if (last) this.projectedUpTo.run(last, a.projection.name);
  }

  eventsOfInteraction(interactionId: string): EngineEvent[] {
    const rows = this.db.prepare('SELECT body FROM events WHERE interaction_id = ? ORDER BY seq').all(interactionId) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as EngineEvent);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
