// Contacts pane state: tab, filters, search text, favourites and recents (in
// memory; the console reports favourite changes so a caller can persist them).
import type { ContactView, Status } from '../../protocol/index.js';
import { STATUS_LABELS, STATUS_ORDER } from '../labels.js';
import { clampCursor } from '../list-window.js';
import { memoLast } from '../memo.js';

export const CONTACT_TABS = [
  { id: 'all', title: 'All' },
  { id: 'recent', title: 'Recent' },
  { id: 'favourites', title: 'Favourites' },
] as const;
export type ContactTab = (typeof CONTACT_TABS)[number]['id'];

export interface ContactsUi {
  cursor: number;
  tab: ContactTab;
  group: string | null;
  status: Status | null;
  query: string;
  favourites: readonly string[];
  /** Most recent first. */
  recent: readonly string[];
}

export const MAX_RECENT = 20;

export const initialContacts = (favourites: readonly string[] = []): ContactsUi => ({
  cursor: 0, tab: 'all', group: null, status: null, query: '', favourites, recent: [],
});

export type ContactsAction =
  | { type: 'cursor'; cursor: number; count: number }
  | { type: 'tab'; delta: 1 | -1 }
  | { type: 'group'; groups: readonly string[] }
  | { type: 'status' }
  | { type: 'query'; query: string }
  | { type: 'clear' }
  | { type: 'favourite'; id: string }
  | { type: 'open'; id: string };

/** Next value of a cycle that starts and ends with "no filter" (null). */
function cycle<T>(values: readonly T[], current: T | null): T | null {
  const i = current === null ? -1 : values.indexOf(current);
  return i + 1 < values.length ? values[i + 1]! : null;
}

export function reduceContacts(s: ContactsUi, a: ContactsAction): ContactsUi {
  switch (a.type) {
    case 'cursor':
      return { ...s, cursor: clampCursor(a.cursor, a.count) };
    case 'tab': {
      const i = CONTACT_TABS.findIndex((t) => t.id === s.tab);
      const n = CONTACT_TABS.length;
      return { ...s, tab: CONTACT_TABS[(i + a.delta + n) % n]!.id, cursor: 0 };
    }
    case 'group':
      return { ...s, group: cycle(a.groups, s.group), cursor: 0 };
    case 'status':
      return { ...s, status: cycle(STATUS_ORDER, s.status), cursor: 0 };
    case 'query':
      return { ...s, query: a.query, cursor: 0 };
    case 'clear':
      return { ...s, group: null, status: null, query: '', cursor: 0 };
    case 'favourite':
      return {
        ...s,
        favourites: s.favourites.includes(a.id) ? s.favourites.filter((f) => f !== a.id) : [...s.favourites, a.id],
      };
    case 'open':
      return { ...s, recent: [a.id, ...s.recent.filter((r) => r !== a.id)].slice(0, MAX_RECENT) };
  }
}

const byName = (a: ContactView, b: ContactView): number => a.displayName.localeCompare(b.displayName);

function matches(c: ContactView, q: string): boolean {
  if (q === '') return true;
  const hay = `${c.displayName}\n${c.group}\n${STATUS_LABELS[c.status]}\n${c.role}`.toLowerCase();
  return hay.includes(q.toLowerCase());
}

/** The contacts the pane lists: tab, filters and search applied, in display order. */
export const visibleContacts = memoLast(
  (contacts: readonly ContactView[], tab: ContactTab, group: string | null, status: Status | null,
    query: string, favourites: readonly string[], recent: readonly string[]): readonly ContactView[] => {
    let list: ContactView[];
    if (tab === 'recent') {
      const byId = new Map(contacts.map((c) => [c.id, c]));
      list = recent.flatMap((id) => byId.get(id) ?? []);
    } else {
      list = contacts.filter((c) => tab === 'all' || favourites.includes(c.id)).sort(byName);
    }
    return list.filter((c) => (group === null || c.group === group) && (status === null || c.status === status) && matches(c, query));
  },
);

export const contactsFor = (contacts: readonly ContactView[], s: ContactsUi): readonly ContactView[] =>
  visibleContacts(contacts, s.tab, s.group, s.status, s.query, s.favourites, s.recent);

/** Distinct groups, sorted: the values the group filter cycles through. */
export const contactGroups = memoLast((contacts: readonly ContactView[]): readonly string[] =>
  [...new Set(contacts.map((c) => c.group))].sort());


/** The contact under the pane's cursor. */
export const contactUnderCursor = (contacts: readonly ContactView[], s: ContactsUi): ContactView | undefined => {
  const list = contactsFor(contacts, s);
  return list[clampCursor(s.cursor, list.length)];
};

/** The colleague whose chat tab is shown (`agentTab`), if they are among my contacts. */
export const chatColleague = (contacts: readonly ContactView[], agentTab: string | null): ContactView | undefined =>
  agentTab === null ? undefined : contacts.find((c) => c.id === agentTab);
