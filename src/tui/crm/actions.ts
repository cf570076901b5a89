// CRM pane commands: search, open, back, the record forms, calling a
// customer, tasks, closing a case, linking my interaction to a record,
// merging a duplicate. Everything goes through the client; the engine refuses
// what the agent's permissions do not allow.
import { error, info, send, type Handler } from '../actions/run.js';
import { focusPane, leaveText } from '../actions/focus.js';
import { openDial } from '../call/actions.js';
import type { ConsoleServices } from '../context.js';
import { clampCursor } from '../list-window.js';
import { selectedWork } from '../panes/work-state.js';
import type { CrmPage } from './crm-state.js';
import { openForm } from './form-actions.js';
import { caseFields, customerFields, prefillFromInteraction } from './forms.js';
import { crmRows, pickFor, type CrmRow } from './items.js';
import { backPage, loadPage, openPage, search, updateCrm } from './load.js';

const rowAtCursor = (s: ConsoleServices): CrmRow | undefined => {
  const rows = crmRows(s.view.get(), s.ui.get().crm);
  return rows[clampCursor(s.ui.get().crm.cursor, rows.length)];
};

const page = (s: ConsoleServices): CrmPage => s.ui.get().crm.page;

/** The customer the page is about: the customer shown, or the case's customer. */
function customerShown(s: ConsoleServices): { id: string; name: string; phone?: string } | undefined {
  const c = s.ui.get().crm;
  if (c.page.kind === 'customer' && c.customer) {
    const name = [c.customer.firstName, c.customer.lastName].filter(Boolean).join(' ') || c.customer.company || c.customer.id;
    return { id: c.customer.id, name, phone: c.customer.phones[0] };
  }
  if (c.page.kind === 'case' && c.kase?.customer) return { id: c.kase.customer.id, name: c.kase.customer.name, phone: c.kase.customer.phone };
  return undefined;
}

/** Enter on a customer while picking: link it to my interaction, or give it the case. */
async function pickCustomer(s: ConsoleServices, customerId: string): Promise<void> {
  const picking = s.ui.get().crm.picking;
  if (!picking) return openPage(s, { kind: 'customer', id: customerId });
  updateCrm(s, (c) => ({ ...c, picking: null }));
  if (picking.purpose === 'link') {
    if (await send(s, s.client.linkInteraction(picking.interactionId, { customerId }), 'Linked: the log goes to this customer.'))
      await openPage(s, { kind: 'customer', id: customerId });
    return;
  }
  if (await send(s, s.client.updateCase(picking.caseId, { customerId }), `${picking.caseId} now belongs to this customer.`))
    await openPage(s, { kind: 'case', id: picking.caseId });
}

function startSearch(s: ConsoleServices): void {
  focusPane(s, 'crm');
  updateCrm(s, (c) => ({ ...c, page: { kind: 'search' }, back: c.page.kind === 'search' ? c.back : [...c.back, c.page], shown: true, cursor: 0 }));
  s.ui.update((u) => ({ ...u, text: 'crmSearch' }));
}

const needs = (s: ConsoleServices, kind: CrmPage['kind'], what: string): boolean => {
  if (page(s).kind === kind) return true;
  error(s, `Open a ${what} first.`);
  return false;
};

export const crmActions = {
  'global.crmSearch': startSearch,
  'crm.search': startSearch,
  'crm.open': async (s) => {
    const row = rowAtCursor(s);
    if (!row) return;
    if (row.kind === 'customer') {
      const pick = pickFor(s.view.get(), s.ui.get().crm);
      if (pick) {
        updateCrm(s, (c) => ({ ...c, picking: null }));
        if (await send(s, s.client.linkInteraction(pick.id, { customerId: row.id }), 'Linked: the log goes to this customer.'))
          await openPage(s, { kind: 'customer', id: row.id });
        return;
      }
      return pickCustomer(s, row.id);
    }
    if (row.kind === 'case') return openPage(s, { kind: 'case', id: row.id });
    if (row.kind === 'task') {
      const task = [...(s.ui.get().crm.tasks ?? []), ...(s.ui.get().crm.customer?.tasks ?? [])].find((t) => t.id === row.id);
      if (task?.caseId) return openPage(s, { kind: 'case', id: task.caseId });
      if (task?.customerId) return openPage(s, { kind: 'customer', id: task.customerId });
    }
  },
  'crm.back': (s) => {
    if (s.ui.get().crm.picking) updateCrm(s, (c) => ({ ...c, picking: null }));
    return backPage(s);
  },
  'crm.new': (s) => {
    const p = page(s);
    const w = pickFor(s.view.get(), s.ui.get().crm);
    if (p.kind === 'new' && w) return openForm(s, 'customer', { interactionId: w.id, edit: false }, prefillFromInteraction(w));
    if (p.kind === 'customer') return openForm(s, 'case', { customerId: p.id, edit: false });
    if (p.kind === 'tasks') return openForm(s, 'task', { edit: false });
    openForm(s, 'customer', { edit: false });
  },
  'crm.edit': (s) => {
    const c = s.ui.get().crm;
    if (c.page.kind === 'customer' && c.customer) return openForm(s, 'customer', { customerId: c.customer.id, edit: true }, customerFields(c.customer));
    if (c.page.kind === 'case' && c.kase) return openForm(s, 'case', { caseId: c.kase.id, edit: true }, caseFields(c.kase));
    error(s, 'Open a customer or a case to edit it.');
  },
  'crm.followUp': (s) => {
    const p = page(s);
    if (needs(s, 'case', 'case') && p.kind === 'case') openForm(s, 'followUp', { caseId: p.id, edit: false });
  },
  'crm.task': (s) => {
    const p = page(s);
    openForm(s, 'task', { edit: false, ...(p.kind === 'case' ? { caseId: p.id } : p.kind === 'customer' ? { customerId: p.id } : {}) });
  },
  'crm.tasks': (s) => {
    // A second press lists the done tasks too.
    const again = page(s).kind === 'tasks';
    updateCrm(s, (c) => ({ ...c, allTasks: again ? !c.allTasks : false }));
    return openPage(s, { kind: 'tasks' });
  },
  'crm.call': (s) => {
    const who = customerShown(s);
    if (!who) return error(s, 'Open a customer (or their case) to call them.');
    if (!who.phone) return error(s, `${who.name} has no phone number: e adds one.`);
    openDial(s, who.phone, { id: who.id, name: who.name });
  },
  'crm.toggle': async (s) => {
    const row = rowAtCursor(s);
    const c = s.ui.get().crm;
    if (row?.kind === 'task') {
      if (await send(s, s.client.updateTask(row.id, { done: !row.done }), row.done ? 'Task open again.' : 'Task done.')) await loadPage(s, c.page);
      return;
    }
    if (c.page.kind !== 'case' || !c.kase) return error(s, 'Select a task, or open a case to close it.');
    const status = c.kase.status === 'open' ? 'closed' : 'open';
    if (await send(s, s.client.updateCase(c.kase.id, { status }), `${c.kase.id} ${status === 'open' ? 'reopened' : 'closed'}.`)) await loadPage(s, c.page);
  },
  'crm.link': async (s) => {
    const u = s.ui.get();
    const w = selectedWork(s.view.get().work, u.work.selectedId);
    if (!w) return error(s, 'No interaction of yours to link.');
    const p = u.crm.page;
    const link = p.kind === 'case' ? { caseId: p.id } : p.kind === 'customer' ? { customerId: p.id } : undefined;
    if (!link) return error(s, 'Open the customer or the case this interaction is about.');
    await send(s, s.client.linkInteraction(w.id, link), `${w.customer.name ?? w.id}: the log goes to ${p.kind === 'case' ? p.id : 'this customer'}.`);
  },
  'crm.setCustomer': (s) => {
    const p = page(s);
    if (!needs(s, 'case', 'case') || p.kind !== 'case') return;
    updateCrm(s, (c) => ({ ...c, picking: { purpose: 'caseCustomer', caseId: p.id } }));
    startSearch(s);
    info(s, `Find the customer of ${p.id}, then Enter.`);
  },
  'crm.merge': async (s) => {
    const c = s.ui.get().crm;
    const dup = c.page.kind === 'customer' ? c.customer?.duplicates[0] : undefined;
    if (!c.customer || !dup) return error(s, 'No possible duplicate of this customer.');
    if (await send(s, s.client.mergeCustomers(c.customer.id, dup.id), `${dup.name} (${dup.id}) merged into this customer.`)) await loadPage(s, c.page);
  },
  'crm.refresh': (s) => loadPage(s, page(s)),

  'crmSearch.done': (s) => s.ui.update((u) => ({ ...u, text: null })),
  'crmSearch.cancel': (s) => {
    leaveText(s);
    updateCrm(s, (c) => ({ ...c, query: '', results: null, picking: null }));
    return search(s, '');
  },
} satisfies Record<string, Handler>;
