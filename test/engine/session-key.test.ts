/**
 * An agent's console session is recorded with the login (the hash of its
 * token), so the server can check a resume after a restart against the log:
 * the latest login's key is the one that counts; logout, or being logged
 * out at the end of the grace period, retires it; it survives a restart.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEngine, parseTenant } from '../../src/engine/index.js';
import { baseTenant, harness } from './harness.js';

const KEY_1 = 'k'.repeat(43);
const KEY_2 = 'j'.repeat(43);

describe('session keys', () => {
  it('the latest login sets it; a second login replaces it; logout clears it', () => {
    const h = harness();
    h.ok({ type: 'login', agentId: 'a1', sessionKey: KEY_1 });
    expect(h.engine.queries.agentOfSession(KEY_1)).toBe('a1');
    h.ok({ type: 'login', agentId: 'a1', sessionKey: KEY_2 });
    expect(h.engine.queries.agentOfSession(KEY_1)).toBeUndefined();
    expect(h.engine.queries.agentOfSession(KEY_2)).toBe('a1');
    h.ok({ type: 'logout', agentId: 'a1' });
    expect(h.engine.queries.agentOfSession(KEY_2)).toBeUndefined();
  });

  it('the end of the grace period (logged out) retires it too', () => {
    const h = harness();
    h.ok({ type: 'login', agentId: 'a1', sessionKey: KEY_1 });
    h.ok({ type: 'connection_lost', agentId: 'a1' });
    h.seconds(h.engine.tenant.config.disconnectGraceSec + 1);
    expect(h.status('a1')).toBe('logged_out');
    expect(h.engine.queries.agentOfSession(KEY_1)).toBeUndefined();
  });

  it('refuses what is not a hash', () => {
    const h = harness();
    expect(h.run({ type: 'login', agentId: 'a1', sessionKey: 'short' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(h.status('a1')).toBe('logged_out');
  });

  it('survives a restart, from the log and from a snapshot', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'ac-session-key-')), 'cc.db');
    for (const snapshotEvery of [1_000_000, 1]) {
      const file = `${db}.${snapshotEvery}`;
      const first = openEngine({ tenant: parseTenant(baseTenant()), dbFile: file, snapshotEvery });
      first.execute({ type: 'login', agentId: 'a1', sessionKey: KEY_1 });
      first.execute({ type: 'set_status', agentId: 'a1', status: 'available' });
      first.close();
      const second = openEngine({ tenant: parseTenant(baseTenant()), dbFile: file, snapshotEvery });
      expect(second.queries.agentOfSession(KEY_1)).toBe('a1');
      second.close();
    }
  });
});
