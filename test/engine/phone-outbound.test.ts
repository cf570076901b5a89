/** Outbound calls: number formats checked before dialing, sticky outbound codes, on-demand vs persistent dialing. */
import { describe, expect, it } from 'vitest';
import { persistentA3, phoneHarness, requests } from './phone-kit.js';

describe('outbound calls', () => {
  it('checks the number and the code before anything is dialed', () => {
    const h = phoneHarness();
    h.available('a1');
    const seq = h.engine.lastSeq;
    const bad = h.run({ type: 'phone_dial', agentId: 'a1', number: '510-259-267', code: 'followup' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('1-510-259-2675') } });
    expect(h.code(h.run({ type: 'phone_dial', agentId: 'a1', number: '5102592675' }))).toBe('CODE_REQUIRED');
    expect(h.code(h.run({ type: 'phone_dial', agentId: 'a1', number: '5102592675', code: 'nope' }))).toBe('VALIDATION');
    expect(h.code(h.run({ type: 'phone_dial', agentId: 'a1', number: '5102592675', code: 'followup', queueId: 'phone' }))).toBe('NOT_FOUND');
    expect(h.engine.lastSeq).toBe(seq);
    expect(h.sw.requests).toEqual([]);
  });

  it('the last outbound code chosen is the default next time, until changed', () => {
    const h = phoneHarness();
    h.available('a1');
    const dial = (code?: string) => {
      const { interactionId } = h.ok({ type: 'phone_dial', agentId: 'a1', number: '1(510)259-2675', code });
      const i = h.engine.queries.interaction(interactionId!)!;
      h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: i.id });
      h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: i.id });
      return h.engine.queries.unsafeState().interactions.size === 0 ? h.ofType('interaction.arrived').at(-1)!.detail : undefined;
    };
    expect(dial('campaign')).toEqual({ outboundCode: 'campaign' });
    expect(h.engine.queries.self('a1')!.phone).toMatchObject({ lastOutboundCode: 'campaign', outboundCodes: [{ id: 'followup' }, { id: 'campaign' }] });
    expect(dial()).toEqual({ outboundCode: 'campaign' });
    expect(dial('followup')).toEqual({ outboundCode: 'followup' });
    expect(dial()).toEqual({ outboundCode: 'followup' });
    expect(h.ofType('phone.outbound_code_chosen').map((e) => e.code)).toEqual(['campaign', 'followup']);
  });

  it('from the console (no workplace phone): dials the destination at once; connected when it answers; no whisper', () => {
    const h = phoneHarness();
    h.available('a1');
    const { interactionId } = h.ok({ type: 'phone_dial', agentId: 'a1', number: '1-510-259-2675', code: 'followup' });
    const id = interactionId!;
    expect(h.engine.queries.interaction(id)).toMatchObject({ media: 'outbound_phone', queueId: 'out', customer: { phone: '+15102592675' }, phase: 'active' });
    expect(h.status('a1')).toBe('busy');
    expect(requests(h.sw, 'dial')).toEqual([expect.objectContaining({ to: '+15102592675', purpose: 'outbound' })]);
    expect(h.call(id)).toMatchObject({ state: 'dialing', direction: 'outbound' });
    h.seconds(3);
    expect(h.call(id)).toMatchObject({ state: 'connected', whisper: undefined });
    h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: id });
    expect(h.engine.queries.interaction(id)!.wrapUpDeadline).toBe(h.clock.now() + 30_000);
  });

  it('on-demand: rings my phone first, then the destination', () => {
    const h = phoneHarness();
    h.available('a3');
    const { interactionId } = h.ok({ type: 'phone_dial', agentId: 'a3', number: '+44 20 7946 0958', code: 'followup' });
    expect(requests(h.sw, 'dial').map((r) => [r.to, r.purpose])).toEqual([['+15105550103', 'agent_phone']]);
    expect(h.call(interactionId!).state).toBe('connecting');
    h.seconds(3);
    expect(requests(h.sw, 'dial').map((r) => [r.to, r.purpose])).toEqual([
      ['+15105550103', 'agent_phone'],
      ['+442079460958', 'outbound'],
    ]);
    h.seconds(3);
    expect(h.call(interactionId!).state).toBe('connected');
  });

  it('persistent: dials the destination at once over the open voice connection', () => {
    const h = phoneHarness();
    persistentA3(h);
    const before = requests(h.sw, 'dial').length;
    const { interactionId } = h.ok({ type: 'phone_dial', agentId: 'a3', number: '5102592675', code: 'campaign' });
    expect(requests(h.sw, 'dial').slice(before).map((r) => r.purpose)).toEqual(['outbound']);
    h.seconds(3);
    const session = h.engine.queries.unsafeState().phone.agents.get('a3')!.voice!.legId;
    expect(requests(h.sw, 'bridge').at(-1)!.legIds).toContain(session);
    h.ok({ type: 'end_interaction', agentId: 'a3', interactionId: interactionId! });
    // The voice connection stays open: unbridged, not hung up.
    expect(requests(h.sw, 'unbridge').at(-1)).toMatchObject({ legId: session });
    expect(requests(h.sw, 'hang_up').map((r) => r.legId)).not.toContain(session);
    expect(h.engine.queries.self('a3')!.phone!.voice).toBe('connected');
  });

  it('a busy or unanswered destination ends in wrap-up with a notice', () => {
    const h = phoneHarness();
    h.available('a1');
    const { interactionId } = h.ok({ type: 'phone_dial', agentId: 'a1', number: '510-555-0000', code: 'followup' });
    h.seconds(1);
    expect(h.engine.queries.interaction(interactionId!)!.phase).toBe('wrapup');
    expect(h.notice(interactionId!)).toBe('+15105550000: the line is busy.');
  });

  it('my own phone never answering: the call is not placed and I go On Break', () => {
    const h = phoneHarness();
    h.available('a5');
    const { interactionId } = h.ok({ type: 'phone_dial', agentId: 'a5', number: '5102592675', code: 'followup' });
    h.seconds(26);
    expect(h.ofType('interaction.ended').find((e) => e.interactionId === interactionId)).toMatchObject({ reason: 'abandoned' });
    expect(requests(h.sw, 'dial').map((r) => r.purpose)).toEqual(['agent_phone']);
    expect(h.status('a5')).toBe('on_break');
  });

  it('dialing needs Available or Working Offline, no offer and no other work', () => {
    const h = phoneHarness();
    h.ok({ type: 'login', agentId: 'a1' });
    expect(h.run({ type: 'phone_dial', agentId: 'a1', number: '5102592675', code: 'followup' })).toMatchObject({ ok: false, error: { code: 'DISABLED_IN_STATUS', message: expect.stringMatching(/On Break: dialing is off/) } });
    h.ok({ type: 'set_status', agentId: 'a1', status: 'working_offline' });
    h.ok({ type: 'phone_dial', agentId: 'a1', number: '5102592675', code: 'followup' });
    expect(h.code(h.run({ type: 'phone_dial', agentId: 'a1', number: '5102592675', code: 'followup' }))).toBe('CAPACITY_REACHED');
  });
});
