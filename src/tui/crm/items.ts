// What the CRM pane lists on each page, derived from its state and the view:
// shared by the pane and the actions so they agree on the row under the cursor.
import type { CaseSummary, CustomerSummary, FollowUpRecord, InteractionView, TaskRecord } from '../../protocol/index.js';
import type { SafeView } from '../safe-view.js';
import type { CrmUi } from './crm-state.js';

export type CrmRow =
  | { kind: 'customer'; id: string; label: string; right: string }
  | { kind: 'case'; id: string; label: string; right: string }
  | { kind: 'task'; id: string; label: string; right: string; done: boolean }
  | { kind: 'followUp'; id: string; followUp: FollowUpRecord };

export const customerRow = (c: CustomerSummary): CrmRow => ({
  kind: 'customer',
  id: c.id,
  label: [c.name, c.company].filter(Boolean).join(' · '),
  right: [c.phone ?? c.email ?? c.account, `${c.openCases} open`].filter(Boolean).join(' · '),
});

export const caseRow = (k: CaseSummary): CrmRow => ({
  kind: 'case',
  id: k.id,
  label: `${k.id} ${k.subject}`,
  right: [k.status, k.customerName ?? (k.customerId ? undefined : 'no customer')].filter(Boolean).join(' · '),
});

export const taskRow = (t: TaskRecord): CrmRow => ({
  kind: 'task',
  id: t.id,
  label: `${t.done ? '✓' : '○'} ${t.text}`,
  right: [t.due ? `due ${t.due}` : undefined, t.caseId].filter(Boolean).join(' · '),
  done: t.done,
});

/** The interaction a pick page (or a new customer's page) is for, if still mine. */
export const pickFor = (v: Pick<SafeView, 'work'>, c: CrmUi): InteractionView | undefined =>
  c.page.kind === 'pick' || c.page.kind === 'new' ? v.work.find((w) => w.id === (c.page as { interactionId: string }).interactionId) : undefined;

/** The rows of the page shown. */
export function crmRows(v: Pick<SafeView, 'work'>, c: CrmUi): CrmRow[] {
  switch (c.page.kind) {
    case 'search':
      return c.results ? [...c.results.customers.map(customerRow), ...c.results.cases.map(caseRow)] : [];
    case 'customer':
      return c.customer?.id === c.page.id ? [...c.customer.cases.map(caseRow), ...c.customer.tasks.map(taskRow)] : [];
    case 'case':
      return c.kase?.id === c.page.id ? [...c.kase.followUps.map((f): CrmRow => ({ kind: 'followUp', id: f.id, followUp: f })), ...c.kase.tasks.map(taskRow)] : [];
    case 'tasks':
      return (c.tasks ?? []).map(taskRow);
    case 'pick':
      return (pickFor(v, c)?.crm?.matches ?? []).map(customerRow);
    case 'new':
      return [];
  }
}

/** "CRM: Olivia Brown · Acme · 2 open cases" — the screen pop in an offer or an interaction. */
export function popLine(i: InteractionView): string | undefined {
  const pop = i.crm;
  if (!pop || pop.mode === 'none') return undefined;
  const unknownCase = pop.unknownCase ? ` (no case ${pop.unknownCase})` : '';
  const known = pop.customerId ? pop.matches.find((m) => m.id === pop.customerId) : undefined;
  if (known) {
    const open = `${known.openCases} open case${known.openCases === 1 ? '' : 's'}`;
    return `CRM: ${[known.name, known.company].filter(Boolean).join(' · ')} · ${open}${pop.caseId ? ` · ${pop.caseId}` : ''}${unknownCase}`;
  }
  if (pop.matches.length > 1) return `CRM: ${pop.matches.length}${pop.more ? '+' : ''} matching customers — pick one at accept${unknownCase}`;
  return `CRM: new customer — a prefilled form at accept (6, n)${unknownCase}`;
}
