/**
 * Broadcast notices (DOMAIN.md): an agent to their own group; a supervisor
 * to chosen groups among theirs, or all of them; the platform to everyone.
 * Read marks per agent; a pop-up stays unread until acknowledged; notices
 * older than 7 days are neither shown nor kept; everything survives a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/engine/index.js';
import { agent, baseTenant, harness } from './harness.js';

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);
const DAY = 24 * 3600 * 1000;
const tenant = () =>
  baseTenant({
    groups: [
      { id: 'g1', name: 'Group 1' },
      { id: 'g2', name: 'Group 2' },
      { id: 'g3', name: 'Group 3' },
    ],
    agents: [
      agent('a1'),
      agent('a2'),
      agent('a3', { group: 'g2' }),
      agent('a4', { group: 'g3' }),
      agent('sup', { group: 'g1', role: 'supervisor', supervises: ['g2'] }),
    ],
    queues: [],
  });

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('broadcast notices', () => {
  it('an agent reaches their own group only; the notice shows the sender and is unread for the others', () => {
    const h = harness(tenant());
    h.ok({ type: 'broadcast_notice', agentId: 'a1', text: '  Coffee machine fixed  ', priority: 'low' });
    const [n] = h.engine.queries.noticesOf('a2');
    expect(n).toEqual({ id: 'N-1', from: 'a1', fromName: 'A1', text: 'Coffee machine fixed', priority: 'low', groups: ['Group 1'], platform: false, at: h.clock.now(), read: false });
    expect(h.engine.queries.noticesOf('a1')[0]).toMatchObject({ id: 'N-1', read: true }); // mine
    expect(h.engine.queries.noticesOf('sup')).toHaveLength(1); // a supervisor in g1
    expect(h.engine.queries.noticesOf('a3')).toEqual([]);
    const r = h.run({ type: 'broadcast_notice', agentId: 'a1', text: 'hi', priority: 'high', groups: ['g2'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_PERMITTED', message: expect.stringMatching(/your own group \(Group 1\), not to g2/) } });
    expect(h.run({ type: 'broadcast_notice', agentId: 'a1', text: '   ', priority: 'low' })).toMatchObject({ error: { code: 'VALIDATION' } });
    expect(h.run({ type: 'broadcast_notice', agentId: 'a1', text: 'x'.repeat(1001), priority: 'low' })).toMatchObject({ error: { code: 'VALIDATION' } });
    expect(h.run({ type: 'broadcast_notice', agentId: 'a1', text: 'x', priority: 'low', groups: [] })).toMatchObject({ error: { code: 'VALIDATION' } });
    expect(h.events.filter((e) => e.type === 'notice.broadcast')).toHaveLength(1);
  });

  it('a supervisor picks among their groups, or all of them by default; never another group', () => {
    const h = harness(tenant());
    h.ok({ type: 'broadcast_notice', agentId: 'sup', text: 'Team meeting at 3', priority: 'medium', groups: ['g2'] });
    expect(h.engine.queries.noticesOf('a3').map((n) => n.text)).toEqual(['Team meeting at 3']);
    expect(h.engine.queries.noticesOf('a1')).toEqual([]);
    h.ok({ type: 'broadcast_notice', agentId: 'sup', text: 'Fire drill', priority: 'high' });
    expect(h.engine.queries.noticesOf('a1')[0]).toMatchObject({ text: 'Fire drill', groups: ['Group 1', 'Group 2'] });
    expect(h.engine.queries.noticesOf('a3').map((n) => n.text)).toEqual(['Fire drill', 'Team meeting at 3']); // newest first
    expect(h.engine.queries.noticesOf('a4')).toEqual([]);
    expect(code(h.run({ type: 'broadcast_notice', agentId: 'sup', text: 'x', priority: 'low', groups: ['g3'] }))).toBe('NOT_PERMITTED');
  });

  it('read marks are per agent; a pop-up stays unread until acknowledged; unknown ids are refused', () => {
    const h = harness(tenant());
    h.ok({ type: 'broadcast_notice', agentId: 'a1', text: 'System slow: use the backup form', priority: 'popup' });
    expect(h.engine.queries.noticesOf('a2')[0]).toMatchObject({ priority: 'popup', read: false });
    h.ok({ type: 'read_notices', agentId: 'a2', noticeIds: ['N-1'] });
    expect(h.engine.queries.noticesOf('a2')[0]!.read).toBe(true);
    expect(h.engine.queries.noticesOf('sup')[0]!.read).toBe(false);
    const events = h.events.length;
    h.ok({ type: 'read_notices', agentId: 'a2', noticeIds: ['N-1'] }); // already read: nothing recorded
    expect(h.events).toHaveLength(events);
    expect(code(h.run({ type: 'read_notices', agentId: 'a3', noticeIds: ['N-1'] }))).toBe('NOT_FOUND'); // not addressed to g2
    expect(code(h.run({ type: 'read_notices', agentId: 'a2', noticeIds: ['N-9'] }))).toBe('NOT_FOUND');
  });

  it('a platform notice reaches every group, high priority, flagged for the red bar', () => {
    const h = harness(tenant());
    h.ok({ type: 'platform_notice', text: 'Platform change tonight: log out and back in at 22:00.' });
    for (const a of ['a1', 'a3', 'a4', 'sup'])
      expect(h.engine.queries.noticesOf(a)[0]).toMatchObject({ platform: true, priority: 'high', read: false, from: undefined });
    expect(code(h.run({ type: 'platform_notice', text: '' }))).toBe('VALIDATION');
  });

  it('notices older than 7 days are not shown, and dropped with their read marks when the next one comes', () => {
    const h = harness(tenant());
    h.ok({ type: 'broadcast_notice', agentId: 'a1', text: 'old', priority: 'low' });
    h.ok({ type: 'read_notices', agentId: 'a2', noticeIds: ['N-1'] });
    h.clock.advance(7 * DAY - 1000);
    expect(h.engine.queries.noticesOf('a2').map((n) => n.text)).toEqual(['old']);
    h.clock.advance(1000);
    expect(h.engine.queries.noticesOf('a2')).toEqual([]);
    expect(code(h.run({ type: 'read_notices', agentId: 'sup', noticeIds: ['N-1'] }))).toBe('NOT_FOUND');
    h.ok({ type: 'broadcast_notice', agentId: 'a1', text: 'new', priority: 'low' });
    const state = h.engine.queries.unsafeState().notices;
    expect(state.list.map((n) => n.id)).toEqual(['N-2']);
    expect([...state.read.get('a2')!]).toEqual([]);
  });

  it('notices and read marks survive a restart; logged-out agents get them at their next login', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notices-'));
    dirs.push(dir);
    const db = join(dir, 'cc.db');
    const clock = new VirtualClock();
    const one = harness(tenant(), db, clock);
    one.available('a1');
    one.ok({ type: 'broadcast_notice', agentId: 'a1', text: 'Remember the survey', priority: 'medium' });
    one.ok({ type: 'broadcast_notice', agentId: 'a1', text: 'Lunch is here', priority: 'low' });
    one.ok({ type: 'read_notices', agentId: 'sup', noticeIds: ['N-2'] });
    one.engine.close();
    const two = harness(tenant(), db, clock);
    expect(two.engine.queries.noticesOf('sup').map((n) => [n.text, n.read])).toEqual([['Lunch is here', true], ['Remember the survey', false]]);
    // a2 never logged in: the notices wait for them.
    expect(two.engine.queries.noticesOf('a2').map((n) => n.read)).toEqual([false, false]);
    two.ok({ type: 'broadcast_notice', agentId: 'a1', text: 'third', priority: 'low' });
    expect(two.engine.queries.noticesOf('a2')[0]!.id).toBe('N-3');
    two.engine.close();
  });
});
