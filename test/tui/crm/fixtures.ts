// Hand-built CRM records and a view with a call from a known customer, for the
// CRM pane's tests; `answerAll` has the fake client answer the CRM's queries.
import type { AgentView } from '../../../src/client/index.js';
import type { CaseView, CrmPop, CustomerSummary, CustomerView, DirectoryEntry, InteractionView, TaskRecord } from '../../../src/protocol/index.js';
import type { FakeClient } from '../helpers/fake-client.js';
import { interaction, makeView, NOW } from '../helpers/fixtures.js';

export const OLIVIA: CustomerSummary = { id: 'CUS-000001', name: 'Olivia Brown', company: 'Acme', phone: '+13375555827', email: 'olivia@example.com', account: 'AC-864906', openCases: 1 };

export const task = (id: string, over: Partial<TaskRecord> = {}): TaskRecord => ({
  id, text: 'Send the refund form', assigneeId: 'ana', due: '2025-01-20', done: false, caseId: 'CAS-000001', customerId: OLIVIA.id,
  createdBy: 'ana', createdAt: NOW - 3_600_000, updatedAt: NOW - 3_600_000, ...over,
});

export function customerRecord(over: Partial<CustomerView> = {}): CustomerView {
  return {
    id: OLIVIA.id, firstName: 'Olivia', lastName: 'Brown', company: 'Acme', emails: ['olivia@example.com'], phones: ['+13375555827'],
    account: 'AC-864906', address: '1 Main St\nLafayette, LA', notes: 'Prefers calls in the morning.',
    createdAt: NOW - 86_400_000, updatedAt: NOW - 3_600_000,
    cases: [{ id: 'CAS-000001', subject: 'Refund for order 55812', status: 'open', customerId: OLIVIA.id, customerName: 'Olivia Brown', ownerId: 'ana', updatedAt: NOW - 3_600_000 }],
    tasks: [task('TSK-000001')],
    duplicates: [{ id: 'CUS-000002', name: 'Liv Brown', phone: '+13375555827', openCases: 0 }],
    ...over,
  };
}

export function caseRecord(over: Partial<CaseView> = {}): CaseView {
  return {
    id: 'CAS-000001', customerId: OLIVIA.id, subject: 'Refund for order 55812', status: 'open', ownerId: 'ana',
    createdAt: NOW - 7_200_000, updatedAt: NOW - 3_600_000, customer: OLIVIA,
    followUps: [
      { id: 'FU-1', caseId: 'CAS-000001', channel: 'phone', direction: 'inbound', text: 'Wants a refund.\n\nCodes: Billing question\nDuration: 4:12', agentId: 'ana', at: NOW - 7_000_000,
        log: { interactionId: 'IX-3', media: 'inbound_phone', queueId: 'support-phone', queueName: 'Support line', durationSec: 252, codes: ['Billing question'], recordings: [] } },
      { id: 'FU-2', caseId: 'CAS-000001', channel: 'note', direction: 'internal', text: 'Form sent by email.', agentId: 'ben', at: NOW - 3_600_000 },
    ],
    tasks: [task('TSK-000001')],
    ...over,
  };
}

export const DIRECTORY: DirectoryEntry[] = [
  { id: 'ben', displayName: 'Benjamin O.', firstName: 'Benjamin', lastName: 'Okafor', group: 'support', groupName: 'Support', role: 'agent', status: 'busy', statusSince: NOW - 60_000, email: 'ben@example.com', directAccessNumber: '+1 510 555 0111', canChat: true },
  { id: 'hugo', displayName: 'Hugo B.', firstName: 'Hugo', lastName: 'Bernard', group: 'billing', groupName: 'Billing', role: 'agent', status: 'available', statusSince: NOW - 60_000, canChat: false },
];

/** The fake client answers the CRM's queries with the records above. */
export function answerAll(fake: FakeClient): void {
  fake.answer('crmCustomer', { ok: true, customer: customerRecord() });
  fake.answer('crmCase', { ok: true, case: caseRecord() });
  fake.answer('crmSearch', { ok: true, search: { customers: [OLIVIA], cases: [caseRecord()], more: false } });
  fake.answer('crmTasks', { ok: true, tasks: [task('TSK-000001'), task('TSK-000002', { text: 'Call back Mr Smith', due: undefined, caseId: undefined, customerId: undefined })] });
  fake.answer('directory', { ok: true, directory: { entries: DIRECTORY, total: 2 } });
}

export const pop = (over: Partial<CrmPop> = {}): CrmPop => ({ mode: 'view', customerId: OLIVIA.id, matches: [OLIVIA], more: false, ...over });

/** A call from Olivia Brown, accepted: her record pops. */
export function callFromOlivia(over: Partial<InteractionView> = {}): InteractionView {
  return interaction('w1', { media: 'inbound_phone', queueId: 'support-phone', queueName: 'Support line', customer: { name: 'Olivia Brown', phone: '+13375555827' }, crm: pop(), ...over });
}

/** Ana, who may edit and merge CRM records and dial, on a call from Olivia Brown. */
export function crmView(over: Partial<AgentView> = {}): AgentView {
  const base = makeView();
  return makeView({
    self: {
      ...base.self!, status: 'busy', permissions: ['rejectOffers', 'crmEdit', 'crmMerge'],
      phone: { mode: 'on_demand', voice: 'off', recordings: [], outboundCodes: [{ id: 'followup', label: 'Customer follow-up' }], lastOutboundCode: 'followup' },
    },
    work: [callFromOlivia()],
    ...over,
  });
}
