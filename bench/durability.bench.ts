/**
 * What `serve --durability full` costs (issue 15): the same work on a WAL
 * file with `synchronous=NORMAL` (the default: an acknowledged command
 * survives the process crashing) and with `synchronous=FULL` (an fsync per
 * commit: it also survives an OS crash or power loss), in the same run, in
 * alternating rounds so both see the same machine load:
 *   - one by one: `execute(set_status)`, each its own transaction — the
 *     worst case, a quiet center where every command commits alone;
 *   - grouped: 100 agents' commands arriving in one turn of the event loop,
 *     committed as one transaction by the group commit (as `serve` runs).
 * Figures: µs per command and commands per second for each, and full/normal.
 * `npm run bench -- durability`. The database lives in the OS temp folder
 * (set TMPDIR to measure another disk).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openEngine, parseTenant, type Durability, type Engine } from '../src/engine/index.js';

const AGENTS = 100;
const ROUNDS = 6;
const SINGLE_PER_ROUND = 300;
const GROUPS_PER_ROUND = 30;

const out = (figure: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'durability', ...figure }));
const round = (x: number, digits = 1) => Number(x.toFixed(digits));

function tenant(): unknown {
  const agents = Array.from({ length: AGENTS }, (_, i) => ({ id: `d${i}`, firstName: `D${i}`, lastName: 'Bench', displayName: `D ${i}`, group: 'g', passwordHash: 'x' }));
  return { id: 'durability', name: 'Durability', groups: [{ id: 'g', name: 'G' }], agents, queues: [{ id: 'q', name: 'Q', media: 'email', agents: agents.map((a) => a.id) }] };
}

interface Rig {
  engine: Engine;
  flip: (agentId: string) => 'available' | 'on_break';
  close(): void;
}

function rig(durability: Durability): Rig {
  const dir = mkdtempSync(join(tmpdir(), `ac-durability-${durability}-`));
  const engine = openEngine({ tenant: parseTenant(tenant()), dbFile: join(dir, 'cc.db'), durability, groupCommit: true });
  const status = new Map<string, 'available' | 'on_break'>();
  for (let i = 0; i < AGENTS; i++) {
    engine.execute({ type: 'login', agentId: `d${i}` });
    status.set(`d${i}`, 'on_break');
  }
  return {
    engine,
    flip: (agentId) => {
      const next = status.get(agentId) === 'available' ? 'on_break' : 'available';
      status.set(agentId, next);
      return next;
    },
    close: () => {
      engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Commands one by one, each committed alone: ms taken. */
function single(r: Rig, n: number): number {
  const t0 = performance.now();
  for (let k = 0; k < n; k++) {
    const agentId = `d${k % AGENTS}`;
    if (!r.engine.execute({ type: 'set_status', agentId, status: r.flip(agentId) }).ok) throw new Error('refused');
  }
  return performance.now() - t0;
}

/** Groups of one command per agent, queued in one turn and committed together: ms taken. */
async function grouped(r: Rig, groups: number): Promise<number> {
  const t0 = performance.now();
  for (let g = 0; g < groups; g++) {
    const answers = Array.from({ length: AGENTS }, (_, i) => r.engine.executeDurable({ type: 'set_status', agentId: `d${i}`, status: r.flip(`d${i}`) }));
    for (const a of await Promise.all(answers)) if (!a.ok) throw new Error('refused');
  }
  return performance.now() - t0;
}

export default async function run(): Promise<void> {
  const levels: Durability[] = ['normal', 'full'];
  const rigs = new Map(levels.map((d) => [d, rig(d)]));
  const time = new Map(levels.map((d) => [d, { single: 0, grouped: 0 }]));
  try {
    single(rigs.get('normal')!, 100);
    single(rigs.get('full')!, 100); // warm-up
    for (let k = 0; k < ROUNDS; k++)
      for (const d of k % 2 ? [...levels].reverse() : levels) {
        time.get(d)!.single += single(rigs.get(d)!, SINGLE_PER_ROUND);
        time.get(d)!.grouped += await grouped(rigs.get(d)!, GROUPS_PER_ROUND);
      }
  } finally {
    for (const r of rigs.values()) r.close();
  }
  const singles = ROUNDS * SINGLE_PER_ROUND;
  const groupedCommands = ROUNDS * GROUPS_PER_ROUND * AGENTS;
  const figures = (d: Durability) => {
    const t = time.get(d)!;
    return {
      oneByOne: { usPerCommand: round((t.single * 1000) / singles), perSecond: Math.round(singles / (t.single / 1000)) },
      grouped: { usPerCommand: round((t.grouped * 1000) / groupedCommands), perSecond: Math.round(groupedCommands / (t.grouped / 1000)), commandsPerCommit: AGENTS },
    };
  };
  const normal = figures('normal');
  const full = figures('full');
  out({ durability: 'normal', synchronous: 'NORMAL', ...normal });
  out({ durability: 'full', synchronous: 'FULL', ...full });
  out({
    figure: 'cost of full (full/normal, time per command)',
    oneByOne: round(full.oneByOne.usPerCommand / normal.oneByOne.usPerCommand, 2),
    grouped: round(full.grouped.usPerCommand / normal.grouped.usPerCommand, 2),
    tmpdir: tmpdir(),
    loadavg: loadavg().map((x) => round(x, 2)),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
