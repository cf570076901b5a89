/**
 * DOMAIN.md "Handling and wrap-up": the per-queue wrap-up timer, mandatory
 * transaction codes (the timer counts up until they are chosen), Wrap Up
 * early, notes. Virtual clock throughout.
 *
 * Harness queues: phone (wrap-up 30 s, no codes), chat (10 s, mandatory
 * "Reason": sales|help, optional "Extra": upsell), email (60 s, no codes).
 */
import { describe, expect, it } from 'vitest';
import type { Command, EngineEvent } from '../../src/engine/index.js';
import { baseTenant, harness, type Harness } from './harness.js';

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);
const ofType = <T extends EngineEvent['type']>(h: Harness, type: T) =>
  h.events.filter((e): e is Extract<EngineEvent, { type: T }> => e.type === type);

/** Makes `agentId` Available, routes one interaction of `queueId` to them and accepts it. */
function handling(h: Harness, agentId: string, queueId: string): string {
  if (!h.engine.queries.self(agentId)!.loggedIn) h.available(agentId);
  const id = h.ok({ type: 'arrive', queueId, customer: { name: 'C' } }).interactionId!;
  expect(h.offerOf(agentId)).toBe(id);
  h.ok({ type: 'accept', agentId, interactionId: id });
  return id;
}
const view = (h: Harness, id: string) => h.engine.queries.interaction(id);

describe('wrap-up timer', () => {
  it.each([
    ['phone', 30],
    ['email', 60],
  ] as const)('%s: the %i s timer ends the interaction and the agent becomes Available', (queueId, sec) => {
    const h = harness();
    const x = handling(h, 'a2', queueId);
    h.seconds(42);
    h.ok({ type: 'end_interaction', agentId: 'a2', interactionId: x });
    expect(view(h, x)).toMatchObject({ phase: 'wrapup', customerEndedAt: h.clock.now(), wrapUpDeadline: h.clock.now() + sec * 1000 });
    expect(h.status('a2')).toBe('busy');
    h.clock.advance(sec * 1000 - 1);
    expect(view(h, x)!.phase).toBe('wrapup');
    h.clock.advance(1);
    expect(view(h, x)).toBeUndefined();
    expect(ofType(h, 'interaction.ended').map((e) => [e.interactionId, e.reason])).toEqual([[x, 'wrap_up_timer']]);
    expect(h.status('a2')).toBe('available');
    expect(h.engine.queries.workOf('a2')).toEqual([]);
  });

  it('the customer hanging up starts wrap-up too', () => {
    const h = harness();
    const x = handling(h, 'a2', 'phone');
    h.ok({ type: 'customer_end', interactionId: x });
    const ended = ofType(h, 'interaction.customer_ended');
    expect(ended.map((e) => [e.interactionId, e.by])).toEqual([[x, 'customer']]);
    expect(code(h.run({ type: 'customer_end', interactionId: x }))).toBe('INVALID_STATE');
    expect(code(h.run({ type: 'end_interaction', agentId: 'a2', interactionId: x }))).toBe('INVALID_STATE');
    h.seconds(30);
    expect(h.status('a2')).toBe('available');
  });

  it('the next waiting interaction is offered as soon as wrap-up ends', () => {
    const h = harness();
    const x = handling(h, 'a2', 'phone');
    const next = h.ok({ type: 'arrive', queueId: 'email', customer: {} }).interactionId!;
    h.ok({ type: 'end_interaction', agentId: 'a2', interactionId: x });
    h.seconds(30);
    expect(h.offerOf('a2')).toBe(next);
  });

  it('a status chosen for after work is taken when the timer ends', () => {
    const h = harness();
    const x = handling(h, 'a2', 'phone');
    h.ok({ type: 'set_after_work', agentId: 'a2', status: 'working_offline' });
    h.ok({ type: 'end_interaction', agentId: 'a2', interactionId: x });
    h.seconds(30);
    expect(h.status('a2')).toBe('working_offline');
    expect(h.engine.queries.self('a2')!.afterWork).toBeUndefined();
  });

  it('a queue with wrapUpSec 0 ends the interaction at once', () => {
    const h = harness(
      baseTenant({
        queues: [{ id: 'fast', name: 'Fast', media: 'inbound_phone', wrapUpSec: 0, agents: ['a1', 'a2'] }],
      }),
    );
    const x = handling(h, 'a2', 'fast');
    const next = h.ok({ type: 'arrive', queueId: 'fast', customer: {} }).interactionId!;
    h.ok({ type: 'end_interaction', agentId: 'a2', interactionId: x });
    expect(view(h, x)).toBeUndefined();
    expect(ofType(h, 'interaction.ended').map((e) => e.reason)).toEqual(['wrap_up_timer']);
    // Available and offered the next one in the same command.
    expect(h.offerOf('a2')).toBe(next);
    expect(h.clock.pending()).toBe(1); // only the new offer's countdown
  });

  it('a wrapUpSec 0 queue with mandatory codes goes overdue at once, and ends when the codes come', () => {
    const h = harness(
      baseTenant({
        queues: [
          {
            id: 'fast', name: 'Fast', media: 'chat', wrapUpSec: 0, agents: ['a2'],
            codeLists: [{ id: 'r', name: 'Reason', mandatory: true, codes: [{ id: 'ok', label: 'OK' }] }],
          },
        ],
      }),
    );
    const x = handling(h, 'a2', 'fast');
    h.ok({ type: 'end_interaction', agentId: 'a2', interactionId: x });
    expect(view(h, x)).toMatchObject({ phase: 'wrapup', wrapUpOverdue: true });
    h.ok({ type: 'set_codes', agentId: 'a2', interactionId: x, codes: ['ok'] });
    expect(view(h, x)).toBeUndefined();
    expect(h.status('a2')).toBe('available');
  });
});

describe('mandatory transaction codes', () => {
  it('missing → stays in wrap-up past the timer (overdue, counting up); choosing them ends it', () => {
    const h = harness();
    const x = handling(h, 'a2', 'chat');
    h.ok({ type: 'customer_end', interactionId: x });
    const deadline = view(h, x)!.wrapUpDeadline!;
    h.seconds(10);
    expect(view(h, x)).toMatchObject({ phase: 'wrapup', wrapUpOverdue: true, wrapUpDeadline: deadline });
    expect(ofType(h, 'interaction.wrap_up_overdue').map((e) => e.interactionId)).toEqual([x]);
    expect(h.status('a2')).toBe('busy');
    // Time keeps counting up from the deadline; nothing else happens.
    const before = h.events.length;
    h.seconds(600);
    expect(h.events).toHaveLength(before);
    expect(h.clock.now() - view(h, x)!.wrapUpDeadline!).toBe(600_000);
    // An optional code alone is not enough.
    h.ok({ type: 'set_codes', agentId: 'a2', interactionId: x, codes: ['upsell'] });
    expect(view(h, x)!.phase).toBe('wrapup');
    h.ok({ type: 'set_codes', agentId: 'a2', interactionId: x, codes: ['upsell', 'help'] });
    expect(view(h, x)).toBeUndefined();
    expect(ofType(h, 'interaction.ended').map((e) => [e.interactionId, e.reason])).toEqual([[x, 'wrap_up_timer']]);
    expect(h.status('a2')).toBe('available');
  });

  it('codes chosen during handling count: the timer then ends the interaction normally', () => {
    const h = harness();
    const x = handling(h, 'a2', 'chat');
    h.ok({ type: 'set_codes', agentId: 'a2', interactionId: x, codes: ['sales'] });
    h.ok({ type: 'end_interaction', agentId: 'a2', interactionId: x });
    h.seconds(10);
    expect(view(h, x)).toBeUndefined();
    expect(ofType(h, 'interaction.wrap_up_overdue')).toEqual([]);
  });

  it('Wrap Up early is refused with CODE_REQUIRED while mandatory codes are missing', () => {
    const h = harness();
    const x = handling(h, 'a2', 'chat');
    h.ok({ type: 'end_interaction', agentId: 'a2', interactionId: x });
    const r = h.run({ type: 'wrap_up', agentId: 'a2', interactionId: x });
    expect(code(r)).toBe('CODE_REQUIRED');
    expect(r.ok ? '' : r.error.message).toContain('Reason');
    expect(view(h, x)!.phase).toBe('wrapup');
    h.ok({ type: 'set_codes', agentId: 'a2', interactionId: x, codes: ['help'] });
    h.seconds(3);
    h.ok({ type: 'wrap_up', agentId: 'a2', interactionId: x });
    expect(ofType(h, 'interaction.ended').map((e) => [e.reason, e.ts - ofType(h, 'interaction.customer_ended')[0]!.ts])).toEqual([['wrapped_up', 3_000]]);
    expect(h.status('a2')).toBe('available');
    // The timer is gone with it.
    expect(h.clock.pending()).toBe(0);
  });

  it('Wrap Up before the customer side has ended is INVALID_STATE', () => {
    const h = harness();
    const x = handling(h, 'a2', 'phone');
    expect(code(h.run({ type: 'wrap_up', agentId: 'a2', interactionId: x }))).toBe('INVALID_STATE');
  });

  it('codes not in the queue\'s lists → VALIDATION, and the codes are unchanged', () => {
    const h = harness();
    const x = handling(h, 'a2', 'chat');
    h.ok({ type: 'set_codes', agentId: 'a2', interactionId: x, codes: ['sales'] });
    const before = h.events.length;
    const r = h.run({ type: 'set_codes', agentId: 'a2', interactionId: x, codes: ['help', 'bogus'] });
    expect(code(r)).toBe('VALIDATION');
    expect(r.ok ? '' : r.error.message).toContain('bogus');
    expect(view(h, x)!.codes).toEqual(['sales']);
    expect(h.events).toHaveLength(before);
    // A queue without code lists accepts no codes at all.
    const h2 = harness();
    const y = handling(h2, 'a2', 'phone');
    expect(code(h2.run({ type: 'set_codes', agentId: 'a2', interactionId: y, codes: ['sales'] }))).toBe('VALIDATION');
    expect(view(h2, y)!.codes).toEqual([]);
  });

  it('duplicate codes are refused', () => {
    const h = harness();
    const x = handling(h, 'a2', 'chat');
    const r = h.run({ type: 'set_codes', agentId: 'a2', interactionId: x, codes: ['help', 'help'] });
    expect(code(r)).toBe('VALIDATION');
    expect(view(h, x)!.codes).toEqual([]);
  });

  it('one or more codes per interaction; the choice can be replaced or cleared', () => {
    const h = harness();
    const x = handling(h, 'a2', 'chat');
    h.ok({ type: 'set_codes', agentId: 'a2', interactionId: x, codes: ['sales', 'upsell'] });
    expect(view(h, x)!.codes).toEqual(['sales', 'upsell']);
    h.ok({ type: 'set_codes', agentId: 'a2', interactionId: x, codes: ['help'] });
    expect(view(h, x)!.codes).toEqual(['help']);
    h.ok({ type: 'set_codes', agentId: 'a2', interactionId: x, codes: [] });
    expect(view(h, x)!.codes).toEqual([]);
    // The view lists the queue's code lists, mandatory ones marked.
    expect(view(h, x)!.codeLists.map((l) => [l.id, l.mandatory])).toEqual([
      ['reason', true],
      ['extra', false],
    ]);
  });
});

describe('notes', () => {
  it('are set during handling and wrap-up, up to 10,000 characters', () => {
    const h = harness();
    const x = handling(h, 'a2', 'phone');
    h.ok({ type: 'set_notes', agentId: 'a2', interactionId: x, notes: 'Customer asked about invoices.' });
    expect(view(h, x)!.notes).toBe('Customer asked about invoices.');
    h.ok({ type: 'end_interaction', agentId: 'a2', interactionId: x });
    h.ok({ type: 'set_notes', agentId: 'a2', interactionId: x, notes: 'n'.repeat(10_000) });
    expect(view(h, x)!.notes).toHaveLength(10_000);
    const r = h.run({ type: 'set_notes', agentId: 'a2', interactionId: x, notes: 'n'.repeat(10_001) });
    expect(code(r)).toBe('VALIDATION');
    expect(r.ok ? '' : r.error.message).toContain('10000');
    expect(view(h, x)!.notes).toHaveLength(10_000);
  });

  it('are kept in the interaction\'s history (the call log\'s description)', () => {
    const h = harness();
    const x = handling(h, 'a2', 'phone');
    h.ok({ type: 'set_notes', agentId: 'a2', interactionId: x, notes: 'final words' });
    h.ok({ type: 'end_interaction', agentId: 'a2', interactionId: x });
    h.ok({ type: 'wrap_up', agentId: 'a2', interactionId: x });
    const history = h.engine.history(x);
    expect(history.map((e) => e.type)).toContain('interaction.ended');
    expect(history.find((e) => e.type === 'interaction.notes_set')).toMatchObject({ notes: 'final words' });
  });
});

describe('ownership', () => {
  it('another agent\'s interaction is NOT_FOUND to you, for every work command', () => {
    const h = harness();
    const x = handling(h, 'a2', 'chat');
    h.available('a1');
    const commands: Command[] = [
      { type: 'end_interaction', agentId: 'a1', interactionId: x },
      { type: 'set_codes', agentId: 'a1', interactionId: x, codes: ['help'] },
      { type: 'set_notes', agentId: 'a1', interactionId: x, notes: 'mine' },
      { type: 'wrap_up', agentId: 'a1', interactionId: x },
    ];
    for (const cmd of commands)
      expect(code(h.run(cmd)), cmd.type).toBe('NOT_FOUND');
    expect(view(h, x)).toMatchObject({ phase: 'active', codes: [], notes: '' });
  });

  it('an offered (not yet accepted) interaction is not work yet', () => {
    const h = harness();
    h.available('a2');
    const x = h.ok({ type: 'arrive', queueId: 'phone', customer: {} }).interactionId!;
    expect(code(h.run({ type: 'end_interaction', agentId: 'a2', interactionId: x }))).toBe('NOT_FOUND');
    expect(code(h.run({ type: 'end_interaction', agentId: 'a2', interactionId: 'IX-404' }))).toBe('NOT_FOUND');
  });
});
