/** Connection mode (persistent with PIN, retry after a drop), workplace phone validation by PIN, direct agent routing. */
import { describe, expect, it } from 'vitest';
import { CALLER, persistentA3, phoneHarness, requests } from './phone-kit.js';

describe('connection mode', () => {
  it('changes only in Working Offline, with the permission, and persistent needs a workplace phone', () => {
    const h = phoneHarness();
    h.available('a1', 'a2');
    expect(h.code(h.run({ type: 'phone_set_mode', agentId: 'a2', mode: 'persistent' }))).toBe('NOT_PERMITTED');
    expect(h.run({ type: 'phone_set_mode', agentId: 'a1', mode: 'persistent' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/Working Offline/) } });
    h.ok({ type: 'set_status', agentId: 'a1', status: 'working_offline' });
    expect(h.code(h.run({ type: 'phone_set_mode', agentId: 'a1', mode: 'persistent' }))).toBe('VALIDATION');
    expect(h.engine.queries.self('a1')!.phone!.mode).toBe('on_demand');
  });

  it('persistent: the connection is authenticated by the PIN played on answer; calls then connect at once', () => {
    const h = phoneHarness();
    h.ok({ type: 'login', agentId: 'a3' });
    h.ok({ type: 'set_status', agentId: 'a3', status: 'working_offline' });
    expect(h.code(h.run({ type: 'phone_connect_voice', agentId: 'a3' }))).toBe('INVALID_STATE');
    h.ok({ type: 'phone_set_mode', agentId: 'a3', mode: 'persistent' });
    // Going persistent dials the voice connection at once.
    expect(requests(h.sw, 'dial')).toEqual([expect.objectContaining({ to: '+15105550103', purpose: 'voice_session' })]);
    expect(h.code(h.run({ type: 'phone_voice_pin', agentId: 'a3', pin: '0000' }))).toBe('INVALID_STATE');
    expect(h.code(h.run({ type: 'phone_connect_voice', agentId: 'a3' }))).toBe('INVALID_STATE');
    h.seconds(3);
    const pin = h.sw.lastPinTo('+15105550103')!;
    expect(pin).toMatch(/^\d{4}$/);
    expect(h.engine.queries.self('a3')!.phone!.voice).toBe('pin_sent');
    const wrong = pin === '1234' ? '4321' : '1234';
    expect(h.code(h.run({ type: 'phone_voice_pin', agentId: 'a3', pin: wrong }))).toBe('VALIDATION');
    h.ok({ type: 'phone_voice_pin', agentId: 'a3', pin });
    expect(h.engine.queries.self('a3')!.phone).toMatchObject({ voice: 'connected', mode: 'persistent' });
    expect(JSON.stringify(h.engine.queries.self('a3'))).not.toContain(`"${pin}"`);
    h.ok({ type: 'set_status', agentId: 'a3', status: 'available' });
    const { id } = h.incoming();
    const dials = requests(h.sw, 'dial').length;
    h.ok({ type: 'accept', agentId: 'a3', interactionId: id });
    expect(h.call(id).state).toBe('connected');
    expect(requests(h.sw, 'dial')).toHaveLength(dials);
  });

  it('a dropped connection says so ("Retry to connect"); calls meanwhile ring the phone; retry reconnects', () => {
    const h = phoneHarness();
    persistentA3(h);
    const session = h.engine.queries.unsafeState().phone.agents.get('a3')!.voice!.legId;
    h.sw.hangUp(session);
    expect(h.engine.queries.self('a3')!.phone).toMatchObject({ voice: 'off', voiceDropped: 'Your phone hung up.' });
    h.ok({ type: 'set_status', agentId: 'a3', status: 'available' });
    const { id } = h.incoming();
    h.ok({ type: 'accept', agentId: 'a3', interactionId: id });
    expect(h.call(id).state).toBe('connecting');
    expect(requests(h.sw, 'dial').at(-1)).toMatchObject({ purpose: 'agent_phone' });
    h.seconds(3);
    h.ok({ type: 'end_interaction', agentId: 'a3', interactionId: id });
    h.ok({ type: 'phone_connect_voice', agentId: 'a3' });
    h.seconds(3);
    h.ok({ type: 'phone_voice_pin', agentId: 'a3', pin: h.sw.lastPinTo('+15105550103')! });
    expect(h.engine.queries.self('a3')!.phone).toMatchObject({ voice: 'connected', voiceDropped: undefined });
  });

  it('the connection dropping in the middle of a call takes the agent off it', () => {
    const h = phoneHarness();
    persistentA3(h);
    h.ok({ type: 'set_status', agentId: 'a3', status: 'available' });
    const { id, legId } = h.incoming();
    h.ok({ type: 'accept', agentId: 'a3', interactionId: id });
    h.sw.hangUp(h.engine.queries.unsafeState().phone.agents.get('a3')!.voice!.legId);
    expect(h.engine.queries.interaction(id)!.phase).toBe('wrapup');
    expect(requests(h.sw, 'hang_up').map((r) => r.legId)).toContain(legId);
  });

  it('wrong PINs are counted: the third cancels the PIN call; a retry brings a new PIN', () => {
    const h = phoneHarness();
    h.ok({ type: 'login', agentId: 'a3' });
    h.ok({ type: 'set_status', agentId: 'a3', status: 'working_offline' });
    h.ok({ type: 'phone_set_mode', agentId: 'a3', mode: 'persistent' });
    h.seconds(3);
    const pin = h.sw.lastPinTo('+15105550103')!;
    const wrong = pin === '1234' ? '4321' : '1234';
    const first = h.run({ type: 'phone_voice_pin', agentId: 'a3', pin: wrong });
    expect(first).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/2 tries left/) } });
    expect(h.run({ type: 'phone_voice_pin', agentId: 'a3', pin: wrong })).toMatchObject({ error: { message: expect.stringMatching(/1 try left/) } });
    // The count is in the log: a restart would not reset it.
    expect(h.ofType('phone.pin_rejected')).toHaveLength(2);
    // A resent command (same id) is answered from its receipt and not counted again.
    const resend = { type: 'phone_voice_pin', agentId: 'a3', pin: wrong } as const;
    const once = h.engine.execute(resend, { commandId: 'cmd-pin-1' });
    expect(h.engine.execute(resend, { commandId: 'cmd-pin-1' })).toEqual(once);
    expect(once).toMatchObject({ ok: false, error: { message: expect.stringMatching(/too many times/) } });
    expect(h.engine.queries.self('a3')!.phone!.voice).toBe('off');
    h.ok({ type: 'phone_connect_voice', agentId: 'a3' });
    h.seconds(3);
    const pin2 = h.sw.lastPinTo('+15105550103')!;
    expect(h.code(h.run({ type: 'phone_voice_pin', agentId: 'a3', pin: pin2 === '1234' ? '4321' : '1234' }))).toBe('VALIDATION');
    expect(h.code(h.run({ type: 'phone_voice_pin', agentId: 'a3', pin: pin2 === '1234' ? '4321' : '1234' }))).toBe('VALIDATION');
    expect(h.run({ type: 'phone_voice_pin', agentId: 'a3', pin: pin2 }).ok).toBe(true); // the right PIN still works on the last try
    h.ok({ type: 'logout', agentId: 'a3' });
    h.ok({ type: 'login', agentId: 'a3' });
    h.seconds(3);
    const again = h.sw.lastPinTo('+15105550103')!;
    const bad = again === '1234' ? '4321' : '1234';
    for (let i = 0; i < 2; i++) expect(h.code(h.run({ type: 'phone_voice_pin', agentId: 'a3', pin: bad }))).toBe('VALIDATION');
    expect(h.run({ type: 'phone_voice_pin', agentId: 'a3', pin: bad })).toMatchObject({ error: { message: expect.stringMatching(/too many times.*retry to connect/i) } });
    expect(h.engine.queries.self('a3')!.phone).toMatchObject({ voice: 'off', voiceDropped: expect.stringMatching(/Wrong PIN too many times/) });
    expect(h.code(h.run({ type: 'phone_voice_pin', agentId: 'a3', pin: again }))).toBe('INVALID_STATE'); // that PIN is dead
    h.ok({ type: 'phone_connect_voice', agentId: 'a3' });
    h.seconds(3);
    h.ok({ type: 'phone_voice_pin', agentId: 'a3', pin: h.sw.lastPinTo('+15105550103')! });
    expect(h.engine.queries.self('a3')!.phone!.voice).toBe('connected');
  });

  it("the guide's login flow: the persistent connection opening makes the agent Available by itself; a break they chose stays", () => {
    const h = phoneHarness();
    h.ok({ type: 'login', agentId: 'a3' });
    h.ok({ type: 'set_status', agentId: 'a3', status: 'working_offline' });
    h.ok({ type: 'phone_set_mode', agentId: 'a3', mode: 'persistent' });
    h.ok({ type: 'logout', agentId: 'a3' });
    // Logging in (On Break, the default) dials the day's connection; entering its PIN opens it: Available.
    h.ok({ type: 'login', agentId: 'a3' });
    expect(h.status('a3')).toBe('on_break');
    h.seconds(3);
    h.ok({ type: 'phone_voice_pin', agentId: 'a3', pin: h.sw.lastPinTo('+15105550103')! });
    expect(h.engine.queries.self('a3')).toMatchObject({ status: 'available', statusChange: { cause: 'voice_connected', from: 'on_break' } });
    const { id } = h.incoming();
    expect(h.offerOf('a3')).toBe(id);
  });

  it('a break the agent chose, or Working Offline, stays when the connection re-opens', () => {
    const h = phoneHarness();
    persistentA3(h);
    for (const status of ['on_break', 'working_offline'] as const) {
      h.ok({ type: 'set_status', agentId: 'a3', status });
      h.sw.hangUp(h.engine.queries.unsafeState().phone.agents.get('a3')!.voice!.legId);
      h.ok({ type: 'phone_connect_voice', agentId: 'a3' });
      h.seconds(3);
      h.ok({ type: 'phone_voice_pin', agentId: 'a3', pin: h.sw.lastPinTo('+15105550103')! });
      expect(h.engine.queries.self('a3')).toMatchObject({ status, phone: { voice: 'connected' } });
    }
  });

  it('a PIN not entered in time drops the attempt; logging out drops the connection', () => {
    const h = phoneHarness();
    persistentA3(h);
    h.ok({ type: 'logout', agentId: 'a3' });
    expect(requests(h.sw, 'hang_up').at(-1)).toMatchObject({ legId: h.ofType('phone.voice_dialed')[0]!.legId });
    // Logging in again in persistent mode dials the day's connection by itself.
    h.ok({ type: 'login', agentId: 'a3' });
    expect(requests(h.sw, 'dial').at(-1)).toMatchObject({ to: '+15105550103', purpose: 'voice_session' });
    expect(h.engine.queries.self('a3')!.phone!.voice).toBe('calling');
    h.seconds(3 + 120);
    expect(h.engine.queries.self('a3')!.phone).toMatchObject({ voice: 'off', voiceDropped: expect.stringMatching(/PIN was not entered in time/) });
  });
});

describe('workplace phone', () => {
  it('changes only in Working Offline with the permission; validated by a PIN call; the old setting stays until then', () => {
    const h = phoneHarness();
    h.available('a1', 'a2');
    expect(h.code(h.run({ type: 'phone_change_workplace', agentId: 'a2', kind: 'phone', value: '5105557777' }))).toBe('NOT_PERMITTED');
    expect(h.code(h.run({ type: 'phone_change_workplace', agentId: 'a1', kind: 'phone', value: '5105557777' }))).toBe('INVALID_STATE');
    h.ok({ type: 'set_status', agentId: 'a1', status: 'working_offline' });
    expect(h.code(h.run({ type: 'phone_change_workplace', agentId: 'a1', kind: 'phone', value: '555-7777' }))).toBe('VALIDATION');
    expect(h.code(h.run({ type: 'phone_validate_workplace', agentId: 'a1', pin: '1234' }))).toBe('INVALID_STATE');
    h.ok({ type: 'phone_change_workplace', agentId: 'a1', kind: 'phone', value: '1-510-555-7777' });
    expect(requests(h.sw, 'dial').at(-1)).toMatchObject({ to: '+15105557777', purpose: 'validation' });
    const self = () => h.engine.queries.self('a1')!.phone!;
    expect(self()).toMatchObject({ workplace: undefined, pendingWorkplace: { workplace: { kind: 'phone', value: '+15105557777' }, state: 'calling' } });
    expect(h.code(h.run({ type: 'phone_validate_workplace', agentId: 'a1', pin: '1234' }))).toBe('INVALID_STATE');
    h.seconds(3);
    const pin = h.sw.lastPinTo('+15105557777')!;
    expect(self().pendingWorkplace!.state).toBe('pin_sent');
    h.seconds(2);
    expect(h.sw.legsOf('+15105557777')).toEqual([]); // the PIN call hangs up after the prompt
    expect(h.code(h.run({ type: 'phone_validate_workplace', agentId: 'a1', pin: pin === '9876' ? '6789' : '9876' }))).toBe('VALIDATION');
    expect(self().workplace).toBeUndefined();
    h.ok({ type: 'phone_validate_workplace', agentId: 'a1', pin });
    expect(self()).toMatchObject({ workplace: { kind: 'phone', value: '+15105557777' }, pendingWorkplace: undefined, notice: { text: 'Number validated: +15105557777.' } });
    // Calls now ring the new workplace phone first.
    h.ok({ type: 'logout', agentId: 'a2' });
    h.ok({ type: 'set_status', agentId: 'a1', status: 'available' });
    const { id } = h.incoming();
    h.ok({ type: 'accept', agentId: 'a1', interactionId: id });
    expect(requests(h.sw, 'dial').at(-1)).toMatchObject({ to: '+15105557777', purpose: 'agent_phone' });
  });

  it('a SIP URI; a validation call that fails or a PIN that expires leaves the old setting', () => {
    const h = phoneHarness();
    h.ok({ type: 'login', agentId: 'a3' });
    h.ok({ type: 'set_status', agentId: 'a3', status: 'working_offline' });
    h.ok({ type: 'phone_change_workplace', agentId: 'a3', kind: 'phone', value: '415 555 0000' });
    h.seconds(1);
    const self = () => h.engine.queries.self('a3')!.phone!;
    expect(self()).toMatchObject({ workplace: { value: '+15105550103' }, pendingWorkplace: undefined, notice: { text: expect.stringMatching(/failed \(busy\)/) } });
    expect(h.code(h.run({ type: 'phone_change_workplace', agentId: 'a3', kind: 'sip', value: 'ana@pbx' }))).toBe('VALIDATION');
    // Three wrong PINs end the validation; the old setting stays.
    h.ok({ type: 'phone_change_workplace', agentId: 'a3', kind: 'phone', value: '510 555 0199' });
    h.seconds(3);
    const pin = h.sw.lastPinTo('+15105550199')!;
    const wrong = pin === '1111' ? '2222' : '1111';
    for (let i = 0; i < 3; i++) expect(h.code(h.run({ type: 'phone_validate_workplace', agentId: 'a3', pin: wrong }))).toBe('VALIDATION');
    expect(self()).toMatchObject({ workplace: { value: '+15105550103' }, pendingWorkplace: undefined, notice: { text: expect.stringMatching(/Wrong PIN too many times/) } });
    expect(h.code(h.run({ type: 'phone_validate_workplace', agentId: 'a3', pin }))).toBe('INVALID_STATE');
    h.ok({ type: 'phone_change_workplace', agentId: 'a3', kind: 'sip', value: 'sip:ana@pbx.example.com' });
    h.seconds(3 + 120);
    expect(self()).toMatchObject({ workplace: { value: '+15105550103' }, pendingWorkplace: undefined, notice: { text: expect.stringMatching(/PIN expired/) } });
  });
});

describe('direct agent routing', () => {
  it('a direct call to a busy agent goes to their voicemail, offered when they are free', () => {
    const h = phoneHarness();
    h.available('a4');
    const busy = h.connected('a4', 'sales');
    const legId = h.sw.incomingCall({ from: CALLER, directNumber: '5105550104' });
    expect(requests(h.sw, 'voicemail_deposit')).toEqual([expect.objectContaining({ legId, mailbox: { agentId: 'a4' } })]);
    expect(h.sw.leg(legId)!.state).toBe('ended');
    const vm = h.ofType('interaction.arrived').at(-1)!.interactionId;
    expect(h.engine.queries.interaction(vm)).toMatchObject({ media: 'voicemail', direct: true, phase: 'queued' });
    h.ok({ type: 'end_interaction', agentId: 'a4', interactionId: busy.id });
    h.ok({ type: 'wrap_up', agentId: 'a4', interactionId: busy.id });
    expect(h.offerOf('a4')).toBe(vm);
    h.ok({ type: 'accept', agentId: 'a4', interactionId: vm });
    expect(h.call(vm)).toMatchObject({ kind: 'voicemail', state: 'connected' });
    h.ok({ type: 'voicemail_email', agentId: 'a4', interactionId: vm });
    expect(h.sw.emails).toEqual([{ voicemailId: vm, email: 'a4@example.com' }]);
  });

  it('unanswered direct calls go to voicemail; answered ones get up to 60 minutes of wrap-up', () => {
    const h = phoneHarness();
    h.ok({ type: 'login', agentId: 'a4' });
    const first = h.sw.incomingCall({ from: CALLER, directNumber: '5105550104' });
    const id = h.ofType('interaction.arrived').at(-1)!.interactionId;
    expect(h.offerOf('a4')).toBe(id);
    h.seconds(15);
    expect(requests(h.sw, 'voicemail_deposit')).toEqual([expect.objectContaining({ legId: first, mailbox: { agentId: 'a4' } })]);
    expect(h.engine.queries.interaction(id)).toMatchObject({ media: 'voicemail', phase: 'queued' });
    expect(h.status('a4')).toBe('on_break');
    h.sw.incomingCall({ from: CALLER, directNumber: '5105550104' });
    const second = h.ofType('interaction.arrived').at(-1)!.interactionId;
    h.ok({ type: 'accept', agentId: 'a4', interactionId: second });
    expect(h.call(second)).toMatchObject({ state: 'connected', whisper: undefined });
    h.ok({ type: 'end_interaction', agentId: 'a4', interactionId: second });
    expect(h.engine.queries.interaction(second)!.wrapUpDeadline).toBe(h.clock.now() + 60 * 60_000);
  });
});
