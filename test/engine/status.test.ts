import { describe, expect, it } from 'vitest';
import { STATUSES, STATUS_TRANSITIONS, canTransition } from '../../src/engine/index.js';
import { baseTenant, harness } from './harness.js';

describe('agent status table (DOMAIN.md)', () => {
  it('Logged out is the default; login lands in On Break', () => {
    const h = harness();
    expect(h.status('a1')).toBe('logged_out');
    h.ok({ type: 'login', agentId: 'a1' });
    expect(h.status('a1')).toBe('on_break');
  });

  it('On Break and Working Offline reach Available ("Ready to work")', () => {
    const h = harness();
    h.ok({ type: 'login', agentId: 'a1' });
    h.ok({ type: 'set_status', agentId: 'a1', status: 'available' });
    expect(h.status('a1')).toBe('available');
    h.ok({ type: 'set_status', agentId: 'a1', status: 'working_offline' });
    h.ok({ type: 'set_status', agentId: 'a1', status: 'available' });
    expect(h.status('a1')).toBe('available');
  });

  it('Working Offline is reachable from Available and On Break', () => {
    const h = harness();
    h.ok({ type: 'login', agentId: 'a1' });
    h.ok({ type: 'set_status', agentId: 'a1', status: 'working_offline' });
    expect(h.status('a1')).toBe('working_offline');
    h.ok({ type: 'set_status', agentId: 'a1', status: 'on_break' });
    h.ok({ type: 'set_status', agentId: 'a1', status: 'available' });
    h.ok({ type: 'set_status', agentId: 'a1', status: 'working_offline' });
    expect(h.status('a1')).toBe('working_offline');
  });

  it('Busy is automatic on accept and refuses manual changes until the work ends', () => {
    const h = harness();
    h.available('a1');
    const { interactionId } = h.ok({ type: 'arrive', queueId: 'phone', customer: { name: 'C' } });
    h.ok({ type: 'accept', agentId: 'a1', interactionId: interactionId! });
    expect(h.status('a1')).toBe('busy');
    const r = h.run({ type: 'set_status', agentId: 'a1', status: 'on_break' });
    expect(r.ok || r.error.code).toBe('INVALID_TRANSITION');
    expect(h.run({ type: 'set_status', agentId: 'a1', status: 'available' }).ok).toBe(false);
    expect(h.run({ type: 'logout', agentId: 'a1' }).ok).toBe(false);
    expect(h.status('a1')).toBe('busy');
  });

  it('manual Busy is impossible', () => {
    const h = harness();
    h.available('a1');
    const r = h.run({ type: 'set_status', agentId: 'a1', status: 'busy' });
    expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_TRANSITION');
  });

  it('Logged out is reachable from any status while no interaction is in progress', () => {
    for (const status of ['on_break', 'available', 'working_offline'] as const) {
      const h = harness();
      h.ok({ type: 'login', agentId: 'a2' });
      if (status !== 'on_break') h.ok({ type: 'set_status', agentId: 'a2', status });
      h.ok({ type: 'set_status', agentId: 'a2', status: 'logged_out' });
      expect(h.status('a2')).toBe('logged_out');
    }
  });

  it('Stop New while chatting, Resume back to Busy', () => {
    const h = harness();
    h.available('a1');
    const { interactionId } = h.ok({ type: 'arrive', queueId: 'chat', customer: {} });
    h.ok({ type: 'accept', agentId: 'a1', interactionId: interactionId! });
    h.ok({ type: 'stop_new', agentId: 'a1' });
    expect(h.status('a1')).toBe('busy_stop_new');
    h.ok({ type: 'arrive', queueId: 'chat', customer: {} });
    expect(h.offerOf('a1')).toBeUndefined();
    h.ok({ type: 'resume', agentId: 'a1' });
    expect(h.status('a1')).toBe('busy');
    expect(h.offerOf('a1')).toBeDefined();
  });

  it('Stop New is refused when not chatting', () => {
    const h = harness();
    h.available('a1');
    const { interactionId } = h.ok({ type: 'arrive', queueId: 'phone', customer: {} });
    h.ok({ type: 'accept', agentId: 'a1', interactionId: interactionId! });
    const r = h.run({ type: 'stop_new', agentId: 'a1' });
    expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_TRANSITION');
  });

  it('status codes are required where the tenant configures them, and validated', () => {
    const h = harness(baseTenant({ statusCodes: { working_offline: [{ id: 'meeting', label: 'Meeting' }] } }));
    h.ok({ type: 'login', agentId: 'a1' });
    const missing = h.run({ type: 'set_status', agentId: 'a1', status: 'working_offline' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('CODE_REQUIRED');
    expect(missing.ok ? '' : missing.error.message).toContain('Meeting');
    const wrong = h.run({ type: 'set_status', agentId: 'a1', status: 'working_offline', code: 'nap' });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('VALIDATION');
    expect(h.status('a1')).toBe('on_break');
    h.ok({ type: 'set_status', agentId: 'a1', status: 'working_offline', code: 'meeting' });
    expect(h.engine.queries.self('a1')!.statusCode).toBe('meeting');
    const noCodes = h.run({ type: 'set_status', agentId: 'a1', status: 'available', code: 'meeting' });
    expect(noCodes.ok ? 'ok' : noCodes.error.code).toBe('VALIDATION');
  });

  it('records status, code, start and end (history is the event log)', () => {
    const h = harness();
    h.ok({ type: 'login', agentId: 'a1' });
    h.seconds(30);
    h.ok({ type: 'set_status', agentId: 'a1', status: 'available' });
    const changes = h.events.filter((e) => e.type === 'agent.status_changed');
    expect(changes.map((e) => e.type === 'agent.status_changed' && [e.from, e.to, e.cause])).toEqual([
      ['logged_out', 'on_break', 'login'],
      ['on_break', 'available', 'agent'],
    ]);
    expect(changes[1]!.ts - changes[0]!.ts).toBe(30_000);
    expect(h.engine.queries.self('a1')!.statusSince).toBe(h.clock.now());
  });

  it('an unknown agent or a logged-out agent gets a typed error and nothing changes', () => {
    const h = harness();
    const unknown = h.run({ type: 'set_status', agentId: 'nobody', status: 'available' });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('NOT_FOUND');
    const out = h.run({ type: 'set_status', agentId: 'a1', status: 'available' });
    expect(out.ok ? 'ok' : out.error.code).toBe('INVALID_STATE');
    expect(h.events).toHaveLength(0);
  });

  it('the table only names the six statuses and every automatic cause is reachable', () => {
    for (const [from, targets] of Object.entries(STATUS_TRANSITIONS)) {
      expect(STATUSES).toContain(from);
      for (const to of Object.keys(targets)) expect(STATUSES).toContain(to);
    }
    expect(canTransition('busy', 'on_break', 'agent')).toBe(false);
    // The end of work goes to Available by default; elsewhere only through the status after work.
    expect(canTransition('busy', 'available', 'work_ended')).toBe(true);
    expect(canTransition('busy', 'on_break', 'work_ended')).toBe(false);
    expect(canTransition('busy', 'on_break', 'after_work')).toBe(true);
  });

  it('a status to take after work applies when the work ends', () => {
    const h = harness();
    h.available('a1');
    const { interactionId } = h.ok({ type: 'arrive', queueId: 'phone', customer: {} });
    h.ok({ type: 'accept', agentId: 'a1', interactionId: interactionId! });
    h.ok({ type: 'set_after_work', agentId: 'a1', status: 'on_break' });
    h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: interactionId! });
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: interactionId! });
    expect(h.status('a1')).toBe('on_break');
  });
});
