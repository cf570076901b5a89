// The chat dialogs' commands: FAQ search (insert as text or link, add, edit,
// delete), the FAQ entry form, and the transfer dialog with its confirm step
// and the second confirm after an UNSTAFFED warning.
import { error, info, send, type Handler } from '../actions/run.js';
import type { ConsoleServices } from '../context.js';
import { clampCursor } from '../list-window.js';
import { safeErrorMessage } from '../safe-view.js';
import { markUnstaffed, unstaffedWarning } from '../transfer-targets.js';
import type { Overlay } from '../ui-state.js';
import { insertIntoDraft } from './chat-actions.js';
import { faqInsertText, faqMatches } from './faq.js';
import { transferQueues } from './lists.js';
import { FAQ_FIELDS, type ChatOverlay, type FaqFields } from './overlays.js';

type Of<K extends ChatOverlay['kind']> = Extract<ChatOverlay, { kind: K }>;

const close = (s: ConsoleServices): void => s.ui.update((u) => ({ ...u, overlay: null }));
const setOverlay = (s: ConsoleServices, o: Overlay): void => s.ui.update((u) => ({ ...u, overlay: o }));

const faqOverlay = (s: ConsoleServices): Of<'faq'> | null => {
  const o = s.ui.get().overlay;
  return o?.kind === 'faq' ? o : null;
};

function faqAtCursor(s: ConsoleServices, o: Of<'faq'>) {
  const list = faqMatches(s.view.get().faq, o.query);
  return list[clampCursor(o.cursor, list.length)];
}

function insertFaq(s: ConsoleServices, o: Of<'faq'>, asLink: boolean): void {
  const entry = faqAtCursor(s, o);
  if (!entry) return error(s, 'No FAQ entry matches.');
  if (!o.target) return error(s, 'Open a chat first to insert an answer.');
  const { text, link } = faqInsertText(entry, s.view.get().faqBaseUrl, asLink);
  close(s);
  insertIntoDraft(s, o.target, text);
  if (link && !asLink) info(s, 'This answer has formatting chat cannot carry: inserted as a link.');
}

const canEdit = (s: ConsoleServices): boolean => s.view.get().self?.permissions.includes('editFaq') ?? false;

function editForm(s: ConsoleServices, o: Of<'faq'>, isNew: boolean): void {
  if (!canEdit(s)) return error(s, 'You do not have the permission to edit the FAQ.');
  const entry = isNew ? undefined : faqAtCursor(s, o);
  if (!isNew && !entry) return error(s, 'No FAQ entry selected.');
  const fields: FaqFields = entry
    ? { title: entry.title, shortcut: entry.shortcut ?? '', category: entry.category, body: entry.body }
    : { title: '', shortcut: '', category: 'General', body: '' };
  const id = entry?.id ?? `faq-${Date.now().toString(36)}`;
  setOverlay(s, { kind: 'faqEdit', id, isNew, fields, field: 0, cursor: 0, target: o.target });
}

const backToSearch = (s: ConsoleServices, o: Of<'faqEdit'>): void =>
  setOverlay(s, { kind: 'faq', query: '', cursor: 0, target: o.target, confirmDelete: null });

async function saveEntry(s: ConsoleServices, o: Of<'faqEdit'>): Promise<void> {
  const f = o.fields;
  if (f.title.trim() === '' || f.body.trim() === '') return error(s, 'An FAQ entry needs a title and a body.');
  const old = s.view.get().faq.find((x) => x.id === o.id);
  const entry = {
    id: o.id, title: f.title.trim(), body: f.body, category: f.category.trim() || 'General',
    ...(f.shortcut.trim() ? { shortcut: f.shortcut.trim() } : {}),
    ...(old?.link ? { link: old.link } : {}),
  };
  if (await send(s, s.client.saveFaq(entry), 'FAQ entry saved.')) backToSearch(s, o);
}

const stepField = (delta: 1 | -1): Handler => (s) => {
  const o = s.ui.get().overlay;
  if (o?.kind !== 'faqEdit') return;
  setOverlay(s, { ...o, field: (o.field + delta + FAQ_FIELDS.length) % FAQ_FIELDS.length });
};

async function transfer(s: ConsoleServices, o: Of<'chatTransfer'>, force: boolean): Promise<void> {
  const q = o.queues?.find((x) => x.id === o.queueId);
  if (!q) return;
  let r;
  try {
    r = await s.client.transferChat(o.interactionId, q.id, force);
  } catch (e) {
    r = { ok: false as const, error: { code: 'SERVER_ERROR' as const, message: (e as Error).message } };
  }
  if (r.ok) {
    close(s);
    s.ui.update((u) => ({ ...u, text: u.text === 'compose' ? null : u.text }));
    return info(s, `Chat transferred to ${q.name}.`);
  }
  if (r.error.code === 'UNSTAFFED' && !force) return setOverlay(s, { ...o, queues: markUnstaffed(o.queues, q.id), step: 'unstaffed', warning: safeErrorMessage(r.error) });
  setOverlay(s, { ...o, step: 'pick', warning: null });
  error(s, safeErrorMessage(r.error));
}

/** Enter in each chat dialog. */
export const chatDialogSelect: { [K in ChatOverlay['kind']]: (s: ConsoleServices, o: Of<K>) => void | Promise<void> } = {
  faq: (s, o) => insertFaq(s, o, false),
  faqEdit: (s, o) => (o.field === FAQ_FIELDS.length - 1 ? saveEntry(s, o) : setOverlay(s, { ...o, field: o.field + 1 })),
  chatTransfer: (s, o) => {
    if (!o.queues) return;
    if (o.step === 'pick') {
      const shown = transferQueues(o);
      const q = shown[clampCursor(o.cursor, shown.length)];
      if (!q) return;
      // Known unstaffed (nobody but me could take it): warn now, before the engine would.
      const warning = unstaffedWarning(q, 'chat', s.view.get().self?.permissions.includes('transferToUnstaffedQueues') ?? false);
      setOverlay(s, { ...o, step: warning ? 'unstaffed' : 'confirm', queueId: q.id, warning });
      return;
    }
    return transfer(s, o, o.step === 'unstaffed');
  },
};

/** Esc in each chat dialog: one step back. */
export const chatDialogBack: { [K in ChatOverlay['kind']]: (s: ConsoleServices, o: Of<K>) => void } = {
  faq: (s, o) => (o.confirmDelete ? setOverlay(s, { ...o, confirmDelete: null }) : close(s)),
  faqEdit: backToSearch,
  chatTransfer: (s, o) => (o.step === 'pick' ? close(s) : setOverlay(s, { ...o, step: 'pick', queueId: null, warning: null })),
};

export const faqActions = {
  'faq.insertLink': (s) => { const o = faqOverlay(s); if (o) insertFaq(s, o, true); },
  'faq.new': (s) => { const o = faqOverlay(s); if (o) editForm(s, o, true); },
  'faq.edit': (s) => { const o = faqOverlay(s); if (o) editForm(s, o, false); },
  'faq.delete': async (s) => {
    const o = faqOverlay(s);
    if (!o) return;
    if (!canEdit(s)) return error(s, 'You do not have the permission to edit the FAQ.');
    const entry = faqAtCursor(s, o);
    if (!entry) return;
    if (o.confirmDelete !== entry.id) {
      setOverlay(s, { ...o, confirmDelete: entry.id });
      return info(s, `Press Ctrl-D again to delete "${entry.title}".`);
    }
    setOverlay(s, { ...o, confirmDelete: null, cursor: Math.max(0, o.cursor - 1) });
    await send(s, s.client.deleteFaq(entry.id), 'FAQ entry deleted.');
  },
  'faqEdit.save': (s) => { const o = s.ui.get().overlay; if (o?.kind === 'faqEdit') return saveEntry(s, o); },
  'faqEdit.next': stepField(1),
  'faqEdit.prev': stepField(-1),
  'faqEdit.newline': (s) => {
    const o = s.ui.get().overlay;
    if (o?.kind === 'faqEdit' && FAQ_FIELDS[o.field] === 'body') setOverlay(s, { ...o, fields: { ...o.fields, body: `${o.fields.body}\n` } });
  },
} satisfies Record<string, Handler>;
