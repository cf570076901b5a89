/**
 * Call history ("dial a number from call history"): every call an agent
 * takes or makes — inbound, outbound, voicemail, a call transferred to them —
 * newest first, bounded, and durable: it is rebuilt from the log after a
 * restart, so the console can offer it in the dial dialog at any time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/engine/index.js';
import { CALLER, phoneHarness, phoneTenant } from './phone-kit.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('call history', () => {
  it('records inbound, outbound and transferred calls, newest first, and survives a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'call-history-'));
    dirs.push(dir);
    const db = join(dir, 'cc.db');
    const clock = new VirtualClock(Date.UTC(2026, 10, 26, 9, 0));
    const h = phoneHarness(phoneTenant(), db, clock);
    h.available('a1', 'a2');
    h.ok({ type: 'set_status', agentId: 'a2', status: 'working_offline' });
    const inbound = h.connected('a1');
    h.seconds(60);
    // a1 transfers the caller to a2 (cold): a2's history gets the same customer.
    h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: inbound.id, to: { agentId: 'a2' }, mode: 'cold' });
    const offered = h.offerOf('a2')!;
    h.ok({ type: 'accept', agentId: 'a2', interactionId: offered });
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: inbound.id });
    h.seconds(60);
    h.ok({ type: 'set_status', agentId: 'a1', status: 'working_offline' });
    const dialed = h.ok({ type: 'phone_dial', agentId: 'a1', number: '1 (415) 555-0100', code: 'followup' }).interactionId!;

    const expected = [
      { interactionId: dialed, direction: 'outbound', kind: 'call', number: '+14155550100', queue: 'Outbound', at: clock.now() },
      { interactionId: inbound.id, direction: 'inbound', kind: 'call', number: CALLER, name: 'Lee', queue: 'Support', at: clock.now() - 120_000 },
    ];
    expect(h.engine.queries.callHistory('a1')).toEqual(expected);
    expect(h.engine.queries.callHistory('a2')).toEqual([expect.objectContaining({ direction: 'inbound', number: CALLER, name: 'Lee' })]);
    expect(h.engine.queries.callHistory('a3')).toEqual([]);
    h.engine.close();

    const again = phoneHarness(phoneTenant(), db, clock);
    expect(again.engine.queries.callHistory('a1')).toEqual(expected);
    again.engine.close();
  });

  it('keeps the last 50 calls; a voicemail is marked as one', () => {
    const h = phoneHarness();
    h.available('a1');
    for (let n = 0; n < 52; n++) {
      const c = h.incoming('phone', `+1510555${String(1000 + n)}`);
      h.ok({ type: 'accept', agentId: 'a1', interactionId: c.id });
      h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: c.id });
      h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: c.id });
    }
    const history = h.engine.queries.callHistory('a1');
    expect(history).toHaveLength(50);
    expect(history[0]!.number).toBe('+15105551051');
    expect(history.at(-1)!.number).toBe('+15105551002');
    expect(h.ok({ type: 'arrive', queueId: 'vm', customer: { name: 'Vera', phone: '+15105550999' } } as never)).toBeDefined();
    h.ok({ type: 'accept', agentId: 'a1', interactionId: h.offerOf('a1')! });
    expect(h.engine.queries.callHistory('a1')[0]).toMatchObject({ kind: 'voicemail', number: '+15105550999', name: 'Vera', queue: 'Voicemail' });
  });
});
