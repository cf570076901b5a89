/**
 * The short soak inside `npm test` (the long one is `npm run soak`): a real
 * `serve` killed with SIGKILL and restarted 4 times under agents and web chat
 * customers, each after 30–80 commands acknowledged; every acknowledged
 * command acts exactly once in the log, every agent's view and customer's
 * transcript equals the server's, no error is logged. Seeded (SOAK_SEED
 * replays another run); pass/fail does not depend on timing: the work is
 * counted in commands, not milliseconds (under a load average of 5–7 the
 * timed version ran past 180 s), and every wait is on a condition, each
 * bounded so that a stall fails naming its phase.
 */
import { describe, expect, it } from 'vitest';
import { runSoak } from './soak.js';

const SEED = Number(process.env.SOAK_SEED ?? 20260105);

describe('soak: kill -9 and restart under traffic', () => {
  it(`4 cycles (seed ${SEED}): nothing acknowledged lost or applied twice, every view equal to the server's`, async () => {
    const report = await runSoak({ seed: SEED, cycles: 4, agents: 6, customers: 3, work: [30, 80] });
    expect(report.ledger.problems).toEqual([]);
    expect(report.agentViews.different).toEqual([]);
    expect(report.customerTranscripts.different).toEqual([]);
    expect(report.serverErrors).toEqual([]);
    expect(report.passed).toBe(true);
    // It did work: commands of every kind, some of them resent across a kill.
    expect(report.acknowledged).toBeGreaterThan(100);
    expect(Object.keys(report.ledger.checked).sort()).toEqual(['accepted', 'agent_chat', 'chat_line', 'chat_started', 'dialed', 'ended_by_agent', 'notes', 'wrapped_up']);
    expect(report.cycles).toHaveLength(4);
  }, 300_000);
});
