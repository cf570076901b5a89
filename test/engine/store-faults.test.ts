/**
 * Store faults (issue 15): a write that fails leaves nothing half-applied —
 * the engine's memory is rolled back to what the log holds — every affected
 * command is refused with STORE_UNAVAILABLE, health says so, and the engine
 * takes work again by itself once the store can be written (re-open, replay);
 * if it cannot prove its state it gives up for good. Faults are injected
 * (a SQLite store told to fail like a full disk); test/e2e/store-faults.test.ts
 * fills a real filesystem.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  Engine,
  parseTenant,
  SqliteEventStore,
  StoreUnavailableError,
  VirtualClock,
  type EngineEvent,
  type StoreHealth,
} from '../../src/engine/index.js';
import { restore, serializeState } from '../../src/engine/modules.js';
import { FaultyStore } from './faulty-store.js';
import { baseTenant } from './harness.js';
import { InvariantChecker, modelTenant, mulberry32, randomStep, Rng } from './model-kit.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const RETRY_MS = 1000;

function setup(options: { tenant?: unknown; groupCommit?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ac-store-faults-'));
  dirs.push(dir);
  const file = join(dir, 'cc.db');
  const clock = new VirtualClock();
  const tenant = parseTenant(options.tenant ?? baseTenant());
  let store = new FaultyStore(file);
  const fault = { full: false, readUpTo: undefined as number | undefined };
  const scheduled: (() => void)[] = [];
  const engine = new Engine({
    tenant,
    store,
    clock,
    storeRetryMs: RETRY_MS,
    // Re-opened connections keep failing while the disk is "full".
    reopenStore: () => (store = Object.assign(new FaultyStore(file), fault)),
    groupCommit: options.groupCommit ? { schedule: (f) => void scheduled.push(f) } : undefined,
  });
  const published: EngineEvent[] = [];
  engine.subscribe((b) => published.push(...b));
  const health: StoreHealth[] = [];
  engine.onHealth((h) => health.push(h));
  return {
    engine,
    clock,
    published,
    health,
    turn: () => scheduled.splice(0).forEach((f) => f()),
    fill: (full: boolean) => {
      fault.full = full;
      store.full = full;
    },
    loseTail: (upTo: number) => {
      fault.readUpTo = upTo;
      store.readUpTo = upTo;
    },
    /** Memory as the engine holds it, and as its log (re-read now) rebuilds it. */
    memory: () => serializeState(engine.queries.unsafeState()),
    durable: () => {
      const log = new SqliteEventStore(file);
      try {
        return serializeState(restore(log, tenant).state);
      } finally {
        log.close();
      }
    },
  };
}

const unavailable = (e: unknown) => e instanceof StoreUnavailableError && !e.final;

describe('a store write that fails', () => {
  it('refuses the command with STORE_UNAVAILABLE, publishes nothing, and leaves memory equal to the log', () => {
    const s = setup();
    s.engine.execute({ type: 'login', agentId: 'a1' });
    s.engine.execute({ type: 'set_status', agentId: 'a1', status: 'available' });
    const before = s.memory();
    s.published.length = 0;
    s.fill(true);
    // An arrival is offered to a1 at once: arrive + offer were applied in memory, then the append failed.
    let thrown: unknown;
    try {
      s.engine.execute({ type: 'arrive', queueId: 'phone', customer: { name: 'Lee' } });
    } catch (e) {
      thrown = e;
    }
    expect(unavailable(thrown)).toBe(true);
    expect((thrown as StoreUnavailableError).reason).toBe('SQLITE_FULL: database or disk is full');
    expect(s.published).toEqual([]);
    expect(s.memory()).toEqual(before);
    expect(s.memory()).toEqual(s.durable());
    expect(s.engine.queries.offerOf('a1')).toBeUndefined();
    expect(s.engine.health).toMatchObject({ state: 'unavailable', reason: 'SQLITE_FULL: database or disk is full', refused: 0 });
    // Until the store is back, every command is refused without touching it.
    expect(() => s.engine.execute({ type: 'login', agentId: 'a2' })).toThrow(StoreUnavailableError);
    expect(s.engine.health).toMatchObject({ state: 'unavailable', refused: 1 });
    expect(s.health.map((h) => h.state)).toEqual(['unavailable']);
  });

  it('with group commit: the failed group and everything queued behind it are refused; nothing is published', async () => {
    const s = setup({ groupCommit: true });
    const first = s.engine.executeDurable({ type: 'login', agentId: 'a1' });
    s.turn();
    await first;
    const before = s.memory();
    s.published.length = 0;
    s.fill(true);
    const group = [
      s.engine.executeDurable({ type: 'set_status', agentId: 'a1', status: 'available' }, { commandId: 'g1' }),
      s.engine.executeDurable({ type: 'login', agentId: 'a2' }, { commandId: 'g2' }),
    ];
    s.turn();
    for (const p of group) await expect(p).rejects.toSatisfy(unavailable);
    await expect(s.engine.executeDurable({ type: 'login', agentId: 'a3' })).rejects.toSatisfy(unavailable);
    expect(s.published).toEqual([]);
    expect(s.memory()).toEqual(before);
    expect(s.memory()).toEqual(s.durable());
  });

  it('recovers by itself once the store can be written: commands succeed, missed deadlines fire, health says how long it lasted', () => {
    const s = setup();
    s.engine.execute({ type: 'login', agentId: 'a1' });
    s.engine.execute({ type: 'set_status', agentId: 'a1', status: 'available' });
    const offered = s.engine.execute({ type: 'arrive', queueId: 'phone', customer: { name: 'Lee' } });
    expect(s.engine.queries.offerOf('a1')?.id).toBe(offered.ok && offered.value.interactionId);
    s.fill(true);
    expect(() => s.engine.execute({ type: 'login', agentId: 'a2' })).toThrow(StoreUnavailableError);
    // The offer's 20 s run out during the outage: its timeout cannot be recorded yet.
    s.clock.advance(25_000);
    expect(s.engine.health.state).toBe('unavailable');
    expect(s.engine.queries.offerOf('a1')).toBeDefined();
    s.fill(false);
    s.clock.advance(RETRY_MS);
    expect(s.engine.health).toEqual({ state: 'ok' });
    expect(s.health.map((h) => h.state)).toEqual(['unavailable', 'ok']);
    // The missed timeout fired on recovery: the offer went back, a1 went On Break.
    expect(s.engine.queries.offerOf('a1')).toBeUndefined();
    expect(s.engine.queries.self('a1')?.status).toBe('on_break');
    expect(s.engine.execute({ type: 'login', agentId: 'a2' }).ok).toBe(true);
    expect(s.memory()).toEqual(s.durable());
  });

  it('keeps refusing while the store stays unwritable, retrying every second, and logs nothing more', () => {
    const s = setup();
    s.engine.execute({ type: 'login', agentId: 'a1' });
    s.fill(true);
    expect(() => s.engine.execute({ type: 'logout', agentId: 'a1' })).toThrow(StoreUnavailableError);
    for (let k = 0; k < 10; k++) s.clock.advance(RETRY_MS);
    expect(s.engine.health.state).toBe('unavailable');
    expect(s.health.map((h) => h.state)).toEqual(['unavailable']);
    s.fill(false);
    s.clock.advance(RETRY_MS);
    expect(s.engine.execute({ type: 'logout', agentId: 'a1' }).ok).toBe(true);
  });

  it('gives up for good when the log holds less than was acknowledged: health failed, every command refused as final', () => {
    const s = setup();
    s.engine.execute({ type: 'login', agentId: 'a1' });
    s.engine.execute({ type: 'set_status', agentId: 'a1', status: 'available' });
    s.loseTail(1);
    s.fill(true);
    let thrown: unknown;
    try {
      s.engine.execute({ type: 'login', agentId: 'a2' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(StoreUnavailableError);
    expect((thrown as StoreUnavailableError).final).toBe(true);
    expect(s.engine.health).toMatchObject({ state: 'failed', reason: expect.stringMatching(/acknowledged/) });
    s.fill(false);
    s.clock.advance(RETRY_MS * 5);
    expect(s.engine.health.state).toBe('failed');
    expect(() => s.engine.execute({ type: 'login', agentId: 'a2' })).toThrow(/engine stopped/);
  });
});

describe('model-based: random sequences with random store failures', () => {
  it('memory always equals the log, and the invariants hold through every fault and recovery', () => {
    const SEQUENCES = Number(process.env.FAULT_SEQUENCES ?? 40);
    const STEPS = 60;
    const BASE = Number(process.env.MODEL_SEED ?? 20260105);
    let faults = 0;
    let recoveries = 0;
    for (let n = 0; n < SEQUENCES; n++) {
      const seed = BASE + n;
      const s = setup({ tenant: modelTenant() });
      const rng = new Rng(mulberry32(seed));
      const checker = new InvariantChecker(s.engine, s.clock);
      try {
        for (let k = 0; k < STEPS; k++) {
          if (rng.chance(0.08)) s.fill(!s.engine.health || s.engine.health.state === 'ok');
          const step = randomStep(rng, s.engine, s.clock);
          const wasOk = s.engine.health.state === 'ok';
          let refused = false;
          try {
            if (step.kind === 'advance') s.clock.advance(step.ms);
            else s.engine.execute(step.cmd);
          } catch (e) {
            if (!(e instanceof StoreUnavailableError) || e.final) throw e;
            refused = true;
          }
          if (wasOk && s.engine.health.state !== 'ok') faults++;
          if (!wasOk && s.engine.health.state === 'ok') recoveries++;
          // Re-reading the log is slow: after every fault, refusal and recovery, and at the end.
          if (refused || wasOk !== (s.engine.health.state === 'ok') || k === STEPS - 1)
            expect(s.memory(), `seed ${seed} step ${k}`).toEqual(s.durable());
          checker.checkState(s.engine.health.state === 'ok');
          if (checker.problems.length) throw new Error(checker.problems.slice(0, 3).join('\n'));
        }
      } catch (e) {
        throw new Error(`seed ${seed}: ${(e as Error).message}`);
      } finally {
        s.engine.close();
      }
    }
    expect(faults).toBeGreaterThan(SEQUENCES / 2);
    expect(recoveries).toBeGreaterThan(SEQUENCES / 4);
  }, 120_000);
});
