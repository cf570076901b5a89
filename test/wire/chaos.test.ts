/**
 * The chaos test: a scripted shift (four agents; arrivals, accept, notes,
 * codes, Stop New/Resume, end, wrap-up by hand and by timer, offer timeouts,
 * after-work status, queue toggles, status changes) while sockets are killed
 * at random points — server side or client side, right before a command,
 * right after it was sent, right after an arrival, while reconnecting and
 * right after a resume — at least 200 times. Kill points come from seeded
 * PRNGs (one per agent, so each agent's script is reproducible).
 *
 * At the end every client's view must equal a fresh snapshot of the server's
 * view, and the engine's event log must show every command acting exactly
 * once: nothing lost, nothing done twice.
 *
 * No sleeps: every wait is on a view or engine condition (event-driven).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/index.js';
import type { EngineClient } from '../../src/client/index.js';
import type { SessionLimits } from '../../src/server/session.js';
import { snapshotOf } from '../../src/server/views.js';
import { agent } from '../engine/harness.js';
import { eventually, mulberry32, pw, rig, until, type Rig } from './helpers.js';

const KILLS = 200;
const SEED = Number(process.env.CHAOS_SEED ?? 20260105);
const AGENTS = ['c1', 'c2', 'c3', 'c4'] as const;
type AgentId = (typeof AGENTS)[number];

export async function chaosTenant(): Promise<unknown> {
  const hash = await pw();
  const codeLists = [{ id: 'reason', name: 'Reason', mandatory: true, codes: [{ id: 'sales', label: 'Sales' }, { id: 'help', label: 'Help' }] }];
  return {
    id: 'chaos',
    name: 'Chaos tenant',
    groups: [
      { id: 'g1', name: 'Group 1' },
      { id: 'g2', name: 'Group 2' },
    ],
    agents: AGENTS.map((id, n) => ({ ...agent(id, { group: n < 3 ? 'g1' : 'g2', permissions: { maxConcurrentChats: 3 } }), passwordHash: hash })),
    queues: [
      // One chat queue per agent: who gets each offer is known in advance.
      ...AGENTS.map((id) => ({ id: `q-${id}`, name: `Chat ${id}`, media: 'chat', acceptTimeoutSec: 15, wrapUpSec: 10, agents: [id], codeLists })),
      // Shared by all: nothing arrives here, but every status change moves its stats (fan-out to everyone).
      { id: 'shared', name: 'Shared email', media: 'email', agents: [...AGENTS] },
    ],
    // Longer than any clock jump of the script: a killed agent is never logged out by the grace timer.
    disconnectGraceSec: 600,
  };
}

interface Tally {
  agentStatus: number;
  accepted: number;
  codes: number;
  endedByAgent: number;
  wrappedUp: number;
  wrapTimer: number;
  abandoned: number;
  timeouts: number;
  stopNew: number;
  resume: number;
  afterWork: number;
  toggles: number;
  notes: string[];
}
const emptyTally = (): Tally => ({
  agentStatus: 0, accepted: 0, codes: 0, endedByAgent: 0, wrappedUp: 0, wrapTimer: 0, abandoned: 0, timeouts: 0, stopNew: 0, resume: 0, afterWork: 0, toggles: 0, notes: [],
});

/** What the engine's event log says each agent's commands (and the timers) did. */
function tallyEvents(events: readonly EngineEvent[], ownerOf: Map<string, AgentId>): Map<AgentId, Tally> {
  const t = new Map(AGENTS.map((a) => [a, emptyTally()] as const));
  const of = (agentId: string | undefined) => (agentId && t.get(agentId as AgentId)) || undefined;
  for (const e of events) {
    switch (e.type) {
      case 'agent.status_changed': {
        const x = of(e.agentId);
        if (!x) break;
        if (e.cause === 'agent') x.agentStatus++;
        if (e.cause === 'stop_new') x.stopNew++;
        if (e.cause === 'resume') x.resume++;
        break;
      }
      case 'agent.after_work_set':
        if (e.status) of(e.agentId)!.afterWork++;
        break;
      case 'agent.queue_toggled':
        of(e.agentId)!.toggles++;
        break;
      case 'interaction.accepted':
        of(e.agentId)!.accepted++;
        break;
      case 'interaction.declined':
        if (e.reason === 'timeout') of(e.agentId)!.timeouts++;
        break;
      case 'interaction.codes_set':
        of(ownerOf.get(e.interactionId))!.codes++;
        break;
      case 'interaction.notes_set':
        of(ownerOf.get(e.interactionId))!.notes.push(e.notes);
        break;
      case 'interaction.customer_ended':
        if (e.by === 'agent') of(ownerOf.get(e.interactionId))!.endedByAgent++;
        break;
      case 'interaction.ended': {
        const x = of(ownerOf.get(e.interactionId))!;
        if (e.reason === 'wrapped_up') x.wrappedUp++;
        if (e.reason === 'wrap_up_timer') x.wrapTimer++;
        if (e.reason === 'abandoned') x.abandoned++;
        break;
      }
      default:
        // The other events (arrivals, offers, chat, phone, notices) are not tallied.
        break;
    }
  }
  return t;
}

/** A barrier for the agents' concurrent scripts: the clock only jumps when everyone is at the same point. */
function barrier(parties: number): () => Promise<void> {
  let waiting: (() => void)[] = [];
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (waiting.length === parties) {
        const all = waiting;
        waiting = [];
        for (const w of all) w();
      }
    });
}

export async function runChaos(r: Rig, seed: number): Promise<{ kills: number; rounds: number; byKind: Record<string, number> }> {
  const events: EngineEvent[] = [];
  r.engine.subscribe((b) => events.push(...b));
  const clients = new Map<AgentId, EngineClient>();
  for (const id of AGENTS) clients.set(id, await r.client(id));

  let kills = 0;
  const byKind: Record<string, number> = {};
  const count = (kind: string) => {
    kills++;
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  };
  const socketOf = (c: EngineClient) => (c as unknown as { ws?: { readyState: number; terminate(): void } }).ws;
  /** Kills the agent's connection from one side or the other; false if there was nothing to kill. */
  const kill = (id: AgentId, side: 'server' | 'client', kind: string): boolean => {
    if (side === 'server') {
      const socket = r.server.sessions.byAgent(id)?.socket;
      if (!socket || socket.readyState !== socket.OPEN) return false;
      socket.terminate();
    } else {
      const ws = socketOf(clients.get(id)!);
      if (!ws || ws.readyState > 1) return false; // CONNECTING (0) and OPEN (1) can be killed
      ws.terminate();
    }
    count(kind);
    return true;
  };

  // Kills at connection-state changes: while reconnecting, and right after a resume was accepted.
  const hooks: (() => void)[] = [];
  AGENTS.forEach((id, n) => {
    const rand = mulberry32(seed * 31 + 1000 + n);
    let last = '';
    hooks.push(
      clients.get(id)!.subscribe((v) => {
        const state = v.connection.state;
        if (state === last) return;
        last = state;
        if (kills >= KILLS * 1.5) return;
        if (state === 'connecting' && rand() < 0.15) queueMicrotask(() => kill(id, 'client', 'while connecting'));
        if (state === 'online' && rand() < 0.15) queueMicrotask(() => kill(id, rand() < 0.5 ? 'server' : 'client', 'right after resume'));
      }),
    );
  });

  const ownerOf = new Map<AgentId | string, AgentId>();
  const expected = new Map(AGENTS.map((a) => [a, emptyTally()] as const));
  const sync = barrier(AGENTS.length);
  let rounds = 0;
  let stop = false;

  const arrive = (id: AgentId, rand: () => number): string => {
    const result = r.engine.execute({ type: 'arrive', queueId: `q-${id}`, customer: { name: `Customer of ${id}` } });
    if (!result.ok) throw new Error(result.error.message);
    const ix = result.value.interactionId!;
    ownerOf.set(ix, id);
    if (rand() < 0.2) kill(id, rand() < 0.5 ? 'server' : 'client', 'right after an arrival');
    return ix;
  };

  async function script(id: AgentId, n: number): Promise<void> {
    const rand = mulberry32(seed * 7 + n);
    const c = clients.get(id)!;
    const want = expected.get(id)!;
    const maybeKill = (kind: string) => {
      if (rand() < 0.12) kill(id, rand() < 0.5 ? 'server' : 'client', kind);
    };
    /** Issues a command with kill points before it and right after it was sent; it must succeed exactly once. */
    const run = async (label: string, send: () => Promise<{ ok: boolean; error?: { code: string; message: string } }>) => {
      maybeKill('before a command');
      const pending = send();
      maybeKill('right after a command was sent');
      const result = await pending;
      if (!result.ok) throw new Error(`${id} round ${rounds}: ${label} failed: ${result.error?.code} ${result.error?.message}`);
    };
    const offerOf = (ix: string) => until(c, (v) => v.offer?.id === ix, `${id} offered ${ix}`, 8000);

    for (let round = 0; !stop; round++) {
      // --- a normal stretch of work -------------------------------------------------
      await run('set_status available', () => c.setStatus('available'));
      want.agentStatus++;
      const a = arrive(id, rand);
      await offerOf(a);
      await run('accept A', () => c.accept(a));
      want.accepted++;
      const b = arrive(id, rand);
      await offerOf(b); // busy with one chat, room for more
      await run('accept B', () => c.accept(b));
      want.accepted++;
      for (const ix of [a, b]) {
        const notes = `${id} round ${round} notes for ${ix}`;
        await run(`notes ${ix}`, () => c.setNotes(ix, notes));
        want.notes.push(notes);
      }
      await run('stop_new', () => c.stopNew());
      want.stopNew++;
      await run('resume_offers', () => c.resumeOffers());
      want.resume++;
      await run('codes A', () => c.setCodes(a, ['help']));
      await run('end A', () => c.endInteraction(a));
      await run('wrap_up A', () => c.wrapUp(a));
      await run('after work', () => c.setAfterWork('on_break'));
      want.afterWork++;
      await run('end B', () => c.endInteraction(b));
      await run('codes B', () => c.setCodes(b, ['sales', 'help']));
      await run('wrap_up B', () => c.wrapUp(b)); // → on break (the after-work status)
      want.codes += 2;
      want.endedByAgent += 2;
      want.wrappedUp += 2;
      await run('queue off', () => c.toggleQueue('shared', false));
      await run('queue on', () => c.toggleQueue('shared', true));
      want.toggles += 2;
      await run('working offline', () => c.setStatus('working_offline'));
      want.agentStatus++;

      // --- timers: a wrap-up that ends by itself, and an offer left to time out -----
      await run('available again', () => c.setStatus('available'));
      want.agentStatus++;
      const cIx = arrive(id, rand);
      await offerOf(cIx);
      await run('accept C', () => c.accept(cIx));
      await run('codes C', () => c.setCodes(cIx, ['help']));
      await run('end C', () => c.endInteraction(cIx));
      want.accepted++;
      want.codes++;
      want.endedByAgent++;
      want.wrapTimer++;
      const d = arrive(id, rand);
      await offerOf(d); // never answered
      want.timeouts++;
      await sync();
      if (n === 0) {
        r.clock.advance(16_000); // C's wrap-up ends at +10 s (→ Available), D's offer times out at +15 s (→ On Break)
        rounds++;
        if (kills >= KILLS) stop = true;
      }
      await sync();
      // D went back to its queue; its customer gives up waiting.
      await eventually(r, () => r.engine.queries.unsafeState().interactions.get(d)?.phase === 'queued', `${d} back in queue`);
      expect(r.engine.execute({ type: 'customer_end', interactionId: d }).ok).toBe(true);
      want.abandoned++;
      await until(c, (v) => v.self?.status === 'on_break' && v.work.length === 0 && v.offer === null, `${id} on break after the timers`, 8000);
      await sync();
      if (rounds > 60) throw new Error(`only ${kills} kills after ${rounds} rounds`);
    }
  }

  await Promise.all(AGENTS.map((id, n) => script(id, n)));
  for (const off of hooks) off();

  // Everyone settles: online, nothing pending, and caught up with the server's last event for them.
  for (const id of AGENTS) {
    const c = clients.get(id)!;
    await eventually(
      r,
      () => {
        const v = c.getView();
        const session = r.server.sessions.byAgent(id);
        return v.connection.state === 'online' && v.pending === 0 && !!session && v.lastSeq === session.lastSeq;
      },
      `${id} settled`,
      8000,
    );
  }

  // 1. Each client's view equals a fresh snapshot of the server's view.
  for (const id of AGENTS) {
    const v = clients.get(id)!.getView();
    const server = snapshotOf(r.engine, id);
    expect({ id, self: v.self, offer: v.offer, work: v.work, queues: v.queues, contacts: v.contacts, statusCodes: v.statusCodes }).toEqual({
      id,
      self: server.self,
      offer: server.offer,
      work: server.work,
      queues: server.queues,
      contacts: server.contacts,
      statusCodes: server.statusCodes,
    });
  }
  // 2. Every command acted exactly once (nothing lost, nothing twice), and the timers did their part.
  const actual = tallyEvents(events, ownerOf as Map<string, AgentId>);
  for (const id of AGENTS) {
    const got = actual.get(id)!;
    const want = expected.get(id)!;
    expect({ id, ...got, notes: [...got.notes].sort() }).toEqual({ id, ...want, notes: [...want.notes].sort() });
    expect(new Set(got.notes).size).toBe(got.notes.length); // each distinct set_notes once
  }
  // Nothing was left behind in the engine.
  expect(r.engine.queries.unsafeState().interactions.size).toBe(0);
  return { kills, rounds, byKind };
}

/** The script runs faster than any human: lift the per-agent rate limit (tested on its own elsewhere). */
export const FAST: Partial<SessionLimits> = { commandsPerSecond: 10_000, commandBurst: 10_000 };

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

describe('chaos: sockets killed at random points during a shift', () => {
  it(`${KILLS}+ kills with resumes by replay: views equal the server's, every command acted exactly once`, async () => {
    r = await rig({ sessionLimits: FAST }, await chaosTenant());
    const { kills, rounds, byKind } = await runChaos(r, SEED);
    if (process.env.CHAOS_DEBUG) console.error(JSON.stringify({ kills, rounds, byKind }));
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(rounds).toBeGreaterThan(1);
    for (const kind of ['before a command', 'right after a command was sent', 'right after an arrival', 'while connecting', 'right after resume'])
      expect(byKind[kind] ?? 0, kind).toBeGreaterThan(0);
  }, 30_000);

  it(`${KILLS}+ kills with a tiny replay buffer (most resumes get a snapshot): same guarantees`, async () => {
    const sessionLimits: Partial<SessionLimits> = { ...FAST, replayBuffer: 3 };
    r = await rig({ sessionLimits }, await chaosTenant());
    const { kills } = await runChaos(r, SEED + 1);
    expect(kills).toBeGreaterThanOrEqual(KILLS);
  }, 30_000);
});
