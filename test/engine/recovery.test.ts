/**
 * Crash recovery: traffic on a real SQLite file, the engine dropped without
 * close (a crash: nothing flushed on purpose, WAL keeps what was committed),
 * a new engine opened on the same file with a new clock at the same time.
 * The restored state must equal the old one, and from there the restored
 * engine must behave exactly like a twin engine that never stopped (same
 * commands on `:memory:`): same events, same timers (re-armed from the
 * stored deadlines), same state.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, parseTenant, SqliteEventStore, VirtualClock, type Command, type Engine, type EngineEvent, type Tenant } from '../../src/engine/index.js';
import { InvariantChecker, modelTenant, mulberry32, randomStep, Rng } from './model-kit.js';

const dirs: string[] = [];
const engines: Engine[] = [];
afterEach(() => {
  for (const e of engines.splice(0)) e.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'engine-recovery-'));
  dirs.push(dir);
  return join(dir, 'cc.db');
}

interface Running {
  engine: Engine;
  clock: VirtualClock;
  events: EngineEvent[];
}

function open(tenant: Tenant, dbFile: string, clock: VirtualClock, snapshotEvery?: number): Running {
  const engine = openEngine({ tenant, dbFile, clock, snapshotEvery });
  engines.push(engine);
  const events: EngineEvent[] = [];
  engine.subscribe((batch) => events.push(...batch));
  return { engine, clock, events };
}

/** Runs the same step on several engines (the one on disk and its twin). */
function both(targets: Running[], step: { kind: 'cmd'; cmd: Command } | { kind: 'advance'; ms: number }): void {
  const results = targets.map((t) => (step.kind === 'advance' ? (t.clock.advance(step.ms), undefined) : t.engine.execute(step.cmd)));
  for (const r of results.slice(1)) expect(r).toEqual(results[0]);
}

/** Every read model of every agent and queue, plus the raw state (Maps and Sets compared regardless of order). */
function expectSameState(expected: Engine, actual: Engine): void {
  const q = expected.queries;
  for (const id of expected.tenant.agents.keys()) {
    expect(actual.queries.self(id), `self ${id}`).toEqual(q.self(id));
    expect(actual.queries.offerOf(id), `offerOf ${id}`).toEqual(q.offerOf(id));
    expect(actual.queries.workOf(id), `workOf ${id}`).toEqual(q.workOf(id));
    expect(actual.queries.queuesOf(id), `queuesOf ${id}`).toEqual(q.queuesOf(id));
  }
  for (const id of expected.tenant.queues.keys()) expect(actual.queries.queueStats(id), `stats ${id}`).toEqual(q.queueStats(id));
  expect(actual.queries.unsafeState()).toEqual(q.unsafeState());
  expect(actual.lastSeq).toBe(expected.lastSeq);
}

const cmd = (c: Command) => ({ kind: 'cmd' as const, cmd: c });
const advance = (ms: number) => ({ kind: 'advance' as const, ms });

/**
 * Scripted traffic leaving every kind of state behind: a pending offer, an
 * active chat with codes and notes, a wrap-up running, an overdue wrap-up,
 * Stop New, waiting interactions, a disabled queue, a direct voicemail, a
 * disconnected agent in their grace period, a status code, a status chosen
 * for after work.
 */
function scriptedTraffic(targets: Running[]): void {
  const run = (c: Command) => both(targets, cmd(c));
  const t = targets[0]!.engine;
  const offerOf = (id: string) => t.queries.offerOf(id)?.id;
  for (const a of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']) run({ type: 'login', agentId: a });
  run({ type: 'set_status', agentId: 'm4', status: 'working_offline', code: 'meeting' });
  run({ type: 'toggle_queue', agentId: 'm5', queueId: 'phone', enabled: false });
  // A direct call to m4 (Working Offline) is not answered → voicemail for m4.
  run({ type: 'arrive_direct', number: '200', customer: { phone: '5559999' } });
  both(targets, advance(10_000));
  // m1 chats (two of them), codes and notes on one, then Stop New.
  run({ type: 'set_status', agentId: 'm1', status: 'available' });
  run({ type: 'arrive', queueId: 'chat', customer: { name: 'Chat one', account: 'A-1' } });
  run({ type: 'accept', agentId: 'm1', interactionId: offerOf('m1')! });
  both(targets, advance(2_000));
  run({ type: 'arrive', queueId: 'chat', customer: { name: 'Chat two' } });
  const chat2 = offerOf('m1')!;
  run({ type: 'accept', agentId: 'm1', interactionId: chat2 });
  run({ type: 'set_codes', agentId: 'm1', interactionId: chat2, codes: ['r2', 'x1'] });
  run({ type: 'set_notes', agentId: 'm1', interactionId: chat2, notes: 'Wants a callback' });
  run({ type: 'stop_new', agentId: 'm1' });
  // m2 takes a phone call and hangs up: wrap-up running (10 s, mandatory codes chosen).
  run({ type: 'set_status', agentId: 'm2', status: 'available' });
  run({ type: 'arrive', queueId: 'phone', customer: { phone: '5551234' } });
  const call = offerOf('m2')!;
  run({ type: 'accept', agentId: 'm2', interactionId: call });
  run({ type: 'set_codes', agentId: 'm2', interactionId: call, codes: ['r1'] });
  run({ type: 'set_after_work', agentId: 'm2', status: 'on_break' });
  both(targets, advance(3_000));
  run({ type: 'end_interaction', agentId: 'm2', interactionId: call });
  // m6 handles an email, no codes: wrap-up (20 s) will run out... after the restart.
  run({ type: 'set_status', agentId: 'm6', status: 'available' });
  run({ type: 'arrive', queueId: 'email', customer: { email: 'x@example.com', subject: 'Invoice' } });
  const email = offerOf('m6')!;
  run({ type: 'accept', agentId: 'm6', interactionId: email });
  run({ type: 'end_interaction', agentId: 'm6', interactionId: email });
  // m3: a voicemail queue item with mandatory codes and no wrap-up time → overdue at once.
  run({ type: 'set_status', agentId: 'm3', status: 'available' });
  run({ type: 'arrive', queueId: 'vm', customer: { phone: '5550000' } });
  const vm = offerOf('m3')!;
  run({ type: 'accept', agentId: 'm3', interactionId: vm });
  run({ type: 'end_interaction', agentId: 'm3', interactionId: vm });
  // Waiting work: phone calls nobody free can take.
  run({ type: 'arrive', queueId: 'phone', customer: { name: 'Waiting 1' } });
  both(targets, advance(1_000));
  run({ type: 'arrive', queueId: 'vip', customer: { name: 'Waiting VIP' } });
  // m5 becomes Available: offered the VIP call (phone is disabled for m5), and loses the connection.
  run({ type: 'set_status', agentId: 'm5', status: 'available' });
  run({ type: 'connection_lost', agentId: 'm5' });
}

function expectSnapshotAndTail(dbFile: string): number {
  const store = new SqliteEventStore(dbFile);
  try {
    const snap = store.latestSnapshot();
    expect(snap, 'a snapshot was taken').toBeDefined();
    expect(snap!.seq).toBeGreaterThan(0);
    expect(store.lastSeq(), 'events after the snapshot').toBeGreaterThan(snap!.seq);
    return snap!.seq;
  } finally {
    store.close();
  }
}

describe('crash recovery from the SQLite file', () => {
  const tenant = parseTenant(modelTenant());

  it.each([
    ['the log alone', undefined],
    ['a snapshot plus its tail (snapshotEvery 7)', 7],
  ])('restores every agent, interaction, code and timer from %s', (_how, snapshotEvery) => {
    const dbFile = tempDb();
    const first = open(tenant, dbFile, new VirtualClock(), snapshotEvery);
    const twin = open(tenant, ':memory:', new VirtualClock(), snapshotEvery);
    scriptedTraffic([first, twin]);
    if (snapshotEvery) {
      // Make sure there is a tail after the last snapshot.
      both([first, twin], cmd({ type: 'set_notes', agentId: 'm1', interactionId: first.engine.queries.workOf('m1')[1]!.id, notes: 'tail' }));
      expectSnapshotAndTail(dbFile);
    }
    expectSameState(twin.engine, first.engine);

    // The crash: `first` is abandoned, never closed. A new engine opens the same file.
    const restored = open(tenant, dbFile, new VirtualClock(first.clock.now()), snapshotEvery);
    expect(restored.events, 'restoring emits nothing').toEqual([]);
    expectSameState(first.engine, restored.engine);

    // What the script left behind is all there.
    const q = restored.engine.queries;
    expect(q.self('m4')).toMatchObject({ status: 'working_offline', statusCode: 'meeting' });
    expect(q.self('m2')!.afterWork).toEqual({ status: 'on_break', by: 'agent' });
    expect(q.self('m1')!.status).toBe('busy_stop_new');
    expect(q.workOf('m1').map((w) => [w.customer.name, w.codes, w.notes])).toEqual([
      ['Chat one', [], ''],
      ['Chat two', ['r2', 'x1'], snapshotEvery ? 'tail' : 'Wants a callback'],
    ]);
    expect(q.workOf('m3')[0]).toMatchObject({ phase: 'wrapup', wrapUpOverdue: true });
    expect(q.offerOf('m5')).toMatchObject({ queueId: 'vip', phase: 'offered' });
    expect(q.queuesOf('m5').find((x) => x.id === 'phone')).toMatchObject({ enabled: false, stats: { waiting: 1 } });
    const voicemail = [...q.unsafeState().interactions.values()].find((i) => i.directAgentId === 'm4')!;
    expect(voicemail).toMatchObject({ media: 'voicemail', phase: 'queued' });
    // Timers re-armed from the stored deadlines: m5's offer, m2's and m6's wrap-ups, m5's grace.
    expect(restored.clock.pending()).toBe(4);
    // New interactions continue the numbering.
    const next = restored.engine.execute({ type: 'arrive', queueId: 'email', customer: {} });
    const twinNext = twin.engine.execute({ type: 'arrive', queueId: 'email', customer: {} });
    expect(next).toEqual(twinNext);
    expect(first.engine.queries.interaction(next.ok ? next.value.interactionId! : '')).toBeUndefined();
  });

  it('re-armed timers fire at the stored deadlines, exactly as in an engine that never stopped', () => {
    const dbFile = tempDb();
    const first = open(tenant, dbFile, new VirtualClock(), 7);
    const twin = open(tenant, ':memory:', new VirtualClock(), 7);
    scriptedTraffic([first, twin]);
    const restored = open(tenant, dbFile, new VirtualClock(first.clock.now()), 7);
    const q = restored.engine.queries;
    const offer = q.offerOf('m5')!;
    const m2Wrap = q.workOf('m2')[0]!;
    const m6Wrap = q.workOf('m6')[0]!;
    const since = twin.events.length;
    const deadlines = [offer.offerDeadline!, m2Wrap.wrapUpDeadline!, m6Wrap.wrapUpDeadline!].sort((a, b) => a - b);
    expect(deadlines[0]).toBeGreaterThan(restored.clock.now());

    // Step through every deadline, one millisecond short and then on it.
    for (const d of deadlines) {
      both([restored, twin], advance(d - restored.clock.now() - 1));
      both([restored, twin], advance(1));
      expect(restored.events).toEqual(twin.events.slice(since));
      expectSameState(twin.engine, restored.engine);
    }
    // The offer timed out (m5 → On Break, the VIP call back in its queue)...
    const declined = restored.events.find((e) => e.type === 'interaction.declined');
    expect(declined).toMatchObject({ interactionId: offer.id, agentId: 'm5', reason: 'timeout', ts: offer.offerDeadline });
    expect(q.queueStats('vip')!.waiting).toBe(1);
    // ...the wrap-ups ended at their deadlines, and m2 took the status chosen for after work.
    const ended = restored.events.filter((e) => e.type === 'interaction.ended');
    expect(ended.map((e) => [e.interactionId, e.ts, e.type === 'interaction.ended' && e.reason])).toEqual(
      expect.arrayContaining([
        [m2Wrap.id, m2Wrap.wrapUpDeadline, 'wrap_up_timer'],
        [m6Wrap.id, m6Wrap.wrapUpDeadline, 'wrap_up_timer'],
      ]),
    );
    expect(q.self('m2')!.status).toBe('on_break');
    expect(q.self('m6')!.status).toBe('available');
    // m5's grace period (30 s) ends: the idle agent is logged out.
    both([restored, twin], advance(60_000));
    expect(q.self('m5')!.status).toBe('logged_out');
    expect(restored.events).toEqual(twin.events.slice(since));
    expectSameState(twin.engine, restored.engine);
  });

  it('restores past deadlines: a timer due while the engine was down fires on the next tick', () => {
    const dbFile = tempDb();
    const first = open(tenant, dbFile, new VirtualClock(), 7);
    scriptedTraffic([first]);
    const offer = first.engine.queries.offerOf('m5')!;
    // The new process starts a minute later.
    const restored = open(tenant, dbFile, new VirtualClock(first.clock.now() + 60_000), 7);
    expect(restored.engine.queries.offerOf('m5')!.id).toBe(offer.id);
    restored.clock.advance(0);
    expect(restored.engine.queries.offerOf('m5')).toBeUndefined();
    expect(restored.engine.queries.self('m5')!.status).toBe('logged_out'); // grace over too
    expect(restored.engine.queries.interaction(offer.id)!.phase).toBe('queued');
  });

  it('a snapshot really is used: restore works with the events before it deleted', () => {
    const dbFile = tempDb();
    const first = open(tenant, dbFile, new VirtualClock(), 7);
    scriptedTraffic([first]);
    both([first], cmd({ type: 'arrive', queueId: 'chat', customer: {} }));
    const snapSeq = expectSnapshotAndTail(dbFile);
    const db = new Database(dbFile);
    db.prepare('DELETE FROM events WHERE seq <= ?').run(snapSeq);
    db.close();
    const restored = open(tenant, dbFile, new VirtualClock(first.clock.now()), 7);
    expectSameState(first.engine, restored.engine);
  });

  it.each([11, 22, 33, 44, 55])('random traffic (seed %i), crash, restore, more random traffic: same as a twin that never stopped', (seed) => {
    const dbFile = tempDb();
    const snapshotEvery = seed % 2 ? 7 : 1_000;
    const first = open(tenant, dbFile, new VirtualClock(), snapshotEvery);
    const twin = open(tenant, ':memory:', new VirtualClock(), snapshotEvery);
    const rng = new Rng(mulberry32(seed));
    for (const a of ['m1', 'm2', 'm3', 'm5', 'm6']) {
      both([first, twin], cmd({ type: 'login', agentId: a }));
      both([first, twin], cmd({ type: 'set_status', agentId: a, status: 'available' }));
    }
    for (let n = 0; n < 300; n++) both([first, twin], randomStep(rng, first.engine, first.clock));
    expectSameState(twin.engine, first.engine);

    const restored = open(tenant, dbFile, new VirtualClock(first.clock.now()), snapshotEvery);
    expectSameState(first.engine, restored.engine);
    const checker = new InvariantChecker(restored.engine, restored.clock);
    const since = twin.events.length;
    for (let n = 0; n < 300; n++) {
      both([restored, twin], randomStep(rng, restored.engine, restored.clock));
      checker.checkState(true);
      expect(checker.problems).toEqual([]);
    }
    expect(restored.events).toEqual(twin.events.slice(since));
    expectSameState(twin.engine, restored.engine);
  });
});
