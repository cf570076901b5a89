/**
 * The CRM's tables beside the event log. Each record is kept whole as JSON
 * (`body`) with the columns that index it; `num` is the number in its id
 * (`CAS-000123` → 123). Search runs on FTS5 trigram tables holding a folded
 * copy of every searchable column (lower-case, accents removed: fields.ts
 * `fold`), so any substring of three characters or more of any column finds
 * the record, whatever its case or accents.
 */
import type Database from 'better-sqlite3';

export const TABLES = ['crm_customers', 'crm_keys', 'crm_merged', 'crm_cases', 'crm_follow_ups', 'crm_tasks', 'crm_customers_fts', 'crm_cases_fts', 'crm_agent_logs', 'crm_agent_logs_fts'];

const DDL = `
CREATE TABLE IF NOT EXISTS crm_customers (
  num INTEGER PRIMARY KEY,
  -- Folded "last first company": the order of results, and prefix search for one or two letters.
  sort_name TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS crm_customers_sort ON crm_customers(sort_name);
-- Screen-pop and duplicate keys: kind 'email' (lower-case), 'phone' (E.164), 'account' (upper-case).
CREATE TABLE IF NOT EXISTS crm_keys (
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  num INTEGER NOT NULL,
  PRIMARY KEY (kind, key, num)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS crm_keys_num ON crm_keys(num);
-- Customers merged into another: old id → the id that lives on.
CREATE TABLE IF NOT EXISTS crm_merged (id TEXT PRIMARY KEY, into_id TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS crm_cases (
  num INTEGER PRIMARY KEY,
  customer_num INTEGER,
  status TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS crm_cases_customer ON crm_cases(customer_num, updated_at) WHERE customer_num IS NOT NULL;
CREATE TABLE IF NOT EXISTS crm_follow_ups (
  num INTEGER PRIMARY KEY,
  case_num INTEGER NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS crm_follow_ups_case ON crm_follow_ups(case_num, num);
CREATE TABLE IF NOT EXISTS crm_tasks (
  num INTEGER PRIMARY KEY,
  assignee_id TEXT NOT NULL,
  done INTEGER NOT NULL,
  due TEXT,
  customer_num INTEGER,
  case_num INTEGER,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS crm_tasks_assignee ON crm_tasks(assignee_id, done, due);
CREATE INDEX IF NOT EXISTS crm_tasks_customer ON crm_tasks(customer_num) WHERE customer_num IS NOT NULL;
CREATE INDEX IF NOT EXISTS crm_tasks_case ON crm_tasks(case_num) WHERE case_num IS NOT NULL;
-- History: the automatic logs of each agent's interactions (num: the follow-up's), newest first by num.
CREATE TABLE IF NOT EXISTS crm_agent_logs (
  num INTEGER PRIMARY KEY,
  agent_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS crm_agent_logs_agent ON crm_agent_logs(agent_id, num);
-- rowid = the record's num.
CREATE VIRTUAL TABLE IF NOT EXISTS crm_customers_fts USING fts5(doc, tokenize = 'trigram');
CREATE VIRTUAL TABLE IF NOT EXISTS crm_cases_fts USING fts5(doc, tokenize = 'trigram');
-- A log's Description, its case's subject, customer, queue and codes: History's search.
CREATE VIRTUAL TABLE IF NOT EXISTS crm_agent_logs_fts USING fts5(doc, tokenize = 'trigram');
`;

/** Creates the tables, dropping them first for a rebuild. */
export function createTables(db: Database.Database, rebuild: boolean): void {
  if (rebuild) for (const t of TABLES) db.exec(`DROP TABLE IF EXISTS ${t}`);
  db.exec(DDL);
}
