// Linear mode's side of the agent's own moves: where the focus went and what
// is under the cursor, the text field being typed in, the message line, the
// help. Dialogs built on ListDialog say themselves (use-linear-dialog.ts).
// Pure: the previous and next console state (and the view) in, sentences out.
import { STATUS_LABELS } from '../labels.js';
import { clampCursor } from '../list-window.js';
import { chatTabs } from '../chat/chat-state.js';
import { PAGE_TITLES } from '../crm/crm-state.js';
import { crmRows, type CrmRow } from '../crm/items.js';
import { helpSections, keysLabel, type Keymap } from '../keymap.js';
import { PANES, type PaneId } from '../pane-ids.js';
import { contactsFor } from '../panes/contacts-state.js';
import { queuesFor } from '../panes/queues-state.js';
import { codeCursorOf, codeRows, selectedWork } from '../panes/work-state.js';
import type { SafeView } from '../safe-view.js';
import type { UiState } from '../ui-state.js';
import type { Field } from './sink.js';
import { interactionWords, offerWords, type NewsContext } from './view-news.js';

const of = (cursor: number, n: number): string => `${cursor + 1} of ${n}`;

/** A CRM row in words: a record's label and details, or a follow-up's channel and text. */
const crmRowWords = (r: CrmRow): string =>
  r.kind === 'followUp' ? `${r.followUp.channel} ${r.followUp.direction}: ${r.followUp.text.replace(/\s+/g, ' ')}` : `${r.label}, ${r.right}`;

/** The row under each pane's cursor, said in words ('' when the pane is empty). */
const ROWS: Record<PaneId, (v: SafeView, u: UiState, c: NewsContext) => string> = {
  interaction: (v, u, c) => {
    if (v.offer) return offerWords(v.offer, c);
    const w = selectedWork(v.work, u.work.selectedId);
    return w ? `${w.phase === 'wrapup' ? 'Wrap-up' : 'In progress'}: ${interactionWords(w)}.` : 'No interaction in progress.';
  },
  disposition: (v, u) => {
    const w = selectedWork(v.work, u.work.selectedId);
    const codes = codeRows(w).filter((r) => r.kind === 'code');
    if (!w || codes.length === 0) return 'No codes to choose.';
    const r = codes[clampCursor(codeCursorOf(u.work, w.id), codes.length)]!;
    return `${r.code.label}, ${r.chosen ? 'chosen' : 'not chosen'}, in ${r.list.name}${r.list.mandatory ? ' (required)' : ''}, ${of(r.item, codes.length)}.`;
  },
  queues: (v, u) => {
    const list = queuesFor(v.queues, u.queues);
    if (list.length === 0) return 'No queue.';
    const i = clampCursor(u.queues.cursor, list.length);
    const q = list[i]!;
    const state = q.relation === 'supervisor' ? 'supervised' : q.enabled ? 'enabled' : 'disabled';
    return `${q.name}, ${state}, ${q.stats.available} available, ${q.stats.waiting} waiting, ${of(i, list.length)}.`;
  },
  contacts: (v, u) => {
    const list = contactsFor(v.contacts, u.contacts);
    if (list.length === 0) return 'No contact matches.';
    const i = clampCursor(u.contacts.cursor, list.length);
    const x = list[i]!;
    return `${x.displayName}, ${STATUS_LABELS[x.status]}, ${x.role}${u.contacts.favourites.includes(x.id) ? ', favourite' : ''}, ${of(i, list.length)}.`;
  },
  crm: (v, u) => {
    const title = PAGE_TITLES[u.crm.page.kind];
    const rows = crmRows(v, u.crm);
    if (rows.length === 0) return `${title}: nothing listed.`;
    const i = clampCursor(u.crm.cursor, rows.length);
    return `${title}: ${crmRowWords(rows[i]!)}, ${of(i, rows.length)}.`;
  },
  notices: (v, u) => {
    if (v.notices.length === 0) return 'No notices.';
    const i = clampCursor(u.notices.cursor, v.notices.length);
    const n = v.notices[i]!;
    return `${n.read ? '' : 'Unread. '}${n.platform ? 'Platform' : (n.fromName ?? 'Someone')}: ${n.text.replace(/\s+/g, ' ')} ${of(i, v.notices.length)}.`;
  },
};

const paneTitle = (id: PaneId): string => PANES.find((p) => p.id === id)!.title;

/** The row under the focused pane's cursor. */
export const paneRow = (v: SafeView, u: UiState, c: NewsContext): string => ROWS[u.focus](v, u, c);

/** The text field being typed in (not under a dialog), or null. */
export function fieldOf(v: SafeView, u: UiState, keymap: Keymap): Field | null {
  if (u.overlay || !u.text) return null;
  switch (u.text) {
    case 'compose': {
      const key = u.chat.composeKey;
      const tab = key === null ? undefined : chatTabs(v, u.chat).find((t) => t.key === key);
      return { prompt: `To ${tab?.label ?? 'chat'} (${keysLabel(keymap, 'compose.send')} sends, ${keysLabel(keymap, 'compose.done')} stops): `, text: (key && u.chat.drafts[key]) ?? '' };
    }
    case 'notes':
      return { prompt: `Notes (${keysLabel(keymap, 'notes.done')} saves and stops): `, text: u.work.draft?.text ?? '' };
    case 'search':
      return { prompt: 'Search contacts: ', text: u.contacts.query };
    case 'crmSearch':
      return { prompt: 'Search the CRM: ', text: u.crm.query };
  }
}

/** Every key, as the `?` overlay lists them. */
export function helpLines(keymap: Keymap): string[] {
  return helpSections(keymap).flatMap((s) => [`${s.title}:`, ...s.rows.map((r) => `  ${r.keys || '(palette)'}: ${r.title}. ${r.description}`)]);
}

/** What the agent's last move changed, in words. */
export function uiNews(prev: UiState, next: UiState, v: SafeView, keymap: Keymap, c: NewsContext): string[] {
  const out: string[] = [];
  if (next.message && next.message !== prev.message) out.push(`${next.message.kind === 'error' ? 'Error: ' : ''}${next.message.text}`);
  if (next.overlay?.kind === 'help' && prev.overlay?.kind !== 'help') out.push(...helpLines(keymap), `${keysLabel(keymap, 'help.close')}: close the help.`);
  if (next.overlay || next.text) return out;
  // Back on a pane (focus moved, a dialog or a field closed), or the cursor moved in it.
  if (prev.focus !== next.focus || prev.overlay || prev.text) out.push(`${paneTitle(next.focus)}: ${paneRow(v, next, c)}`);
  else {
    const row = paneRow(v, next, c);
    if (row !== paneRow(v, prev, c)) out.push(row);
  }
  return out;
}

/** Where things stand (at start, and on Ctrl-L): who and in which status, the offer, the work, unread notices. */
export function summaryLines(v: SafeView, keymap: Keymap, c: NewsContext): string[] {
  const out: string[] = [];
  if (v.self) out.push(`${v.self.displayName}: ${STATUS_LABELS[v.self.status]}.`);
  if (v.offer) out.push(offerWords(v.offer, c));
  for (const w of v.work) out.push(`${w.phase === 'wrapup' ? 'Wrap-up' : 'In progress'}: ${interactionWords(w)}.`);
  const unread = v.notices.filter((n) => !n.read).length;
  if (unread) out.push(`${unread} unread notice${unread > 1 ? 's' : ''}.`);
  out.push(`${keysLabel(keymap, 'global.help')}: every key. ${keysLabel(keymap, 'terminal.repaint')}: where things stand. ${keysLabel(keymap, 'global.quit')}: quit.`);
  return out;
}
