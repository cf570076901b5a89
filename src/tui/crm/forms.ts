// The CRM forms as data: their fields, what a record fills them with, and the
// command a filled form sends. The engine checks every field (and names the
// one at fault); the form only shapes what was typed.
import type { CaseView, CustomerInput, CustomerView, InteractionView } from '../../protocol/index.js';

/** What a form is about: the record it edits, or what a new one belongs to. */
export interface FormTarget {
  customerId?: string;
  caseId?: string;
  /** A customer or case made from this interaction's screen pop is linked to it. */
  interactionId?: string;
  /** Editing an existing record (else: a new one). */
  edit: boolean;
}

export interface FieldSpec {
  id: string;
  label: string;
  /** Shown after the label while the field is empty. */
  hint?: string;
  multiline?: boolean;
  max: number;
}

const field = (id: string, label: string, max: number, more: Partial<FieldSpec> = {}): FieldSpec => ({ id, label, max, ...more });

export const FORMS = {
  customer: {
    title: 'customer',
    fields: [
      field('firstName', 'First name', 100),
      field('lastName', 'Last name', 100),
      field('company', 'Company', 200),
      field('phones', 'Phones', 400, { hint: 'several: separate with commas' }),
      field('emails', 'Emails', 1000, { hint: 'several: separate with commas' }),
      field('account', 'Account', 64),
      field('address', 'Address', 500, { multiline: true }),
      field('notes', 'Notes', 10_000, { multiline: true }),
    ],
  },
  case: { title: 'case', fields: [field('subject', 'Subject', 200)] },
  followUp: { title: 'follow-up', fields: [field('text', 'Text', 10_000, { multiline: true })] },
  task: {
    title: 'task',
    fields: [field('text', 'Task', 500), field('due', 'Due', 10, { hint: 'YYYY-MM-DD' }), field('assigneeId', 'For', 64, { hint: 'agent id (empty: me)' })],
  },
} as const satisfies Record<string, { title: string; fields: readonly FieldSpec[] }>;

export type FormKind = keyof typeof FORMS;

export const fieldsOf = (form: FormKind): readonly FieldSpec[] => FORMS[form].fields;

/** A form's draft key: one draft per form and record (or per interaction for a pop's form). */
export const draftKey = (form: FormKind, t: FormTarget): string =>
  `${form}:${t.edit ? 'edit' : 'new'}:${t.caseId ?? t.customerId ?? t.interactionId ?? ''}`;

const list = (text: string): string[] => text.split(/[,;\n]/).map((x) => x.trim()).filter(Boolean);

/** The customer fields a form sends ('' clears a field when editing). */
export function customerInput(f: Readonly<Record<string, string>>): CustomerInput {
  const text = (k: string) => (f[k] ?? '').trim();
  return {
    firstName: text('firstName'),
    lastName: text('lastName'),
    company: text('company'),
    phones: list(f.phones ?? ''),
    emails: list(f.emails ?? ''),
    account: text('account'),
    address: text('address'),
    notes: text('notes'),
  };
}

/** A customer record as form fields. */
export const customerFields = (c: CustomerView): Record<string, string> => ({
  firstName: c.firstName ?? '',
  lastName: c.lastName ?? '',
  company: c.company ?? '',
  phones: c.phones.join(', '),
  emails: c.emails.join(', '),
  account: c.account ?? '',
  address: c.address ?? '',
  notes: c.notes ?? '',
});

/** A new customer's form, prefilled with what the channel knows of the interaction's customer. */
export function prefillFromInteraction(i: InteractionView): Record<string, string> {
  const name = (i.customer.name ?? '').trim().split(/\s+/).filter(Boolean);
  return {
    firstName: name.length > 1 ? name.slice(0, -1).join(' ') : '',
    lastName: name.at(-1) ?? '',
    company: '',
    phones: i.customer.phone ?? '',
    emails: i.customer.email ?? '',
    account: i.customer.account ?? '',
    address: '',
    notes: '',
  };
}

export const caseFields = (k: CaseView): Record<string, string> => ({ subject: k.subject });

/** Which field a VALIDATION error names (`emails[1]` → emails), if the form has it. */
export function fieldIndex(form: FormKind, errorField: string | undefined): number {
  if (!errorField) return -1;
  const base = errorField.replace(/\[\d+\]$/, '');
  return fieldsOf(form).findIndex((f) => f.id === base);
}
