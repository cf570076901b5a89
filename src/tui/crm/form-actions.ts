// The CRM forms' commands: open (a kept draft comes back), move between
// fields, save. A refusal naming a field puts the cursor on it; a duplicate
// email or phone turns the form into a choice: merge into the record under
// the cursor (Enter), keep both (Ctrl-K), or go back and change it (Esc).
import type { CommandResult } from '../../client/index.js';
import { info, type Handler } from '../actions/run.js';
import { leaveText } from '../actions/focus.js';
import type { ConsoleServices } from '../context.js';
import { clampCursor } from '../list-window.js';
import { safeErrorMessage } from '../safe-view.js';
import type { UiState } from '../ui-state.js';
import { customerInput, draftKey, fieldIndex, fieldsOf, type FormKind, type FormTarget } from './forms.js';
import { openPage, updateCrm } from './load.js';
import type { CrmOverlay } from './overlays.js';

type Form = Extract<CrmOverlay, { kind: 'crmForm' }>;

const formOf = (u: UiState): Form | null => (u.overlay?.kind === 'crmForm' ? u.overlay : null);
const patch = (s: ConsoleServices, f: (o: Form) => Partial<Form>): void =>
  s.ui.update((u) => {
    const o = formOf(u);
    return o ? { ...u, overlay: { ...o, ...f(o) } } : u;
  });

/** Opens a form: its kept draft if there is one, else `fields` (a record being edited, a pop's prefill). */
export function openForm(s: ConsoleServices, form: FormKind, target: FormTarget, fields: Record<string, string> = {}): void {
  if (!s.view.get().self?.permissions.includes('crmEdit')) return void info(s, 'You do not have the permission to edit CRM records.');
  leaveText(s);
  const draft = s.ui.get().crm.drafts[draftKey(form, target)];
  s.ui.update((u) => ({
    ...u,
    overlay: { kind: 'crmForm', form, target, fields: draft ?? fields, field: 0, error: null, duplicates: null, cursor: 0 },
  }));
}

/** Closes the form; `keep`: its text stays as a draft for next time. */
function closeForm(s: ConsoleServices, o: Form, keep: boolean): void {
  const key = draftKey(o.form, o.target);
  updateCrm(s, (c) => {
    const { [key]: _old, ...rest } = c.drafts;
    return { ...c, drafts: keep ? { ...rest, [key]: o.fields } : rest };
  });
  s.ui.update((u) => (formOf(u) ? { ...u, overlay: null } : u));
}

/** The command a filled form sends. */
function submit(s: ConsoleServices, o: Form, choice: { force?: boolean; into?: string } = {}): Promise<CommandResult> {
  const f = o.fields;
  const t = o.target;
  const c = s.client;
  switch (o.form) {
    case 'customer':
      return t.edit && t.customerId
        ? c.updateCustomer(t.customerId, customerInput(f), choice.force)
        : c.createCustomer(customerInput(f), { ...choice, ...(t.interactionId ? { interactionId: t.interactionId } : {}) });
    case 'case':
      return t.edit && t.caseId
        ? c.updateCase(t.caseId, { subject: f.subject ?? '' })
        : c.openCase(f.subject ?? '', { ...(t.customerId ? { customerId: t.customerId } : {}), ...(t.interactionId ? { interactionId: t.interactionId } : {}) });
    case 'followUp':
      return c.addFollowUp(t.caseId ?? '', f.text ?? '');
    case 'task': {
      const due = (f.due ?? '').trim();
      const assigneeId = (f.assigneeId ?? '').trim();
      return c.createTask({
        text: f.text ?? '',
        ...(due ? { due } : {}),
        ...(assigneeId ? { assigneeId } : {}),
        ...(t.caseId ? { caseId: t.caseId } : {}),
        ...(t.customerId ? { customerId: t.customerId } : {}),
      });
    }
  }
}

const SAVED: Record<FormKind, string> = { customer: 'Customer saved.', case: 'Case saved.', followUp: 'Follow-up added.', task: 'Task saved.' };

async function save(s: ConsoleServices, o: Form, choice: { force?: boolean; into?: string } = {}): Promise<void> {
  let r: CommandResult;
  try {
    r = await submit(s, o, choice);
  } catch (e) {
    r = { ok: false, error: { code: 'SERVER_ERROR', message: (e as Error).message } };
  }
  if (!r.ok) {
    if (r.error.code === 'DUPLICATE' && r.error.duplicates?.length)
      return patch(s, () => ({ duplicates: r.error.duplicates!, cursor: 0, error: safeErrorMessage(r.error) }));
    const at = fieldIndex(o.form, r.error.field);
    return patch(s, (cur) => ({ error: safeErrorMessage(r.error), duplicates: null, field: at >= 0 ? at : cur.field }));
  }
  closeForm(s, o, false);
  info(s, choice.into ? 'Added to the existing customer.' : SAVED[o.form]);
  // Show what was saved.
  const customerId = r.customerId ?? o.target.customerId;
  const caseId = r.caseId ?? o.target.caseId;
  if (o.form === 'customer' && customerId) await openPage(s, { kind: 'customer', id: customerId });
  else if ((o.form === 'case' || o.form === 'followUp') && caseId) await openPage(s, { kind: 'case', id: caseId });
  else await openPage(s, s.ui.get().crm.page);
}

const step = (delta: 1 | -1): Handler => (s) =>
  patch(s, (o) => {
    const n = fieldsOf(o.form).length;
    return { field: (o.field + delta + n) % n };
  });

/** Enter in a form: merge into the duplicate under the cursor, else the next field, or save on the last. */
export function selectInForm(s: ConsoleServices, o: Form): void | Promise<void> {
  if (o.duplicates) {
    const dup = o.duplicates[clampCursor(o.cursor, o.duplicates.length)];
    return dup ? save(s, o, { into: dup.id }) : undefined;
  }
  if (o.field >= fieldsOf(o.form).length - 1) return save(s, o);
  patch(s, () => ({ field: o.field + 1 }));
}

/** Esc in a form: back from the duplicate choice, else close it keeping the draft. */
export function backInForm(s: ConsoleServices, o: Form): void {
  if (o.duplicates) return patch(s, () => ({ duplicates: null, error: null }));
  closeForm(s, o, true);
}

export const formActions = {
  'crmForm.next': step(1),
  'crmForm.prev': step(-1),
  'crmForm.save': (s) => {
    const o = formOf(s.ui.get());
    if (o) return save(s, o);
  },
  'crmForm.force': (s) => {
    const o = formOf(s.ui.get());
    if (!o?.duplicates) return info(s, 'Keep both applies after a duplicate warning.');
    return save(s, o, { force: true });
  },
  'crmForm.newline': (s) =>
    patch(s, (o) => {
      const spec = fieldsOf(o.form)[o.field]!;
      return spec.multiline ? { fields: { ...o.fields, [spec.id]: `${o.fields[spec.id] ?? ''}\n` } } : {};
    }),
} satisfies Record<string, Handler>;
