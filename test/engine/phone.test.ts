/** Phone: number formats, inbound calls through the switch, call controls, recording permissions, voicemail. */
import { describe, expect, it } from 'vitest';
import { normalizeNumber, normalizeSipUri } from '../../src/engine/index.js';
import { CALLER, phoneHarness, requests } from './phone-kit.js';

describe('phone number formats (DOMAIN.md)', () => {
  it.each([
    ['5102592675', '+15102592675'],
    ['15102592675', '+15102592675'],
    ['1-510-259-2675', '+15102592675'],
    ['1(510)259-2675', '+15102592675'],
    ['(510) 259-2675', '+15102592675'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+33 (1) 23-45-67-89', '+33123456789'],
    ['+1 510 259 2675', '+15102592675'],
  ])('accepts %s as %s', (typed, e164) => {
    expect(normalizeNumber(typed)).toEqual({ ok: true, value: e164 });
  });

  it.each(['', '510259267', '25102592675', '0102592675', '1-510-259-267', '+0 20 7946 0958', '+1 510 259 26', '510.259.2675', '510-259-2675 x12', '1(510259-2675', '1((510))259-2675', '1(510-)259-2675', '+44 20 7946 0958 1234 5', 'call me'])(
    'refuses %j with a VALIDATION error naming the accepted forms',
    (typed) => {
      const r = normalizeNumber(typed);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.message).toMatch(/5102592675|phone number|too long/);
      }
    },
  );

  it('validates SIP URIs', () => {
    expect(normalizeSipUri('sip:ana@PBX.example.com:5060')).toEqual({ ok: true, value: 'sip:ana@pbx.example.com:5060' });
    expect(normalizeSipUri('ana@pbx').ok).toBe(false);
    expect(normalizeSipUri('sip:ana@pbx:70000').ok).toBe(false);
  });
});

describe('inbound calls', () => {
  it('an incoming call waits in its queue, is offered, and accept connects it with the queue whisper', () => {
    const h = phoneHarness();
    h.available('a1');
    const { legId, id } = h.incoming();
    expect(requests(h.sw, 'answer')).toEqual([{ op: 'answer', legId }]);
    expect(h.offerOf('a1')).toBe(id);
    expect(h.call(id)).toMatchObject({ state: 'waiting', role: 'host' });
    h.ok({ type: 'accept', agentId: 'a1', interactionId: id });
    const call = h.call(id);
    expect(call).toMatchObject({ state: 'connected', whisper: 'Support line', muted: false, held: false, recording: 'off', conference: false });
    expect(call.participants.map((p) => [p.party, p.state, p.me, p.host])).toEqual([
      ['customer', 'connected', false, false],
      ['agent', 'connected', true, true],
    ]);
    expect(call.participants[0]).toMatchObject({ number: CALLER, displayName: 'Lee' });
    const agentLeg = call.participants[1]!.legId;
    expect(requests(h.sw, 'bridge')).toEqual([{ op: 'bridge', callId: call.callId, legIds: [legId, agentLeg], purpose: 'connect' }]);
    expect(h.sw.leg(agentLeg)!.prompts).toEqual([{ kind: 'whisper', text: 'Support line' }]);
    expect(h.status('a1')).toBe('busy');
  });

  it('on-demand: accepting rings the workplace phone first; the call connects when it answers', () => {
    const h = phoneHarness();
    h.available('a3');
    const { id } = h.incoming();
    h.ok({ type: 'accept', agentId: 'a3', interactionId: id });
    expect(h.call(id).state).toBe('connecting');
    const dial = requests(h.sw, 'dial');
    expect(dial).toEqual([expect.objectContaining({ to: '+15105550103', purpose: 'agent_phone' })]);
    expect(h.code(h.run({ type: 'phone_hold', agentId: 'a3', interactionId: id, held: true }))).toBe('INVALID_STATE');
    h.seconds(3);
    expect(h.call(id).state).toBe('connected');
    expect(h.call(id).whisper).toBe('Support line');
  });

  it("an agent phone that never answers sends the call back to the head of its queue and the agent On Break", () => {
    const h = phoneHarness();
    h.available('a5');
    const first = h.incoming();
    const second = h.incoming();
    h.ok({ type: 'accept', agentId: 'a5', interactionId: first.id });
    h.seconds(30);
    const requeued = h.ofType('interaction.ended').find((e) => e.interactionId === first.id);
    expect(requeued).toMatchObject({ reason: 'requeued', agentId: 'a5' });
    expect(h.status('a5')).toBe('on_break');
    expect(h.engine.queries.self('a5')!.phone!.notice!.text).toMatch(/did not answer/);
    // The caller is still on the line, first in the queue again: the next agent gets them before the second caller.
    h.available('a1');
    const offer = h.engine.queries.offerOf('a1')!;
    expect(offer.id).not.toBe(second.id);
    h.ok({ type: 'accept', agentId: 'a1', interactionId: offer.id });
    expect(h.call(offer.id).participants.find((p) => p.party === 'customer')).toMatchObject({ legId: first.legId, held: false });
  });

  it('the caller hanging up while waiting abandons the interaction', () => {
    const h = phoneHarness();
    const { legId, id } = h.incoming();
    h.sw.hangUp(legId);
    expect(h.ofType('interaction.ended')).toEqual([expect.objectContaining({ interactionId: id, reason: 'abandoned' })]);
    expect(h.engine.queries.unsafeState().phone.calls.size).toBe(0);
  });

  it('the caller hanging up during the call sends the agent to wrap-up; ending the call hangs up both legs', () => {
    const h = phoneHarness();
    h.available('a1', 'a2');
    const one = h.connected('a1');
    h.sw.hangUp(one.legId);
    expect(h.engine.queries.interaction(one.id)!.phase).toBe('wrapup');
    expect(h.call(one.id).state).toBe('ended');
    const two = h.connected('a2');
    const agentLeg = h.call(two.id).participants[1]!.legId;
    h.ok({ type: 'end_interaction', agentId: 'a2', interactionId: two.id });
    expect(requests(h.sw, 'hang_up').map((r) => r.legId).slice(-2)).toEqual([two.legId, agentLeg]);
    expect(h.engine.queries.interaction(two.id)!.phase).toBe('wrapup');
    h.ok({ type: 'wrap_up', agentId: 'a2', interactionId: two.id });
    expect(h.status('a2')).toBe('available');
    expect(h.engine.queries.unsafeState().phone.links.size).toBe(1);
  });
});

describe('call controls', () => {
  it('mute, hold/resume and keypad reach the switch; notes become the call description', () => {
    const h = phoneHarness();
    h.available('a1');
    const { legId, id } = h.connected('a1');
    const mine = h.call(id).participants[1]!.legId;
    h.ok({ type: 'phone_mute', agentId: 'a1', interactionId: id, muted: true });
    expect(h.call(id).muted).toBe(true);
    expect(h.sw.leg(mine)!.muted).toBe(true);
    h.ok({ type: 'phone_hold', agentId: 'a1', interactionId: id, held: true });
    expect(h.call(id).held).toBe(true);
    expect(h.sw.leg(legId)!.held).toBe(true);
    h.ok({ type: 'phone_hold', agentId: 'a1', interactionId: id, held: false });
    h.ok({ type: 'phone_mute', agentId: 'a1', interactionId: id, muted: false });
    h.ok({ type: 'phone_dtmf', agentId: 'a1', interactionId: id, digits: '12#' });
    expect(h.sw.leg(legId)!.dtmf).toBe('12#');
    h.sw.pressDigits(legId, '4');
    expect(h.call(id).dtmf).toBe('4');
    h.ok({ type: 'set_notes', agentId: 'a1', interactionId: id, notes: 'Wants a callback' });
    expect(h.engine.queries.interaction(id)!.notes).toBe('Wants a callback');
    expect(h.call(id)).toMatchObject({ muted: false, held: false });
  });

  it('every control in the wrong state gets a typed error and changes nothing', () => {
    const h = phoneHarness();
    h.available('a1', 'a2');
    const { id } = h.connected('a1');
    const before = h.engine.lastSeq;
    const tries: [string, ReturnType<typeof h.run>][] = [
      ['NOT_FOUND', h.run({ type: 'phone_hold', agentId: 'a2', interactionId: id, held: true })],
      ['INVALID_STATE', h.run({ type: 'phone_hold', agentId: 'a1', interactionId: id, held: false })],
      ['INVALID_STATE', h.run({ type: 'phone_mute', agentId: 'a1', interactionId: id, muted: false })],
      ['VALIDATION', h.run({ type: 'phone_dtmf', agentId: 'a1', interactionId: id, digits: '12a' })],
      ['NOT_FOUND', h.run({ type: 'phone_play', agentId: 'a1', interactionId: id, recordingId: 'nope' })],
      ['INVALID_STATE', h.run({ type: 'phone_complete', agentId: 'a1', interactionId: id })],
      ['INVALID_STATE', h.run({ type: 'phone_cancel_consult', agentId: 'a1', interactionId: id })],
      ['INVALID_STATE', h.run({ type: 'voicemail_email', agentId: 'a1', interactionId: id })],
      ['NOT_FOUND', h.run({ type: 'phone_remove', agentId: 'a1', interactionId: id, legId: 'L-999' })],
      ['INVALID_STATE', h.run({ type: 'phone_remove', agentId: 'a1', interactionId: id, legId: h.call(id).participants[1]!.legId })],
      ['NOT_FOUND', h.run({ type: 'phone_end_all', agentId: 'a2', interactionId: id })],
      ['INVALID_STATE', h.run({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { agentId: 'a3' } })],
      ['VALIDATION', h.run({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { agentId: 'a1' } })],
      ['VALIDATION', h.run({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { number: '555' } })],
      ['NOT_FOUND', h.run({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { queueId: 'chat' } })],
    ];
    for (const [expected, r] of tries) expect([expected, r.ok ? 'ok' : r.error.message]).toEqual([h.code(r), expect.any(String)]);
    expect(h.engine.lastSeq).toBe(before);
    h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: id });
    const seq = h.engine.lastSeq;
    // Hold with no call (in wrap-up), and on a chat.
    expect(h.code(h.run({ type: 'phone_hold', agentId: 'a1', interactionId: id, held: true }))).toBe('INVALID_STATE');
    const chat = h.ok({ type: 'arrive', queueId: 'chat', customer: {} }).interactionId!;
    expect(seq).toBeGreaterThan(before);
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: id });
    h.ok({ type: 'accept', agentId: 'a1', interactionId: chat });
    expect(h.run({ type: 'phone_mute', agentId: 'a1', interactionId: chat, muted: true })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: `${chat} is not a call.` } });
  });

  it('recording follows the permission matrix: none / start only / start and pause', () => {
    const h = phoneHarness();
    h.available('a1', 'a2', 'a6');
    const pausable = h.connected('a1');
    const startOnly = h.connected('a2');
    const none = h.connected('a6', 'sales');
    const rec = (agentId: string, interactionId: string, action: 'start' | 'pause' | 'resume') =>
      h.code(h.run({ type: 'phone_record', agentId, interactionId, action }));
    expect([rec('a6', none.id, 'start'), rec('a6', none.id, 'pause')]).toEqual(['NOT_PERMITTED', 'NOT_PERMITTED']);
    expect(h.call(none.id).recording).toBe('off');
    expect([rec('a2', startOnly.id, 'pause'), rec('a2', startOnly.id, 'start'), rec('a2', startOnly.id, 'pause'), rec('a2', startOnly.id, 'start')]).toEqual([
      'NOT_PERMITTED',
      'ok',
      'NOT_PERMITTED',
      'INVALID_STATE',
    ]);
    expect(h.call(startOnly.id).recording).toBe('on');
    expect([rec('a1', pausable.id, 'pause'), rec('a1', pausable.id, 'resume'), rec('a1', pausable.id, 'start'), rec('a1', pausable.id, 'pause')]).toEqual([
      'INVALID_STATE',
      'INVALID_STATE',
      'ok',
      'ok',
    ]);
    expect(h.call(pausable.id).recording).toBe('paused');
    expect([rec('a1', pausable.id, 'pause'), rec('a1', pausable.id, 'resume')]).toEqual(['INVALID_STATE', 'ok']);
    const callId = h.call(pausable.id).callId!;
    expect(requests(h.sw, 'record').filter((r) => r.callId === callId).map((r) => r.action)).toEqual(['start', 'pause', 'resume']);
    // The recording stops with the call (the last agent leaves).
    h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: pausable.id });
    expect(h.sw.recordings.get(callId)).toBe('off');
  });

  it('a recording the switch stops by itself is recorded as off', () => {
    const h = phoneHarness();
    h.available('a1');
    const { id } = h.connected('a1');
    h.ok({ type: 'phone_record', agentId: 'a1', interactionId: id, action: 'start' });
    h.sw.recordingChanged(h.call(id).callId!, 'off', 'disk full');
    expect(h.call(id).recording).toBe('off');
    expect(h.ofType('phone.recording').at(-1)).toMatchObject({ state: 'off', reported: true, reason: 'disk full' });
  });

  it('plays one of my recordings to the customer', () => {
    const h = phoneHarness();
    h.available('a1');
    const { legId, id } = h.connected('a1');
    h.ok({ type: 'phone_play', agentId: 'a1', interactionId: id, recordingId: 'promo' });
    expect(h.sw.leg(legId)!.prompts).toEqual([{ kind: 'recording', agentId: 'a1', recordingId: 'promo', name: 'Spring promo' }]);
    expect(h.engine.queries.self('a1')!.phone!.recordings.map((r) => r.id)).toEqual(['greet', 'promo']);
  });
});

describe('voicemail', () => {
  it('offered, accepted and played; a copy goes to my email once; no transfer; wrap-up', () => {
    const h = phoneHarness();
    h.available('a1');
    const agentId = 'a1';
    const id = h.ok({ type: 'arrive', queueId: 'vm', customer: { phone: CALLER } }).interactionId!;
    expect(h.offerOf('a1')).toBe(id);
    h.ok({ type: 'accept', agentId, interactionId: id });
    expect(h.call(id)).toMatchObject({ kind: 'voicemail', state: 'connected' });
    const leg = h.call(id).participants[0]!.legId;
    expect(h.sw.leg(leg)!.prompts).toEqual([{ kind: 'voicemail', voicemailId: id }]);
    h.available('a2');
    h.ok({ type: 'voicemail_email', agentId, interactionId: id });
    expect(h.sw.emails).toEqual([{ voicemailId: id, email: 'a1@example.com' }]);
    expect(h.call(id).voicemailEmailed).toBe(true);
    expect(h.code(h.run({ type: 'voicemail_email', agentId, interactionId: id }))).toBe('INVALID_STATE');
    const transfer = h.run({ type: 'phone_transfer', agentId, interactionId: id, to: { queueId: 'phone' } });
    expect(transfer).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/voicemail/) } });
    for (const cmd of [
      { type: 'phone_hold', agentId, interactionId: id, held: true },
      { type: 'phone_record', agentId, interactionId: id, action: 'start' },
      { type: 'phone_conference_add', agentId, interactionId: id, to: { agentId: 'a2' } },
    ] as const)
      expect(h.code(h.run(cmd))).toBe('INVALID_STATE');
    h.ok({ type: 'end_interaction', agentId, interactionId: id });
    expect(h.engine.queries.interaction(id)!.phase).toBe('wrapup');
    expect(h.call(id)).toMatchObject({ state: 'ended', voicemailEmailed: true });
  });

  it('without an email address in the profile the copy is refused with VALIDATION', () => {
    const h = phoneHarness();
    h.available('a2');
    const id = h.ok({ type: 'arrive', queueId: 'vm', customer: {} }).interactionId!;
    h.ok({ type: 'accept', agentId: 'a2', interactionId: id });
    expect(h.code(h.run({ type: 'voicemail_email', agentId: 'a2', interactionId: id }))).toBe('VALIDATION');
  });
});
