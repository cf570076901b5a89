/** Transfers: to a colleague (warm, cold), to a queue, to an external number — answered, unanswered, busy, hung up. */
import { describe, expect, it } from 'vitest';
import { phoneHarness, requests, type PhoneHarness } from './phone-kit.js';

/** a1 on a connected call; a6 Working Offline, ready to be consulted. */
function onCallWithColleague(): { h: PhoneHarness; legId: string; id: string } {
  const h = phoneHarness();
  h.available('a1');
  const c = h.connected('a1');
  h.ok({ type: 'login', agentId: 'a6' });
  h.ok({ type: 'set_status', agentId: 'a6', status: 'working_offline' });
  return { h, ...c };
}

const customerOf = (h: PhoneHarness, id: string) => h.call(id).participants.find((p) => p.party === 'customer')!;

describe('transfer to a colleague', () => {
  it('warm: consult (customer on hold), then complete; I wrap up and resume, they have the customer', () => {
    const { h, legId, id } = onCallWithColleague();
    const { interactionId: theirs } = h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { agentId: 'a6' }, mode: 'warm' });
    expect(customerOf(h, id).held).toBe(true);
    expect(h.sw.leg(legId)!.held).toBe(true);
    expect(h.call(id).consult).toMatchObject({ purpose: 'transfer', blind: false, target: { agentId: 'a6', displayName: 'A6' }, state: 'offered' });
    expect(h.offerOf('a6')).toBe(theirs);
    expect(h.call(theirs!)).toMatchObject({ role: 'participant' });
    expect(h.engine.queries.interaction(theirs!)!.chat).toBeUndefined();
    h.ok({ type: 'accept', agentId: 'a6', interactionId: theirs! });
    expect(h.call(id).consult!.state).toBe('connected');
    expect(h.notice(id)).toMatch(/A6 answered/);
    expect(customerOf(h, id).held).toBe(true);
    h.ok({ type: 'phone_complete', agentId: 'a1', interactionId: id });
    expect(h.engine.queries.interaction(id)!.phase).toBe('wrapup');
    expect(h.notice(id)).toMatch(/transferred to A6/);
    const now = h.call(theirs!);
    expect(now).toMatchObject({ role: 'host', state: 'connected', held: false });
    expect(now.participants.map((p) => [p.party, p.agentId ?? p.number])).toEqual([['customer', '+15105551234'], ['agent', 'a6']]);
    expect(h.engine.queries.interaction(theirs!)!.chat).toBeUndefined();
    expect(h.sw.leg(legId)!.held).toBe(false);
    expect(requests(h.sw, 'bridge').at(-1)).toMatchObject({ purpose: 'transfer', legIds: [legId, now.participants[1]!.legId] });
    // After a transfer: wrap up, then back to work.
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: id });
    expect(h.status('a1')).toBe('available');
    expect(h.status('a6')).toBe('busy');
  });

  it('cold: completes by itself when they answer', () => {
    const { h, id } = onCallWithColleague();
    const { interactionId: theirs } = h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { agentId: 'a6' }, mode: 'cold' });
    h.ok({ type: 'accept', agentId: 'a6', interactionId: theirs! });
    expect(h.engine.queries.interaction(id)!.phase).toBe('wrapup');
    expect(h.call(theirs!)).toMatchObject({ role: 'host', held: false });
    expect(h.engine.queries.interaction(theirs!)!.chat).toBeUndefined();
  });

  it('unanswered (the offer times out): the customer comes back to me with a notice; they go On Break', () => {
    const { h, id } = onCallWithColleague();
    h.ok({ type: 'set_status', agentId: 'a6', status: 'available' });
    const { interactionId: theirs } = h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { agentId: 'a6' }, mode: 'cold' });
    h.seconds(30);
    expect(h.ofType('interaction.ended').find((e) => e.interactionId === theirs)).toMatchObject({ reason: 'unanswered' });
    expect(h.call(id)).toMatchObject({ state: 'connected', held: false, consult: undefined });
    expect(h.notice(id)).toMatch(/A6 did not take the call/);
    expect(h.status('a6')).toBe('on_break');
    expect(h.engine.queries.interaction(id)!.phase).toBe('active');
  });

  it('declined: rejected by the colleague, the customer is back', () => {
    const { h, id } = onCallWithColleague();
    const { interactionId: theirs } = h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { agentId: 'a6' } });
    h.ok({ type: 'reject', agentId: 'a6', interactionId: theirs! });
    expect(h.call(id)).toMatchObject({ held: false, consult: undefined });
    expect(h.notice(id)).toMatch(/declined/);
    expect(h.engine.queries.interaction(theirs!)).toBeUndefined();
  });

  it('busy colleague: refused before anything happens', () => {
    const { h, id } = onCallWithColleague();
    h.available('a2');
    h.connected('a2');
    const seq = h.engine.lastSeq;
    const r = h.run({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { agentId: 'a2' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: 'A2 is Busy: pick someone Available or Working Offline.' } });
    expect(h.run({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { agentId: 'a4' } })).toMatchObject({ error: { message: 'A4 is not logged in.' } });
    expect(h.engine.lastSeq).toBe(seq);
  });

  it("their phone busy or unanswered (on-demand): back to me, they go On Break", () => {
    const h = phoneHarness();
    h.available('a1');
    const { id } = h.connected('a1');
    h.ok({ type: 'login', agentId: 'a3' });
    h.ok({ type: 'set_status', agentId: 'a3', status: 'working_offline' });
    h.sw.script('+15105550103', { kind: 'busy' });
    const { interactionId: theirs } = h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { agentId: 'a3' } });
    h.ok({ type: 'accept', agentId: 'a3', interactionId: theirs! });
    expect(h.call(id).consult!.state).toBe('ringing');
    h.seconds(1);
    expect(h.call(id)).toMatchObject({ held: false, consult: undefined });
    expect(h.notice(id)).toMatch(/transfer to A3 failed: the line is busy/);
    expect(h.ofType('interaction.ended').find((e) => e.interactionId === theirs)).toMatchObject({ reason: 'unanswered', agentId: 'a3' });
    expect(h.status('a3')).toBe('on_break');
  });

  it('the caller hangs up mid-transfer: both of us wrap up, nothing left on the switch', () => {
    const { h, legId, id } = onCallWithColleague();
    const { interactionId: theirs } = h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { agentId: 'a6' } });
    h.ok({ type: 'accept', agentId: 'a6', interactionId: theirs! });
    h.sw.hangUp(legId);
    expect(h.engine.queries.interaction(id)!.phase).toBe('wrapup');
    expect(h.engine.queries.interaction(theirs!)!.phase).toBe('wrapup');
    expect(h.notice(id)).toMatch(/caller hung up/);
    expect(h.engine.queries.unsafeState().phone.calls.size).toBe(0);
    expect(h.sw.liveLegs()).toEqual([]);
  });

  it('the caller hangs up while the colleague is still being offered: the offer is withdrawn', () => {
    const { h, legId, id } = onCallWithColleague();
    const { interactionId: theirs } = h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { agentId: 'a6' } });
    h.sw.hangUp(legId);
    expect(h.offerOf('a6')).toBeUndefined();
    expect(h.status('a6')).toBe('working_offline');
    expect(h.ofType('interaction.ended').find((e) => e.interactionId === theirs)).toMatchObject({ agentId: 'a6' });
    expect(h.engine.queries.interaction(id)!.phase).toBe('wrapup');
  });

  it('the consultee hangs up: they wrap up, the customer is back with me', () => {
    const { h, id } = onCallWithColleague();
    const { interactionId: theirs } = h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { agentId: 'a6' } });
    h.ok({ type: 'accept', agentId: 'a6', interactionId: theirs! });
    h.ok({ type: 'end_interaction', agentId: 'a6', interactionId: theirs! });
    expect(h.engine.queries.interaction(theirs!)!.phase).toBe('wrapup');
    expect(h.call(id)).toMatchObject({ state: 'connected', held: false, consult: undefined });
    expect(h.notice(id)).toMatch(/A6 hung up/);
  });

  it("the consultee's phone hangs up on the switch (on-demand colleague)", () => {
    const h = phoneHarness();
    h.available('a1');
    const { id } = h.connected('a1');
    h.ok({ type: 'login', agentId: 'a3' });
    h.ok({ type: 'set_status', agentId: 'a3', status: 'working_offline' });
    const { interactionId: theirs } = h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { agentId: 'a3' } });
    h.ok({ type: 'accept', agentId: 'a3', interactionId: theirs! });
    h.seconds(3);
    expect(h.call(id).consult!.state).toBe('connected');
    h.sw.hangUp(h.sw.legsOf('+15105550103')[0]!.id);
    expect(h.call(id)).toMatchObject({ held: false, consult: undefined });
    expect(h.engine.queries.interaction(theirs!)!.phase).toBe('wrapup');
  });

  it('cancel: the colleague leaves the consultation, the customer is back', () => {
    const { h, id } = onCallWithColleague();
    const { interactionId: theirs } = h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { agentId: 'a6' } });
    expect(h.code(h.run({ type: 'phone_complete', agentId: 'a1', interactionId: id }))).toBe('INVALID_STATE');
    expect(h.code(h.run({ type: 'phone_hold', agentId: 'a1', interactionId: id, held: false }))).toBe('INVALID_STATE');
    expect(h.code(h.run({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { queueId: 'sales' } }))).toBe('INVALID_STATE');
    h.ok({ type: 'phone_cancel_consult', agentId: 'a1', interactionId: id });
    expect(h.offerOf('a6')).toBeUndefined();
    expect(h.engine.queries.interaction(theirs!)).toBeUndefined();
    expect(h.call(id)).toMatchObject({ held: false, consult: undefined });
  });
});

describe('transfer to a queue', () => {
  it('the call waits in the queue again; the next agent hears that queue’s whisper; I wrap up', () => {
    const h = phoneHarness();
    h.available('a1');
    const { legId, id } = h.connected('a1');
    h.ok({ type: 'phone_record', agentId: 'a1', interactionId: id, action: 'start' });
    h.available('a4');
    const { interactionId: next } = h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { queueId: 'sales' } });
    expect(h.engine.queries.interaction(id)!.phase).toBe('wrapup');
    expect(h.call(next!)).toMatchObject({ state: 'waiting', held: true, recording: 'off' });
    expect(h.offerOf('a4')).toBe(next);
    expect(h.engine.queries.interaction(next!)!.chat).toBeUndefined();
    h.ok({ type: 'accept', agentId: 'a4', interactionId: next! });
    expect(h.call(next!)).toMatchObject({ state: 'connected', held: false, whisper: 'Sales line' });
    expect(customerOf(h, next!).legId).toBe(legId);
  });

  it('unstaffed: warned (UNSTAFFED) unless confirmed or permitted; the caller hanging up while waiting abandons it', () => {
    const h = phoneHarness();
    h.available('a1', 'a2');
    const one = h.connected('a1');
    const seq = h.engine.lastSeq;
    expect(h.code(h.run({ type: 'phone_transfer', agentId: 'a1', interactionId: one.id, to: { queueId: 'empty' } }))).toBe('UNSTAFFED');
    expect(h.engine.lastSeq).toBe(seq);
    const { interactionId: waiting } = h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: one.id, to: { queueId: 'empty' }, force: true });
    expect(h.engine.queries.queueStats('empty')!.waiting).toBe(1);
    h.sw.hangUp(one.legId);
    expect(h.ofType('interaction.ended').find((e) => e.interactionId === waiting)).toMatchObject({ reason: 'abandoned' });
    // a2 holds the permission: no warning.
    const two = h.connected('a2');
    expect(h.code(h.run({ type: 'phone_transfer', agentId: 'a2', interactionId: two.id, to: { queueId: 'empty' } }))).toBe('ok');
  });
});

describe('transfer to my own queue', () => {
  it('the call is never offered back to me: it waits for a colleague (routing/offer-rules.ts)', () => {
    const h = phoneHarness();
    h.available('a1');
    const { id } = h.connected('a1');
    // Nobody else is there: the warning does not count me.
    expect(h.code(h.run({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { queueId: 'phone' } }))).toBe('UNSTAFFED');
    const { interactionId: moved } = h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { queueId: 'phone' }, force: true });
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: id });
    expect(h.status('a1')).toBe('available');
    expect(h.offerOf('a1')).toBeUndefined();
    h.available('a2');
    expect(h.offerOf('a2')).toBe(moved);
  });
});

describe('transfer to an external number', () => {
  it('warm invite, answered, complete: the customer talks with them; I wrap up; the engine releases the call', () => {
    const h = phoneHarness();
    h.available('a1');
    const { legId, id } = h.connected('a1');
    h.ok({ type: 'phone_record', agentId: 'a1', interactionId: id, action: 'start' });
    const callId = h.call(id).callId!;
    expect(h.code(h.run({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { number: '4155551212' }, mode: 'cold' }))).toBe('VALIDATION');
    h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { number: '1 (415) 555-1212' } });
    expect(h.call(id).consult).toMatchObject({ target: { number: '+14155551212' }, state: 'ringing' });
    expect(h.code(h.run({ type: 'phone_complete', agentId: 'a1', interactionId: id }))).toBe('INVALID_STATE');
    h.seconds(3);
    expect(h.call(id).consult!.state).toBe('connected');
    h.ok({ type: 'phone_dtmf', agentId: 'a1', interactionId: id, digits: '5' });
    const external = h.sw.legsOf('+14155551212')[0]!;
    expect(external.dtmf).toBe('5');
    h.ok({ type: 'phone_complete', agentId: 'a1', interactionId: id });
    expect(h.engine.queries.interaction(id)!.phase).toBe('wrapup');
    expect(h.engine.queries.unsafeState().phone.calls.size).toBe(0);
    expect(requests(h.sw, 'release')).toEqual([{ op: 'release', callId, legIds: [legId, external.id] }]);
    // "Stop when the last agent leaves."
    expect(h.sw.recordings.get(callId)).toBe('off');
    expect(h.sw.leg(legId)).toMatchObject({ state: 'connected', held: false });
  });

  it.each([
    ['busy', '+14155550000', 1, /failed: the line is busy/],
    ['never answers (switch no-answer)', '+14155559999', 26, /failed: there is no answer/],
    ['fails', '+14155558888', 1, /could not be placed/],
  ])('%s: the customer is back with me, with a notice', (_what, number, seconds, message) => {
    const h = phoneHarness();
    h.available('a1');
    const { id } = h.connected('a1');
    h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { number } });
    h.seconds(seconds);
    expect(h.call(id)).toMatchObject({ state: 'connected', held: false, consult: undefined });
    expect(h.notice(id)).toMatch(message);
  });

  it('the engine gives up at its own ring deadline and hangs the leg up', () => {
    const h = phoneHarness();
    h.available('a1');
    const { id } = h.connected('a1');
    h.sw.script('+14155551212', { kind: 'answer', afterMs: 60_000 });
    h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { number: '+14155551212' } });
    h.seconds(30);
    expect(h.call(id).consult).toBeUndefined();
    expect(requests(h.sw, 'hang_up').at(-1)).toMatchObject({ reason: 'no_answer' });
    expect(h.sw.legsOf('+14155551212')).toEqual([]);
  });

  it('the external party hangs up during the consultation; the caller hangs up during the invitation', () => {
    const h = phoneHarness();
    h.available('a1');
    const { legId, id } = h.connected('a1');
    h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { number: '+14155551212' } });
    h.seconds(3);
    h.sw.hangUp(h.sw.legsOf('+14155551212')[0]!.id);
    expect(h.call(id)).toMatchObject({ held: false, consult: undefined });
    h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { number: '+14155551212' } });
    h.sw.hangUp(legId);
    expect(h.engine.queries.interaction(id)!.phase).toBe('wrapup');
    expect(h.sw.liveLegs()).toEqual([]);
  });
});
