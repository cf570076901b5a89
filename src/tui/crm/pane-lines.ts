// The CRM pane's text, as lines: a header pinned at the top (the record, the
// search field) and a body of rows (results, cases, a case's history, tasks)
// whose lines scroll with the cursor. A pure function of the view and the
// pane's state, so the pane only draws it and tests read it.
import type { CaseView, CustomerView, DateFormat, FollowUpRecord, InteractionView } from '../../protocol/index.js';
import { whenLabel } from '../format.js';
import { clampCursor } from '../list-window.js';
import { wrapToWidth } from '../text/wrap.js';
import type { Role } from '../theme.js';
import type { CrmUi } from './crm-state.js';
import { fieldsOf, prefillFromInteraction } from './forms.js';
import { crmRows, pickFor, type CrmRow } from './items.js';

export interface PaneLine {
  text: string;
  role?: Role;
  /** The row this line belongs to (body lines only). */
  row?: number;
}

export interface PaneText {
  header: PaneLine[];
  body: PaneLine[];
  /** Shown when the body is empty. */
  empty?: string;
}

export interface PaneContext {
  width: number;
  now: number;
  /** The agent's date format (every date shown goes through whenLabel/dayLabel with it). */
  dateFormat: DateFormat;
  /** Agent id → display name (me and the colleagues I see). */
  names: ReadonlyMap<string, string>;
  searching: boolean;
  /** Key labels for the hints written in the pane. */
  keys: { search: string; new: string; pick: string };
}

const joined = (parts: (string | undefined)[], sep = ' · '): string => parts.filter(Boolean).join(sep);

function customerHeader(c: CustomerView, ctx: PaneContext): PaneLine[] {
  const name = joined([c.firstName, c.lastName], ' ') || c.company || c.id;
  const lines: PaneLine[] = [
    { text: joined([name, c.firstName || c.lastName ? c.company : undefined, c.id]), role: 'title' },
    { text: joined([...c.phones.map((p) => `☎ ${p}`), ...c.emails.map((e) => `✉ ${e}`), c.account ? `acct ${c.account}` : undefined]) || 'No phone or email.', role: 'muted' },
  ];
  if (c.address) lines.push({ text: c.address.replace(/\s*\n\s*/g, ', '), role: 'muted' });
  if (c.notes) lines.push(...wrapToWidth(c.notes, ctx.width).slice(0, 2).map((text) => ({ text })));
  for (const d of c.duplicates) lines.push({ text: `Possible duplicate: ${d.name} (${d.id}) — m merges it into this one`, role: 'warning' });
  return lines;
}

function caseHeader(k: CaseView, ctx: PaneContext): PaneLine[] {
  const owner = k.ownerId ? (ctx.names.get(k.ownerId) ?? k.ownerId) : undefined;
  return [
    { text: joined([k.id, k.subject, k.status]), role: k.status === 'open' ? 'title' : 'muted' },
    {
      text: joined([k.customer ? `${k.customer.name} (${k.customer.id})` : 'No customer yet — u gives it one', owner ? `owner ${owner}` : undefined, `opened ${whenLabel(k.createdAt, ctx.now, ctx.dateFormat)}`]),
      role: k.customer ? 'muted' : 'warning',
    },
  ];
}

/** A follow-up as lines: who, when, how; then its text (a selected one whole, the others cut). */
function followUpLines(f: FollowUpRecord, selected: boolean, ctx: PaneContext): string[] {
  const who = f.agentId ? (ctx.names.get(f.agentId) ?? f.agentId) : 'CRM';
  const head = joined([whenLabel(f.at, ctx.now, ctx.dateFormat), who, f.log ? `${f.channel} log` : f.channel, f.direction === 'internal' ? undefined : f.direction]);
  const text = wrapToWidth(f.text, Math.max(1, ctx.width - 2)).map((l) => `  ${l}`);
  return [head, ...(selected ? text : text.slice(0, 3))];
}

function rowLines(row: CrmRow, selected: boolean, ctx: PaneContext): string[] {
  if (row.kind === 'followUp') return followUpLines(row.followUp, selected, ctx);
  return [`${row.label}${row.right ? `  ${row.right}` : ''}`];
}

/** An unknown customer's page: what the form will be prefilled with. */
function newHeader(w: InteractionView | undefined, ctx: PaneContext): PaneLine[] {
  if (!w) return [{ text: 'This interaction is no longer yours.', role: 'muted' }];
  const prefill = prefillFromInteraction(w);
  const known = fieldsOf('customer').filter((f) => prefill[f.id]).map((f) => ({ text: `  ${f.label}: ${prefill[f.id]}` }));
  return [
    { text: `${w.customer.name ?? w.customer.phone ?? w.id} is not in the CRM.`, role: 'warning' },
    { text: `${ctx.keys.new} opens the new-customer form with what is known; ${ctx.keys.search} searches (then l links).`, role: 'muted' },
    ...known,
  ];
}

function pickHeader(w: InteractionView | undefined): PaneLine[] {
  if (!w) return [{ text: 'This interaction is no longer yours.', role: 'muted' }];
  const who = w.customer.name ?? w.customer.phone ?? w.customer.email ?? w.id;
  return [{ text: `${who}: several customers match. Enter links the one this is (its log goes there).`, role: 'warning' }];
}

/** Section labels between the rows of a page: "Cases", "Tasks"… */
function label(row: CrmRow, previous: CrmRow | undefined): string | undefined {
  if (previous?.kind === row.kind) return undefined;
  return { customer: 'Customers', case: 'Cases', task: 'Tasks', followUp: 'History' }[row.kind];
}

export function paneText(v: { work: readonly InteractionView[] }, c: CrmUi, ctx: PaneContext): PaneText {
  const header: PaneLine[] = [];
  const picking = c.picking?.purpose === 'caseCustomer' ? `Pick the customer of ${c.picking.caseId}: search, then Enter.` : undefined;
  switch (c.page.kind) {
    case 'search':
      header.push({ text: `/ ${c.query}${ctx.searching ? '▌' : ''}`, role: ctx.searching ? 'accent' : undefined });
      if (picking) header.push({ text: picking, role: 'warning' });
      break;
    case 'customer':
      if (c.customer?.id === c.page.id) header.push(...customerHeader(c.customer, ctx));
      break;
    case 'case':
      if (c.kase?.id === c.page.id) header.push(...caseHeader(c.kase, ctx));
      break;
    case 'tasks':
      header.push({ text: c.allTasks ? 'All my tasks (done ones last)' : 'My open tasks', role: 'title' });
      break;
    case 'pick':
      header.push(...pickHeader(pickFor(v, c)));
      break;
    case 'new':
      header.push(...newHeader(pickFor(v, c), ctx));
      break;
  }
  const rows = crmRows(v, c);
  const cursor = clampCursor(c.cursor, rows.length);
  const body: PaneLine[] = [];
  rows.forEach((row, i) => {
    const section = label(row, rows[i - 1]);
    if (section && c.page.kind !== 'tasks') body.push({ text: section, role: 'muted' });
    for (const text of rowLines(row, i === cursor, ctx)) body.push({ text, row: i, ...(row.kind === 'task' && row.done ? { role: 'muted' as const } : {}) });
  });
  if (c.page.kind === 'search' && c.results?.more) body.push({ text: 'More match: type more to narrow.', role: 'muted' });
  const empty =
    c.page.kind === 'search'
      ? c.query.trim() === '' ? `${ctx.keys.search} searches customers and cases; ${ctx.keys.new} adds a customer.` : c.results ? 'Nothing matches.' : 'Searching…'
      : c.page.kind === 'tasks' ? (c.tasks ? 'No tasks.' : 'Loading…')
        : (c.page.kind === 'customer' && c.customer?.id !== c.page.id) || (c.page.kind === 'case' && c.kase?.id !== c.page.id) ? 'Loading…'
          : c.page.kind === 'new' ? undefined : c.page.kind === 'case' ? 'No follow-ups or tasks yet.' : 'No cases or tasks yet.';
  return { header, body, empty };
}

/** Which body lines to show in `height` rows: the cursor's row whole if it fits. */
export function bodyWindow(body: readonly PaneLine[], cursorRow: number, height: number): { start: number; end: number } {
  const h = Math.max(0, height);
  if (body.length <= h) return { start: 0, end: body.length };
  const first = body.findIndex((l) => l.row === cursorRow);
  if (first < 0) return { start: 0, end: h };
  let last = first;
  while (last + 1 < body.length && body[last + 1]!.row === cursorRow) last++;
  // A label just above the row stays with it.
  const top = first > 0 && body[first - 1]!.row === undefined ? first - 1 : first;
  let start = Math.max(0, top - Math.floor(h / 3));
  if (last >= start + h) start = Math.max(top, last - h + 1);
  start = Math.min(start, body.length - h);
  return { start, end: start + h };
}
