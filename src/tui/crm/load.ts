// Loading the CRM pane's pages: each page's records come from a query (a
// command result, sanitized at ingress by safeClient), stored in the pane's
// state. A page opened twice loads once more (records change under us: a log
// just saved, a colleague's edit).
import type { CommandResult } from '../../client/index.js';
import { error } from '../actions/run.js';
import type { ConsoleServices } from '../context.js';
import { safeErrorMessage } from '../safe-view.js';
import { goBack, goTo, type CrmPage, type CrmUi } from './crm-state.js';

export const updateCrm = (s: ConsoleServices, f: (c: CrmUi) => CrmUi): void =>
  s.ui.update((u) => {
    const next = f(u.crm);
    return next === u.crm ? u : { ...u, crm: next };
  });

async function ask(s: ConsoleServices, request: Promise<CommandResult>): Promise<Extract<CommandResult, { ok: true }> | undefined> {
  let r: CommandResult;
  try {
    r = await request;
  } catch (e) {
    r = { ok: false, error: { code: 'SERVER_ERROR', message: (e as Error).message } };
  }
  if (r.ok) return r;
  error(s, safeErrorMessage(r.error));
  return undefined;
}

const isPage = (c: CrmUi, page: CrmPage): boolean => JSON.stringify(c.page) === JSON.stringify(page);

/** Loads what a page shows (search results, a record, my tasks); a page left meanwhile is not overwritten. */
export async function loadPage(s: ConsoleServices, page: CrmPage): Promise<void> {
  switch (page.kind) {
    case 'customer': {
      const r = await ask(s, s.client.crmCustomer(page.id));
      // A merged customer's id leads to the one that lives on: the page follows it.
      if (r?.customer) updateCrm(s, (c) => (isPage(c, page) ? { ...c, page: { kind: 'customer', id: r.customer!.id }, customer: r.customer! } : c));
      return;
    }
    case 'case': {
      const r = await ask(s, s.client.crmCase(page.id));
      if (r?.case) updateCrm(s, (c) => (isPage(c, page) ? { ...c, kase: r.case! } : c));
      return;
    }
    case 'tasks': {
      const r = await ask(s, s.client.crmTasks(s.ui.get().crm.allTasks));
      if (r?.tasks) updateCrm(s, (c) => (isPage(c, page) ? { ...c, tasks: r.tasks! } : c));
      return;
    }
    case 'search':
      return search(s, s.ui.get().crm.query);
    case 'pick':
    case 'new':
      return; // what they show is in the interaction's view
  }
}

/** Shows a page of the CRM pane (its data loads in the background) and brings the pane forward in the split layout. */
export function openPage(s: ConsoleServices, page: CrmPage): Promise<void> {
  updateCrm(s, (c) => goTo(c, page));
  return loadPage(s, page);
}

export function backPage(s: ConsoleServices): Promise<void> {
  updateCrm(s, goBack);
  return loadPage(s, s.ui.get().crm.page);
}

/** Searches for `query` (empty: no results); an answer to an older query is dropped. */
export async function search(s: ConsoleServices, query: string): Promise<void> {
  if (query.trim() === '') return updateCrm(s, (c) => ({ ...c, results: null }));
  const r = await ask(s, s.client.crmSearch(query));
  if (r?.search) updateCrm(s, (c) => (c.query === query ? { ...c, results: r.search!, cursor: 0 } : c));
}
