// Hand-built agent views for pure view tests (shaped like the demo tenant's "ana").
import { EMPTY_VIEW, type AgentView } from '../../../src/client/index.js';
import type { ContactView, InteractionView, QueueView } from '../../../src/protocol/index.js';

export const NOW = Date.UTC(2025, 0, 15, 14, 0, 0);

const CONTACT_REASON = {
  id: 'reason', name: 'Contact reason', mandatory: true,
  codes: [{ id: 'billing', label: 'Billing question' }, { id: 'tech', label: 'Technical issue' }, { id: 'other', label: 'Other' }],
};
const OUTCOME = {
  id: 'outcome', name: 'Outcome', mandatory: false,
  codes: [{ id: 'resolved', label: 'Resolved' }, { id: 'followup', label: 'Follow-up needed' }],
};

export function queue(id: string, over: Partial<QueueView> = {}): QueueView {
  return {
    id, name: id.replace(/-/g, ' '), media: 'chat', priority: 50, relation: 'member', enabled: true,
    stats: { available: 2, waiting: 0 }, ...over,
  };
}

export function contact(id: string, over: Partial<ContactView> = {}): ContactView {
  return { id, displayName: id[0]!.toUpperCase() + id.slice(1), group: 'support', role: 'agent', status: 'available', statusSince: NOW - 200_000, ...over };
}

export function interaction(id: string, over: Partial<InteractionView> = {}): InteractionView {
  return {
    id, media: 'chat', queueId: 'support-chat', queueName: 'Support chat', direct: false,
    customer: { name: 'Lee', account: '1234' }, phase: 'active', arrivedAt: NOW - 60_000, acceptedAt: NOW - 30_000,
    wrapUpOverdue: false, codes: [], notes: '', codeLists: [CONTACT_REASON, OUTCOME], ...over,
  };
}

export function offer(id = 'offer-1', over: Partial<InteractionView> = {}): InteractionView {
  return interaction(id, { phase: 'offered', acceptedAt: undefined, offerDeadline: NOW + 20_000, whisper: 'Verify the account PIN first.', ...over });
}

export function makeView(over: Partial<AgentView> = {}): AgentView {
  return {
    ...EMPTY_VIEW,
    connection: { state: 'online', since: NOW - 5000 },
    agentId: 'ana',
    self: {
      id: 'ana', displayName: 'Ana L.', firstName: 'Ana', lastName: 'Lima', group: 'support', groupName: 'Support',
      role: 'agent', supervises: [], permissions: ['rejectOffers'], maxChats: 6,
      status: 'available', statusSince: NOW - 200_000, statusAfterWork: 'available', loggedIn: true, dateFormat: 'iso',
    },
    offer: null,
    work: [],
    queues: [
      queue('support-phone', { name: 'Support line', media: 'inbound_phone', stats: { available: 1, waiting: 2, oldestArrival: NOW - 95_000 } }),
      queue('support-chat', { name: 'Support chat' }),
      queue('sales-chat', { name: 'Sales chat', enabled: false }),
      queue('billing-email', { name: 'Billing email', media: 'email', relation: 'supervisor', enabled: false }),
      queue('support-voicemail', { name: 'Support voicemail', media: 'voicemail' }),
    ],
    contacts: [
      contact('ben', { displayName: 'Benjamin O.', status: 'busy' }),
      contact('chloe', { displayName: 'Chloé M.', status: 'on_break' }),
      contact('dev', { displayName: 'Devansh R.' }),
      contact('kate', { displayName: 'Kate S.', role: 'supervisor', status: 'working_offline' }),
      contact('hugo', { displayName: 'Hugo B.', group: 'billing', status: 'logged_out' }),
    ],
    statusCodes: {
      on_break: [{ id: 'lunch', label: 'Lunch' }, { id: 'coffee', label: 'Coffee break' }],
      working_offline: [{ id: 'meeting', label: 'Meeting' }, { id: 'training', label: 'Training' }],
    },
    lastSeq: 1,
    clockOffset: 0,
    pending: 0,
    ...over,
  };
}
