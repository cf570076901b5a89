/**
 * Model-based testing kit: a seeded PRNG, a tenant with every routing
 * feature in play, a random command generator that reads the engine's
 * queries (so most commands are plausible, some deliberately wrong), and
 * the invariant checks. Shared by model.test.ts and recovery.test.ts.
 */
import {
  canTransition,
  STATUSES,
  type Engine,
  type EngineEvent,
  type Status,
  type VirtualClock,
} from '../../src/engine/index.js';
import { EXCLUSIVE_MEDIA } from '../../src/engine/agents/capacity.js';
import { agent } from './harness.js';
import { checkPhone, phoneDeadlines, randomPhoneStep } from './model-phone.js';
import { Rng, type Step } from './model-step.js';

export { prng as mulberry32 } from '../../src/cli/demo/prng.js';
export { Rng, type Step } from './model-step.js';

export const MODEL_AGENTS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'] as const;

/**
 * m1 may reject and has 6 chats (capped to the tenant's 3); m2 has 2 chats;
 * m3 1 chat and a direct number; m4 takes no chats (limit 0); m5 is a
 * supervisor; m6 only works email and voicemail.
 */
export function modelTenant(): unknown {
  const mandatory = [
    { id: 'reason', name: 'Reason', mandatory: true, codes: [{ id: 'r1', label: 'R1' }, { id: 'r2', label: 'R2' }] },
    { id: 'extra', name: 'Extra', codes: [{ id: 'x1', label: 'X1' }] },
  ];
  return {
    id: 'model',
    name: 'Model tenant',
    limits: { maxConcurrentChats: 3 },
    groups: [{ id: 'g1', name: 'G1' }, { id: 'g2', name: 'G2' }],
    agents: [
      agent('m1', { permissions: { rejectOffers: true, maxConcurrentChats: 6, recording: 'start' } }),
      agent('m2', { permissions: { maxConcurrentChats: 2 } }),
      agent('m3', { permissions: { maxConcurrentChats: 1 }, directAccessNumber: '100' }),
      agent('m4', { permissions: { maxConcurrentChats: 0, rejectOffers: true }, directAccessNumber: '200' }),
      // m5's calls ring a workplace phone first (on-demand): the model plays the switch.
      agent('m5', { role: 'supervisor', supervises: ['g2'], permissions: { maxConcurrentChats: 3, recording: 'start_pause' }, phone: { workplacePhone: '5105550105' } }),
      agent('m6', { group: 'g2' }),
    ],
    queues: [
      { id: 'vip', name: 'VIP', media: 'inbound_phone', priority: 90, acceptTimeoutSec: 10, wrapUpSec: 15, agents: ['m1', 'm5'] },
      { id: 'phone', name: 'Phone', media: 'inbound_phone', priority: 60, acceptTimeoutSec: 20, wrapUpSec: 10, agents: ['m1', 'm2', 'm3', 'm4', 'm5'], codeLists: mandatory },
      { id: 'chat', name: 'Chat', media: 'chat', priority: 50, acceptTimeoutSec: 15, wrapUpSec: 5, agents: ['m1', 'm2', 'm3', 'm4', 'm5'], codeLists: mandatory },
      { id: 'chat0', name: 'Chat no wrap-up', media: 'chat', priority: 50, acceptTimeoutSec: 15, wrapUpSec: 0, agents: ['m1', 'm2', 'm5'] },
      { id: 'email', name: 'Email', media: 'email', priority: 30, acceptTimeoutSec: 30, wrapUpSec: 20, agents: ['m1', 'm2', 'm6'], codeLists: [mandatory[1]] },
      { id: 'vm', name: 'Voicemail', media: 'voicemail', priority: 20, acceptTimeoutSec: 25, wrapUpSec: 0, agents: ['m3', 'm6'], codeLists: [mandatory[0]] },
      { id: 'out', name: 'Outbound', media: 'outbound_phone', priority: 10, agents: ['m2'] },
    ],
    statusCodes: { working_offline: [{ id: 'meeting', label: 'Meeting' }, { id: 'training', label: 'Training' }] },
    directRouting: { acceptTimeoutSec: 10, wrapUpSec: 60, codeLists: [] },
    outboundCodes: [{ id: 'o1', label: 'O1' }],
    phone: { ringTimeoutSec: 20, pinValiditySec: 60 },
    disconnectGraceSec: 30,
  };
}

const ARRIVAL_QUEUES = ['vip', 'phone', 'chat', 'chat0', 'email', 'vm', 'vm', 'chat', 'chat', 'phone', 'out', 'nope'];
const ALL_CODES = ['r1', 'r2', 'x1', 'zz'];

/** One random step, informed by the current state so that most commands can succeed. */
export function randomStep(rng: Rng, engine: Engine, clock: VirtualClock): Step {
  const s = engine.queries.unsafeState();
  const agentId = rng.chance(0.02) ? 'ghost' : rng.pick(MODEL_AGENTS);
  const agents = [...s.agents.values()];
  const offered = agents.filter((x) => x.offer);
  const held = agents.flatMap((x) => [...x.work].map((id) => ({ agentId: x.id, id, phase: s.interactions.get(id)?.phase })));
  const active = held.filter((w) => w.phase === 'active');
  const wrapping = held.filter((w) => w.phase === 'wrapup');
  /** Mostly an agent's own work in the wanted phase; sometimes anything, or someone else's. */
  const work = (preferred: typeof held): { agentId: string; interactionId: string } => {
    const pool = preferred.length && rng.chance(0.85) ? preferred : held;
    if (pool.length && rng.chance(0.92)) {
      const w = rng.pick(pool);
      return rng.chance(0.95) ? { agentId: w.agentId, interactionId: w.id } : { agentId, interactionId: w.id };
    }
    return { agentId, interactionId: `IX-${rng.int(50)}` };
  };
  const offer = () => {
    const target = offered.length && rng.chance(0.92) ? rng.pick(offered) : undefined;
    return target ? { agentId: target.id, interactionId: target.offer! } : { agentId, interactionId: `IX-${rng.int(50)}` };
  };
  const choices: [weight: number, make: () => Step][] = [
    [12, () => ({ kind: 'cmd', cmd: { type: 'arrive', queueId: rng.pick(ARRIVAL_QUEUES), customer: { name: `c${rng.int(1000)}` } } })],
    [3, () => ({
      kind: 'cmd',
      cmd: rng.chance(0.3)
        ? { type: 'arrive_direct', number: rng.pick(['100', '200', '999']), customer: {} }
        : { type: 'arrive_direct', agentId: rng.pick(['m3', 'm4', 'm1']), customer: {} },
    })],
    [offered.length ? 16 : 1, () => ({ kind: 'cmd', cmd: { type: 'accept', ...offer() } })],
    [offered.length ? 4 : 1, () => ({ kind: 'cmd', cmd: { type: 'reject', ...offer() } })],
    [10, () => {
      // Time passes: small steps, or exactly around the next deadline (boundaries matter).
      const deadlines = [...s.interactions.values()]
        .flatMap((i) => [i.offerDeadline, i.wrapUpOverdue ? undefined : i.wrapUpDeadline])
        .concat(agents.map((x) => x.disconnectedUntil), phoneDeadlines(engine))
        .filter((d): d is number => d !== undefined && d >= clock.now());
      if (deadlines.length && rng.chance(0.5)) return { kind: 'advance', ms: Math.max(0, Math.min(...deadlines) - clock.now() + rng.pick([-1, 0, 0, 1])) };
      return { kind: 'advance', ms: rng.pick([0, 1, 500, 3_000, 9_999, 10_000, 20_000, 45_000]) };
    }],
    [active.length ? 8 : 1, () => ({ kind: 'cmd', cmd: { type: 'end_interaction', ...work(active) } })],
    [held.length ? 7 : 1, () => {
      const w = work(wrapping);
      const i = s.interactions.get(w.interactionId);
      const valid = engine.tenant.codeListsFor(i?.queueId).flatMap((l) => l.codes.map((c) => c.id));
      const pool = valid.length && rng.chance(0.75) ? valid : ALL_CODES;
      const codes = pool.filter(() => rng.chance(0.5));
      if (rng.chance(0.05) && codes.length) codes.push(codes[0]!);
      return { kind: 'cmd', cmd: { type: 'set_codes', ...w, codes } };
    }],
    [wrapping.length ? 8 : 1, () => ({ kind: 'cmd', cmd: { type: 'wrap_up', ...work(wrapping) } })],
    [active.length ? 4 : 1, () => {
      // Chats transferred to a chat queue, often one the agent is in (it must never come back to them).
      const chats = active.filter((w) => s.interactions.get(w.id)?.media === 'chat');
      const w = work(chats);
      return { kind: 'cmd', cmd: { type: 'transfer_chat', ...w, queueId: rng.pick(['chat', 'chat0', 'chat', 'phone']), force: rng.chance(0.7) } };
    }],
    [2, () => ({ kind: 'cmd', cmd: { type: 'set_notes', ...work(held), notes: rng.chance(0.1) ? 'x'.repeat(10_001) : 'note' } })],
    [5, () => {
      const live = [...s.interactions.keys()];
      return { kind: 'cmd', cmd: { type: 'customer_end', interactionId: live.length && rng.chance(0.95) ? rng.pick(live) : 'IX-0' } };
    }],
    [3, () => {
      const chatting = agents.filter((x) => x.status === 'busy' || x.status === 'busy_stop_new');
      const who = chatting.length && rng.chance(0.8) ? rng.pick(chatting).id : agentId;
      return { kind: 'cmd', cmd: { type: rng.chance(0.6) ? 'stop_new' : 'resume', agentId: who } };
    }],
    [9, () => {
      const status: Status = rng.chance(0.6) ? 'available' : rng.pick(STATUSES);
      const code = status === 'working_offline' ? rng.pick(['meeting', 'training', undefined, 'nap']) : undefined;
      return { kind: 'cmd', cmd: { type: 'set_status', agentId, status, code } };
    }],
    [2, () => ({
      kind: 'cmd',
      cmd: { type: 'set_after_work', agentId, status: rng.pick([null, 'on_break', 'available', 'working_offline', 'busy'] as const), code: rng.chance(0.5) ? 'meeting' : undefined },
    })],
    [3, () => ({ kind: 'cmd', cmd: { type: 'toggle_queue', agentId, queueId: rng.pick(['vip', 'phone', 'chat', 'chat0', 'email', 'vm', 'out']), enabled: rng.chance(0.6) } })],
    [4, () => ({ kind: 'cmd', cmd: { type: rng.chance(0.55) ? 'connection_lost' : 'connection_restored', agentId } })],
    [4, () => ({ kind: 'cmd', cmd: { type: rng.chance(0.4) ? 'logout' : 'login', agentId } })],
    [s.phone.calls.size ? 16 : 3, () => randomPhoneStep(rng, engine, agentId)],
  ];
  let roll = rng.next() * choices.reduce((n, [w]) => n + w, 0);
  for (const [w, make] of choices) {
    roll -= w;
    if (roll < 0) return make();
  }
  return choices[0]![1]();
}

export const ERROR_CODES = new Set(['NOT_FOUND', 'NOT_PERMITTED', 'INVALID_TRANSITION', 'INVALID_STATE', 'CAPACITY_REACHED', 'CODE_REQUIRED', 'VALIDATION', 'UNSTAFFED', 'DISABLED_IN_STATUS']);

/**
 * Follows the published events and checks the invariants after every batch
 * (timer batches fired inside `clock.advance` included).
 */
export class InvariantChecker {
  readonly arrived = new Set<string>();
  readonly ended = new Set<string>();
  private statuses = new Map<string, Status>();
  private lastSeq: number;
  readonly problems: string[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly clock: VirtualClock,
  ) {
    this.lastSeq = engine.lastSeq;
    for (const [id, a] of engine.queries.unsafeState().agents) this.statuses.set(id, a.status);
    for (const id of engine.queries.unsafeState().interactions.keys()) this.arrived.add(id);
    engine.subscribe((batch) => this.onBatch(batch));
  }

  private fail(msg: string): void {
    this.problems.push(msg);
  }

  private onBatch(batch: readonly EngineEvent[]): void {
    for (const e of batch) {
      if (e.seq !== this.lastSeq + 1) this.fail(`seq gap: ${this.lastSeq} → ${e.seq}`);
      this.lastSeq = e.seq;
      if (e.ts !== this.clock.now()) this.fail(`event ts ${e.ts} is not the clock's ${this.clock.now()}`);
      if (e.type === 'interaction.arrived') {
        if (this.arrived.has(e.interactionId)) this.fail(`${e.interactionId} arrived twice`);
        this.arrived.add(e.interactionId);
      }
      if (e.type === 'interaction.ended') {
        if (this.ended.has(e.interactionId)) this.fail(`${e.interactionId} ended twice`);
        this.ended.add(e.interactionId);
      }
      if (e.type === 'agent.status_changed') {
        // Same status with another code is a reason change (working_offline: meeting → training), not a transition.
        const codeChange = e.from === e.to && e.cause === 'agent' && e.code !== undefined;
        if (!codeChange && !canTransition(e.from, e.to, e.cause)) this.fail(`illegal status change ${e.agentId}: ${e.from} → ${e.to} (${e.cause})`);
        const known = this.statuses.get(e.agentId) ?? 'logged_out';
        if (known !== e.from) this.fail(`${e.agentId}: status_changed from ${e.from} but was ${known}`);
        this.statuses.set(e.agentId, e.to);
      }
    }
    this.checkState(false);
  }

  /** `settledTime`: all timers up to now have fired (true between steps, false inside a timer batch). */
  checkState(settledTime: boolean): void {
    const { engine } = this;
    const tenant = engine.tenant;
    const s = engine.queries.unsafeState();
    const now = this.clock.now();
    checkPhone(engine, now, settledTime, (msg) => this.fail(msg));
    const offeredTo = new Map<string, string[]>();
    const heldBy = new Map<string, string[]>();
    for (const a of s.agents.values()) {
      if (a.offer) offeredTo.set(a.offer, [...(offeredTo.get(a.offer) ?? []), a.id]);
      for (const w of a.work) heldBy.set(w, [...(heldBy.get(w) ?? []), a.id]);
    }
    const waitingPerQueue = new Map<string, number>();
    const waitingFrom = new Map<string, (string | undefined)[]>();
    // Every live interaction is in exactly one place.
    for (const i of s.interactions.values()) {
      if (!this.arrived.has(i.id)) this.fail(`${i.id} is live but never arrived`);
      if (this.ended.has(i.id)) this.fail(`${i.id} ended but is still in the state`);
      const offers = offeredTo.get(i.id) ?? [];
      const holders = heldBy.get(i.id) ?? [];
      if (i.phase === 'queued') {
        if (offers.length || holders.length) this.fail(`${i.id} queued but offered to ${offers} / held by ${holders}`);
        if (i.queueId && !i.directAgentId) {
          waitingPerQueue.set(i.queueId, (waitingPerQueue.get(i.queueId) ?? 0) + 1);
          waitingFrom.set(i.queueId, [...(waitingFrom.get(i.queueId) ?? []), i.transferredFrom?.agentId]);
        }
        else if (!i.directAgentId) this.fail(`${i.id} queued nowhere`);
        if (i.directAgentId && i.media !== 'voicemail') this.fail(`${i.id} waiting DAR work is not voicemail`);
      } else if (i.phase === 'offered') {
        if (offers.length !== 1 || offers[0] !== i.agentId || holders.length)
          this.fail(`${i.id} offered to ${i.agentId} but agents' offers: ${offers}, held by ${holders}`);
        if (i.transferredFrom && i.transferredFrom.agentId === i.agentId) this.fail(`${i.id} offered back to ${i.agentId}, who transferred it`);
        if (i.offerDeadline === undefined) this.fail(`${i.id} offered without deadline`);
        else if (settledTime && i.offerDeadline <= now) this.fail(`${i.id} offer deadline passed without timeout`);
      } else if (i.phase === 'active' || i.phase === 'wrapup') {
        if (holders.length !== 1 || holders[0] !== i.agentId || offers.length)
          this.fail(`${i.id} ${i.phase} for ${i.agentId} but held by ${holders}, offered to ${offers}`);
        if (i.phase === 'wrapup' && !i.wrapUpOverdue && settledTime && (i.wrapUpDeadline ?? -1) <= now)
          this.fail(`${i.id} wrap-up deadline passed without ending or going overdue`);
      } else this.fail(`${i.id} has phase ${i.phase} in the live state`);
    }
    for (const [id] of [...offeredTo, ...heldBy]) if (!s.interactions.has(id)) this.fail(`agent refers to ${id}, which is not live`);
    // Nothing lost.
    if (this.arrived.size !== this.ended.size + s.interactions.size)
      this.fail(`lost: arrived ${this.arrived.size} ≠ ended ${this.ended.size} + live ${s.interactions.size}`);
    for (const q of tenant.config.queues) {
      const stats = engine.queries.queueStats(q.id)!;
      if (stats.waiting !== (waitingPerQueue.get(q.id) ?? 0))
        this.fail(`queue ${q.id}: stats say ${stats.waiting} waiting, state has ${waitingPerQueue.get(q.id) ?? 0}`);
      const avail = q.agents.filter((id) => {
        const a = s.agents.get(id);
        return a?.loggedIn && a.status === 'available' && !a.disabledQueues.has(q.id);
      }).length;
      if (stats.available !== avail) this.fail(`queue ${q.id}: stats say ${stats.available} available, state has ${avail}`);
    }
    for (const a of s.agents.values()) {
      const maxChats = tenant.maxChats(a.id);
      const media = [...a.work].map((id) => s.interactions.get(id)?.media);
      const chats = media.filter((m) => m === 'chat').length;
      const exclusive = media.filter((m) => m && EXCLUSIVE_MEDIA.has(m)).length;
      // Capacity.
      if (exclusive > 1 || (exclusive === 1 && a.work.size !== 1)) this.fail(`${a.id} holds ${media.join(',')}: exclusive work beside other work`);
      if (chats > maxChats) this.fail(`${a.id} holds ${chats} chats > ${maxChats}`);
      if (a.offer) {
        const o = s.interactions.get(a.offer);
        if (o && EXCLUSIVE_MEDIA.has(o.media) && a.work.size) this.fail(`${a.id} offered ${o.media} while holding work`);
        if (o?.media === 'chat' && (exclusive > 0 || chats + 1 > maxChats)) this.fail(`${a.id} offered a chat beyond capacity`);
      }
      // Status consistency.
      if (this.statuses.get(a.id) !== a.status) this.fail(`${a.id}: state status ${a.status}, events say ${this.statuses.get(a.id)}`);
      const working = a.status === 'busy' || a.status === 'busy_stop_new';
      if (working !== a.work.size > 0) this.fail(`${a.id} is ${a.status} with ${a.work.size} work items`);
      if (a.loggedIn !== (a.status !== 'logged_out')) this.fail(`${a.id} loggedIn=${a.loggedIn} but status ${a.status}`);
      if (!a.loggedIn && (a.offer || a.work.size || a.disconnectedUntil !== undefined)) this.fail(`${a.id} logged out but holds an offer, work or a grace deadline`);
      if (settledTime && a.loggedIn && a.disconnectedUntil !== undefined && a.disconnectedUntil <= now && (a.offer || a.work.size === 0))
        this.fail(`${a.id}: grace period over but still logged in with an offer or idle`);
      // Routing settled: a ready agent never coexists with waiting work it could take.
      const connected = a.loggedIn && a.disconnectedUntil === undefined && !a.offer;
      if (!connected) continue;
      const idleAvailable = a.status === 'available' && a.work.size === 0;
      const chatReady = a.status === 'busy' && exclusive === 0 && chats < maxChats;
      for (const qid of tenant.queuesOfAgent.get(a.id) ?? []) {
        // Work this agent transferred away is never theirs again (routing/offer-rules.ts).
        if (a.disabledQueues.has(qid) || !(waitingFrom.get(qid) ?? []).some((from) => from !== a.id)) continue;
        const qm = tenant.queues.get(qid)!.media;
        if ((idleAvailable && (qm !== 'chat' || maxChats > 0)) || (chatReady && qm === 'chat'))
          this.fail(`routing not settled: ${a.id} (${a.status}) is ready and ${qid} has ${waitingPerQueue.get(qid)} waiting`);
      }
      if (idleAvailable && [...s.interactions.values()].some((i) => i.phase === 'queued' && i.directAgentId === a.id))
        this.fail(`routing not settled: ${a.id} is Available and their voicemail waits`);
    }
  }
}
