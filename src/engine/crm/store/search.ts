/**
 * CRM search, as you type: customers and cases whose columns contain every
 * word typed, in any case and with or without accents. Exact keys come
 * first (a case number, an email, a phone number, an account); then the
 * names that start with what was typed; then the FTS5 trigram index, newest
 * records first, cut at `limit` — it never ranks every match, so a common
 * word costs no more than a rare one. Two shortcuts keep the index out of
 * what it is slow at (a rare string made of common trigrams: digits): a key
 * typed whole (an email, a phone number, an account) finds its customers
 * alone, and digits typed from the start of a phone number are looked up
 * as a prefix of the stored numbers before the index is asked. Words of one
 * or two letters cannot use trigrams: alone, they match the start of a
 * customer's name (an index range); beside longer words, they filter them.
 */
import { accountKey, caseNumberKey, emailKey, fold, phoneKey } from '../fields.js';
import type { CaseRecord, CustomerRecord } from '../records.js';
import { caseNum, type CrmTables, type Sql } from './tables.js';

/** Words typed, folded; a phone number typed with spaces or dashes is one word of digits. */
export function searchTerms(text: string): string[] {
  const t = text.trim();
  if (/^[+\d\s().-]+$/.test(t) && t.replace(/\D/g, '').length >= 3) return [t.replace(/\D/g, '')];
  return fold(t).split(/\s+/).filter(Boolean);
}

const quote = (term: string): string => `"${term.replace(/"/g, '""')}"`;
const likeEscape = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const chars = (s: string): number => [...s].length;

/** Record numbers whose search document holds every term, newest first (at most `limit`). */
function ftsHits(sql: Sql, table: string, terms: string[], limit: number): number[] {
  const long = terms.filter((t) => chars(t) >= 3);
  const short = terms.filter((t) => chars(t) < 3);
  if (!long.length) return [];
  const query = `SELECT rowid FROM ${table} WHERE ${table} MATCH ?${short.map(() => " AND doc LIKE ? ESCAPE '\\'").join('')} ORDER BY rowid DESC LIMIT ?`;
  return sql.all<{ rowid: number }>(query, long.map(quote).join(' AND '), ...short.map(likeEscape), limit).map((r) => r.rowid);
}

/** Customers whose name (last, first, company) starts with `prefix`, in name order. */
function namePrefixHits(sql: Sql, prefix: string, limit: number): number[] {
  const query = 'SELECT num FROM crm_customers WHERE sort_name >= ? AND sort_name < ? ORDER BY sort_name LIMIT ?';
  return sql.all<{ num: number }>(query, prefix, `${prefix}\uffff`, limit).map((r) => r.num);
}

/** Customers whose phone number starts with the digits typed (with the country code, or a US number without it). */
function phonePrefixHits(sql: Sql, digits: string, limit: number): number[] {
  const query = "SELECT num FROM crm_keys WHERE kind = 'phone' AND key >= ? AND key < ? ORDER BY key LIMIT ?";
  const starts = [`+${digits}`, ...(digits.startsWith('1') ? [] : [`+1${digits}`])];
  return starts.flatMap((p) => sql.all<{ num: number }>(query, p, `${p}\uffff`, limit).map((r) => r.num));
}

/** The customers a whole query names exactly: an email, a phone number, an account. */
function exactCustomers(t: CrmTables, text: string): number[] {
  const q = text.trim();
  const phone = /\d{3}/.test(q) ? phoneKey(q) : undefined;
  return [
    ...(q.includes('@') ? t.byKey('email', emailKey(q)) : []),
    ...(phone ? t.byKey('phone', phone) : []),
    ...t.byKey('account', accountKey(q)),
  ];
}

/** What a search found: records, exact matches first, then the newest. */
export interface SearchHits {
  customers: CustomerRecord[];
  cases: CaseRecord[];
  more: boolean;
}

export function searchCrm(t: CrmTables, text: string, limit: number): SearchHits {
  const terms = searchTerms(text);
  if (!terms.length) return { customers: [], cases: [], more: false };
  const hasLong = terms.some((term) => chars(term) >= 3);

  const customers = new Map<string, CustomerRecord>();
  const exact = exactCustomers(t, text);
  const digits = /^\d+$/.test(terms[0]!) && terms.length === 1 ? phonePrefixHits(t.sql, terms[0]!, limit + 1) : [];
  // Names starting with what was typed come before other columns holding it.
  const prefixNums = exact.length ? [] : [...digits, ...namePrefixHits(t.sql, terms.join(' '), limit + 1)];
  const indexed = hasLong && !exact.length && prefixNums.length <= limit;
  const customerNums = indexed ? ftsHits(t.sql, 'crm_customers_fts', terms, limit + 1) : hasLong ? [] : prefixNums;
  let more = customerNums.length > limit || prefixNums.length > limit;
  for (const num of [...exact, ...(hasLong ? prefixNums : []), ...customerNums]) {
    if (customers.size >= limit) break;
    const c = t.customer(num);
    if (c) customers.set(c.id, c);
  }

  const cases = new Map<string, CaseRecord>();
  const exactCase = caseNumberKey(text);
  const caseNums = hasLong ? ftsHits(t.sql, 'crm_cases_fts', terms, limit + 1) : [];
  more ||= caseNums.length > limit;
  for (const num of [...(exactCase ? [caseNum(exactCase)!] : []), ...caseNums]) {
    if (cases.size >= limit) break;
    const k = t.caseRecord(num);
    if (k) cases.set(k.id, k);
  }
  return { customers: [...customers.values()], cases: [...cases.values()], more };
}

/**
 * History: the follow-up numbers of an agent's interaction logs holding every term typed, newest
 * first (at most `limit`); nothing typed, their latest. Trigrams find the long words; one or two
 * letters filter those, or alone scan only this agent's logs.
 */
export function agentLogHits(sql: Sql, agentId: string, text: string, limit: number): number[] {
  const terms = searchTerms(text);
  if (!terms.length) return sql.all<{ num: number }>('SELECT num FROM crm_agent_logs WHERE agent_id = ? ORDER BY num DESC LIMIT ?', agentId, limit).map((r) => r.num);
  const long = terms.filter((t) => chars(t) >= 3);
  const short = terms.filter((t) => chars(t) < 3);
  const likes = short.map(() => " AND f.doc LIKE ? ESCAPE '\\'").join('');
  const query = long.length
    ? `SELECT l.num FROM crm_agent_logs_fts f JOIN crm_agent_logs l ON l.num = f.rowid WHERE crm_agent_logs_fts MATCH ? AND l.agent_id = ?${likes} ORDER BY l.num DESC LIMIT ?`
    : `SELECT l.num FROM crm_agent_logs l JOIN crm_agent_logs_fts f ON f.rowid = l.num WHERE l.agent_id = ?${likes} ORDER BY l.num DESC LIMIT ?`;
  const params = long.length ? [long.map(quote).join(' AND '), agentId] : [agentId];
  return sql.all<{ num: number }>(query, ...params, ...short.map(likeEscape), limit).map((r) => r.num);
}
