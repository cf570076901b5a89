/**
 * How CRM events change the in-memory slice (counters, live threads), and
 * what it follows of other modules' events: a new interaction joins its
 * predecessor's thread (a transfer, a consultation) or starts one; an ended
 * one leaves it; a call's recordings are noted for its log. The records
 * themselves change in the store (store/projection.ts).
 */
import type { Reducer, ReducersOf } from '../kernel/module.js';
import type { EngineState } from '../kernel/types.js';
import type { CrmEventBody } from './events.js';
import { CASE_PREFIX, CUSTOMER_PREFIX, FOLLOW_UP_PREFIX, numberOf, TASK_PREFIX } from './records.js';
import { threadOf } from './state.js';

type Counter = keyof EngineState['crm']['next'];

function count(s: EngineState, counter: Counter, n: number | undefined): void {
  if (n !== undefined) s.crm.next[counter] = Math.max(s.crm.next[counter], n + 1);
}


export const CRM_REDUCERS: ReducersOf<CrmEventBody> = {
  'crm.customer_created': (s, e) => {
    count(s, 'customer', numberOf(CUSTOMER_PREFIX, e.customerId));
    const thread = e.forInteraction ? threadOf(s, e.forInteraction) : undefined;
    if (thread) thread.customerId = e.customerId;
  },
  'crm.customer_updated': () => {},
  'crm.customer_merged': (s, e) => {
    for (const thread of s.crm.threads.values()) if (thread.customerId === e.mergedId) thread.customerId = e.customerId;
  },
  'crm.case_opened': (s, e) => {
    count(s, 'case', numberOf(CASE_PREFIX, e.caseId));
    const thread = e.forInteraction ? threadOf(s, e.forInteraction) : undefined;
    if (!thread) return;
    thread.caseId = e.caseId;
    if (e.customerId) thread.customerId = e.customerId;
  },
  'crm.case_updated': () => {},
  'crm.follow_up_added': (s, e) => count(s, 'followUp', numberOf(FOLLOW_UP_PREFIX, e.followUp.id)),
  'crm.task_created': (s, e) => count(s, 'task', numberOf(TASK_PREFIX, e.task.id)),
  'crm.task_updated': () => {},
  'crm.interaction_linked': (s, e) => {
    const thread = threadOf(s, e.interactionId);
    if (!thread) return;
    thread.customerId = e.customerId;
    thread.caseId = e.caseId;
  },
  'crm.interaction_logged': (s, e) => {
    count(s, 'followUp', numberOf(FOLLOW_UP_PREFIX, e.followUp.id));
    const thread = threadOf(s, e.interactionId);
    if (!thread) return;
    thread.caseId = e.followUp.caseId;
    if (e.customerId) thread.customerId = e.customerId;
  },
};

/** What the CRM follows of the work and phone events (run before their owners' reducers). */
export const CRM_FOLLOWS: {
  'interaction.arrived': Reducer<'interaction.arrived'>;
  'interaction.ended': Reducer<'interaction.ended'>;
  'phone.recording': Reducer<'phone.recording'>;
} = {
  'interaction.arrived': (s, e) => {
    const from = e.transferredFrom && s.crm.threadOf.get(e.transferredFrom.interactionId);
    const key = from ?? e.interactionId;
    const thread = s.crm.threads.get(key) ?? { recordings: [], live: 0 };
    thread.live++;
    s.crm.threads.set(key, thread);
    s.crm.threadOf.set(e.interactionId, key);
  },
  'interaction.ended': (s, e) => {
    const key = s.crm.threadOf.get(e.interactionId);
    if (key === undefined) return;
    s.crm.threadOf.delete(e.interactionId);
    const thread = s.crm.threads.get(key);
    if (thread && --thread.live <= 0) s.crm.threads.delete(key);
  },
  'phone.recording': (s, e) => {
    const thread = e.action === 'start' ? threadOf(s, e.interactionId) : undefined;
    if (thread) thread.recordings.push(`${e.callId}-R${thread.recordings.filter((r) => r.startsWith(`${e.callId}-`)).length + 1}`);
  },
};
