// Cursor keys for whatever list is on top: each screen names its list's
// length and cursor; the six list commands are the same everywhere.
import { historyCount } from '../history/actions.js';
import { CALL_LISTS } from '../call/actions.js';
import { CHAT_LIST_COUNTS } from '../chat/lists.js';
import { CRM_LIST_COUNTS, CRM_PANE_LISTS } from '../crm/lists.js';
import type { ConsoleServices } from '../context.js';
import { helpLines, paletteItems, quitItems, rejectItems, statusItems } from '../dialogs/items.js';
import type { ScreenId } from '../keymap.js';
import { clampCursor } from '../list-window.js';
import { contactsFor } from '../panes/contacts-state.js';
import { queuesFor } from '../panes/queues-state.js';
import { codeCount, codeCursorOf, selectedWork } from '../panes/work-state.js';
import { dispatch, screenOf, type Overlay } from '../ui-state.js';
import { appliesNow } from '../when.js';
import type { Handler } from './run.js';

/** Rows a page key moves; panes are rarely shorter than this at 80x24. */
export const PAGE = 10;

interface ListOwner {
  count(s: ConsoleServices): number;
  cursor(s: ConsoleServices): number;
  set(s: ConsoleServices, cursor: number, count: number): void;
}

const overlayCursor = (s: ConsoleServices): number => (s.ui.get().overlay as { cursor: number } | null)?.cursor ?? 0;
const setOverlayCursor = (s: ConsoleServices, cursor: number, count: number): void =>
  s.ui.update((u) => (u.overlay ? { ...u, overlay: { ...u.overlay, cursor: clampCursor(cursor, count) } as Overlay } : u));
const overlayList = (count: (s: ConsoleServices) => number): ListOwner => ({ count, cursor: overlayCursor, set: setOverlayCursor });

const contactsList: ListOwner = {
  count: (s) => contactsFor(s.view.get().contacts, s.ui.get().contacts).length,
  cursor: (s) => s.ui.get().contacts.cursor,
  set: (s, cursor, count) => dispatch(s.ui, 'contacts', { type: 'cursor', cursor, count }),
};

const OWNERS: Partial<Record<ScreenId, ListOwner>> = {
  interaction: {
    count: (s) => s.view.get().work.length,
    cursor: (s) => {
      const { work } = s.view.get();
      return Math.max(0, work.indexOf(selectedWork(work, s.ui.get().work.selectedId)!));
    },
    set: (s, cursor) => {
      const { work } = s.view.get();
      dispatch(s.ui, 'work', { type: 'select', id: work[clampCursor(cursor, work.length)]?.id ?? null });
    },
  },
  disposition: {
    count: (s) => codeCount(selectedWork(s.view.get().work, s.ui.get().work.selectedId)),
    cursor: (s) => codeCursorOf(s.ui.get().work, selectedWork(s.view.get().work, s.ui.get().work.selectedId)?.id),
    set: (s, cursor, count) => {
      const id = selectedWork(s.view.get().work, s.ui.get().work.selectedId)?.id;
      if (id) dispatch(s.ui, 'work', { type: 'codeCursor', id, cursor, count });
    },
  },
  queues: {
    count: (s) => queuesFor(s.view.get().queues, s.ui.get().queues).length,
    cursor: (s) => s.ui.get().queues.cursor,
    set: (s, cursor, count) => dispatch(s.ui, 'queues', { type: 'cursor', cursor, count }),
  },
  contacts: contactsList,
  search: contactsList,
  help: overlayList((s) => helpLines(s.keymap).length),
  palette: overlayList((s) => {
    const o = s.ui.get().overlay;
    return o?.kind === 'palette' ? paletteItems(s.keymap, o.query, appliesNow(s)).length : 0;
  }),
  status: overlayList((s) => {
    const o = s.ui.get().overlay;
    return o?.kind === 'status' ? statusItems(s.view.get(), o).length : 0;
  }),
  quit: overlayList((s) => quitItems(s.view.get()).length),
  rejectOffer: overlayList((s) => {
    const o = s.ui.get().overlay;
    return o?.kind === 'rejectOffer' ? rejectItems(s.view.get(), o.offerId).length : 0;
  }),
  ...CALL_LISTS,
  faq: overlayList(CHAT_LIST_COUNTS.faq),
  chatTransfer: overlayList(CHAT_LIST_COUNTS.chatTransfer),
  ...CRM_PANE_LISTS,
  crmForm: overlayList(CRM_LIST_COUNTS.crmForm),
  directory: overlayList(CRM_LIST_COUNTS.directory),
  history: overlayList(historyCount),
  notices: {
    count: (s) => s.view.get().notices.length,
    cursor: (s) => s.ui.get().notices.cursor,
    set: (s, cursor, count) => s.ui.update((u) => ({ ...u, notices: { cursor: clampCursor(cursor, count) } })),
  },
};

const move = (to: (cursor: number, count: number) => number): Handler => (s) => {
  const owner = OWNERS[screenOf(s.ui.get())];
  if (!owner) return;
  const count = owner.count(s);
  owner.set(s, to(clampCursor(owner.cursor(s), count), count), count);
};

export const listActions = {
  'list.up': move((c) => c - 1),
  'list.down': move((c) => c + 1),
  'list.pageUp': move((c) => c - PAGE),
  'list.pageDown': move((c) => c + PAGE),
  'list.top': move(() => 0),
  'list.bottom': move((_c, n) => n - 1),
} satisfies Record<string, Handler>;
