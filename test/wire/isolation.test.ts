/**
 * Permissions and fan-out isolation at the server: an agent never acts on
 * another agent's interaction, never receives another agent's offers or work
 * or another group's contacts, and gets only their queues. Also rate limiting,
 * stats coalescing and backpressure.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/index.js';
import { snapshotOf } from '../../src/server/views.js';
import { RawClient, rawLogin, rig, until, type Rig } from './helpers.js';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const text = (c: RawClient) => JSON.stringify(c.frames);

describe('permissions at the door and in the engine', () => {
  it('acting on another agent\'s offer or work is NOT_FOUND (reject without the permission: NOT_PERMITTED) and changes nothing', async () => {
    r = await rig();
    const events: EngineEvent[] = [];
    r.engine.subscribe((b) => events.push(...b));
    const [a1, a2, a3] = await Promise.all(['a1', 'a2', 'a3'].map((id) => rawLogin(r!.server.url, id)));
    for (const c of [a1!, a2!, a3!]) expect((await c.cmd('set_status', { status: 'available' })).type).toBe('ack');

    // a1 has an offer (vip is a1's alone).
    const offered = r.engine.execute({ type: 'arrive', queueId: 'vip', customer: { name: 'Offer' } });
    const offerId = offered.ok ? offered.value.interactionId! : '';
    await a1!.next((f) => f.type === 'offer' && f.data.offer?.id === offerId);
    const before = events.length;
    for (const other of [a2!, a3!]) {
      expect(RawClient.outcome(await other.cmd('accept', { interactionId: offerId }))).toBe('NOT_FOUND');
      expect(RawClient.outcome(await other.cmd('reject', { interactionId: offerId }))).toBe('NOT_PERMITTED');
    }
    expect(events.length).toBe(before);
    expect(r.engine.queries.offerOf('a1')?.id).toBe(offerId);

    // a1 holds it as work now.
    expect((await a1!.cmd('accept', { interactionId: offerId })).type).toBe('ack');
    const held = events.length;
    for (const other of [a2!, a3!]) {
      for (const [type, data] of [
        ['accept', { interactionId: offerId }],
        ['end_interaction', { interactionId: offerId }],
        ['set_codes', { interactionId: offerId, codes: [] }],
        ['set_notes', { interactionId: offerId, notes: 'mine now' }],
        ['wrap_up', { interactionId: offerId }],
      ] as const)
        expect(RawClient.outcome(await other.cmd(type, data)), type).toBe('NOT_FOUND');
    }
    expect(events.length).toBe(held);
    expect(r.engine.queries.interaction(offerId)).toMatchObject({ phase: 'active', notes: '' });

    // The other way round: a1 (who may reject) cannot reject a2's offer.
    const phone = r.engine.execute({ type: 'arrive', queueId: 'phone', customer: { name: 'P' } });
    const phoneId = phone.ok ? phone.value.interactionId! : '';
    const holder = r.engine.queries.unsafeState().interactions.get(phoneId)!.agentId!;
    expect(['a2', 'a3']).toContain(holder);
    expect(RawClient.outcome(await a1!.cmd('reject', { interactionId: phoneId }))).toBe('NOT_FOUND');
    expect(RawClient.outcome(await a1!.cmd('accept', { interactionId: phoneId }))).toBe('NOT_FOUND');
    expect(r.engine.queries.offerOf(holder)?.id).toBe(phoneId);

    // The engine checks the permission too, not only the door.
    const direct = r.engine.execute({ type: 'reject', agentId: holder, interactionId: phoneId });
    expect(direct.ok ? 'ok' : direct.error.code).toBe('NOT_PERMITTED');
    for (const c of [a1!, a2!, a3!]) c.close();
  });

  it('queues an agent is not assigned to are NOT_FOUND to them', async () => {
    r = await rig();
    const a3 = await rawLogin(r.server.url, 'a3');
    for (const q of ['chat', 'email', 'vip']) expect(RawClient.outcome(await a3.cmd('toggle_queue', { queueId: q, enabled: false })), q).toBe('NOT_FOUND');
    expect((await a3.cmd('toggle_queue', { queueId: 'phone', enabled: false })).type).toBe('ack');
    a3.close();
  });
});

describe('fan-out isolation', () => {
  it('offers, work, notes and contacts reach only those they concern', async () => {
    r = await rig();
    const [a1, a2, a3] = await Promise.all(['a1', 'a2', 'a3'].map((id) => rawLogin(r!.server.url, id)));
    for (const c of [a1!, a2!, a3!]) expect((await c.cmd('set_status', { status: 'available' })).type).toBe('ack');
    const arrival = r.engine.execute({ type: 'arrive', queueId: 'vip', customer: { name: 'Confidential Customer' } });
    const id = arrival.ok ? arrival.value.interactionId! : '';
    await a1!.next((f) => f.type === 'offer' && f.data.offer?.id === id);
    expect((await a1!.cmd('accept', { interactionId: id })).type).toBe('ack');
    expect((await a1!.cmd('set_notes', { interactionId: id, notes: 'private note 7731' })).type).toBe('ack');
    expect((await a1!.cmd('end_interaction', { interactionId: id })).type).toBe('ack');
    expect((await a1!.cmd('wrap_up', { interactionId: id })).type).toBe('ack');
    expect((await a3!.cmd('set_status', { status: 'on_break' })).type).toBe('ack');
    expect((await a2!.cmd('set_status', { status: 'on_break' })).type).toBe('ack');
    // Barrier: every socket has seen everything the server pushed so far.
    for (const [c, agentId] of [[a1!, 'a1'], [a2!, 'a2'], [a3!, 'a3']] as const) await c.next((f) => f.seq === r!.server.sessions.byAgent(agentId)!.lastSeq);

    // a1 got its offer, work (with the note) and its removal.
    expect(text(a1!)).toContain('private note 7731');
    expect(a1!.frames.some((f) => f.type === 'work_removed')).toBe(true);
    for (const other of [a2!, a3!]) {
      expect(text(other)).not.toContain(id);
      expect(text(other)).not.toContain('Confidential Customer');
      expect(text(other)).not.toContain('private note 7731');
      expect(other.frames.some((f) => (f.type === 'offer' && f.data.offer !== null) || f.type === 'work' || f.type === 'work_removed')).toBe(false);
    }
    // Contacts: a1 and a2 (g1) see each other, never a3 (g2); a3 sees no one.
    const contactIds = (c: RawClient) => new Set(c.frames.flatMap((f) => (f.type === 'contact' ? [f.data.id] : f.type === 'snapshot' ? f.data.contacts.map((x) => x.id) : [])));
    expect([...contactIds(a1!)]).toEqual(['a2']);
    expect([...contactIds(a2!)]).toEqual(['a1']);
    expect([...contactIds(a3!)]).toEqual([]);
    // Queues: only one's own.
    const queueIds = (c: RawClient) => [...new Set(c.frames.flatMap((f) => (f.type === 'queue' ? [f.data.id] : f.type === 'snapshot' ? f.data.queues.map((q) => q.id) : [])))].sort();
    expect(queueIds(a1!)).toEqual(['chat', 'email', 'phone', 'vip']);
    expect(queueIds(a2!)).toEqual(['chat', 'email', 'phone']);
    expect(queueIds(a3!)).toEqual(['phone']);
    // The vip queue's stats moved (waiting 1 → 0), but only a1 heard of it.
    expect(a1!.frames.filter((f) => f.type === 'queue' && f.data.id === 'vip').length).toBeGreaterThan(0);
    for (const c of [a1!, a2!, a3!]) c.close();
  });

  it('queue stats follow a waiting customer who gives up', async () => {
    r = await rig();
    const a1 = await r.client('a1'); // on break: nothing is offered
    const arrival = r.engine.execute({ type: 'arrive', queueId: 'chat', customer: { name: 'Impatient' } });
    await until(a1, (v) => v.queues.find((q) => q.id === 'chat')?.stats.waiting === 1, 'waiting 1');
    r.engine.execute({ type: 'customer_end', interactionId: arrival.ok ? arrival.value.interactionId! : '' });
    const v = await until(a1, (x) => x.queues.find((q) => q.id === 'chat')?.stats.waiting === 0, 'waiting 0');
    expect(v.queues).toEqual(snapshotOf(r.engine, 'a1').queues);
  });

  it('a burst of queue-stat changes is coalesced into few frames carrying the final figures', async () => {
    r = await rig({ statsCoalesceMs: 30 });
    const a1 = await rawLogin(r.server.url, 'a1');
    const before = a1.frames.length;
    for (let n = 0; n < 25; n++) r.engine.execute({ type: 'arrive', queueId: 'chat', customer: { name: `C${n}` } });
    const last = await a1.next((f) => f.type === 'queue' && f.data.id === 'chat' && f.data.stats.waiting === 25);
    const chatFrames = a1.frames.slice(before).filter((f) => f.type === 'queue' && f.data.id === 'chat');
    expect(chatFrames.length).toBeLessThanOrEqual(2);
    expect(chatFrames.at(-1)).toBe(last);
    a1.close();
  });

  it('a socket that stops reading is not fed an unbounded queue: it gets one fresh snapshot once drained', async () => {
    r = await rig({ sessionLimits: { congestedBytes: 64 * 1024 } });
    const a1 = await rawLogin(r.server.url, 'a1');
    expect((await a1.cmd('set_status', { status: 'available' })).type).toBe('ack');
    const arrival = r.engine.execute({ type: 'arrive', queueId: 'chat', customer: { name: 'Big' } });
    const id = arrival.ok ? arrival.value.interactionId! : '';
    await a1.next((f) => f.type === 'offer' && f.data.offer?.id === id);
    expect((await a1.cmd('accept', { interactionId: id })).type).toBe('ack');
    const socket = (a1.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socket.pause();
    const session = r.server.sessions.byAgent('a1')!;
    const big = 'n'.repeat(9_000);
    let pushes = 0;
    for (let n = 0; n < 4000 && !session.congested; n++, pushes++) r.engine.execute({ type: 'set_notes', agentId: 'a1', interactionId: id, notes: `${n} ${big}` });
    expect(session.congested).toBe(true);
    for (let n = 0; n < 50; n++, pushes++) r.engine.execute({ type: 'set_notes', agentId: 'a1', interactionId: id, notes: `final ${n}` });
    const finalSeq = session.lastSeq;
    socket.resume();
    const snap = await a1.next((f) => f.type === 'snapshot' && f.seq! > finalSeq, 10_000);
    if (snap.type !== 'snapshot') throw new Error('unreachable');
    expect(snap.data.work[0]?.notes).toBe('final 49');
    // Not every one of the pushes was sent: the congested stretch was skipped for the snapshot.
    const works = a1.frames.filter((f) => f.type === 'work').length;
    expect(works).toBeLessThan(pushes);
    expect(session.congested).toBe(false);
    a1.close();
  });
});

describe('rate limiting', () => {
  it('past the burst, commands get RATE_LIMITED with retryAfterMs; other agents are unaffected; the id may be retried', async () => {
    r = await rig({ sessionLimits: { commandsPerSecond: 2, commandBurst: 4 } }); // slow refill: no token comes back mid-burst
    const a1 = await rawLogin(r.server.url, 'a1');
    const a2 = await rawLogin(r.server.url, 'a2');
    const replies = await Promise.all(Array.from({ length: 7 }, (_, n) => a1.cmd('set_after_work', { status: n % 2 ? 'on_break' : null }, `rl-${n}`)));
    const outcomes = replies.map(RawClient.outcome);
    expect(outcomes.slice(0, 4)).toEqual(['ack', 'ack', 'ack', 'ack']);
    expect(outcomes.slice(4)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    const limited = replies[4]!;
    if (limited.type !== 'error') throw new Error('unreachable');
    expect(limited.data.retryAfterMs).toBeGreaterThan(0);
    expect(limited.data.retryAfterMs).toBeLessThanOrEqual(500);
    expect(limited.data.message).toMatch(/slow down/);
    expect((await a2.cmd('set_status', { status: 'available' })).type).toBe('ack');
    await new Promise((resolve) => setTimeout(resolve, limited.data.retryAfterMs! + 10));
    expect((await a1.cmd('set_after_work', { status: null }, 'rl-4')).type).toBe('ack'); // a limited id was not remembered
    a1.close();
    a2.close();
  });
});
