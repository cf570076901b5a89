/**
 * Model-based test: thousands of random command sequences (seeded, so any
 * failure replays exactly) against the engine's invariants — nothing lost,
 * every interaction in exactly one place, capacity never exceeded, every
 * status change in the table, routing always settled.
 */
import { describe, expect, it } from 'vitest';
import { openEngine, parseTenant, VirtualClock, type Command } from '../../src/engine/index.js';
import { ERROR_CODES, InvariantChecker, modelTenant, mulberry32, randomStep, Rng, type Step } from './model-kit.js';

const SEQUENCES = Number(process.env.MODEL_SEQUENCES ?? 1500);
const STEPS = Number(process.env.MODEL_STEPS ?? 60);
const BASE_SEED = Number(process.env.MODEL_SEED ?? 20260105);

const describeStep = (s: Step) =>
  s.kind === 'advance' ? `advance ${s.ms}ms` : JSON.stringify(s.cmd, (k, v: unknown) => (k === 'notes' && typeof v === 'string' && v.length > 20 ? `<${v.length} chars>` : v));

function runSequence(seed: number, steps: number): { arrived: number; ended: number; commands: Record<string, [ok: number, err: number]> } {
  const tenant = parseTenant(modelTenant());
  const clock = new VirtualClock();
  const engine = openEngine({ tenant, dbFile: ':memory:', clock, snapshotEvery: 50 });
  const checker = new InvariantChecker(engine, clock);
  const rng = new Rng(mulberry32(seed));
  const log: string[] = [];
  const commands: Record<string, [number, number]> = {};
  try {
    for (let n = 0; n < steps; n++) {
      // Warm start: most agents log in and get ready early, so that routing has work to do.
      const step: Step =
        n < 8 && rng.chance(0.7)
          ? { kind: 'cmd', cmd: (n % 2 ? { type: 'set_status', agentId: `m${1 + (n >> 1)}`, status: 'available' } : { type: 'login', agentId: `m${1 + (n >> 1)}` }) as Command }
          : randomStep(rng, engine, clock);
      log.push(describeStep(step));
      if (step.kind === 'advance') clock.advance(step.ms);
      else {
        let result;
        try {
          result = engine.execute(step.cmd);
        } catch (e) {
          throw new Error(`command threw: ${(e as Error).stack}`);
        }
        const tally = (commands[step.cmd.type] ??= [0, 0]);
        if (result.ok) tally[0]++;
        else {
          tally[1]++;
          if (!ERROR_CODES.has(result.error.code) || !result.error.message) throw new Error(`untyped error ${JSON.stringify(result.error)}`);
        }
      }
      checker.checkState(true);
      if (checker.problems.length) throw new Error(checker.problems.slice(0, 5).join('\n'));
    }
  } catch (e) {
    throw new Error(`seed ${seed}, step ${log.length}: ${(e as Error).message}\nsteps:\n  ${log.slice(-25).join('\n  ')}`);
  } finally {
    engine.close();
  }
  return { arrived: checker.arrived.size, ended: checker.ended.size, commands };
}

describe('model-based: random command sequences keep the invariants', () => {
  it(`${SEQUENCES} sequences × ${STEPS} steps`, () => {
    let arrived = 0;
    let ended = 0;
    const totals: Record<string, [number, number]> = {};
    for (let k = 0; k < SEQUENCES; k++) {
      const r = runSequence(BASE_SEED + k, STEPS);
      arrived += r.arrived;
      ended += r.ended;
      for (const [type, [ok, err]] of Object.entries(r.commands)) {
        const t = (totals[type] ??= [0, 0]);
        t[0] += ok;
        t[1] += err;
      }
    }
    if (process.env.MODEL_VERBOSE) console.log(JSON.stringify({ arrived, ended, totals }));
    // The generator must exercise the engine, not just collect errors.
    expect(arrived).toBeGreaterThan(SEQUENCES * 3);
    expect(ended).toBeGreaterThan(SEQUENCES);
    const phone = ['phone_incoming', 'phone_leg_event', 'phone_transfer', 'phone_conference_add', 'phone_complete', 'phone_cancel_consult', 'phone_leave', 'phone_end_all', 'phone_hold', 'phone_mute', 'phone_record', 'phone_dial'];
    for (const type of ['arrive', 'arrive_direct', 'accept', 'reject', 'end_interaction', 'set_codes', 'wrap_up', 'customer_end', 'stop_new', 'resume', 'set_status', 'toggle_queue', 'connection_lost', 'connection_restored', 'login', 'logout', ...phone])
      expect(totals[type]?.[0] ?? 0, `successful ${type} commands`).toBeGreaterThan(0);
  }, 600_000);

  it('the same seed replays the same run', () => {
    expect(runSequence(BASE_SEED, 200)).toEqual(runSequence(BASE_SEED, 200));
  });

  it('long sequences keep the invariants too', () => {
    for (let k = 0; k < 10; k++) runSequence(BASE_SEED + 100_000 + k, 1_000);
  });
});
