/**
 * `npm run soak` — minutes of kill -9 cycles against a real `serve` (soak.ts).
 *   --cycles N      kill -9 and restart N times (default 30)
 *   --seed S        the run's seed (default: the time; printed, and replays the same scripts and kill points)
 *   --agents A      agents working (default 8)
 *   --customers C   web chat customers at a time (default 4)
 *   --work MIN-MAX  work between two kills: commands acknowledged (default 100-300)
 * Prints a line per cycle, then the report as JSON; exits 0 if it passed, 1 if not.
 */
import { parseArgs } from 'node:util';
import { runSoak } from './soak.js';

const { values } = parseArgs({
  options: {
    cycles: { type: 'string', default: '30' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000_007) },
    agents: { type: 'string', default: '8' },
    customers: { type: 'string', default: '4' },
    work: { type: 'string', default: '100-300' },
  },
});
const [min, max] = values.work.split('-').map(Number) as [number, number];
const started = Date.now();
const report = await runSoak({
  seed: Number(values.seed),
  cycles: Number(values.cycles),
  agents: Number(values.agents),
  customers: Number(values.customers),
  work: [min, max ?? min],
  log: (line) => console.error(line),
});
const times = (k: 'restartMs' | 'resumeMs') => {
  const s = report.cycles.map((c) => c[k]).sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length / 2)], max: s.at(-1) };
};
console.log(JSON.stringify({ ...report, restartMs: times('restartMs'), resumeMs: times('resumeMs'), minutes: Number(((Date.now() - started) / 60_000).toFixed(1)) }, null, 2));
console.error(report.passed ? `soak passed (seed ${report.seed})` : `soak FAILED (seed ${report.seed}): see the report above`);
process.exit(report.passed ? 0 : 1);
