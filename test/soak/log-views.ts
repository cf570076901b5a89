/**
 * What a running server holds, read from its durable log: a consistent copy
 * of the live database (SQLite's online backup, safe while `serve` writes),
 * opened by a fresh engine, gives every agent's view as a restart would
 * rebuild it. Outside a group commit the server's memory equals its log, so
 * these are the views its clients must hold.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openEngine, parseTenant, SqliteEventStore, type Engine, type EngineEvent } from '../../src/engine/index.js';
import { snapshotOf } from '../../src/server/views.js';

/** Opens an engine on a copy of `dbFile`, hands it (and the copy's every event) to `use`, then throws the copy away. */
export async function withLogCopy<T>(tenantFile: string, dbFile: string, use: (engine: Engine, events: () => EngineEvent[]) => T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'ac-log-copy-'));
  const copy = join(dir, 'copy.db');
  const live = new Database(dbFile, { fileMustExist: true });
  try {
    await live.backup(copy);
  } finally {
    live.close();
  }
  const engine = openEngine({ tenant: parseTenant(JSON.parse(readFileSync(tenantFile, 'utf8'))), dbFile: copy });
  const events = () => {
    const store = new SqliteEventStore(copy);
    try {
      return [...store.readFrom(0)];
    } finally {
      store.close();
    }
  };
  try {
    return use(engine, events);
  } finally {
    engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const PARTS = ['self', 'offer', 'work', 'queues', 'contacts', 'agentChats', 'faq', 'notices', 'statusCodes'] as const;
type Comparable = { [K in (typeof PARTS)[number]]: unknown };

/** The parts of an agent's view that the server holds (a client's connection state and bookkeeping left out). */
export function comparable(v: Partial<Comparable>): Comparable {
  return Object.fromEntries(PARTS.map((k) => [k, v[k]])) as Comparable;
}

/** Each agent's view as the server would send it in a snapshot now. */
export function serverViews(engine: Engine, agentIds: readonly string[]): Comparable[] {
  return agentIds.map((id) => comparable(snapshotOf(engine, id)));
}
