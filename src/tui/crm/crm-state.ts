// State of the CRM pane (UI only): which page it shows (search results, a
// customer, a case, my tasks, a pick among screen-pop matches), the records
// loaded for it (command results, sanitized at ingress like the view), the
// cursor, the way back, and which interactions have popped already.
import type { CaseView, CrmSearchResult, CustomerView, TaskRecord } from '../../protocol/index.js';

export type CrmPage =
  | { kind: 'search' }
  | { kind: 'customer'; id: string }
  | { kind: 'case'; id: string }
  | { kind: 'tasks' }
  /** Several customers match my interaction: the agent says which (crm_link). */
  | { kind: 'pick'; interactionId: string }
  /** Nobody matches my interaction: the new-record form, prefilled, is one key away. */
  | { kind: 'new'; interactionId: string };

/** Enter on a customer does this instead of opening it. */
export type CrmPicking =
  | { purpose: 'link'; interactionId: string }
  | { purpose: 'caseCustomer'; caseId: string };

export interface CrmUi {
  page: CrmPage;
  /** Pages Esc goes back to, the latest last. */
  back: readonly CrmPage[];
  query: string;
  results: CrmSearchResult | null;
  customer: CustomerView | null;
  kase: CaseView | null;
  tasks: readonly TaskRecord[] | null;
  /** Done tasks are listed too. */
  allTasks: boolean;
  cursor: number;
  picking: CrmPicking | null;
  /** The CRM shows in the split layout's shared place (a pop brings it; focusing Contacts hides it). */
  shown: boolean;
  /** What popped already per interaction: at accept, at wrap-up, the saved log. */
  popped: Readonly<Record<string, readonly ('accept' | 'wrapup')[]>>;
  /** The last automatic log popped (its interaction id). */
  loggedShown: string | null;
  /** Form drafts kept when a form is closed with Esc (reopening it brings them back). */
  drafts: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const INITIAL_CRM: CrmUi = {
  page: { kind: 'search' },
  back: [],
  query: '',
  results: null,
  customer: null,
  kase: null,
  tasks: null,
  allTasks: false,
  cursor: 0,
  picking: null,
  shown: false,
  popped: {},
  loggedShown: null,
  drafts: {},
};

const samePage = (a: CrmPage, b: CrmPage): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Shows `page` (the current one goes on the way back, unless it is the same). */
export function goTo(c: CrmUi, page: CrmPage): CrmUi {
  if (samePage(c.page, page)) return { ...c, shown: true };
  const back = [...c.back.filter((p) => !samePage(p, page)), c.page].slice(-20);
  return { ...c, page, back, cursor: 0, shown: true };
}

/** One page back (search is the bottom). */
export function goBack(c: CrmUi): CrmUi {
  const page = c.back.at(-1) ?? { kind: 'search' as const };
  return { ...c, page, back: c.back.slice(0, -1), cursor: 0 };
}

export const PAGE_TITLES: Record<CrmPage['kind'], string> = {
  search: 'Search',
  customer: 'Customer',
  case: 'Case',
  tasks: 'My tasks',
  pick: 'Whose call is it?',
  new: 'New customer',
};
