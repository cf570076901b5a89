/**
 * Row-level access to the CRM tables (schema.ts): records in and out as
 * JSON, their keys and their search documents kept beside them. The
 * projection writes through this; the reader reads through it.
 */
import type Database from 'better-sqlite3';
import { accountKey, fold } from '../fields.js';
import {
  CASE_PREFIX,
  CUSTOMER_PREFIX,
  displayNameOf,
  FOLLOW_UP_PREFIX,
  numberOf,
  TASK_PREFIX,
  type CaseRecord,
  type CustomerRecord,
  type FollowUpRecord,
  type TaskRecord,
} from '../records.js';

export type KeyKind = 'email' | 'phone' | 'account';

export const customerNum = (id: string): number | undefined => numberOf(CUSTOMER_PREFIX, id);
export const caseNum = (id: string): number | undefined => numberOf(CASE_PREFIX, id);
export const taskNum = (id: string): number | undefined => numberOf(TASK_PREFIX, id);

/** A customer's search document: every column, folded; phones also as bare digits. */
function customerDoc(c: CustomerRecord): string {
  const phones = c.phones.flatMap((p) => [p, p.replace(/\D/g, '')]);
  return fold([c.id, c.firstName, c.lastName, c.company, ...c.emails, ...phones, c.account, c.address, c.notes].filter(Boolean).join(' \u2502 '));
}

/** A case's search document: its columns and its customer's name and company. */
function caseDoc(k: CaseRecord, customer: CustomerRecord | undefined): string {
  const who = customer ? [displayNameOf(customer), customer.company] : [];
  return fold([k.id, k.subject, k.status, k.ownerId, ...who].filter(Boolean).join(' \u2502 '));
}

/** "brown olivia acme": the order of customer lists, and what one or two letters match the start of. */
export const sortName = (c: CustomerRecord): string => fold([c.lastName, c.firstName, c.company].filter(Boolean).join(' ') || c.id);

/** Prepared statements, made on first use (most engines in tests never touch the CRM). */
export class Sql {
  private readonly cache = new Map<string, Database.Statement>();
  constructor(readonly db: Database.Database) {}
  stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) this.cache.set(sql, (s = this.db.prepare(sql)));
    return s;
  }
  run(sql: string, ...params: unknown[]): void {
    this.stmt(sql).run(...params);
  }
  get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.stmt(sql).get(...params) as T | undefined;
  }
  all<T>(sql: string, ...params: unknown[]): T[] {
    return this.stmt(sql).all(...params) as T[];
  }
  /** Records stored as JSON in a `body` column. */
  bodies<T>(sql: string, ...params: unknown[]): T[] {
    return this.all<{ body: string }>(sql, ...params).map((r) => JSON.parse(r.body) as T);
  }
  body<T>(sql: string, ...params: unknown[]): T | undefined {
    const row = this.get<{ body: string }>(sql, ...params);
    return row ? (JSON.parse(row.body) as T) : undefined;
  }
}

export class CrmTables {
  readonly sql: Sql;

  constructor(db: Database.Database) {
    this.sql = new Sql(db);
  }

  // ---- customers -------------------------------------------------------
  customer(num: number): CustomerRecord | undefined {
    return this.sql.body<CustomerRecord>('SELECT body FROM crm_customers WHERE num = ?', num);
  }

  /** Writes the record, its keys and its search document. */
  putCustomer(c: CustomerRecord): void {
    const num = customerNum(c.id)!;
    this.sql.run('INSERT OR REPLACE INTO crm_customers (num, sort_name, body) VALUES (?, ?, ?)', num, sortName(c), JSON.stringify(c));
    this.sql.run('DELETE FROM crm_keys WHERE num = ?', num);
    const addKey = 'INSERT OR IGNORE INTO crm_keys (kind, key, num) VALUES (?, ?, ?)';
    for (const e of c.emails) this.sql.run(addKey, 'email', e, num);
    for (const p of c.phones) this.sql.run(addKey, 'phone', p, num);
    if (c.account) this.sql.run(addKey, 'account', accountKey(c.account), num);
    this.sql.run('INSERT OR REPLACE INTO crm_customers_fts (rowid, doc) VALUES (?, ?)', num, customerDoc(c));
  }

  deleteCustomer(num: number): void {
    this.sql.run('DELETE FROM crm_customers WHERE num = ?', num);
    this.sql.run('DELETE FROM crm_keys WHERE num = ?', num);
    this.sql.run('DELETE FROM crm_customers_fts WHERE rowid = ?', num);
  }

  /** Customer numbers holding a key, oldest first. */
  byKey(kind: KeyKind, key: string): number[] {
    return this.sql.all<{ num: number }>('SELECT num FROM crm_keys WHERE kind = ? AND key = ? ORDER BY num', kind, key).map((r) => r.num);
  }

  /** Where a merged customer's id leads now (itself if never merged). */
  resolve(id: string): string {
    return this.sql.get<{ into_id: string }>('SELECT into_id FROM crm_merged WHERE id = ?', id)?.into_id ?? id;
  }

  recordMerge(mergedId: string, intoId: string): void {
    this.sql.run('UPDATE crm_merged SET into_id = ? WHERE into_id = ?', intoId, mergedId);
    this.sql.run('INSERT OR REPLACE INTO crm_merged (id, into_id) VALUES (?, ?)', mergedId, intoId);
  }

  openCases(customerNumber: number): number {
    return this.sql.get<{ n: number }>("SELECT COUNT(*) AS n FROM crm_cases WHERE customer_num = ? AND status = 'open'", customerNumber)!.n;
  }

  // ---- cases -----------------------------------------------------------
  caseRecord(num: number): CaseRecord | undefined {
    return this.sql.body<CaseRecord>('SELECT body FROM crm_cases WHERE num = ?', num);
  }

  /** Writes the case and its search document (with its customer's name). */
  putCase(k: CaseRecord): void {
    const num = caseNum(k.id)!;
    const owner = k.customerId ? customerNum(k.customerId) : undefined;
    this.sql.run('INSERT OR REPLACE INTO crm_cases (num, customer_num, status, updated_at, body) VALUES (?, ?, ?, ?, ?)', num, owner ?? null, k.status, k.updatedAt, JSON.stringify(k));
    this.sql.run('INSERT OR REPLACE INTO crm_cases_fts (rowid, doc) VALUES (?, ?)', num, caseDoc(k, owner === undefined ? undefined : this.customer(owner)));
  }

  casesOf(customerNumber: number, limit: number): CaseRecord[] {
    return this.sql.bodies<CaseRecord>('SELECT body FROM crm_cases WHERE customer_num = ? ORDER BY updated_at DESC, num DESC LIMIT ?', customerNumber, limit);
  }

  caseNumsOf(customerNumber: number): number[] {
    return this.sql.all<{ num: number }>('SELECT num FROM crm_cases WHERE customer_num = ?', customerNumber).map((r) => r.num);
  }

  // ---- follow-ups and tasks ---------------------------------------------
  addFollowUp(f: FollowUpRecord): void {
    this.sql.run('INSERT OR REPLACE INTO crm_follow_ups (num, case_num, body) VALUES (?, ?, ?)', numberOf(FOLLOW_UP_PREFIX, f.id)!, caseNum(f.caseId)!, JSON.stringify(f));
  }

  /** An agent's interaction log, for History, with what it is found by (folded). */
  addAgentLog(f: FollowUpRecord & { agentId: string }, doc: string): void {
    const num = numberOf(FOLLOW_UP_PREFIX, f.id)!;
    this.sql.run('INSERT OR REPLACE INTO crm_agent_logs (num, agent_id) VALUES (?, ?)', num, f.agentId);
    this.sql.run('DELETE FROM crm_agent_logs_fts WHERE rowid = ?', num);
    this.sql.run('INSERT INTO crm_agent_logs_fts (rowid, doc) VALUES (?, ?)', num, fold(doc));
  }

  followUp(num: number): FollowUpRecord | undefined {
    return this.sql.body<FollowUpRecord>('SELECT body FROM crm_follow_ups WHERE num = ?', num);
  }

  /** The latest `limit` follow-ups of a case, oldest first. */
  followUpsOf(caseNumber: number, limit: number): FollowUpRecord[] {
    return this.sql.bodies<FollowUpRecord>('SELECT body FROM (SELECT num, body FROM crm_follow_ups WHERE case_num = ? ORDER BY num DESC LIMIT ?) ORDER BY num', caseNumber, limit);
  }

  task(num: number): TaskRecord | undefined {
    return this.sql.body<TaskRecord>('SELECT body FROM crm_tasks WHERE num = ?', num);
  }

  putTask(t: TaskRecord): void {
    const customer = t.customerId ? customerNum(t.customerId) : undefined;
    const kase = t.caseId ? caseNum(t.caseId) : undefined;
    this.sql.run('INSERT OR REPLACE INTO crm_tasks (num, assignee_id, done, due, customer_num, case_num, body) VALUES (?, ?, ?, ?, ?, ?, ?)', taskNum(t.id)!, t.assigneeId, t.done ? 1 : 0, t.due ?? null, customer ?? null, kase ?? null, JSON.stringify(t));
  }

  tasksOfCustomer(customerNumber: number): number[] {
    return this.sql.all<{ num: number }>('SELECT num FROM crm_tasks WHERE customer_num = ?', customerNumber).map((r) => r.num);
  }
}
