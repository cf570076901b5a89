/**
 * Every status change the engine makes carries its cause (agents/transitions.ts),
 * and the agent's view says it — with the offer it was about — and the status
 * they will get when their current work ends.
 */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/index.js';
import { harness } from './harness.js';
import { phoneHarness } from './phone-kit.js';

const changes = (events: EngineEvent[], agentId: string) =>
  events.flatMap((e) => (e.type === 'agent.status_changed' && e.agentId === agentId ? [{ to: e.to, cause: e.cause, by: e.by, offer: e.offer }] : []));

describe('status causes', () => {
  it('a rejected call: Working Offline, cause reject, with the offer; the view names its queue', () => {
    const h = harness();
    h.available('a1');
    const { interactionId } = h.ok({ type: 'arrive', queueId: 'phone', customer: { name: 'C' } });
    h.ok({ type: 'reject', agentId: 'a1', interactionId: interactionId! });
    expect(changes(h.events, 'a1').at(-1)).toEqual({ to: 'working_offline', cause: 'reject', by: undefined, offer: { media: 'inbound_phone', queueId: 'phone' } });
    expect(h.engine.queries.self('a1')!.statusChange).toEqual({ cause: 'reject', from: 'available', offer: { media: 'inbound_phone', queueName: 'Phone' } });
  });

  it('a missed offer: On Break, cause timeout', () => {
    const h = harness();
    h.available('a2');
    h.ok({ type: 'arrive', queueId: 'chat', customer: {} });
    h.seconds(15);
    expect(h.status('a2')).toBe('on_break');
    expect(h.engine.queries.self('a2')!.statusChange).toEqual({ cause: 'timeout', from: 'available', offer: { media: 'chat', queueName: 'Chat' } });
  });

  it('the end of wrap-up: Available by default (work_ended), and the view says so while busy', () => {
    const h = harness();
    h.available('a1');
    const { interactionId: id } = h.ok({ type: 'arrive', queueId: 'phone', customer: {} });
    h.ok({ type: 'accept', agentId: 'a1', interactionId: id! });
    expect(h.engine.queries.self('a1')).toMatchObject({ status: 'busy', statusAfterWork: 'available', statusChange: { cause: 'accept' } });
    expect(h.engine.queries.self('a1')!.afterWork).toBeUndefined();
    h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: id! });
    h.seconds(30);
    expect(h.status('a1')).toBe('available');
    expect(h.engine.queries.self('a1')!.statusChange).toEqual({ cause: 'work_ended', from: 'busy' });
  });

  it('the after-work choice: cause after_work, by the agent', () => {
    const h = harness();
    h.available('a1');
    const { interactionId: id } = h.ok({ type: 'arrive', queueId: 'phone', customer: {} });
    h.ok({ type: 'accept', agentId: 'a1', interactionId: id! });
    h.ok({ type: 'set_after_work', agentId: 'a1', status: 'on_break' });
    expect(h.engine.queries.self('a1')).toMatchObject({ statusAfterWork: 'on_break', afterWork: { status: 'on_break', by: 'agent' } });
    h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: id! });
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: id! });
    expect(h.engine.queries.self('a1')!.statusChange).toEqual({ cause: 'after_work', from: 'busy', by: 'agent' });
  });

  it('an offer rejected while chatting: Stop New now, its outcome after work (by reject)', () => {
    const h = harness();
    h.available('a1');
    const { interactionId: first } = h.ok({ type: 'arrive', queueId: 'chat', customer: {} });
    h.ok({ type: 'accept', agentId: 'a1', interactionId: first! });
    const { interactionId: second } = h.ok({ type: 'arrive', queueId: 'chat', customer: {} });
    h.ok({ type: 'reject', agentId: 'a1', interactionId: second! });
    expect(h.engine.queries.self('a1')).toMatchObject({
      status: 'busy_stop_new',
      statusChange: { cause: 'reject', from: 'busy' },
      statusAfterWork: 'on_break',
      afterWork: { status: 'on_break', by: 'reject', offer: { media: 'chat', queueName: 'Chat' } },
    });
    h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: first! });
    h.ok({ type: 'set_codes', agentId: 'a1', interactionId: first!, codes: ['help'] });
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: first! });
    expect(h.engine.queries.self('a1')).toMatchObject({ status: 'on_break', statusChange: { cause: 'after_work', by: 'reject', offer: { media: 'chat' } } });
  });

  it('an outbound call dialled from Working Offline goes back to Working Offline (after work, by dial), changeable meanwhile', () => {
    const h = phoneHarness();
    h.ok({ type: 'login', agentId: 'a1' });
    h.ok({ type: 'set_status', agentId: 'a1', status: 'working_offline' });
    const { interactionId: id } = h.ok({ type: 'phone_dial', agentId: 'a1', number: '5102592675', code: 'followup' });
    expect(h.engine.queries.self('a1')).toMatchObject({ status: 'busy', statusAfterWork: 'working_offline', afterWork: { status: 'working_offline', by: 'dial' } });
    h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: id! });
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: id! });
    expect(h.engine.queries.self('a1')).toMatchObject({ status: 'working_offline', statusChange: { cause: 'after_work', by: 'dial' } });
    // Dialled from Available: Available again, the default.
    h.ok({ type: 'set_status', agentId: 'a1', status: 'available' });
    const { interactionId: two } = h.ok({ type: 'phone_dial', agentId: 'a1', number: '5102592675', code: 'followup' });
    expect(h.engine.queries.self('a1')!.afterWork).toBeUndefined();
    // The agent chooses otherwise while on the call.
    h.ok({ type: 'set_after_work', agentId: 'a1', status: 'on_break' });
    h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: two! });
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: two! });
    expect(h.status('a1')).toBe('on_break');
  });

  it('a chat offer missed while its customer is away costs the agent nothing; once back, it does', () => {
    const h = harness();
    h.available('a2');
    const { interactionId: id } = h.ok({ type: 'arrive', queueId: 'chat', customer: { name: 'Lee' } });
    const conversationId = h.engine.queries.offerOf('a2')!.chat!.conversationId;
    h.ok({ type: 'customer_away', conversationId, away: true });
    expect(h.engine.queries.offerOf('a2')!.chat!.customerAway).toBe(true);
    h.seconds(15);
    expect(h.status('a2')).toBe('available');
    expect(h.events.some((e) => e.type === 'interaction.declined' && e.interactionId === id && e.reason === 'timeout')).toBe(true);
    // Back: offered again, and a miss now counts.
    h.ok({ type: 'customer_away', conversationId, away: false });
    h.seconds(15);
    expect(h.status('a2')).toBe('on_break');
  });
});
