/**
 * THE field rules of the CRM: lengths, formats, normalization. Every way in
 * (a form, an update, an import row) goes through here, so a record is
 * never saved half-valid. A refusal names its field (`emails[1]: ...`).
 */
import { invalid, ok, type Result } from '../kernel/result.js';
import { normalizeNumber } from '../phone/numbers.js';
export { fold } from '../kernel/fold.js';
import { CASE_PREFIX, recordNumber, type CustomerFields } from './records.js';

export const LIMITS = {
  name: 100,
  company: 200,
  email: 254,
  emails: 10,
  phones: 10,
  account: 64,
  address: 500,
  notes: 10_000,
  subject: 200,
  followUp: 10_000,
  task: 500,
  /** An interaction log's Description (a long chat's transcript is cut, with a note). */
  log: 100_000,
} as const;

/** What an agent or an import row may give for a customer ('' clears a field). */
export interface CustomerInput {
  firstName?: string;
  lastName?: string;
  company?: string;
  emails?: string[];
  phones?: string[];
  account?: string;
  address?: string;
  notes?: string;
}

export const CUSTOMER_TEXT_FIELDS = ['firstName', 'lastName', 'company', 'account', 'address', 'notes'] as const;
type TextField = (typeof CUSTOMER_TEXT_FIELDS)[number];
const TEXT_LIMITS: Record<TextField, number> = {
  firstName: LIMITS.name,
  lastName: LIMITS.name,
  company: LIMITS.company,
  account: LIMITS.account,
  address: LIMITS.address,
  notes: LIMITS.notes,
};
/** Fields that hold one line (the others keep their line breaks). */
const ONE_LINE: ReadonlySet<TextField> = new Set(['firstName', 'lastName', 'company', 'account']);

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

/** An email address as a key: trimmed, lower-case. */
export const emailKey = (email: string): string => email.trim().toLowerCase();
/** An account number as a key: trimmed, upper-case. */
export const accountKey = (account: string): string => account.trim().toUpperCase();
/** A phone number as a key: E.164, or nothing if it is not a valid number. */
export function phoneKey(phone: string): string | undefined {
  const n = normalizeNumber(phone);
  return n.ok ? n.value : undefined;
}
/** A case number as customers type it (`CAS-000123`, `cas 123`, `#123`, `123`) → `CAS-000123`. */
export function caseNumberKey(text: string): string | undefined {
  const m = /^\s*(?:cas)?[\s#-]*0*(\d{1,9})\s*$/i.exec(text);
  return m ? recordNumber(CASE_PREFIX, Number(m[1])) : undefined;
}

function text(field: string, value: unknown, max: number, oneLine: boolean): Result<string | undefined> {
  if (typeof value !== 'string') return invalid(field, 'must be text.');
  const t = value.trim();
  if (t.length > max) return invalid(field, `at most ${max} characters (this has ${t.length}).`);
  if (oneLine && /[\r\n]/.test(t)) return invalid(field, 'must be one line.');
  return ok(t === '' ? undefined : t);
}

function list(field: string, values: unknown, max: number, each: (v: string, at: string) => Result<string>): Result<string[]> {
  if (!Array.isArray(values)) return invalid(field, 'must be a list.');
  const out: string[] = [];
  for (const [i, v] of values.entries()) {
    if (typeof v !== 'string') return invalid(`${field}[${i}]`, 'must be text.');
    if (v.trim() === '') continue;
    const r = each(v, `${field}[${i}]`);
    if (!r.ok) return r;
    if (!out.includes(r.value)) out.push(r.value);
  }
  if (out.length > max) return invalid(field, `at most ${max} (this has ${out.length}).`);
  return ok(out);
}

function email(v: string, at: string): Result<string> {
  const e = emailKey(v);
  if (e.length > LIMITS.email) return invalid(at, `an email address is at most ${LIMITS.email} characters.`);
  if (!EMAIL.test(e)) return invalid(at, `"${v.trim()}" is not an email address.`);
  return ok(e);
}

function phone(v: string, at: string): Result<string> {
  const n = normalizeNumber(v);
  return n.ok ? n : invalid(at, n.error.message);
}

/** Checks and normalizes the fields given (absent ones stay absent; '' becomes "cleared"). */
export function checkCustomerChanges(input: CustomerInput): Result<Partial<CustomerFields>> {
  if (typeof input !== 'object' || input === null) return invalid('customer', 'missing.');
  const out: Partial<Record<keyof CustomerFields, unknown>> = {};
  for (const f of CUSTOMER_TEXT_FIELDS) {
    if (input[f] === undefined) continue;
    const r = text(f, input[f], TEXT_LIMITS[f], ONE_LINE.has(f));
    if (!r.ok) return r;
    out[f] = r.value ?? '';
  }
  if (input.emails !== undefined) {
    const r = list('emails', input.emails, LIMITS.emails, email);
    if (!r.ok) return r;
    out.emails = r.value;
  }
  if (input.phones !== undefined) {
    const r = list('phones', input.phones, LIMITS.phones, phone);
    if (!r.ok) return r;
    out.phones = r.value;
  }
  return ok(out as Partial<CustomerFields>);
}

/** A record's fields after `changes` (cleared texts removed); refused without a name or company. */
export function applyCustomerChanges(base: CustomerFields, changes: Partial<CustomerFields>): Result<CustomerFields> {
  const merged: CustomerFields = { ...base, ...changes };
  for (const f of CUSTOMER_TEXT_FIELDS) if (merged[f] === '') delete merged[f];
  if (!merged.firstName && !merged.lastName && !merged.company)
    return invalid('lastName', 'give a first name, a last name or a company.');
  return ok(merged);
}

export const EMPTY_CUSTOMER: CustomerFields = { emails: [], phones: [] };

export function checkSubject(subject: unknown): Result<string> {
  const r = text('subject', subject, LIMITS.subject, true);
  if (!r.ok) return r;
  return r.value ? ok(r.value) : invalid('subject', 'give the case a subject.');
}

/** Free text of a follow-up or a task. */
export function checkBody(field: string, value: unknown, max: number): Result<string> {
  const r = text(field, value, max, false);
  if (!r.ok) return r;
  return r.value ? ok(r.value) : invalid(field, 'is empty.');
}

/** A due date: `YYYY-MM-DD`, a real day. */
export function checkDue(due: unknown): Result<string> {
  if (typeof due !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(due)) return invalid('due', 'write the date as YYYY-MM-DD.');
  const d = new Date(`${due}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== due) return invalid('due', `${due} is not a day of the calendar.`);
  return ok(due);
}
