/**
 * Reading the CRM tables: records by id (merged customers followed to the
 * one that lives on), screen-pop and duplicate keys, the lists the CRM pane
 * shows, search (search.ts) and export pages. Read by handlers to validate
 * and by views; never written here.
 */
import { displayNameOf, type CaseRecord, type CaseSummary, type CrmSearchResult, type CustomerRecord, type CustomerSummary, type FollowUpRecord, type HistoryEntry, type TaskRecord } from '../records.js';
import { agentLogHits, searchCrm } from './search.js';
import { caseNum, customerNum, type CrmTables, type KeyKind, taskNum } from './tables.js';

/** The most follow-ups a case view carries (the latest). */
export const MAX_HISTORY = 200;

export class CrmReader {
  constructor(private readonly t: CrmTables) {}

  /** A customer by id; a merged one's id leads to the customer it joined. */
  customer(id: string): CustomerRecord | undefined {
    const num = customerNum(this.t.resolve(id));
    return num === undefined ? undefined : this.t.customer(num);
  }

  caseRecord(id: string): CaseRecord | undefined {
    const num = caseNum(id);
    return num === undefined ? undefined : this.t.caseRecord(num);
  }

  task(id: string): TaskRecord | undefined {
    const num = taskNum(id);
    return num === undefined ? undefined : this.t.task(num);
  }

  /** Ids of the customers holding a key (a normalized email, phone or account), oldest first. */
  byKey(kind: KeyKind, key: string): string[] {
    return this.t.byKey(kind, key).map((num) => this.t.customer(num)!.id);
  }

  /** Other customers sharing an email or phone with `c` (or with the fields given), oldest first. */
  sharingKeys(c: Pick<CustomerRecord, 'emails' | 'phones'>, except?: string): { id: string; name: string; key: string }[] {
    const out = new Map<string, { id: string; name: string; key: string }>();
    const add = (kind: KeyKind, key: string) => {
      for (const num of this.t.byKey(kind, key)) {
        const other = this.t.customer(num)!;
        if (other.id !== except && !out.has(other.id)) out.set(other.id, { id: other.id, name: displayNameOf(other), key });
      }
    };
    for (const e of c.emails) add('email', e);
    for (const p of c.phones) add('phone', p);
    return [...out.values()];
  }

  summary(c: CustomerRecord): CustomerSummary {
    return {
      id: c.id,
      name: displayNameOf(c),
      ...(c.company ? { company: c.company } : {}),
      ...(c.phones[0] ? { phone: c.phones[0] } : {}),
      ...(c.emails[0] ? { email: c.emails[0] } : {}),
      ...(c.account ? { account: c.account } : {}),
      openCases: this.t.openCases(customerNum(c.id)!),
    };
  }

  caseSummary(k: CaseRecord): CaseSummary {
    const customer = k.customerId ? this.customer(k.customerId) : undefined;
    return {
      id: k.id,
      subject: k.subject,
      status: k.status,
      ...(k.customerId ? { customerId: k.customerId } : {}),
      ...(customer ? { customerName: displayNameOf(customer) } : {}),
      ...(k.ownerId ? { ownerId: k.ownerId } : {}),
      updatedAt: k.updatedAt,
    };
  }

  /** A customer's cases, most recently active first. */
  casesOf(customerId: string, limit = 50): CaseSummary[] {
    const num = customerNum(customerId);
    return num === undefined ? [] : this.t.casesOf(num, limit).map((k) => this.caseSummary(k));
  }

  /** A case's latest follow-ups, oldest first. */
  followUpsOf(caseId: string, limit = MAX_HISTORY): FollowUpRecord[] {
    const num = caseNum(caseId);
    return num === undefined ? [] : this.t.followUpsOf(num, limit);
  }

  /** An agent's tasks: open ones by due date (done ones too, after them, when asked). */
  tasksOf(agentId: string, includeDone = false, limit = 200): TaskRecord[] {
    return this.t.sql.bodies<TaskRecord>('SELECT body FROM crm_tasks WHERE assignee_id = ? AND (done = 0 OR ?) ORDER BY done, due IS NULL, due, num LIMIT ?', agentId, includeDone ? 1 : 0, limit);
  }

  openTasksOfCustomer(customerId: string): TaskRecord[] {
    const num = customerNum(customerId);
    return num === undefined ? [] : this.t.sql.bodies<TaskRecord>('SELECT body FROM crm_tasks WHERE customer_num = ? AND done = 0 ORDER BY due IS NULL, due, num LIMIT 50', num);
  }

  tasksOfCase(caseId: string): TaskRecord[] {
    const num = caseNum(caseId);
    return num === undefined ? [] : this.t.sql.bodies<TaskRecord>('SELECT body FROM crm_tasks WHERE case_num = ? ORDER BY done, due IS NULL, due, num LIMIT 50', num);
  }

  /** An agent's past interactions (their automatic logs), newest first, matching `text` when given (History). */
  history(agentId: string, text: string, limit: number): HistoryEntry[] {
    return agentLogHits(this.t.sql, agentId, text, limit).flatMap((num) => {
      const f = this.t.followUp(num);
      if (!f?.log) return [];
      const k = this.caseRecord(f.caseId);
      const customer = k?.customerId ? this.customer(k.customerId) : undefined;
      return [{
        followUpId: f.id, caseId: f.caseId, subject: k?.subject ?? '', at: f.at, log: f.log, text: f.text,
        ...(customer ? { customerId: customer.id, customerName: displayNameOf(customer) } : {}),
      }];
    });
  }

  /** Customers and cases matching `text` in any column, case and accents ignored. */
  search(text: string, limit = 20): CrmSearchResult {
    const hits = searchCrm(this.t, text, limit);
    return { customers: hits.customers.map((c) => this.summary(c)), cases: hits.cases.map((k) => this.caseSummary(k)), more: hits.more };
  }

  /** Customers in id order after `afterId` (export pages). */
  page(afterId: string | undefined, limit: number): CustomerRecord[] {
    return this.t.sql.bodies<CustomerRecord>('SELECT body FROM crm_customers WHERE num > ? ORDER BY num LIMIT ?', afterId ? (customerNum(afterId) ?? 0) : 0, limit);
  }

  counts(): { customers: number; cases: number } {
    return this.t.sql.get<{ customers: number; cases: number }>('SELECT (SELECT COUNT(*) FROM crm_customers) AS customers, (SELECT COUNT(*) FROM crm_cases) AS cases')!;
  }

}
