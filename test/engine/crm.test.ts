/** CRM records: validation naming the field, duplicates offered for merge, merges, cases, follow-ups, tasks, permissions, import. */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/engine/index.js';
import { crmHarness } from './crm-kit.js';

const olivia = { firstName: 'Olivia', lastName: 'Brown', company: 'Acme', emails: ['Olivia@Example.com'], phones: ['(337) 555-5827'], account: 'AC-864906' };

describe('customers', () => {
  it('are created normalized: emails lower-case, phones in E.164, blanks dropped', () => {
    const h = crmHarness();
    const id = h.customer({ ...olivia, notes: '  ', address: '1 Main St\nLafayette' });
    expect(id).toBe('CUS-000001');
    const c = h.engine.queries.crmCustomer(id)!;
    expect(c).toMatchObject({ firstName: 'Olivia', emails: ['olivia@example.com'], phones: ['+13375555827'], account: 'AC-864906', address: '1 Main St\nLafayette', createdBy: 'a1' });
    expect(c.notes).toBeUndefined();
    expect(h.customer({ lastName: 'Second' })).toBe('CUS-000002');
  });

  it.each([
    [{ lastName: 'x'.repeat(101) }, 'lastName', /at most 100 characters/],
    [{ lastName: 'A', emails: ['ok@example.com', 'not-an-email'] }, 'emails[1]', /not an email address/],
    [{ lastName: 'A', phones: ['555-12'] }, 'phones[0]', /not a valid phone number/],
    [{ emails: ['a@example.com'] }, 'lastName', /first name, a last name or a company/],
    [{ firstName: 'Two\nlines' }, 'firstName', /one line/],
    [{ lastName: 'A', phones: Array.from({ length: 11 }, (_, i) => `+1 337 555 ${String(1000 + i)}`) }, 'phones', /at most 10/],
  ])('a bad field is refused with its name, and nothing is saved: %j', (customer, field, message) => {
    const h = crmHarness();
    const error = h.refused({ type: 'crm_create_customer', agentId: 'a1', customer });
    expect(error).toMatchObject({ code: 'VALIDATION', field });
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${field}:`)).toBe(true);
    expect(h.engine.queries.crmCounts()).toEqual({ customers: 0, cases: 0 });
    expect(h.events.filter((e) => e.type.startsWith('crm.'))).toEqual([]);
  });

  it('a duplicate email or phone is refused with the records to merge into; "into" adds the details, "force" keeps both', () => {
    const h = crmHarness();
    const first = h.customer(olivia);
    const error = h.refused({ type: 'crm_create_customer', agentId: 'a1', customer: { firstName: 'Liv', lastName: 'Brown', phones: ['+1 337 555 5827'], emails: ['liv@home.example'] } });
    expect(error).toMatchObject({ code: 'DUPLICATE', duplicates: [{ id: first, name: 'Olivia Brown' }] });
    expect(h.engine.queries.crmCounts().customers).toBe(1);

    const into = h.ok({ type: 'crm_create_customer', agentId: 'a1', customer: { lastName: 'Brown', phones: ['+1 337 555 5827'], emails: ['liv@home.example'], notes: 'Prefers mornings' }, into: first });
    expect(into.customerId).toBe(first);
    expect(h.engine.queries.crmCustomer(first)).toMatchObject({ firstName: 'Olivia', emails: ['olivia@example.com', 'liv@home.example'], notes: 'Prefers mornings' });

    const forced = h.ok({ type: 'crm_create_customer', agentId: 'a1', customer: { lastName: 'Other', emails: ['OLIVIA@example.com'] }, force: true });
    expect(h.engine.queries.crmCustomer(forced.customerId!)!.duplicates.map((d) => d.id)).toEqual([first]);
    expect(h.engine.queries.crmCustomer(first)!.duplicates.map((d) => d.id)).toEqual([forced.customerId]);
  });

  it('updates replace the fields given; a new duplicate key is refused; an old one is not asked again', () => {
    const h = crmHarness();
    const a = h.customer(olivia);
    const b = h.customer({ lastName: 'Green', emails: ['green@example.com'] });
    h.ok({ type: 'crm_update_customer', agentId: 'a1', customerId: a, changes: { company: '', notes: 'VIP' } });
    expect(h.engine.queries.crmCustomer(a)).toMatchObject({ notes: 'VIP' });
    expect(h.engine.queries.crmCustomer(a)!.company).toBeUndefined();
    expect(h.refused({ type: 'crm_update_customer', agentId: 'a1', customerId: b, changes: { phones: ['3375555827'] } })).toMatchObject({ code: 'DUPLICATE' });
    h.ok({ type: 'crm_update_customer', agentId: 'a1', customerId: b, changes: { phones: ['3375555827'] }, force: true });
    h.ok({ type: 'crm_update_customer', agentId: 'a1', customerId: b, changes: { lastName: 'Greene' } });
    expect(h.refused({ type: 'crm_update_customer', agentId: 'a1', customerId: 'CUS-000099', changes: {} })).toMatchObject({ code: 'NOT_FOUND' });
    expect(h.refused({ type: 'crm_update_customer', agentId: 'a1', customerId: a, changes: { firstName: '', lastName: '', company: '' } })).toMatchObject({ field: 'lastName' });
  });

  it('a merge keeps one record: blanks filled, keys joined, cases and tasks moved, the old id leads to it', () => {
    const h = crmHarness();
    const keep = h.customer({ firstName: 'Olivia', lastName: 'Brown', emails: ['olivia@example.com'] });
    const gone = h.ok({ type: 'crm_create_customer', agentId: 'a1', customer: { lastName: 'Brown', company: 'Acme', phones: ['3375555827'], emails: ['olivia@example.com'] }, force: true }).customerId!;
    const caseId = h.ok({ type: 'crm_open_case', agentId: 'a1', customerId: gone, subject: 'Refund' }).caseId!;
    h.ok({ type: 'crm_create_task', agentId: 'a1', text: 'Call back', customerId: gone });
    expect(h.refused({ type: 'crm_merge_customers', agentId: 's1', customerId: keep, mergeId: gone })).toMatchObject({ code: 'NOT_PERMITTED' });
    h.ok({ type: 'crm_merge_customers', agentId: 'a1', customerId: keep, mergeId: gone });
    const c = h.engine.queries.crmCustomer(keep)!;
    expect(c).toMatchObject({ firstName: 'Olivia', company: 'Acme', phones: ['+13375555827'], duplicates: [] });
    expect(c.cases.map((k) => k.id)).toEqual([caseId]);
    expect(c.tasks.map((t) => t.text)).toEqual(['Call back']);
    expect(h.engine.queries.crmCase(caseId)!.customer!.id).toBe(keep);
    expect(h.engine.queries.crmCustomer(gone)!.id).toBe(keep);
    expect(h.engine.queries.crmCounts().customers).toBe(1);
    expect(h.refused({ type: 'crm_merge_customers', agentId: 'a1', customerId: keep, mergeId: gone })).toMatchObject({ code: 'VALIDATION' });
  });
});

describe('cases, follow-ups, tasks', () => {
  it('a case is numbered CAS-000001, has a history, changes status and owner; unknown numbers are NOT_FOUND', () => {
    const h = crmHarness();
    const customerId = h.customer(olivia);
    const caseId = h.ok({ type: 'crm_open_case', agentId: 'a1', customerId, subject: 'Refund for order 42' }).caseId!;
    expect(caseId).toBe('CAS-000001');
    h.seconds(60);
    h.ok({ type: 'crm_add_follow_up', agentId: 'a1', caseId, text: 'Asked for the receipt.', channel: 'phone', direction: 'outbound' });
    h.ok({ type: 'crm_update_case', agentId: 'a1', caseId, status: 'closed' });
    const k = h.engine.queries.crmCase(caseId)!;
    expect(k).toMatchObject({ status: 'closed', ownerId: 'a1', customer: { id: customerId, name: 'Olivia Brown', openCases: 0 } });
    expect(k.followUps).toMatchObject([{ id: 'FU-1', text: 'Asked for the receipt.', channel: 'phone', direction: 'outbound', agentId: 'a1' }]);
    expect(k.updatedAt).toBeGreaterThan(k.createdAt);
    expect(h.refused({ type: 'crm_add_follow_up', agentId: 'a1', caseId: 'CAS-000777', text: 'x' })).toMatchObject({ code: 'NOT_FOUND', message: 'There is no case CAS-000777.' });
    expect(h.refused({ type: 'crm_open_case', agentId: 'a1', subject: 'x'.repeat(201) })).toMatchObject({ field: 'subject' });
    expect(h.refused({ type: 'crm_update_case', agentId: 'a1', caseId, status: 'pending' as 'open' })).toMatchObject({ field: 'status' });
  });

  it('tasks: assigned (to me by default), due dates checked, listed by due date, done by the assignee or creator', () => {
    const h = crmHarness();
    const t1 = h.ok({ type: 'crm_create_task', agentId: 'a1', text: 'Send the form', due: '2026-03-02' }).taskId!;
    h.ok({ type: 'crm_create_task', agentId: 'a1', text: 'Earlier', due: '2026-03-01' });
    h.ok({ type: 'crm_create_task', agentId: 's1', text: 'For a3', assigneeId: 'a3' });
    expect(h.engine.queries.crmTasks('a1').map((t) => t.text)).toEqual(['Earlier', 'Send the form']);
    expect(h.refused({ type: 'crm_create_task', agentId: 'a1', text: 'x', due: '2026-02-30' })).toMatchObject({ field: 'due' });
    expect(h.refused({ type: 'crm_create_task', agentId: 'a1', text: 'x', assigneeId: 'nobody' })).toMatchObject({ field: 'assigneeId' });
    h.ok({ type: 'login', agentId: 'a3' });
    expect(h.refused({ type: 'crm_update_task', agentId: 'a3', taskId: t1, done: true })).toMatchObject({ code: 'NOT_PERMITTED' });
    h.ok({ type: 'crm_update_task', agentId: 'a1', taskId: t1, done: true });
    expect(h.engine.queries.crmTasks('a1').map((t) => t.text)).toEqual(['Earlier']);
    expect(h.engine.queries.crmTasks('a1', true).map((t) => [t.text, t.done])).toEqual([['Earlier', false], ['Send the form', true]]);
    // A supervisor of the assignee's group may change their tasks.
    const forA3 = h.engine.queries.crmTasks('a3')[0]!.id;
    h.ok({ type: 'crm_update_task', agentId: 's1', taskId: forA3, due: '2026-04-01' });
    expect(h.engine.queries.crmTasks('a3')[0]!.due).toBe('2026-04-01');
  });

  it('an agent without the edit permission reads but cannot change anything', () => {
    const h = crmHarness();
    const id = h.customer(olivia);
    for (const cmd of [
      { type: 'crm_create_customer', agentId: 'a2', customer: { lastName: 'X' } },
      { type: 'crm_update_customer', agentId: 'a2', customerId: id, changes: { notes: 'x' } },
      { type: 'crm_open_case', agentId: 'a2', customerId: id, subject: 'x' },
      { type: 'crm_create_task', agentId: 'a2', text: 'x' },
      { type: 'crm_import', agentId: 'a2', rows: [{ lastName: 'X' }] },
    ] satisfies Command[])
      expect(h.refused(cmd).code).toBe('NOT_PERMITTED');
    expect(h.engine.queries.crmSearch('olivia').customers.map((c) => c.id)).toEqual([id]);
  });
});

describe('import', () => {
  it('keeps the good rows and reports each bad one by line and field; duplicates (in the file or stored) are skipped', () => {
    const h = crmHarness();
    h.customer(olivia);
    const r = h.ok({
      type: 'crm_import',
      agentId: 'a1',
      lines: [2, 3, 4, 5, 7],
      rows: [
        { firstName: 'Ann', lastName: 'Lee', emails: ['ann@example.com'] },
        { firstName: 'Bad', lastName: 'Phone', phones: ['12'] },
        { lastName: 'Dup of Olivia', emails: ['olivia@example.com'] },
        { lastName: 'Dup of Ann', emails: ['ANN@example.com'] },
        { company: 'Zoë & Co' },
      ],
    });
    expect(r.imported).toEqual({
      created: 2,
      rejected: [
        { line: 3, field: 'phones[0]', message: expect.stringMatching(/^phones\[0\]: "12" is not a valid phone number/) as unknown },
        { line: 4, field: 'emails', message: 'same email as Olivia Brown (CUS-000001): skipped.' },
        { line: 5, field: 'emails', message: 'same email as line 2 (CUS-000002): skipped.' },
      ],
    });
    expect(h.engine.queries.crmCounts().customers).toBe(3);
  });
});
