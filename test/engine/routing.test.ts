/**
 * One test per routing rule of DOMAIN.md ("Queues and routing"), on the
 * virtual clock: no real waiting anywhere.
 *
 * The harness tenant: a1 (may reject, 6 chats), a2 (2 chats), a3 (group g2,
 * direct number 5105550100). Queues: phone (prio 50, 20 s, a1 a2 a3),
 * vip (phone, prio 90, a1), chat (15 s, mandatory codes, a1 a2),
 * email (30 s, a1 a2).
 */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/index.js';
import { agent, baseTenant, harness, type Harness } from './harness.js';

const arrive = (h: Harness, queueId: string, name = 'C') => h.ok({ type: 'arrive', queueId, customer: { name } }).interactionId!;
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);
const ofType = <T extends EngineEvent['type']>(h: Harness, type: T) =>
  h.events.filter((e): e is Extract<EngineEvent, { type: T }> => e.type === type);
const waiting = (h: Harness, queueId: string) => h.engine.queries.queueStats(queueId)!.waiting;

/** Accept, hang up and wrap up (the harness's phone queue has no codes). */
function finish(h: Harness, agentId: string, interactionId: string): void {
  h.ok({ type: 'end_interaction', agentId, interactionId });
  h.ok({ type: 'wrap_up', agentId, interactionId });
}

describe('routing: which interaction, which agent', () => {
  it('an agent becoming Available is offered the longest-waiting interaction', () => {
    const h = harness();
    const first = arrive(h, 'phone', 'first');
    h.seconds(5);
    arrive(h, 'phone', 'second');
    h.seconds(5);
    arrive(h, 'phone', 'third');
    h.available('a2');
    expect(h.offerOf('a2')).toBe(first);
  });

  it('at equal priority, wait time decides across the agent\'s queues', () => {
    const h = harness();
    // email and phone both have priority 50; the email waits longer.
    const email = arrive(h, 'email');
    h.seconds(1);
    arrive(h, 'phone');
    h.available('a2');
    expect(h.offerOf('a2')).toBe(email);
  });

  it('queue priority comes before wait time', () => {
    const h = harness();
    arrive(h, 'phone', 'waiting long');
    h.seconds(60);
    const vip = arrive(h, 'vip', 'vip');
    h.available('a1');
    expect(h.offerOf('a1')).toBe(vip);
  });

  it('a new arrival goes to the longest-idle of several eligible agents', () => {
    const h = harness();
    h.available('a2');
    h.seconds(10);
    h.available('a1');
    h.seconds(10);
    h.available('a3');
    const x = arrive(h, 'phone');
    expect(h.offerOf('a2')).toBe(x);
    expect(h.offerOf('a1')).toBeUndefined();
    // Next arrival: a1 has now been idle longest.
    const y = arrive(h, 'phone');
    expect(h.offerOf('a1')).toBe(y);
    // The agent id is not the tie-break: a3 became Available last and gets the third.
    const z = arrive(h, 'phone');
    expect(h.offerOf('a3')).toBe(z);
  });

  it('idle time restarts when work ends', () => {
    const h = harness();
    h.available('a1');
    h.seconds(10);
    h.available('a2');
    const x = arrive(h, 'phone');
    expect(h.offerOf('a1')).toBe(x);
    h.ok({ type: 'accept', agentId: 'a1', interactionId: x });
    h.seconds(5);
    finish(h, 'a1', x);
    expect(h.status('a1')).toBe('available');
    // a2 has been idle since t=10 s; a1 only since now.
    const y = arrive(h, 'phone');
    expect(h.offerOf('a2')).toBe(y);
  });
});

describe('routing: the offer', () => {
  it('carries a countdown per queue and times out exactly at acceptTimeoutSec, not before', () => {
    const h = harness();
    h.available('a2');
    const chat = arrive(h, 'chat'); // 15 s
    expect(h.engine.queries.offerOf('a2')!.offerDeadline).toBe(h.clock.now() + 15_000);
    h.clock.advance(14_999);
    expect(h.offerOf('a2')).toBe(chat);
    expect(h.status('a2')).toBe('available');
    h.clock.advance(1);
    expect(h.offerOf('a2')).toBeUndefined();
    expect(h.status('a2')).toBe('on_break');

    const h2 = harness();
    h2.available('a2');
    const email = arrive(h2, 'email'); // 30 s
    expect(h2.engine.queries.offerOf('a2')!.offerDeadline).toBe(h2.clock.now() + 30_000);
    h2.clock.advance(29_999);
    expect(h2.offerOf('a2')).toBe(email);
    h2.clock.advance(1);
    expect(h2.offerOf('a2')).toBeUndefined();
  });

  it('shows media, queue, customer data and the countdown', () => {
    const h = harness();
    h.available('a2');
    h.ok({ type: 'arrive', queueId: 'email', customer: { name: 'Lee', email: 'lee@example.com', subject: 'Invoice' } });
    const offer = h.engine.queries.offerOf('a2')!;
    expect(offer).toMatchObject({ media: 'email', queueId: 'email', queueName: 'Email', phase: 'offered', direct: false });
    expect(offer.customer).toEqual({ name: 'Lee', email: 'lee@example.com', subject: 'Invoice' });
  });

  it('accept → Busy, and the interaction becomes the agent\'s work', () => {
    const h = harness();
    h.available('a2');
    const x = arrive(h, 'phone');
    h.ok({ type: 'accept', agentId: 'a2', interactionId: x });
    expect(h.status('a2')).toBe('busy');
    expect(h.offerOf('a2')).toBeUndefined();
    expect(h.engine.queries.workOf('a2').map((w) => [w.id, w.phase])).toEqual([[x, 'active']]);
    // The countdown is cancelled: nothing happens at the old deadline.
    h.seconds(60);
    expect(h.status('a2')).toBe('busy');
  });

  it('accepting an offer that is not yours (or no longer exists) is NOT_FOUND', () => {
    const h = harness();
    h.available('a1', 'a2');
    const x = arrive(h, 'phone');
    expect(h.offerOf('a1')).toBe(x);
    expect(code(h.run({ type: 'accept', agentId: 'a2', interactionId: x }))).toBe('NOT_FOUND');
    h.seconds(20);
    expect(code(h.run({ type: 'accept', agentId: 'a1', interactionId: x }))).toBe('NOT_FOUND');
  });

  it('reject needs the permission: NOT_PERMITTED and nothing changes', () => {
    const h = harness();
    h.available('a2');
    const x = arrive(h, 'phone');
    const before = h.events.length;
    const r = h.run({ type: 'reject', agentId: 'a2', interactionId: x });
    expect(code(r)).toBe('NOT_PERMITTED');
    expect(r.ok ? '' : r.error.message).toMatch(/permission/);
    expect(h.events).toHaveLength(before);
    expect(h.offerOf('a2')).toBe(x);
    expect(h.status('a2')).toBe('available');
    expect(h.engine.queries.interaction(x)!.phase).toBe('offered');
  });

  it.each([
    ['phone', 'working_offline'],
    ['chat', 'on_break'],
    ['email', 'working_offline'],
  ] as const)('reject of a %s offer → %s, and the interaction waits in its queue again', (queueId, outcome) => {
    const h = harness();
    h.available('a1');
    const x = arrive(h, queueId);
    expect(h.offerOf('a1')).toBe(x);
    h.ok({ type: 'reject', agentId: 'a1', interactionId: x });
    expect(h.status('a1')).toBe(outcome);
    expect(h.offerOf('a1')).toBeUndefined();
    expect(h.engine.queries.interaction(x)!.phase).toBe('queued');
    expect(waiting(h, queueId)).toBe(1);
    const change = ofType(h, 'agent.status_changed').at(-1)!;
    expect([change.from, change.to, change.cause]).toEqual(['available', outcome, 'reject']);
    // The next agent gets it.
    h.available('a2');
    expect(h.offerOf('a2')).toBe(x);
  });

  it('timeout → On Break; the interaction goes back to the head of its queue', () => {
    const h = harness();
    const first = arrive(h, 'phone', 'first');
    h.seconds(1);
    const second = arrive(h, 'phone', 'second');
    h.available('a1');
    expect(h.offerOf('a1')).toBe(first);
    h.seconds(20);
    expect(h.status('a1')).toBe('on_break');
    expect(ofType(h, 'interaction.declined').map((e) => [e.interactionId, e.agentId, e.reason])).toEqual([[first, 'a1', 'timeout']]);
    expect(waiting(h, 'phone')).toBe(2);
    // Head of the queue: the next agent gets the timed-out one before the newer one.
    h.available('a2');
    expect(h.offerOf('a2')).toBe(first);
    h.available('a3');
    expect(h.offerOf('a3')).toBe(second);
  });

  it('a timed-out offer goes straight to the next eligible agent', () => {
    const h = harness();
    h.available('a1');
    h.seconds(1);
    h.available('a2');
    const x = arrive(h, 'phone');
    expect(h.offerOf('a1')).toBe(x);
    h.seconds(20);
    expect(h.status('a1')).toBe('on_break');
    expect(h.offerOf('a2')).toBe(x);
    expect(h.engine.queries.offerOf('a2')!.offerDeadline).toBe(h.clock.now() + 20_000);
    // ...and it keeps its arrival time: the longest wait is still counted from its arrival.
    expect(h.engine.queries.interaction(x)!.arrivedAt).toBe(h.clock.now() - 20_000);
  });

  it('a rejected offer is never lost, even when nobody else can take it', () => {
    const h = harness();
    h.available('a1');
    const x = arrive(h, 'vip'); // only a1 serves vip
    h.ok({ type: 'reject', agentId: 'a1', interactionId: x });
    expect(waiting(h, 'vip')).toBe(1);
    h.seconds(3600);
    expect(waiting(h, 'vip')).toBe(1);
    h.ok({ type: 'set_status', agentId: 'a1', status: 'available' });
    expect(h.offerOf('a1')).toBe(x);
  });
});

describe('routing: enabled and disabled queues', () => {
  it('a disabled queue gives no offers and is still listed, greyed (enabled=false)', () => {
    const h = harness();
    h.ok({ type: 'login', agentId: 'a2' });
    h.ok({ type: 'toggle_queue', agentId: 'a2', queueId: 'phone', enabled: false });
    h.ok({ type: 'set_status', agentId: 'a2', status: 'available' });
    const x = arrive(h, 'phone');
    expect(h.offerOf('a2')).toBeUndefined();
    const phone = h.engine.queries.queuesOf('a2').find((q) => q.id === 'phone')!;
    expect(phone).toMatchObject({ enabled: false, relation: 'member', stats: { waiting: 1, available: 0 } });
    expect(h.engine.queries.queuesOf('a2').map((q) => [q.id, q.enabled])).toEqual([
      ['phone', false],
      ['chat', true],
      ['email', true],
    ]);
    // Work from its other queues still comes.
    const e = arrive(h, 'email');
    expect(h.offerOf('a2')).toBe(e);
    h.ok({ type: 'accept', agentId: 'a2', interactionId: e });
    finish(h, 'a2', e);
    expect(h.offerOf('a2')).toBeUndefined();
    // Enabling it again offers the waiting interaction at once.
    h.ok({ type: 'toggle_queue', agentId: 'a2', queueId: 'phone', enabled: true });
    expect(h.offerOf('a2')).toBe(x);
  });

  it('toggling a queue that is not assigned is NOT_FOUND', () => {
    const h = harness();
    h.ok({ type: 'login', agentId: 'a2' });
    expect(code(h.run({ type: 'toggle_queue', agentId: 'a2', queueId: 'vip', enabled: false }))).toBe('NOT_FOUND');
    expect(code(h.run({ type: 'toggle_queue', agentId: 'a2', queueId: 'nope', enabled: false }))).toBe('NOT_FOUND');
  });
});

describe('routing: capacity', () => {
  it('one phone call at a time, and nothing else beside it', () => {
    const h = harness();
    h.available('a1');
    const x = arrive(h, 'phone');
    h.ok({ type: 'accept', agentId: 'a1', interactionId: x });
    arrive(h, 'phone');
    arrive(h, 'vip');
    arrive(h, 'chat');
    arrive(h, 'email');
    expect(h.offerOf('a1')).toBeUndefined();
    expect(waiting(h, 'phone') + waiting(h, 'vip') + waiting(h, 'chat') + waiting(h, 'email')).toBe(4);
    finish(h, 'a1', x);
    // Back to Available: the best waiting one (vip, priority 90) comes.
    expect(h.engine.queries.offerOf('a1')!.queueId).toBe('vip');
  });

  it('a Busy chatting agent is still offered chats, up to their own limit (a2: 2)', () => {
    const h = harness();
    h.available('a2');
    const c1 = arrive(h, 'chat');
    h.ok({ type: 'accept', agentId: 'a2', interactionId: c1 });
    expect(h.status('a2')).toBe('busy');
    const c2 = arrive(h, 'chat');
    expect(h.offerOf('a2')).toBe(c2);
    h.ok({ type: 'accept', agentId: 'a2', interactionId: c2 });
    const c3 = arrive(h, 'chat');
    expect(h.offerOf('a2')).toBeUndefined();
    expect(waiting(h, 'chat')).toBe(1);
    // A chat in wrap-up still counts; once it ends, there is room again.
    h.ok({ type: 'customer_end', interactionId: c1 });
    expect(h.offerOf('a2')).toBeUndefined();
    h.ok({ type: 'set_codes', agentId: 'a2', interactionId: c1, codes: ['help'] });
    h.ok({ type: 'wrap_up', agentId: 'a2', interactionId: c1 });
    expect(h.status('a2')).toBe('busy');
    expect(h.offerOf('a2')).toBe(c3);
  });

  it('chats are capped by the tenant limit when it is below the agent\'s (a1: 6, tenant: 3)', () => {
    const h = harness(baseTenant({ limits: { maxConcurrentChats: 3 } }));
    expect(h.engine.queries.self('a1')!.maxChats).toBe(3);
    h.available('a1');
    for (let n = 0; n < 3; n++) {
      const c = arrive(h, 'chat');
      expect(h.offerOf('a1')).toBe(c);
      h.ok({ type: 'accept', agentId: 'a1', interactionId: c });
    }
    arrive(h, 'chat');
    expect(h.offerOf('a1')).toBeUndefined();
    expect(h.engine.queries.workOf('a1')).toHaveLength(3);
  });

  it('an agent whose chat limit is 0 is never offered chats', () => {
    const h = harness(
      baseTenant({
        agents: [agent('z', { permissions: { maxConcurrentChats: 0 } })],
        queues: [
          { id: 'chat', name: 'Chat', media: 'chat', agents: ['z'] },
          { id: 'phone', name: 'Phone', media: 'inbound_phone', agents: ['z'] },
        ],
      }),
    );
    h.available('z');
    arrive(h, 'chat');
    expect(h.offerOf('z')).toBeUndefined();
    const p = arrive(h, 'phone');
    expect(h.offerOf('z')).toBe(p);
  });

  it('never a phone call (or email) while chatting', () => {
    const h = harness();
    h.available('a2');
    const c = arrive(h, 'chat');
    h.ok({ type: 'accept', agentId: 'a2', interactionId: c });
    arrive(h, 'phone');
    arrive(h, 'email');
    expect(h.offerOf('a2')).toBeUndefined();
    // But another chat still comes.
    const c2 = arrive(h, 'chat');
    expect(h.offerOf('a2')).toBe(c2);
  });

  it('Stop New blocks chat offers until Resume', () => {
    const h = harness();
    h.available('a1');
    const c = arrive(h, 'chat');
    h.ok({ type: 'accept', agentId: 'a1', interactionId: c });
    h.ok({ type: 'stop_new', agentId: 'a1' });
    const c2 = arrive(h, 'chat');
    expect(h.offerOf('a1')).toBeUndefined();
    expect(waiting(h, 'chat')).toBe(1);
    h.ok({ type: 'resume', agentId: 'a1' });
    expect(h.offerOf('a1')).toBe(c2);
  });

  it('the end of the last chat under Stop New makes the agent Available again', () => {
    const h = harness();
    h.available('a1');
    const c = arrive(h, 'chat');
    h.ok({ type: 'accept', agentId: 'a1', interactionId: c });
    h.ok({ type: 'stop_new', agentId: 'a1' });
    const p = arrive(h, 'phone');
    h.ok({ type: 'set_codes', agentId: 'a1', interactionId: c, codes: ['sales'] });
    h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: c });
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: c });
    expect(h.status('a1')).toBe('available');
    expect(h.offerOf('a1')).toBe(p);
  });
});

describe('routing: queue stats', () => {
  it('available, waiting and oldestArrival move with the traffic', () => {
    const h = harness();
    const stats = () => h.engine.queries.queueStats('phone')!;
    expect(stats()).toEqual({ available: 0, waiting: 0, oldestArrival: undefined });
    h.ok({ type: 'login', agentId: 'a2' });
    expect(stats().available).toBe(0); // On Break is not available
    const t0 = h.clock.now();
    const x = arrive(h, 'phone');
    h.seconds(5);
    arrive(h, 'phone');
    expect(stats()).toEqual({ available: 0, waiting: 2, oldestArrival: t0 });
    h.ok({ type: 'set_status', agentId: 'a2', status: 'available' });
    // a2 is Available (with an offer) and the oldest left the queue.
    expect(stats()).toEqual({ available: 1, waiting: 1, oldestArrival: t0 + 5_000 });
    h.ok({ type: 'accept', agentId: 'a2', interactionId: x });
    expect(stats()).toEqual({ available: 0, waiting: 1, oldestArrival: t0 + 5_000 });
    h.available('a3');
    expect(stats()).toEqual({ available: 1, waiting: 0, oldestArrival: undefined });
    // Every queue view of an agent carries the same stats.
    expect(h.engine.queries.queuesOf('a3')[0]!.stats).toEqual(stats());
    // A disabled queue does not count its agent as available there.
    h.available('a1');
    expect(stats().available).toBe(2);
    h.ok({ type: 'toggle_queue', agentId: 'a1', queueId: 'phone', enabled: false });
    expect(stats().available).toBe(1);
    expect(h.engine.queries.queueStats('vip')!.available).toBe(1);
  });
});

describe('routing: direct agent routing (DAR)', () => {
  const DAN = '5105550100'; // a3

  it('a direct call is offered to the agent whatever their status (here On Break); accept → Busy', () => {
    const h = harness();
    h.ok({ type: 'login', agentId: 'a3' });
    expect(h.status('a3')).toBe('on_break');
    const x = h.ok({ type: 'arrive_direct', number: DAN, customer: { phone: '4155550000' } }).interactionId!;
    const offer = h.engine.queries.offerOf('a3')!;
    expect(offer).toMatchObject({ id: x, direct: true, media: 'inbound_phone', queueId: undefined });
    expect(offer.offerDeadline).toBe(h.clock.now() + 20_000);
    h.ok({ type: 'accept', agentId: 'a3', interactionId: x });
    expect(h.status('a3')).toBe('busy');
  });

  it('also from Working Offline, and by agent id', () => {
    const h = harness();
    h.ok({ type: 'login', agentId: 'a3' });
    h.ok({ type: 'set_status', agentId: 'a3', status: 'working_offline' });
    const x = h.ok({ type: 'arrive_direct', agentId: 'a3', customer: {} }).interactionId!;
    expect(h.offerOf('a3')).toBe(x);
  });

  it('an unknown direct number is NOT_FOUND and creates nothing', () => {
    const h = harness();
    expect(code(h.run({ type: 'arrive_direct', number: '000', customer: {} }))).toBe('NOT_FOUND');
    expect(h.engine.queries.unsafeState().interactions.size).toBe(0);
  });

  it('unanswered → voicemail for that agent, offered when they are next Available', () => {
    const h = harness();
    h.ok({ type: 'login', agentId: 'a3' });
    const x = h.ok({ type: 'arrive_direct', number: DAN, customer: {} }).interactionId!;
    h.seconds(20);
    expect(h.offerOf('a3')).toBeUndefined();
    expect(h.status('a3')).toBe('on_break'); // kept: direct routing reached them on break
    expect(h.engine.queries.interaction(x)).toMatchObject({ media: 'voicemail', phase: 'queued' });
    // Not offered to anybody else, even an Available agent.
    h.available('a1', 'a2');
    expect(h.offerOf('a1')).toBeUndefined();
    expect(h.offerOf('a2')).toBeUndefined();
    h.seconds(600);
    h.ok({ type: 'set_status', agentId: 'a3', status: 'available' });
    expect(h.engine.queries.offerOf('a3')).toMatchObject({ id: x, media: 'voicemail', direct: true });
    h.ok({ type: 'accept', agentId: 'a3', interactionId: x });
    expect(h.status('a3')).toBe('busy');
  });

  it('a direct call to a logged-out agent goes to voicemail at once', () => {
    const h = harness();
    const x = h.ok({ type: 'arrive_direct', number: DAN, customer: {} }).interactionId!;
    expect(h.engine.queries.interaction(x)).toMatchObject({ media: 'voicemail', phase: 'queued' });
    h.available('a3');
    expect(h.offerOf('a3')).toBe(x);
  });

  it('a direct call to an agent already on a call goes to voicemail', () => {
    const h = harness();
    h.available('a3');
    const call = arrive(h, 'phone');
    h.ok({ type: 'accept', agentId: 'a3', interactionId: call });
    const x = h.ok({ type: 'arrive_direct', number: DAN, customer: {} }).interactionId!;
    expect(h.offerOf('a3')).toBeUndefined();
    expect(ofType(h, 'interaction.to_voicemail').map((e) => e.interactionId)).toEqual([x]);
    finish(h, 'a3', call);
    expect(h.offerOf('a3')).toBe(x);
  });

  it('a direct voicemail comes before queue work when the agent is next Available', () => {
    const h = harness();
    h.ok({ type: 'login', agentId: 'a3' });
    arrive(h, 'phone');
    const x = h.ok({ type: 'arrive_direct', number: DAN, customer: {} }).interactionId!;
    h.seconds(20); // unanswered
    h.ok({ type: 'set_status', agentId: 'a3', status: 'available' });
    expect(h.offerOf('a3')).toBe(x);
  });

  it('DAR wrap-up uses the tenant\'s directRouting.wrapUpSec (up to 60 min)', () => {
    const h = harness(baseTenant({ directRouting: { acceptTimeoutSec: 20, wrapUpSec: 3600, codeLists: [] } }));
    h.ok({ type: 'login', agentId: 'a3' });
    const x = h.ok({ type: 'arrive_direct', number: DAN, customer: {} }).interactionId!;
    h.ok({ type: 'accept', agentId: 'a3', interactionId: x });
    h.ok({ type: 'end_interaction', agentId: 'a3', interactionId: x });
    expect(h.engine.queries.interaction(x)!.wrapUpDeadline).toBe(h.clock.now() + 3_600_000);
    h.clock.advance(3_600_000 - 1);
    expect(h.engine.queries.interaction(x)!.phase).toBe('wrapup');
    h.clock.advance(1);
    expect(h.engine.queries.interaction(x)).toBeUndefined();
    expect(h.status('a3')).toBe('available');
  });
});

describe('routing: the customer gives up', () => {
  it('abandoning while queued ends the interaction; nothing is left in the queue', () => {
    const h = harness();
    const x = arrive(h, 'phone');
    h.ok({ type: 'customer_end', interactionId: x });
    expect(ofType(h, 'interaction.ended').map((e) => [e.interactionId, e.reason])).toEqual([[x, 'abandoned']]);
    expect(waiting(h, 'phone')).toBe(0);
    expect(h.engine.queries.interaction(x)).toBeUndefined();
    h.available('a2');
    expect(h.offerOf('a2')).toBeUndefined();
  });

  it('abandoning while offered frees the agent for the next interaction', () => {
    const h = harness();
    h.available('a2');
    const x = arrive(h, 'phone');
    expect(h.offerOf('a2')).toBe(x);
    h.ok({ type: 'customer_end', interactionId: x });
    expect(h.offerOf('a2')).toBeUndefined();
    expect(h.status('a2')).toBe('available');
    // The old countdown does not fire on the freed agent.
    h.seconds(30);
    expect(h.status('a2')).toBe('available');
    const y = arrive(h, 'phone');
    expect(h.offerOf('a2')).toBe(y);
  });

  it('an unknown or already-ended interaction is NOT_FOUND', () => {
    const h = harness();
    const x = arrive(h, 'phone');
    h.ok({ type: 'customer_end', interactionId: x });
    expect(code(h.run({ type: 'customer_end', interactionId: x }))).toBe('NOT_FOUND');
    expect(code(h.run({ type: 'arrive', queueId: 'nope', customer: {} }))).toBe('NOT_FOUND');
  });
});

describe('routing: lost connections (grace period)', () => {
  const graceTenant = (sec: number) => baseTenant({ disconnectGraceSec: sec });

  it('offers are kept until disconnectGraceSec, then return to the queue; the idle agent is logged out', () => {
    // Grace (10 s) shorter than the offer countdown (20 s), so the grace decides.
    const h = harness(graceTenant(10));
    h.available('a2');
    const x = arrive(h, 'phone');
    h.ok({ type: 'connection_lost', agentId: 'a2' });
    h.clock.advance(9_999);
    expect(h.offerOf('a2')).toBe(x);
    expect(h.engine.queries.self('a2')!.loggedIn).toBe(true);
    h.clock.advance(1);
    expect(h.offerOf('a2')).toBeUndefined();
    expect(h.status('a2')).toBe('logged_out');
    expect(ofType(h, 'interaction.declined').map((e) => e.reason)).toEqual(['connection_lost']);
    expect(ofType(h, 'agent.logged_out').map((e) => [e.agentId, e.reason])).toEqual([['a2', 'connection_lost']]);
    expect(waiting(h, 'phone')).toBe(1);
    h.available('a3');
    expect(h.offerOf('a3')).toBe(x);
  });

  it('a disconnected agent gets no new offers', () => {
    const h = harness();
    h.available('a2');
    h.ok({ type: 'connection_lost', agentId: 'a2' });
    arrive(h, 'phone');
    expect(h.offerOf('a2')).toBeUndefined();
    expect(waiting(h, 'phone')).toBe(1);
  });

  it('an idle disconnected agent is logged out when the grace period ends', () => {
    const h = harness();
    h.available('a1');
    h.ok({ type: 'connection_lost', agentId: 'a1' });
    h.clock.advance(90_000 - 1);
    expect(h.status('a1')).toBe('available');
    h.clock.advance(1);
    expect(h.status('a1')).toBe('logged_out');
  });

  it('an agent with work keeps it past the grace period and is logged out when it ends', () => {
    const h = harness();
    h.available('a2');
    const x = arrive(h, 'phone');
    h.ok({ type: 'accept', agentId: 'a2', interactionId: x });
    h.ok({ type: 'connection_lost', agentId: 'a2' });
    h.seconds(300);
    expect(h.status('a2')).toBe('busy');
    expect(h.engine.queries.workOf('a2').map((w) => w.id)).toEqual([x]);
    // The customer hangs up; the wrap-up timer (30 s) ends the work, then the agent is logged out.
    h.ok({ type: 'customer_end', interactionId: x });
    h.seconds(30);
    expect(h.engine.queries.workOf('a2')).toEqual([]);
    expect(h.status('a2')).toBe('logged_out');
    expect(ofType(h, 'agent.logged_out').map((e) => e.reason)).toEqual(['connection_lost']);
  });

  it('work that ends within the grace period leaves the agent logged in until the deadline', () => {
    const h = harness();
    h.available('a2');
    const x = arrive(h, 'phone');
    h.ok({ type: 'accept', agentId: 'a2', interactionId: x });
    h.ok({ type: 'connection_lost', agentId: 'a2' });
    h.seconds(10);
    finish(h, 'a2', x);
    expect(h.status('a2')).toBe('available');
    h.seconds(79);
    expect(h.status('a2')).toBe('available');
    h.seconds(1);
    expect(h.status('a2')).toBe('logged_out');
  });

  it('reconnecting within the grace period keeps offers, work and status', () => {
    const h = harness(graceTenant(10));
    h.available('a1', 'a2');
    const call = arrive(h, 'phone'); // → a1 (idle longest)
    h.ok({ type: 'accept', agentId: 'a1', interactionId: call });
    const x = arrive(h, 'phone'); // → a2
    expect(h.offerOf('a2')).toBe(x);
    h.ok({ type: 'connection_lost', agentId: 'a1' });
    h.ok({ type: 'connection_lost', agentId: 'a2' });
    h.seconds(5);
    h.ok({ type: 'connection_restored', agentId: 'a1' });
    h.ok({ type: 'login', agentId: 'a2' }); // a new console logging in also reconnects
    h.seconds(10);
    expect(h.offerOf('a2')).toBe(x);
    expect(h.status('a2')).toBe('available');
    expect(h.engine.queries.workOf('a1').map((w) => w.id)).toEqual([call]);
    expect(h.status('a1')).toBe('busy');
    expect(ofType(h, 'agent.logged_out')).toEqual([]);
    h.ok({ type: 'accept', agentId: 'a2', interactionId: x });
  });

  it('reconnecting makes a waiting interaction routable to the agent again', () => {
    const h = harness();
    h.available('a2');
    h.ok({ type: 'connection_lost', agentId: 'a2' });
    const x = arrive(h, 'phone');
    expect(h.offerOf('a2')).toBeUndefined();
    h.ok({ type: 'connection_restored', agentId: 'a2' });
    expect(h.offerOf('a2')).toBe(x);
  });
});
