/**
 * Group commit (`groupCommit: true`): `executeDurable` commands queued during
 * one turn run together at the next flush, their batches are appended in one
 * transaction with their receipts, then published in order, and only then are
 * the callers answered. Flushes are driven by hand (a scheduler that only
 * records, and `engine.flush()`): no sleeps.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  Engine,
  parseTenant,
  VirtualClock,
  type CommandOutcome,
  type EngineEvent,
  type Result,
} from '../../src/engine/index.js';
import { baseTenant } from './harness.js';
import { SpyStore } from './spy-store.js';


const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
  dirs.push(dir);
  return join(dir, 'cc.db');
};

function setup(options: { dbFile?: string; maxEvents?: number; clock?: VirtualClock } = {}) {
  const tenant = parseTenant(baseTenant());
  const clock = options.clock ?? new VirtualClock();
  const store = new SpyStore(options.dbFile ?? ':memory:');
  const scheduled: (() => void)[] = [];
  const engine = new Engine({
    tenant,
    store,
    clock,
    groupCommit: { maxEvents: options.maxEvents, schedule: (flush) => void scheduled.push(flush) },
  });
  const batches: EngineEvent[][] = [];
  engine.subscribe((batch) => batches.push([...batch]));
  store.appends.length = 0;
  /** Runs what the event loop would have run. */
  const turn = () => {
    for (const f of scheduled.splice(0)) f();
  };
  return { engine, store, clock, batches, scheduled, turn };
}

/** Lets every settled promise's callbacks run. */
const settle = () => new Promise<void>((r) => setImmediate(r));

function track<T>(p: Promise<T>) {
  const t: { done: boolean; value?: T; error?: Error } = { done: false };
  p.then(
    (v) => Object.assign(t, { done: true, value: v }),
    (e: Error) => Object.assign(t, { done: true, error: e }),
  );
  return t;
}

const okValue = (r: Result<CommandOutcome> | undefined) => {
  if (!r?.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.value;
};

describe('group commit', () => {
  it('commits several commands in one transaction with their receipts, then publishes, then answers', async () => {
    const { engine, store, batches, scheduled, turn } = setup();
    const a = track(engine.executeDurable({ type: 'login', agentId: 'a1' }, { commandId: 'c1' }));
    const b = track(engine.executeDurable({ type: 'set_status', agentId: 'a1', status: 'available' }, { commandId: 'c2' }));
    const c = track(engine.executeDurable({ type: 'arrive', queueId: 'phone', customer: { name: 'Lee' } }, { commandId: 'c3' }));
    expect(scheduled, 'one flush scheduled for the whole turn').toHaveLength(1);
    expect(engine.queued).toBe(3);
    await settle();
    // Nothing ran yet: not appended, not published, nobody answered, the state untouched.
    expect(store.appends).toEqual([]);
    expect(batches).toEqual([]);
    expect([a.done, b.done, c.done]).toEqual([false, false, false]);
    expect(engine.queries.self('a1')!.status).toBe('logged_out');

    turn();
    expect(store.appends, 'one transaction for the three commands').toHaveLength(1);
    expect(store.appends[0]!.receipts).toBe(3);
    expect(batches.map((b) => b.map((e) => e.type))).toEqual([
      ['agent.logged_in', 'agent.status_changed'],
      ['agent.status_changed'],
      ['interaction.arrived', 'interaction.offered'],
    ]);
    const seqs = batches.flat().map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, k) => seqs[0]! + k));
    expect(engine.lastSeq).toBe(seqs.at(-1));
    expect(store.appends[0]!.events).toBe(seqs.length);
    await settle();
    expect([a.done, b.done, c.done]).toEqual([true, true, true]);
    const interactionId = okValue(c.value).interactionId!;
    expect(engine.queries.offerOf('a1')?.id).toBe(interactionId);
  });

  it('answers a caller only after the append, and after the batches are published', async () => {
    const { engine, store } = setup();
    const order: string[] = [];
    engine.subscribe((batch) => order.push(`publish ${batch[0]!.type} (appends: ${store.appends.length})`));
    const done = engine.executeDurable({ type: 'login', agentId: 'a1' }).then(() => order.push(`answered (appends: ${store.appends.length})`));
    await settle();
    expect(order).toEqual([]);
    engine.flush();
    await done;
    expect(order).toEqual(['publish agent.logged_in (appends: 1)', 'answered (appends: 1)']);
  });

  it('publishes the batches in command order, and commands queued by a listener go to the next group', async () => {
    const { engine, store, batches, turn, scheduled } = setup();
    engine.subscribe((batch) => {
      // A listener reacting to a login: its command waits for the next turn.
      if (batch[0]!.type === 'agent.logged_in' && batch[0]!.agentId === 'a1')
        void engine.executeDurable({ type: 'set_status', agentId: 'a1', status: 'available' });
    });
    const results = ['a1', 'a2', 'a3'].map((agentId) => engine.executeDurable({ type: 'login', agentId }));
    turn();
    expect(batches.map((b) => (b[0] as { agentId: string }).agentId)).toEqual(['a1', 'a2', 'a3']);
    expect(store.appends).toHaveLength(1);
    expect(scheduled, 'the listener’s command is scheduled for the next turn').toHaveLength(1);
    expect(engine.queued).toBe(1);
    turn();
    expect(store.appends).toHaveLength(2);
    expect(batches.at(-1)!.map((e) => e.type)).toEqual(['agent.status_changed']);
    for (const r of await Promise.all(results)) okValue(r);
  });

  it('answers a resend of a still-pending command id with the same result, acting once', async () => {
    const { engine, store, batches, turn } = setup();
    const first = engine.executeDurable({ type: 'arrive', queueId: 'phone', customer: { name: 'Lee' } }, { commandId: 'x' });
    const resend = engine.executeDurable({ type: 'arrive', queueId: 'phone', customer: { name: 'Lee' } }, { commandId: 'x' });
    expect(engine.queued).toBe(1);
    turn();
    const [r1, r2] = await Promise.all([first, resend]);
    expect(r2).toEqual(r1);
    expect(batches.flat().filter((e) => e.type === 'interaction.arrived')).toHaveLength(1);
    expect(store.appends[0]!.receipts).toBe(1);
    // Committed: a later resend is answered from the stored receipt, queueing nothing.
    const later = await engine.executeDurable({ type: 'arrive', queueId: 'phone', customer: { name: 'Lee' } }, { commandId: 'x' });
    expect(later).toEqual(r1);
    expect(engine.queued).toBe(0);
    expect(engine.execute({ type: 'arrive', queueId: 'phone', customer: {} }, { commandId: 'x' })).toEqual(r1);
  });

  it('a refused command is answered with its error after the group commits, and leaves no receipt', async () => {
    const { engine, store, turn } = setup();
    const login = engine.executeDurable({ type: 'login', agentId: 'a1' }, { commandId: 'l' });
    const bad = engine.executeDurable({ type: 'accept', agentId: 'a1', interactionId: 'IX-404' }, { commandId: 'b' });
    turn();
    okValue(await login);
    const refused = await bad;
    expect(refused.ok).toBe(false);
    expect(store.appends).toEqual([{ events: 2, receipts: 1 }]);
    expect(store.receipt('b')).toBeUndefined();
  });

  it('a store failure during a flush fails every command of the group, publishes nothing, and refuses what follows (store-faults.test.ts)', async () => {
    const { engine, store, batches, turn } = setup();
    okValue(engine.execute({ type: 'login', agentId: 'a2' }));
    batches.length = 0;
    const pending = [
      engine.executeDurable({ type: 'login', agentId: 'a1' }, { commandId: 'p1' }),
      engine.executeDurable({ type: 'set_status', agentId: 'a1', status: 'available' }, { commandId: 'p2' }),
      // Refused by the rules, but its answer depended on the group: an error too, never an answer.
      engine.executeDurable({ type: 'accept', agentId: 'a1', interactionId: 'IX-404' }, { commandId: 'p3' }),
    ].map(track);
    store.failNext = true;
    turn();
    await settle();
    for (const p of pending) {
      expect(p.done).toBe(true);
      expect(p.error?.message).toMatch(/disk full/);
    }
    expect(batches, 'nothing published').toEqual([]);
    await expect(engine.executeDurable({ type: 'login', agentId: 'a3' })).rejects.toThrow(/store unavailable: disk full/);
    expect(() => engine.execute({ type: 'login', agentId: 'a3' })).toThrow(/store unavailable: disk full/);
  });

  it('fails what is still queued behind a failed group', async () => {
    const { engine, store, turn } = setup({ maxEvents: 1 });
    const pending = ['a1', 'a2', 'a3'].map((agentId) => track(engine.executeDurable({ type: 'login', agentId })));
    store.failNext = true;
    turn();
    await settle();
    expect(pending.map((p) => !!p.error)).toEqual([true, true, true]);
    expect(engine.queued).toBe(0);
  });

  it('timer-fired commands join the pending group', async () => {
    const { engine, store, batches, clock, turn } = setup();
    okValue(engine.execute({ type: 'login', agentId: 'a2' }));
    okValue(engine.execute({ type: 'set_status', agentId: 'a2', status: 'available' }));
    const offered = okValue(engine.execute({ type: 'arrive', queueId: 'phone', customer: {} })).interactionId!;
    store.appends.length = 0;
    batches.length = 0;
    clock.advance(20_000); // the offer times out: its command is queued, not run
    expect(engine.queued).toBe(1);
    expect(engine.queries.offerOf('a2')?.id).toBe(offered);
    const login = engine.executeDurable({ type: 'login', agentId: 'a1' }, { commandId: 'l1' });
    turn();
    expect(store.appends, 'the timeout and the login in one transaction').toEqual([{ events: expect.any(Number), receipts: 1 }]);
    const types = batches.flat().map((e) => e.type);
    expect(types).toContain('interaction.declined');
    expect(types.indexOf('interaction.declined')).toBeLessThan(types.indexOf('agent.logged_in'));
    expect(engine.queries.offerOf('a2')).toBeUndefined();
    okValue(await login);
    // Nothing fires twice: the timeout ran once.
    clock.advance(60_000);
    turn();
    expect(batches.flat().filter((e) => e.type === 'interaction.declined')).toHaveLength(1);
  });

  it('bounds a group by its events: a backlog is committed in several transactions of one flush', async () => {
    const { engine, store, batches, turn } = setup({ maxEvents: 4 });
    const results = ['a1', 'a2', 'a3'].map((agentId) => engine.executeDurable({ type: 'login', agentId }));
    turn();
    expect(store.appends.map((a) => a.events)).toEqual([4, 2]);
    expect(batches).toHaveLength(3);
    for (const r of await Promise.all(results)) okValue(r);
  });

  it('execute() commits what is queued first, so commands keep their order', async () => {
    const { engine, store, batches } = setup();
    const login = engine.executeDurable({ type: 'login', agentId: 'a1' });
    const result = engine.execute({ type: 'set_status', agentId: 'a1', status: 'available' });
    okValue(result);
    expect(store.appends).toHaveLength(2);
    expect(batches.map((b) => b.at(-1)!.type)).toEqual(['agent.status_changed', 'agent.status_changed']);
    okValue(await login);
    expect(engine.queued).toBe(0);
  });

  it('flushes on the next turn of the event loop by default; flushed() waits for it', async () => {
    const tenant = parseTenant(baseTenant());
    const store = new SpyStore(':memory:');
    const engine = new Engine({ tenant, store, clock: new VirtualClock(), groupCommit: true });
    store.appends.length = 0;
    const results = ['a1', 'a2', 'a3'].map((agentId) => engine.executeDurable({ type: 'login', agentId }));
    await engine.flushed();
    expect(store.appends).toHaveLength(1);
    for (const r of await Promise.all(results)) okValue(r);
    await expect(engine.flushed()).resolves.toBeUndefined();
    engine.close();
  });

  it('without group commit, executeDurable runs at once', async () => {
    const tenant = parseTenant(baseTenant());
    const store = new SpyStore(':memory:');
    const engine = new Engine({ tenant, store, clock: new VirtualClock() });
    const p = engine.executeDurable({ type: 'login', agentId: 'a1' });
    expect(store.appends).toHaveLength(1);
    okValue(await p);
    store.failNext = true;
    await expect(engine.executeDurable({ type: 'login', agentId: 'a2' })).rejects.toThrow(/disk full/);
  });

  it('close() commits what is queued; a restart on the same file sees everything that was answered', async () => {
    const dbFile = tempDb();
    const clock = new VirtualClock();
    const first = setup({ dbFile, clock });
    const answered: Promise<Result<CommandOutcome>>[] = [];
    answered.push(first.engine.executeDurable({ type: 'login', agentId: 'a1' }, { commandId: 'r1' }));
    answered.push(first.engine.executeDurable({ type: 'set_status', agentId: 'a1', status: 'available' }, { commandId: 'r2' }));
    first.turn();
    const arrive = first.engine.executeDurable({ type: 'arrive', queueId: 'phone', customer: { name: 'Lee' } }, { commandId: 'r3' });
    answered.push(arrive);
    answered.push(first.engine.executeDurable({ type: 'login', agentId: 'a2' }, { commandId: 'r4' }));
    first.engine.close(); // commits r3 and r4 before closing
    const results = await Promise.all(answered);
    for (const r of results) okValue(r);
    const interactionId = okValue(results[2]).interactionId!;

    const again = setup({ dbFile, clock: new VirtualClock(clock.now()) });
    expect(again.engine.lastSeq).toBe(first.engine.lastSeq);
    expect(again.engine.queries.self('a1')!.status).toBe('available');
    expect(again.engine.queries.offerOf('a1')?.id).toBe(interactionId);
    expect(again.engine.queries.self('a2')!.status).not.toBe('logged_out');
    // Every receipt survived: resends act no more.
    expect(await again.engine.executeDurable({ type: 'arrive', queueId: 'phone', customer: {} }, { commandId: 'r3' })).toEqual(results[2]);
    expect(again.engine.queued).toBe(0);
    again.engine.close();
  });

  it('a command queued after close is refused', async () => {
    const { engine } = setup();
    engine.close();
    await expect(engine.executeDurable({ type: 'login', agentId: 'a1' })).rejects.toThrow(/closed/);
  });
});
