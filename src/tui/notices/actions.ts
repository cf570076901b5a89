// Notice commands: open the compose dialog, cycle its priority, pick its groups,
// send; read a notice whole; acknowledge a pop-up. Everything goes through the
// client; the engine refuses what is not allowed (a group I may not address).
import { MAX_NOTICE_TEXT, NOTICE_PRIORITIES, type NoticePriority } from '../../protocol/index.js';
import { error, info, type Handler } from '../actions/run.js';
import { leaveText } from '../actions/focus.js';
import { toolOffNow } from '../chat/colleague-reach.js';
import type { ConsoleServices } from '../context.js';
import { keysLabel } from '../keymap.js';
import { clampCursor } from '../list-window.js';
import { safeErrorMessage } from '../safe-view.js';
import type { Overlay, UiState } from '../ui-state.js';
import type { NoticeOverlay } from './overlays.js';

type Kind = NoticeOverlay['kind'];
type OverlayOf<K extends Kind> = Extract<NoticeOverlay, { kind: K }>;

const close = (s: ConsoleServices): void => s.ui.update((u) => ({ ...u, overlay: null }));
function patch<K extends Kind>(s: ConsoleServices, kind: K, f: (o: OverlayOf<K>) => Partial<OverlayOf<K>>): void {
  s.ui.update((u) => (u.overlay?.kind === kind ? { ...u, overlay: { ...u.overlay, ...f(u.overlay as OverlayOf<K>) } as Overlay } : u));
}

type Groups = readonly { id: string; name: string }[];

/** The chosen recipients in words: "All my groups (…)", or their names. */
export function recipientsLabel(all: Groups, chosen: readonly string[]): string {
  if (all.length <= 1) return all[0]?.name ?? 'My group';
  if (chosen.length === all.length) return `All my groups (${all.map((g) => g.name).join(', ')})`;
  if (!chosen.length) return 'nobody yet';
  return all.filter((g) => chosen.includes(g.id)).map((g) => g.name).join(', ');
}

/** Adds or removes a group, keeping the groups' own order. */
const toggled = (all: Groups, chosen: readonly string[], id: string): string[] =>
  all.map((g) => g.id).filter((g) => (g === id ? !chosen.includes(g) : chosen.includes(g)));

const nextOf = <T,>(list: readonly T[], current: T): T => list[(list.indexOf(current) + 1) % list.length]!;

/** The pane's cursor (the newest notice first). */
export const selectedNotice = (s: ConsoleServices) => {
  const list = s.view.get().notices;
  return list[clampCursor(s.ui.get().notices.cursor, list.length)];
};

export const noticeActions = {
  'global.notice': (s) => {
    const off = toolOffNow(s.view.get(), 'notices');
    if (off) return error(s, off);
    leaveText(s);
    const groups = s.view.get().noticeGroups.map((g) => g.id);
    s.ui.update((u) => ({ ...u, overlay: { kind: 'noticeCompose', text: '', priority: 'low', groups, groupCursor: 0, error: null } }));
  },
  'notices.open': (s) => {
    const n = selectedNotice(s);
    if (!n) return error(s, 'No notices.');
    s.ui.update((u) => ({ ...u, overlay: { kind: 'noticeView', noticeId: n.id, cursor: 0 } }));
  },
  'noticeCompose.priority': (s) => patch(s, 'noticeCompose', (o) => ({ priority: nextOf<NoticePriority>(NOTICE_PRIORITIES, o.priority) })),
  'noticeCompose.groups': (s) => patch(s, 'noticeCompose', (o) => {
    const all = s.view.get().noticeGroups;
    const id = all[clampCursor(o.groupCursor, all.length)]?.id;
    return id ? { groups: toggled(all, o.groups, id), error: null } : {};
  }),
  'noticeCompose.nextGroup': (s) => patch(s, 'noticeCompose', (o) => ({ groupCursor: clampCursor(o.groupCursor + 1, s.view.get().noticeGroups.length) })),
  'noticeCompose.prevGroup': (s) => patch(s, 'noticeCompose', (o) => ({ groupCursor: clampCursor(o.groupCursor - 1, s.view.get().noticeGroups.length) })),
  'noticePopup.ok': (s) => acknowledge(s),
} satisfies Record<string, Handler>;

async function acknowledge(s: ConsoleServices): Promise<void> {
  const o = s.ui.get().overlay;
  if (o?.kind !== 'noticePopup') return;
  const r = await s.client.readNotices([o.noticeId]);
  // NOT_FOUND: the notice is gone (past its 7 days): nothing left to hold the console for.
  if (!r.ok && r.error.code !== 'NOT_FOUND') return patch(s, 'noticePopup', () => ({ error: safeErrorMessage(r.error) }));
  // The agent's own dialog comes back as they left it.
  s.ui.update((u) => (u.overlay?.kind === 'noticePopup' && u.overlay.noticeId === o.noticeId ? { ...u, overlay: o.previous } : u));
}

async function sendNotice(s: ConsoleServices, o: OverlayOf<'noticeCompose'>): Promise<void> {
  const text = o.text.trim();
  if (!text) return patch(s, 'noticeCompose', () => ({ error: 'Type the notice first.' }));
  const all = s.view.get().noticeGroups;
  // Groups the view no longer offers (a tenant change) are not sent.
  const groups = all.filter((g) => o.groups.includes(g.id)).map((g) => g.id);
  if (all.length > 1 && !groups.length) return patch(s, 'noticeCompose', () => ({ error: `Pick at least one group (${keysLabel(s.keymap, 'noticeCompose.groups')} includes the group under the cursor).` }));
  // All of them: say nothing, the engine sends to every group I may address.
  const r = await s.client.broadcastNotice(text, o.priority, all.length > 1 && groups.length < all.length ? groups : undefined);
  if (!r.ok) return patch(s, 'noticeCompose', () => ({ error: safeErrorMessage(r.error) }));
  close(s);
  info(s, `Notice sent to ${recipientsLabel(all, groups)}.`);
}

type Table<R> = { [K in Kind]: (s: ConsoleServices, o: OverlayOf<K>) => R };

export const noticeDialogSelect: Table<void | Promise<void>> = {
  noticeCompose: sendNotice,
  noticeView: close,
  noticePopup: (s) => acknowledge(s),
};

export const noticeDialogBack: Table<void> = {
  noticeCompose: close,
  noticeView: close,
  // Esc does not dismiss a pop-up: only OK does.
  noticePopup: () => {},
};

export const NOTICE_TEXT_FIELDS = {
  noticeCompose: {
    get: (u: UiState) => (u.overlay?.kind === 'noticeCompose' ? u.overlay.text : undefined),
    set: (u: UiState, text: string): UiState => (u.overlay?.kind === 'noticeCompose' ? { ...u, overlay: { ...u.overlay, text, error: null } } : u),
    multiline: false,
    max: MAX_NOTICE_TEXT,
  },
};
