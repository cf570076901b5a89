/**
 * Routing benchmark (issue 3): routing decisions per second and latency per
 * decision, large (10,000 agents, 200 queues, 100,000 waiting) against small
 * (100 agents, 10 queues, 100 waiting), and the event log's append rate.
 *
 * What one "decision" costs, measured three ways:
 *  - `engine:work_end→offer`: Engine.execute(wrap_up) on an in-memory store —
 *    the interaction ends, the agent becomes Available, the router picks the
 *    best waiting interaction across the agent's queues (priority, then wait),
 *    the offer event is emitted, the batch is committed, timers armed, events
 *    published. Every agent holds an offer or work, and queues stay full (an
 *    untimed arrival replaces each interaction taken). Printed with the
 *    engine's default snapshot policy (a full-state snapshot every 10,000
 *    events, whose cost grows with the live state) and with snapshots off,
 *    which isolates routing + event append.
 *  - `engine:arrive→offer`: Engine.execute(arrive) with empty queues and ready
 *    agents: the router picks the longest-idle eligible agent. Also on a WAL
 *    file (`(wal-file)`), where each command is one durable transaction.
 *  - `engine:arrive→offer(group-commit×G)`: the same arrivals through
 *    Engine.executeDurable on a group-commit engine: G commands are queued in
 *    one turn, the engine flushes them on the next (setImmediate) in one
 *    transaction, publishes, and answers. Timed per group (enqueue → every
 *    answer in), on `:memory:` and on a WAL file.
 *  - `router`: the Router alone, fed by the state reducers exactly as the
 *    engine feeds it (no store, no engine): an agent becomes Available,
 *    next() answers, the offer is filed, routing settles.
 * Every timed operation is checked to make exactly one offer.
 *
 * The small and large systems of a path are built side by side and timed in
 * alternating blocks of 1,000 decisions, so that both see the same machine
 * load: the large/small cost ratio (target ≤ 3×: no linear scans over agents
 * or waiting interactions) compares like with like on a shared machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineEvent, EngineEventBody, EngineState } from '../src/engine/kernel/types.js';
import { applyEvent, emptyState } from '../src/engine/modules.js';
import { openEngine, parseTenant, SqliteEventStore, type Clock, type Command, type Engine, type Tenant } from '../src/engine/index.js';
import { Router } from '../src/engine/routing/router.js';
import { prng } from '../src/cli/demo/prng.js';

interface Size {
  name: 'small' | 'large';
  agents: number;
  queues: number;
  waiting: number;
}

const SMALL: Size = { name: 'small', agents: 100, queues: 10, waiting: 100 };
const LARGE: Size = { name: 'large', agents: 10_000, queues: 200, waiting: 100_000 };
/** Queues per agent: the same in both sizes, so the per-decision work is comparable. */
const QUEUES_PER_AGENT = 4;
const WARMUP = 3_000;
const DECISIONS = 30_000;
const BLOCK = 1_000;

const out = (figure: Record<string, unknown>) => console.log(JSON.stringify(figure));
const progress = (msg: string) => console.error(`  ${msg}`);

/** Time stands still and timers never fire: the benchmark measures routing, not countdowns. */
class FrozenClock implements Clock {
  private t = Date.UTC(2026, 0, 5, 9);
  now(): number {
    return this.t;
  }
  tick(): void {
    this.t += 1;
  }
  at(): { cancel(): void } {
    return { cancel() {} };
  }
}


function buildTenant(size: Size): Tenant {
  const agents = Array.from({ length: size.agents }, (_, i) => ({
    id: `ag${i}`,
    firstName: `Agent${i}`,
    lastName: 'Bench',
    displayName: `Agent ${i}`,
    group: 'g',
    passwordHash: 'x',
  }));
  const members: string[][] = Array.from({ length: size.queues }, () => []);
  for (let i = 0; i < size.agents; i++)
    for (let j = 0; j < QUEUES_PER_AGENT; j++) members[(i * 7 + j * 31 + (i >> 3)) % size.queues]!.push(`ag${i}`);
  const queues = members.map((list, q) => ({
    id: `q${q}`,
    name: `Queue ${q}`,
    media: 'inbound_phone',
    priority: 10 + (q % 5) * 20,
    acceptTimeoutSec: 20,
    wrapUpSec: 60,
    agents: [...new Set(list)],
  }));
  return parseTenant({ id: 'bench', name: 'Bench', groups: [{ id: 'g', name: 'G' }], agents, queues }, 'bench tenant');
}

/** A system ready to make decisions: `op` is timed and must make exactly one offer; `after` recycles, untimed. */
interface Workload {
  offers(): number;
  op(k: number): void;
  after(): void;
  /** Throws if the shape of the system drifted (e.g. queues no longer full). */
  check(): void;
  close(): void;
}

function must(engine: Engine, cmd: Command): string | undefined {
  const r = engine.execute(cmd);
  if (!r.ok) throw new Error(`${cmd.type}: ${r.error.code} ${r.error.message}`);
  return r.value.interactionId;
}

function countOffers(engine: Engine, onOffer?: (e: Extract<EngineEvent, { type: 'interaction.offered' }>) => void) {
  const counter = { n: 0 };
  engine.subscribe((batch) => {
    for (const e of batch)
      if (e.type === 'interaction.offered') {
        counter.n++;
        onOffer?.(e);
      }
  });
  return counter;
}

/** Agents become Available one at a time (by finishing their work) against full queues. */
function engineWorkEnd(size: Size, tenant: Tenant, snapshotEvery?: number): Workload {
  const clock = new FrozenClock();
  const engine = openEngine({ tenant, dbFile: ':memory:', clock, snapshotEvery });
  const offers = countOffers(engine);
  const queueIds = [...tenant.queues.keys()];
  for (let i = 0; i < size.waiting; i++) must(engine, { type: 'arrive', queueId: queueIds[i % queueIds.length]!, customer: {} });
  const agentIds = [...tenant.agents.keys()];
  for (const agentId of agentIds) must(engine, { type: 'login', agentId });
  const takeOffer = (agentId: string) => {
    const offered = engine.queries.offerOf(agentId)!;
    must(engine, { type: 'arrive', queueId: offered.queueId!, customer: {} });
    must(engine, { type: 'accept', agentId, interactionId: offered.id });
    must(engine, { type: 'end_interaction', agentId, interactionId: offered.id });
  };
  // Everyone takes a first offer and hangs up: from then on every agent holds work in wrap-up.
  for (const agentId of agentIds) {
    must(engine, { type: 'set_status', agentId, status: 'available' });
    takeOffer(agentId);
  }
  const state = engine.queries.unsafeState();
  let agentId = '';
  return {
    offers: () => offers.n,
    op: (k) => {
      agentId = agentIds[k % agentIds.length]!;
      clock.tick();
      must(engine, { type: 'wrap_up', agentId, interactionId: state.agents.get(agentId)!.work.values().next().value! });
    },
    after: () => takeOffer(agentId),
    check: () => {
      const waiting = queueIds.reduce((n, q) => n + engine.queries.queueStats(q)!.waiting, 0);
      if (waiting !== size.waiting) throw new Error(`waiting drifted: ${waiting}`);
    },
    close: () => engine.close(),
  };
}

/** A scratch directory for file-backed stores, removed at exit. */
let scratch: string | undefined;
function scratchDb(name: string): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'bench-routing-'));
  return join(scratch, `${name}-${Math.random().toString(36).slice(2)}.db`);
}

/** Arrivals against ready agents (empty queues): the longest-idle eligible agent gets each. */
/** Logs every agent in and makes them Available, one clock tick apart (so idle times differ). */
function everyoneAvailable(engine: Engine, clock: FrozenClock, tenant: Tenant): void {
  for (const agentId of tenant.agents.keys()) {
    must(engine, { type: 'login', agentId });
    clock.tick();
    must(engine, { type: 'set_status', agentId, status: 'available' });
  }
}

function engineArrival(size: Size, tenant: Tenant, dbFile = ':memory:'): Workload {
  const clock = new FrozenClock();
  const engine = openEngine({ tenant, dbFile, clock });
  let last: string | undefined;
  const offers = countOffers(engine, (e) => (last = e.interactionId));
  everyoneAvailable(engine, clock, tenant);
  const queueIds = [...tenant.queues.keys()];
  const rand = prng(7);
  return {
    offers: () => offers.n,
    op: () => {
      clock.tick();
      must(engine, { type: 'arrive', queueId: queueIds[Math.floor(rand() * queueIds.length)]!, customer: {} });
    },
    // The customer gives up while offered: the agent is ready again (now the least idle).
    after: () => void must(engine, { type: 'customer_end', interactionId: last! }),
    check: () => {
      const ready = queueIds.reduce((n, q) => n + engine.queries.queueStats(q)!.available, 0);
      if (ready !== size.agents * QUEUES_PER_AGENT - duplicates(tenant)) throw new Error(`ready agents drifted: ${ready}`);
    },
    close: () => engine.close(),
  };
}

/** Agent-queue memberships lost to the same agent landing twice in a queue (deduplicated in buildTenant). */
function duplicates(tenant: Tenant): number {
  let n = 0;
  for (const qs of tenant.queuesOfAgent.values()) n += QUEUES_PER_AGENT - qs.length;
  return n;
}

/** Arrivals in groups of `group` through executeDurable on a group-commit engine: one flush (one transaction) per group. */
interface GroupWorkload {
  /**
   * Queues `count` arrivals in one turn; resolves once every one is answered, with the offers made
   * (fewer than `count` when a group outnumbers a queue's ready agents: those wait).
   */
  group(count: number): Promise<number>;
  /** Untimed: the customers of the last group give up (waiting or offered), their agents are ready again. */
  after(): Promise<void>;
  check(): void;
  close(): void;
}

function engineArrivalGrouped(size: Size, tenant: Tenant, dbFile = ':memory:'): GroupWorkload {
  const clock = new FrozenClock();
  const engine = openEngine({ tenant, dbFile, clock, groupCommit: true });
  const offers = countOffers(engine);
  everyoneAvailable(engine, clock, tenant);
  const queueIds = [...tenant.queues.keys()];
  const rand = prng(7);
  const idOf = (r: Awaited<ReturnType<Engine['executeDurable']>>) => {
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
    return r.value.interactionId!;
  };
  let arrived: string[] = [];
  return {
    group: async (count) => {
      const before = offers.n;
      const answers: Promise<string>[] = [];
      for (let k = 0; k < count; k++) {
        clock.tick();
        answers.push(engine.executeDurable({ type: 'arrive', queueId: queueIds[Math.floor(rand() * queueIds.length)]!, customer: {} }).then(idOf));
      }
      arrived = await Promise.all(answers);
      const made = offers.n - before;
      if (made === 0 || made > count) throw new Error(`a group of ${count} arrivals made ${made} offers`);
      return made;
    },
    after: async () => {
      await Promise.all(arrived.map((interactionId) => engine.executeDurable({ type: 'customer_end', interactionId }).then(idOf)));
    },
    check: () => {
      const ready = queueIds.reduce((n, q) => n + engine.queries.queueStats(q)!.available, 0);
      if (ready !== size.agents * QUEUES_PER_AGENT - duplicates(tenant)) throw new Error(`ready agents drifted: ${ready}`);
    },
    close: () => engine.close(),
  };
}

/** Warms both up, then times groups of `group` arrivals in alternating blocks (as measurePair). */
async function measureGroupedPair(small: GroupWorkload, large: GroupWorkload, group: number) {
  const groups = Math.ceil(DECISIONS / group);
  const perBlock = Math.max(1, Math.floor(BLOCK / group));
  const made = { small: 0, large: 0 };
  const run = async (w: GroupWorkload, n: number, into?: Float64Array, at = 0, size?: 'small' | 'large') => {
    for (let k = 0; k < n; k++) {
      const t0 = process.hrtime.bigint();
      const offers = await w.group(group);
      if (into) into[at + k] = Number(process.hrtime.bigint() - t0);
      if (size) made[size] += offers;
      await w.after();
    }
  };
  await run(small, Math.ceil(WARMUP / group));
  await run(large, Math.ceil(WARMUP / group));
  const samples = { small: new Float64Array(groups), large: new Float64Array(groups) };
  for (let done = 0; done < groups; done += perBlock) {
    const n = Math.min(perBlock, groups - done);
    await run(small, n, samples.small, done, 'small');
    await run(large, n, samples.large, done, 'large');
  }
  small.check();
  large.check();
  const summary = (ns: Float64Array, decisions: number) => {
    const total = ns.reduce((a, b) => a + b, 0);
    const sorted = Float64Array.from(ns).sort();
    const at = (p: number) => +(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! / 1000).toFixed(1);
    return {
      arrivals: ns.length * group,
      decisions,
      decisionsPerSec: Math.round(decisions / (total / 1e9)),
      meanUs: +(total / decisions / 1000).toFixed(2),
      groupSize: group,
      groupP50us: at(0.5),
      groupP99us: at(0.99),
      groupMaxUs: +(sorted[sorted.length - 1]! / 1000).toFixed(1),
    };
  };
  return { small: summary(samples.small, made.small), large: summary(samples.large, made.large) };
}

/** The Router alone, fed by the reducers exactly as the engine feeds it. */
function routerOnly(size: Size, tenant: Tenant): Workload {
  const state: EngineState = emptyState();
  const router = new Router(state, tenant);
  let seq = 0;
  let ts = Date.UTC(2026, 0, 5, 9);
  const emit = (body: EngineEventBody) => {
    const ids = body as { interactionId?: string; agentId?: string };
    const before = ids.interactionId ? state.interactions.get(ids.interactionId) : undefined;
    applyEvent(state, { ...body, seq: ++seq, ts } as EngineEvent);
    const i = before ?? (ids.interactionId ? state.interactions.get(ids.interactionId) : undefined);
    if (i) router.refreshInteraction(i);
    if (ids.agentId) router.refreshAgent(ids.agentId);
    if (i?.agentId && i.agentId !== ids.agentId) router.refreshAgent(i.agentId);
  };
  const queueIds = [...tenant.queues.keys()];
  let nextId = 1;
  const arrive = (queueId: string) =>
    emit({ type: 'interaction.arrived', interactionId: `IX-${nextId}`, media: 'inbound_phone', queueId, customer: {}, arrivalSeq: nextId++ });
  let offers = 0;
  /** Routes until settled, as Engine.route does. */
  const route = () => {
    for (let d = router.next(); d; d = router.next()) {
      emit({ type: 'interaction.offered', interactionId: d.interactionId, agentId: d.agentId, deadline: ts + 20_000 });
      offers++;
    }
  };
  for (let i = 0; i < size.waiting; i++) arrive(queueIds[i % queueIds.length]!);
  const agentIds = [...tenant.agents.keys()];
  for (const agentId of agentIds) {
    emit({ type: 'agent.logged_in', agentId });
    emit({ type: 'agent.status_changed', agentId, from: 'logged_out', to: 'on_break', cause: 'login' });
  }
  route();
  let agentId = '';
  return {
    offers: () => offers,
    op: (k) => {
      agentId = agentIds[k % agentIds.length]!;
      ts++;
      emit({ type: 'agent.status_changed', agentId, from: 'on_break', to: 'available', cause: 'agent' });
      route();
    },
    after: () => {
      // The offer is accepted and handled, the agent goes On Break, a new arrival replaces it.
      const made = state.agents.get(agentId)!.offer!;
      const queueId = state.interactions.get(made)!.queueId!;
      emit({ type: 'interaction.accepted', interactionId: made, agentId });
      emit({ type: 'agent.status_changed', agentId, from: 'available', to: 'busy', cause: 'accept' });
      emit({ type: 'interaction.ended', interactionId: made, reason: 'wrapped_up' });
      emit({ type: 'agent.status_changed', agentId, from: 'busy', to: 'on_break', cause: 'work_ended' });
      arrive(queueId);
      const before = offers;
      route();
      if (offers !== before) throw new Error('unexpected offer outside the measurement');
    },
    check: () => {
      const waiting = queueIds.reduce((n, q) => n + router.stats(q)!.waiting, 0);
      if (waiting !== size.waiting) throw new Error(`waiting drifted: ${waiting}`);
    },
    close: () => {},
  };
}

interface Summary {
  decisions: number;
  decisionsPerSec: number;
  meanUs: number;
  p50us: number;
  p99us: number;
  maxUs: number;
}

function summarize(samplesNs: Float64Array): Summary {
  const total = samplesNs.reduce((a, b) => a + b, 0);
  const sorted = Float64Array.from(samplesNs).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! / 1000;
  return {
    decisions: samplesNs.length,
    decisionsPerSec: Math.round(samplesNs.length / (total / 1e9)),
    meanUs: +(total / samplesNs.length / 1000).toFixed(2),
    p50us: +at(0.5).toFixed(2),
    p99us: +at(0.99).toFixed(2),
    maxUs: +(sorted[sorted.length - 1]! / 1000).toFixed(1),
  };
}

/** Runs `count` decisions of a workload from decision number `from`, recording timings from `into[at]`. */
function runBlock(w: Workload, from: number, count: number, into?: Float64Array, at = 0): void {
  for (let k = from; k < from + count; k++) {
    const before = w.offers();
    const t0 = process.hrtime.bigint();
    w.op(k);
    const dt = Number(process.hrtime.bigint() - t0);
    if (w.offers() !== before + 1) throw new Error(`decision ${k} made ${w.offers() - before} offers, expected 1`);
    if (into) into[at + k - from] = dt;
    w.after();
  }
}

/** Warms both up, then times them in alternating blocks so that both see the same machine load. */
function measurePair(small: Workload, large: Workload): { small: Summary; large: Summary } {
  runBlock(small, 0, WARMUP);
  runBlock(large, 0, WARMUP);
  const samples = { small: new Float64Array(DECISIONS), large: new Float64Array(DECISIONS) };
  for (let done = 0; done < DECISIONS; done += BLOCK) {
    runBlock(small, WARMUP + done, BLOCK, samples.small, done);
    runBlock(large, WARMUP + done, BLOCK, samples.large, done);
  }
  small.check();
  large.check();
  return { small: summarize(samples.small), large: summarize(samples.large) };
}

/** Event-log appends, durable in WAL with synchronous=NORMAL, in a temp file. */
function appendThroughput(): void {
  const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  try {
    const store = new SqliteEventStore(join(dir, 'events.db'));
    let seq = 0;
    const event = (): EngineEvent => ({
      type: 'interaction.notes_set',
      interactionId: `IX-${seq % 1000}`,
      notes: 'Customer asked about the invoice of last month; explained the late fee.',
      seq: ++seq,
      ts: Date.now(),
    });
    for (const batch of [1, 10]) {
      const total = batch === 1 ? 20_000 : 100_000;
      for (let k = 0; k < 1_000; k++) store.append(Array.from({ length: batch }, event)); // warm-up
      const t0 = process.hrtime.bigint();
      for (let k = 0; k < total / batch; k++) store.append(Array.from({ length: batch }, event));
      const sec = Number(process.hrtime.bigint() - t0) / 1e9;
      out({
        bench: 'routing',
        case: 'event-log-append',
        journal: 'wal',
        synchronous: 'normal',
        batch,
        events: total,
        eventsPerSec: Math.round(total / sec),
        transactionsPerSec: Math.round(total / batch / sec),
      });
    }
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function run(): Promise<void> {
  // Timings on a shared machine are noisy: say what the machine was doing.
  out({ bench: 'routing', case: 'environment', node: process.version, cpus: availableParallelism(), loadavg1: +loadavg()[0]!.toFixed(2) });
  progress('building tenants');
  const tenants = { small: buildTenant(SMALL), large: buildTenant(LARGE) };
  const shape = (s: Size) => ({ agents: s.agents, queues: s.queues, waiting: s.waiting, queuesPerAgent: QUEUES_PER_AGENT });
  const paths: [path: string, setup: (s: Size, t: Tenant) => Workload, extra: (s: Size) => Record<string, unknown>][] = [
    ['engine:work_end→offer', (s, t) => engineWorkEnd(s, t), () => ({ store: ':memory:', snapshotEvery: 10_000 })],
    ['engine:work_end→offer(no-snapshots)', (s, t) => engineWorkEnd(s, t, Number.MAX_SAFE_INTEGER), () => ({ store: ':memory:', snapshotEvery: 'never' })],
    ['engine:arrive→offer', (s, t) => engineArrival(s, t), () => ({ store: ':memory:', waiting: 0 })],
    ['engine:arrive→offer(wal-file)', (s, t) => engineArrival(s, t, scratchDb(s.name)), () => ({ store: 'file', journal: 'wal', synchronous: 'normal', waiting: 0 })],
    ['router', routerOnly, () => ({ store: 'none' })],
  ];
  // ROUTING_PATHS=router,arrive runs only the paths whose name contains one of these.
  const only = process.env.ROUTING_PATHS?.split(',').filter(Boolean);
  for (const [path, setup, extra] of paths.filter(([p]) => !only || only.some((x) => p.includes(x)))) {
    progress(`${path}: setting up`);
    const small = setup(SMALL, tenants.small);
    const large = setup(LARGE, tenants.large);
    progress(`${path}: measuring`);
    const r = measurePair(small, large);
    small.close();
    large.close();
    for (const size of [SMALL, LARGE]) out({ bench: 'routing', case: size.name, path, ...shape(size), ...extra(size), ...r[size.name] });
    const ratio = +(r.large.meanUs / r.small.meanUs).toFixed(2);
    out({
      bench: 'routing',
      case: 'ratio',
      path,
      largeOverSmallCostPerDecision: ratio,
      p50Ratio: +(r.large.p50us / r.small.p50us).toFixed(2),
      target: 3,
      withinTarget: ratio <= 3,
    });
  }
  // Group commit: the same arrivals through executeDurable, G per turn of the event loop.
  const groupSizes = (process.env.GROUP_SIZES ?? '10,100').split(',').map(Number).filter((g) => g > 0);
  const grouped: [path: string, dbFile: (s: Size) => string, extra: Record<string, unknown>][] = [
    ['engine:arrive→offer(group-commit)', () => ':memory:', { store: ':memory:' }],
    ['engine:arrive→offer(group-commit,wal-file)', (s) => scratchDb(`group-${s.name}`), { store: 'file', journal: 'wal', synchronous: 'normal' }],
  ];
  for (const [base, dbFile, extra] of grouped)
    for (const group of groupSizes) {
      const path = `${base}×${group}`;
      if (only && !only.some((x) => path.includes(x))) continue;
      progress(`${path}: setting up`);
      const small = engineArrivalGrouped(SMALL, tenants.small, dbFile(SMALL));
      const large = engineArrivalGrouped(LARGE, tenants.large, dbFile(LARGE));
      progress(`${path}: measuring`);
      const r = await measureGroupedPair(small, large, group);
      small.close();
      large.close();
      for (const size of [SMALL, LARGE]) out({ bench: 'routing', case: size.name, path, ...shape(size), ...extra, waiting: 0, ...r[size.name] });
      out({ bench: 'routing', case: 'ratio', path, largeOverSmallCostPerDecision: +(r.large.meanUs / r.small.meanUs).toFixed(2), target: 3 });
    }
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  progress('event-log append');
  appendThroughput();
}

// Also runnable on its own: `npx tsx bench/routing.bench.ts`.
if (import.meta.url === `file://${process.argv[1]}`) await run();
