/**
 * Restart recovery of calls in progress: the engine is dropped without
 * closing (a crash) and reopened on the same SQLite file with a fresh
 * simulated switch. Calls, legs, consultations, recording, mute, the
 * persistent voice connection come back from the snapshot + log tail; the
 * ring deadlines fire at their original times; the new switch is told which
 * legs are live and carries on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachTelephony, openEngine, parseTenant, SimulatedSwitch, VirtualClock, type Engine } from '../../src/engine/index.js';
import { phoneTenant } from './phone-kit.js';

const dirs: string[] = [];
const engines: Engine[] = [];
afterEach(() => {
  for (const e of engines.splice(0)) e.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(dbFile: string, clock: VirtualClock, script: (sw: SimulatedSwitch) => void) {
  const engine = openEngine({ tenant: parseTenant(phoneTenant()), dbFile, clock, snapshotEvery: 7 });
  engines.push(engine);
  const sw = new SimulatedSwitch(clock);
  script(sw);
  const restored: unknown[] = [];
  const original = sw.restore.bind(sw);
  sw.restore = (legs) => {
    restored.push(...legs);
    original(legs);
  };
  attachTelephony(engine, sw);
  const ok = (cmd: Parameters<Engine['execute']>[0]) => {
    const r = engine.execute(cmd);
    if (!r.ok) throw new Error(`${cmd.type}: ${r.error.message}`);
    return r.value;
  };
  return { engine, sw, ok, restored };
}

describe('phone: restart recovery', () => {
  it('restores calls, legs, consultations and timers from the log, and the new switch carries on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'phone-recovery-'));
    dirs.push(dir);
    const db = join(dir, 'cc.db');
    const clock1 = new VirtualClock();
    const slowAnswer = (sw: SimulatedSwitch) => sw.script('+14155551212', { kind: 'answer', afterMs: 60_000 });
    const one = open(db, clock1, slowAnswer);
    for (const a of ['a1', 'a4', 'a6']) one.ok({ type: 'login', agentId: a });
    for (const a of ['a1', 'a4']) one.ok({ type: 'set_status', agentId: a, status: 'available' });
    one.ok({ type: 'set_status', agentId: 'a6', status: 'working_offline' });
    // a3: persistent voice connection.
    one.ok({ type: 'login', agentId: 'a3' });
    one.ok({ type: 'set_status', agentId: 'a3', status: 'working_offline' });
    one.ok({ type: 'phone_set_mode', agentId: 'a3', mode: 'persistent' });
    clock1.advance(3000);
    one.ok({ type: 'phone_voice_pin', agentId: 'a3', pin: one.sw.lastPinTo('+15105550103')! });
    // a1: recording, muted, consulting an external number that is still ringing.
    const caller = one.sw.incomingCall({ from: '+15105551234', queueId: 'phone' });
    const a1Call = one.engine.queries.offerOf('a1')!.id;
    one.ok({ type: 'accept', agentId: 'a1', interactionId: a1Call });
    one.ok({ type: 'phone_record', agentId: 'a1', interactionId: a1Call, action: 'start' });
    one.ok({ type: 'phone_mute', agentId: 'a1', interactionId: a1Call, muted: true });
    one.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: a1Call, to: { number: '+14155551212' } });
    const dialedAt = clock1.now();
    // a4 hosts a conference with a6.
    one.sw.incomingCall({ from: '+15105554321', queueId: 'sales' });
    const a4Call = one.engine.queries.offerOf('a4')!.id;
    one.ok({ type: 'accept', agentId: 'a4', interactionId: a4Call });
    const { interactionId: a6Part } = one.ok({ type: 'phone_conference_add', agentId: 'a4', interactionId: a4Call, to: { agentId: 'a6' } });
    one.ok({ type: 'accept', agentId: 'a6', interactionId: a6Part! });
    one.ok({ type: 'phone_complete', agentId: 'a4', interactionId: a4Call });
    clock1.advance(10_000);

    // Crash, and restart at the same time with a new switch.
    const clock2 = new VirtualClock(clock1.now());
    const a1CallId = one.engine.queries.interaction(a1Call)!.call!.callId!;
    const two = open(db, clock2, slowAnswer);
    expect(two.engine.queries.unsafeState()).toEqual(one.engine.queries.unsafeState());
    for (const id of [a1Call, a4Call, a6Part!]) expect(two.engine.queries.interaction(id)).toEqual(one.engine.queries.interaction(id));
    for (const a of ['a1', 'a3', 'a4', 'a6']) expect(two.engine.queries.self(a)).toEqual(one.engine.queries.self(a));
    expect(two.engine.queries.interaction(a1Call)!.call).toMatchObject({ recording: 'on', muted: true, held: true, consult: { state: 'ringing' } });
    expect(two.engine.queries.interaction(a4Call)!.call).toMatchObject({ conference: true });
    expect(two.restored).toEqual(expect.arrayContaining([
      expect.objectContaining({ legId: caller, party: 'customer', state: 'connected', held: true }),
      expect.objectContaining({ party: 'external', state: 'ringing', number: '+14155551212' }),
      expect.objectContaining({ party: 'voice_session', state: 'connected' }),
    ]));
    // The engine's ring deadline is the original one: 30 s after the dial, not after the restart.
    clock2.advance(dialedAt + 30_000 - clock2.now() - 1);
    expect(two.engine.queries.interaction(a1Call)!.call!.consult).toBeDefined();
    clock2.advance(1);
    expect(two.engine.queries.interaction(a1Call)!.call).toMatchObject({ consult: undefined, held: false, recording: 'on' });
    // The restored call works on the new switch: the caller hangs up, everyone wraps up.
    two.sw.hangUp(caller);
    expect(two.engine.queries.interaction(a1Call)!.phase).toBe('wrapup');
    expect(two.sw.recordings.get(a1CallId)).toBe('off');
    // The conference goes on; a6 leaves and a4 keeps the customer.
    two.ok({ type: 'phone_leave', agentId: 'a6', interactionId: a6Part! });
    expect(two.engine.queries.interaction(a4Call)!.call).toMatchObject({ state: 'connected', conference: false });
  });
});
