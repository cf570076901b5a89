/** Screen pop (matching by each key, pick lists, the three modes) and automatic interaction logs for each media. */
import { describe, expect, it } from 'vitest';
import { CALLER } from './phone-kit.js';
import { crmHarness, type CrmHarness } from './crm-kit.js';

const known = { firstName: 'Lee', lastName: 'Park', phones: [CALLER], emails: ['lee@example.com'], account: 'AC-1001' };

const pop = (h: CrmHarness, id: string) => h.engine.queries.interaction(id)!.crm!;

function offeredChat(h: CrmHarness, customer: Record<string, string>): string {
  h.ok({ type: 'set_status', agentId: 'a1', status: 'available' });
  const id = h.ok({ type: 'arrive', queueId: 'chat', customer }).interactionId!;
  expect(h.offerOf('a1')).toBe(id);
  return id;
}

describe('screen pop: matching', () => {
  it('by caller ID: the offer preview shows the record; known customer → view mode', () => {
    const h = crmHarness();
    const customerId = h.customer(known);
    h.ok({ type: 'set_status', agentId: 'a1', status: 'available' });
    const { id } = h.incoming('phone');
    expect(pop(h, id)).toEqual({ mode: 'view', customerId, matches: [{ id: customerId, name: 'Lee Park', phone: CALLER, email: 'lee@example.com', account: 'AC-1001', openCases: 0 }], more: false });
  });

  it.each([
    ['email', { name: 'Lee', email: 'LEE@example.com' }],
    ['account', { name: 'Lee', account: 'ac-1001' }],
  ])('by %s (the web chat pre-chat fields)', (_key, customer) => {
    const h = crmHarness();
    const customerId = h.customer(known);
    const id = offeredChat(h, customer);
    expect(pop(h, id)).toMatchObject({ mode: 'view', customerId, matches: [{ id: customerId }] });
  });

  it('by case number: the case pops with its customer; its log goes on that case', () => {
    const h = crmHarness();
    const customerId = h.customer(known);
    const caseId = h.ok({ type: 'crm_open_case', agentId: 'a1', customerId, subject: 'Broken screen' }).caseId!;
    const id = offeredChat(h, { name: 'Lee', caseNumber: 'cas 1' });
    expect(pop(h, id)).toMatchObject({ mode: 'view', customerId, caseId, matches: [{ id: customerId, openCases: 1 }] });
    h.ok({ type: 'accept', agentId: 'a1', interactionId: id });
    h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: id });
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: id });
    expect(h.logs()).toMatchObject([{ customerId, followUp: { caseId } }]);
    expect(h.engine.queries.crmCounts().cases).toBe(1);
  });

  it('an unknown case number is said so; nothing matches → edit mode (the new-record form)', () => {
    const h = crmHarness();
    const id = offeredChat(h, { name: 'Sam', caseNumber: 'CAS-000404' });
    expect(pop(h, id)).toEqual({ mode: 'edit', matches: [], more: false, unknownCase: 'CAS-000404' });
  });

  it('several matches: a pick list, no customer chosen (edit mode) until the agent links one', () => {
    const h = crmHarness();
    const a = h.customer({ lastName: 'Park', phones: [CALLER] });
    const b = h.ok({ type: 'crm_create_customer', agentId: 'a1', customer: { lastName: 'Parks', phones: [CALLER] }, force: true }).customerId!;
    h.ok({ type: 'set_status', agentId: 'a1', status: 'available' });
    const { id } = h.incoming('phone');
    expect(pop(h, id)).toMatchObject({ mode: 'edit', matches: [{ id: a }, { id: b }] });
    expect(pop(h, id).customerId).toBeUndefined();
    expect(h.refused({ type: 'crm_link', agentId: 'a1', interactionId: id, customerId: b }).code).toBe('NOT_FOUND');
    h.ok({ type: 'accept', agentId: 'a1', interactionId: id });
    h.ok({ type: 'crm_link', agentId: 'a1', interactionId: id, customerId: b });
    expect(pop(h, id)).toMatchObject({ mode: 'view', customerId: b });
    h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: id });
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: id });
    const log = h.logs()[0]!;
    expect(log.customerId).toBe(b);
    expect(h.engine.queries.crmCase(log.followUp.caseId)!.customer!.id).toBe(b);
  });
});

describe('screen pop: the modes per queue', () => {
  it.each([
    ['phone', true, 'view'],
    ['phone', false, 'edit'],
    ['phone-view', false, 'view'],
    ['phone-edit', true, 'edit'],
    ['phone-none', true, 'none'],
  ] as const)('%s, known customer %s → %s', (queueId, isKnown, mode) => {
    const h = crmHarness();
    if (isKnown) h.customer(known);
    h.ok({ type: 'set_status', agentId: 'a1', status: 'available' });
    const { id } = h.incoming(queueId);
    expect(pop(h, id).mode).toBe(mode);
    h.ok({ type: 'accept', agentId: 'a1', interactionId: id });
    h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: id });
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: id });
    // The log is saved whatever the mode ("no pop" pops nothing, and still logs).
    expect(h.logs()).toMatchObject([{ interactionId: id, mode }]);
  });
});

describe('automatic interaction logs', () => {
  it('a call: the Description is the notes, the codes, the queue, the duration and the recordings', () => {
    const h = crmHarness();
    const customerId = h.customer(known);
    h.ok({ type: 'set_status', agentId: 'a1', status: 'available' });
    const { id } = h.connected('a1', 'phone');
    h.ok({ type: 'phone_record', agentId: 'a1', interactionId: id, action: 'start' });
    h.ok({ type: 'set_notes', agentId: 'a1', interactionId: id, notes: 'Wants a refund for order 42.' });
    h.ok({ type: 'set_codes', agentId: 'a1', interactionId: id, codes: ['refund'] });
    h.seconds(65);
    h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: id });
    h.ok({ type: 'set_notes', agentId: 'a1', interactionId: id, notes: 'Wants a refund for order 42. Sent the form.' });
    expect(h.logs()).toEqual([]);
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: id });
    const [log] = h.logs();
    expect(log).toMatchObject({ agentId: 'a1', customerId, mode: 'view', followUp: { channel: 'phone', direction: 'inbound', agentId: 'a1' } });
    expect(log!.followUp.text).toBe(
      ['Wants a refund for order 42. Sent the form.', '', 'Codes: Refund', 'Queue: Support — Phone', 'Duration: 1:05', 'Recordings: C-1-R1'].join('\n'),
    );
    expect(log!.followUp.log).toEqual({ interactionId: id, media: 'inbound_phone', queueId: 'phone', queueName: 'Support — Phone', durationSec: 65, codes: ['Refund'], recordings: ['C-1-R1'] });
    const k = h.engine.queries.crmCase(log!.followUp.caseId)!;
    expect(k).toMatchObject({ subject: 'Inbound call from Lee', customerId, ownerId: 'a1', status: 'open' });
    expect(k.followUps.map((f) => f.id)).toEqual([log!.followUp.id]);
    // The case is listed on the customer's record.
    expect(h.engine.queries.crmCustomer(customerId)!.cases.map((c) => c.id)).toEqual([k.id]);
  });

  it('a chat: its transcript goes on the case; saved when the wrap-up timer ends it too', () => {
    const h = crmHarness();
    const customerId = h.customer(known);
    const id = offeredChat(h, { name: 'Lee', email: 'lee@example.com', subject: 'Where is my parcel?' });
    h.ok({ type: 'accept', agentId: 'a1', interactionId: id });
    h.ok({ type: 'customer_chat', conversationId: id, text: 'Hello, my parcel is late.' });
    h.ok({ type: 'send_chat', agentId: 'a1', interactionId: id, text: 'Let me check.' });
    h.ok({ type: 'customer_end', interactionId: id });
    h.seconds(31);
    const [log] = h.logs();
    expect(log).toMatchObject({ customerId, followUp: { channel: 'chat' } });
    expect(log!.followUp.text).toContain(['Transcript:', 'Lee: Hello, my parcel is late.', 'A1: Let me check.'].join('\n'));
    expect(h.engine.queries.crmCase(log!.followUp.caseId)!.subject).toBe('Where is my parcel?');
    expect(h.ofType('interaction.ended').find((e) => e.interactionId === id)!.reason).toBe('wrap_up_timer');
  });

  it('a voicemail is logged; an unknown caller gets a case with no customer, claimed when the form is saved during wrap-up', () => {
    const h = crmHarness();
    h.ok({ type: 'set_status', agentId: 'a1', status: 'available' });
    const vm = h.ok({ type: 'arrive', queueId: 'vm', customer: { phone: '+1 415 555 0199' } }).interactionId!;
    h.ok({ type: 'accept', agentId: 'a1', interactionId: vm });
    h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: vm });
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: vm });
    const [first] = h.logs();
    expect(first).toMatchObject({ mode: 'edit', followUp: { channel: 'voicemail' } });
    expect(first!.customerId).toBeUndefined();
    expect(h.engine.queries.crmCase(first!.followUp.caseId)).toMatchObject({ subject: 'Voicemail from +1 415 555 0199' });
    expect(h.engine.queries.crmCase(first!.followUp.caseId)!.customerId).toBeUndefined();

    // The next call from an unknown number: the agent saves the new-record form during wrap-up.
    const { id } = h.incoming('phone', '+14155550123');
    h.ok({ type: 'accept', agentId: 'a1', interactionId: id });
    h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: id });
    const created = h.ok({ type: 'crm_create_customer', agentId: 'a1', interactionId: id, customer: { firstName: 'New', lastName: 'Caller', phones: ['+14155550123'] } });
    expect(pop(h, id)).toMatchObject({ mode: 'view', customerId: created.customerId });
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: id });
    const second = h.logs()[1]!;
    expect(second.customerId).toBe(created.customerId);
    expect(h.engine.queries.crmCustomer(created.customerId!)!.cases.map((c) => c.id)).toEqual([second.followUp.caseId]);
  });

  it('an outbound call linked to the customer it was dialed for is logged on their case', () => {
    const h = crmHarness();
    const customerId = h.customer({ lastName: 'Park', phones: ['+1 337 555 5827'] });
    h.ok({ type: 'set_status', agentId: 'a1', status: 'working_offline' });
    const id = h.ok({ type: 'phone_dial', agentId: 'a1', number: '3375555827' }).interactionId!;
    expect(pop(h, id).customerId).toBe(customerId);
    h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: id });
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: id });
    expect(h.logs()[0]).toMatchObject({ customerId, followUp: { direction: 'outbound' } });
  });

  it('a transferred call keeps one case: both agents\' logs go on it', () => {
    const h = crmHarness();
    const customerId = h.customer(known);
    h.ok({ type: 'set_status', agentId: 'a1', status: 'available' });
    const { id } = h.connected('a1', 'phone');
    h.ok({ type: 'set_status', agentId: 'a2', status: 'working_offline' });
    const theirs = h.ok({ type: 'phone_transfer', agentId: 'a1', interactionId: id, to: { agentId: 'a2' }, mode: 'cold' }).interactionId!;
    h.ok({ type: 'accept', agentId: 'a2', interactionId: theirs });
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: id });
    h.ok({ type: 'end_interaction', agentId: 'a2', interactionId: theirs });
    h.ok({ type: 'wrap_up', agentId: 'a2', interactionId: theirs });
    const [mine, hers] = h.logs();
    expect([mine!.agentId, hers!.agentId]).toEqual(['a1', 'a2']);
    expect(hers!.followUp.caseId).toBe(mine!.followUp.caseId);
    expect(h.engine.queries.crmCustomer(customerId)!.cases).toHaveLength(1);
  });

  it('nothing is logged for work nobody handled (abandoned in the queue)', () => {
    const h = crmHarness();
    const id = h.ok({ type: 'arrive', queueId: 'chat', customer: { name: 'Gone' } }).interactionId!;
    h.ok({ type: 'customer_end', interactionId: id });
    expect(h.logs()).toEqual([]);
    expect(h.engine.queries.crmCounts()).toEqual({ customers: 0, cases: 0 });
  });
});
