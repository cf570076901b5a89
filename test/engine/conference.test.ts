/** Conference calls: joining (customer held while consulting), participants, host controls, Leave, End for all. */
import { describe, expect, it } from 'vitest';
import { phoneHarness, requests, type PhoneHarness } from './phone-kit.js';

/** a1 hosts a conference with the customer and a6 (merged). */
function conference(): { h: PhoneHarness; legId: string; id: string; theirs: string } {
  const h = phoneHarness();
  h.available('a1');
  const c = h.connected('a1');
  h.ok({ type: 'login', agentId: 'a6' });
  h.ok({ type: 'set_status', agentId: 'a6', status: 'available' });
  const { interactionId } = h.ok({ type: 'phone_conference_add', agentId: 'a1', interactionId: c.id, to: { agentId: 'a6' } });
  expect(h.call(c.id).held).toBe(true);
  h.ok({ type: 'accept', agentId: 'a6', interactionId: interactionId! });
  expect(h.call(c.id).held).toBe(true);
  h.ok({ type: 'phone_complete', agentId: 'a1', interactionId: c.id });
  return { h, ...c, theirs: interactionId! };
}

const legOf = (h: PhoneHarness, id: string, agentId: string) => h.call(id).participants.find((p) => p.agentId === agentId)!.legId;

describe('conference', () => {
  it('adding a colleague holds the customer while consulting and resumes them on the merge', () => {
    const { h, legId, id, theirs } = conference();
    const host = h.call(id);
    expect(host).toMatchObject({ role: 'host', conference: true, held: false, consult: undefined });
    expect(host.participants.map((p) => [p.party, p.agentId ?? p.number, p.host])).toEqual([
      ['customer', '+15105551234', false],
      ['agent', 'a1', true],
      ['agent', 'a6', false],
    ]);
    expect(h.call(theirs)).toMatchObject({ role: 'participant', conference: true });
    expect(h.call(theirs).participants.find((p) => p.me)!.agentId).toBe('a6');
    expect(h.notice(id)).toMatch(/A6 joined/);
    expect(h.sw.leg(legId)!.held).toBe(false);
    expect(requests(h.sw, 'bridge').map((r) => r.purpose)).toEqual(['connect', 'consult', 'conference']);
    expect(h.status('a6')).toBe('busy');
  });

  it('only Available or Working Offline colleagues can be added', () => {
    const h = phoneHarness();
    h.available('a1');
    const { id } = h.connected('a1');
    h.ok({ type: 'login', agentId: 'a6' });
    const r = h.run({ type: 'phone_conference_add', agentId: 'a1', interactionId: id, to: { agentId: 'a6' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/On Break/) } });
  });

  it('adds an external number too; the participant list shows everyone', () => {
    const { h, id } = conference();
    h.ok({ type: 'phone_conference_add', agentId: 'a1', interactionId: id, to: { number: '+44 20 7946 0958' } });
    expect(h.call(id)).toMatchObject({ held: true, consult: { purpose: 'conference', state: 'ringing' } });
    h.seconds(3);
    h.ok({ type: 'phone_complete', agentId: 'a1', interactionId: id });
    expect(h.call(id).participants.map((p) => p.agentId ?? p.number)).toEqual(['+15105551234', 'a1', 'a6', '+442079460958']);
    expect(h.call(id).held).toBe(false);
  });

  it('host controls: mute and hold a participant, record, play; participants cannot', () => {
    const { h, id, theirs } = conference();
    const a6Leg = legOf(h, id, 'a6');
    h.ok({ type: 'phone_mute', agentId: 'a1', interactionId: id, muted: true, legId: a6Leg });
    expect(h.call(theirs).muted).toBe(true);
    h.ok({ type: 'phone_hold', agentId: 'a1', interactionId: id, held: true, legId: a6Leg });
    expect(h.sw.leg(a6Leg)!.held).toBe(true);
    h.ok({ type: 'phone_record', agentId: 'a1', interactionId: id, action: 'start' });
    h.ok({ type: 'phone_play', agentId: 'a1', interactionId: id, recordingId: 'greet' });
    const a1Leg = legOf(h, id, 'a1');
    expect(h.code(h.run({ type: 'phone_mute', agentId: 'a6', interactionId: theirs, muted: true, legId: a1Leg }))).toBe('INVALID_STATE');
    h.ok({ type: 'phone_mute', agentId: 'a6', interactionId: theirs, muted: false });
    for (const cmd of [
      { type: 'phone_hold', agentId: 'a6', interactionId: theirs, held: true },
      { type: 'phone_transfer', agentId: 'a6', interactionId: theirs, to: { queueId: 'sales' } },
      { type: 'phone_conference_add', agentId: 'a6', interactionId: theirs, to: { number: '+14155551212' } },
      { type: 'phone_remove', agentId: 'a6', interactionId: theirs, legId: a1Leg },
      { type: 'phone_play', agentId: 'a6', interactionId: theirs, recordingId: 'greet' },
      { type: 'phone_end_all', agentId: 'a6', interactionId: theirs },
    ] as const)
      expect(h.run(cmd)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/host/) } });
  });

  it('the host removes a participant (never the host, nor the customer)', () => {
    const { h, legId, id, theirs } = conference();
    const a1Leg = legOf(h, id, 'a1');
    expect(h.run({ type: 'phone_remove', agentId: 'a1', interactionId: id, legId: a1Leg })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(h.code(h.run({ type: 'phone_remove', agentId: 'a1', interactionId: id, legId }))).toBe('INVALID_STATE');
    h.ok({ type: 'phone_remove', agentId: 'a1', interactionId: id, legId: legOf(h, id, 'a6') });
    expect(h.engine.queries.interaction(theirs)!.phase).toBe('wrapup');
    expect(h.notice(theirs)).toMatch(/removed you/);
    expect(h.call(id)).toMatchObject({ conference: false, state: 'connected' });
  });

  it('Leave: the host leaves, the colleague hosts now and the recording goes on', () => {
    const { h, legId, id, theirs } = conference();
    h.ok({ type: 'phone_record', agentId: 'a1', interactionId: id, action: 'start' });
    h.ok({ type: 'phone_leave', agentId: 'a1', interactionId: id });
    expect(h.engine.queries.interaction(id)!.phase).toBe('wrapup');
    expect(h.call(theirs)).toMatchObject({ role: 'host', recording: 'on', state: 'connected' });
    expect(h.notice(theirs)).toMatch(/now the host/);
    h.ok({ type: 'phone_hold', agentId: 'a6', interactionId: theirs, held: true });
    expect(h.sw.leg(legId)!.held).toBe(true);
  });

  it('ending my side as host of a conference leaves it to the others', () => {
    const { h, id, theirs } = conference();
    h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: id });
    expect(h.call(theirs).role).toBe('host');
  });

  it('a participant leaves; the conference goes on', () => {
    const { h, id, theirs } = conference();
    h.ok({ type: 'phone_leave', agentId: 'a6', interactionId: theirs });
    expect(h.engine.queries.interaction(theirs)!.phase).toBe('wrapup');
    expect(h.call(id)).toMatchObject({ state: 'connected', conference: false });
  });

  it('End for all: everyone wraps up and every leg is hung up', () => {
    const { h, id, theirs } = conference();
    h.ok({ type: 'phone_conference_add', agentId: 'a1', interactionId: id, to: { number: '+14155551212' } });
    h.seconds(3);
    h.ok({ type: 'phone_complete', agentId: 'a1', interactionId: id });
    h.ok({ type: 'phone_end_all', agentId: 'a1', interactionId: id });
    expect([h.engine.queries.interaction(id)!.phase, h.engine.queries.interaction(theirs)!.phase]).toEqual(['wrapup', 'wrapup']);
    expect(h.sw.liveLegs()).toEqual([]);
    expect(h.engine.queries.unsafeState().phone.calls.size).toBe(0);
  });

  it('the last agent leaving a conference with an external party releases the call and stops the recording', () => {
    const h = phoneHarness();
    h.available('a1');
    const { id } = h.connected('a1');
    h.ok({ type: 'phone_conference_add', agentId: 'a1', interactionId: id, to: { number: '+14155551212' } });
    h.seconds(3);
    h.ok({ type: 'phone_complete', agentId: 'a1', interactionId: id });
    h.ok({ type: 'phone_record', agentId: 'a1', interactionId: id, action: 'start' });
    const callId = h.call(id).callId!;
    h.ok({ type: 'phone_leave', agentId: 'a1', interactionId: id });
    expect(h.ofType('phone.recording').at(-1)).toMatchObject({ action: 'stop', reason: 'The last agent left the call.' });
    expect(h.sw.recordings.get(callId)).toBe('off');
    expect(requests(h.sw, 'release')).toHaveLength(1);
  });

  it('an external participant hanging up leaves the conference going', () => {
    const { h, id } = conference();
    h.ok({ type: 'phone_conference_add', agentId: 'a1', interactionId: id, to: { number: '+14155551212' } });
    h.seconds(3);
    h.ok({ type: 'phone_complete', agentId: 'a1', interactionId: id });
    h.sw.hangUp(h.sw.legsOf('+14155551212')[0]!.id);
    expect(h.call(id).participants.map((p) => p.agentId ?? p.number)).toEqual(['+15105551234', 'a1', 'a6']);
    expect(h.notice(id)).toMatch(/left the call/);
  });
});
