/** `durability` sets what SQLite syncs: NORMAL by default, FULL on request (README: what "saved" means). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteEventStore } from '../../src/engine/index.js';

describe('store durability', () => {
  it('is synchronous=NORMAL by default and FULL with durability "full", on a WAL file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ac-durability-'));
    try {
      const normal = new SqliteEventStore(join(dir, 'a.db'));
      const full = new SqliteEventStore(join(dir, 'b.db'), { durability: 'full' });
      expect([normal.synchronous, full.synchronous]).toEqual(['NORMAL', 'FULL']);
      normal.close();
      full.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
