/**
 * The CRM projection: how each CRM event changes the tables, applied by the
 * store in the same transaction as the event is logged (and replayed from
 * the log to rebuild them). Deterministic: the tables are a function of the
 * log alone. An event about a record that is gone (merged away meanwhile)
 * follows the merge, or changes nothing.
 */
import type Database from 'better-sqlite3';
import type { EngineEvent, EventOf } from '../../kernel/types.js';
import type { OpenProjection, Projection } from '../../store/store.js';
import type { CrmEventType } from '../events.js';
import { CUSTOMER_TEXT_FIELDS } from '../fields.js';
import { MEDIA_LABELS } from '../../agents/labels.js';
import { displayNameOf, type CaseRecord, type CustomerRecord } from '../records.js';
import { CrmReader } from './reader.js';
import { createTables } from './schema.js';
import { caseNum, customerNum, CrmTables, taskNum } from './tables.js';

type Appliers = { [T in CrmEventType]: (t: CrmTables, e: EventOf<T> & { ts: number }) => void };

/** A customer by id, following merges. */
function customerOf(t: CrmTables, id: string): CustomerRecord | undefined {
  const num = customerNum(t.resolve(id));
  return num === undefined ? undefined : t.customer(num);
}

function caseOf(t: CrmTables, id: string): CaseRecord | undefined {
  const num = caseNum(id);
  return num === undefined ? undefined : t.caseRecord(num);
}

/** A case's search document carries its customer's name: re-index the cases of a renamed or merged customer. */
function reindexCases(t: CrmTables, customerNumber: number): void {
  for (const num of t.caseNumsOf(customerNumber)) {
    const k = t.caseRecord(num);
    if (k) t.putCase(k);
  }
}

function touchCase(t: CrmTables, caseId: string, at: number): void {
  const k = caseOf(t, caseId);
  if (k) t.putCase({ ...k, updatedAt: at });
}

const APPLY: Appliers = {
  'crm.customer_created': (t, e) => {
    t.putCustomer({ id: e.customerId, ...e.fields, createdAt: e.ts, updatedAt: e.ts, ...(e.by ? { createdBy: e.by } : {}) });
  },
  'crm.customer_updated': (t, e) => {
    const c = customerOf(t, e.customerId);
    if (!c) return;
    const next: CustomerRecord = { ...c, ...e.changes, updatedAt: e.ts };
    for (const f of CUSTOMER_TEXT_FIELDS) if (next[f] === '') delete next[f];
    t.putCustomer(next);
    if (['firstName', 'lastName', 'company'].some((f) => f in e.changes)) reindexCases(t, customerNum(c.id)!);
  },
  'crm.customer_merged': (t, e) => {
    const keep = customerOf(t, e.customerId);
    const gone = customerOf(t, e.mergedId);
    if (!keep || !gone || keep.id === gone.id) return;
    const merged: CustomerRecord = { ...keep, updatedAt: e.ts };
    for (const f of CUSTOMER_TEXT_FIELDS) if (!merged[f] && gone[f]) merged[f] = gone[f];
    if (keep.notes && gone.notes && keep.notes !== gone.notes) merged.notes = `${keep.notes}\n\n${gone.notes}`;
    merged.emails = [...new Set([...keep.emails, ...gone.emails])];
    merged.phones = [...new Set([...keep.phones, ...gone.phones])];
    const keepNum = customerNum(keep.id)!;
    const goneNum = customerNum(gone.id)!;
    t.deleteCustomer(goneNum);
    t.putCustomer(merged);
    t.recordMerge(gone.id, keep.id);
    for (const num of t.caseNumsOf(goneNum)) {
      const k = t.caseRecord(num)!;
      t.putCase({ ...k, customerId: keep.id });
    }
    for (const num of t.tasksOfCustomer(goneNum)) {
      const task = t.task(num)!;
      t.putTask({ ...task, customerId: keep.id });
    }
    reindexCases(t, keepNum);
  },
  'crm.case_opened': (t, e) => {
    const customer = e.customerId ? customerOf(t, e.customerId) : undefined;
    t.putCase({
      id: e.caseId,
      ...(customer ? { customerId: customer.id } : {}),
      subject: e.subject,
      status: 'open',
      ...(e.ownerId ? { ownerId: e.ownerId } : {}),
      createdAt: e.ts,
      updatedAt: e.ts,
    });
  },
  'crm.case_updated': (t, e) => {
    const k = caseOf(t, e.caseId);
    if (!k) return;
    const { customerId, ...rest } = e.changes;
    const next: CaseRecord = { ...k, ...rest, updatedAt: e.ts };
    if (customerId === null) delete next.customerId;
    else if (customerId !== undefined) {
      const customer = customerOf(t, customerId);
      if (customer) next.customerId = customer.id;
    }
    t.putCase(next);
  },
  'crm.follow_up_added': (t, e) => {
    t.addFollowUp(e.followUp);
    touchCase(t, e.followUp.caseId, e.ts);
  },
  'crm.task_created': (t, e) => {
    const customer = e.task.customerId ? customerOf(t, e.task.customerId) : undefined;
    t.putTask({ ...e.task, customerId: customer?.id, createdAt: e.ts, updatedAt: e.ts });
  },
  'crm.task_updated': (t, e) => {
    const num = taskNum(e.taskId);
    const task = num === undefined ? undefined : t.task(num);
    if (!task) return;
    const { due, ...rest } = e.changes;
    const next = { ...task, ...rest, updatedAt: e.ts };
    if (due === null) delete next.due;
    else if (due !== undefined) next.due = due;
    t.putTask(next);
  },
  'crm.interaction_linked': () => {
    // Memory only (which record a live interaction's log goes to): see reducers.ts.
  },
  'crm.interaction_logged': (t, e) => {
    t.addFollowUp(e.followUp);
    touchCase(t, e.followUp.caseId, e.ts);
    const f = e.followUp;
    if (f.agentId && f.log) {
      const k = caseOf(t, f.caseId);
      const customer = k?.customerId ? customerOf(t, k.customerId) : undefined;
      const who = customer ? [displayNameOf(customer), customer.company] : [];
      t.addAgentLog({ ...f, agentId: f.agentId }, [f.id, f.caseId, k?.subject, ...who, f.log.queueName, MEDIA_LABELS[f.log.media], ...f.log.codes, f.text].filter(Boolean).join(' \u2502 '));
    }
  },
};

/** Version of what the projection derives: bump it and every store rebuilds the CRM tables from its log (2: History's agent logs). */
const VERSION = 2;

export const crmProjection: Projection<CrmReader> & { readonly name: 'crm' } = {
  name: 'crm',
  version: VERSION,
  types: new Set(Object.keys(APPLY)),
  open(db: Database.Database, rebuild: boolean): OpenProjection<CrmReader> {
    createTables(db, rebuild);
    const tables = new CrmTables(db);
    return {
      apply: (e: EngineEvent) => (APPLY[e.type as CrmEventType] as (t: CrmTables, e: EngineEvent) => void)(tables, e),
      reader: new CrmReader(tables),
    };
  },
};
