// Notice commands: open the compose dialog, cycle its priority and groups,
// send; read a notice whole; acknowledge a pop-up. Everything goes through the
// client; the engine refuses what is not allowed (a group I may not address).
import { MAX_NOTICE_TEXT, NOTICE_PRIORITIES, type NoticePriority } from '../../protocol/index.js';
import { error, info, type Handler } from '../actions/run.js';
import { leaveText } from '../actions/focus.js';
import type { ConsoleServices } from '../context.js';
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

/** Recipients choices: 0 = every group I may address, then each of them (when there are several). */
export function groupChoices(s: { noticeGroups: readonly { id: string; name: string }[] }): { label: string; ids?: string[] }[] {
  const all = { label: s.noticeGroups.length > 1 ? `All my groups (${s.noticeGroups.map((g) => g.name).join(', ')})` : (s.noticeGroups[0]?.name ?? 'My group') };
  return s.noticeGroups.length > 1 ? [all, ...s.noticeGroups.map((g) => ({ label: g.name, ids: [g.id] }))] : [all];
}

const nextOf = <T,>(list: readonly T[], current: T): T => list[(list.indexOf(current) + 1) % list.length]!;

/** The pane's cursor (the newest notice first). */
export const selectedNotice = (s: ConsoleServices) => {
  const list = s.view.get().notices;
  return list[clampCursor(s.ui.get().notices.cursor, list.length)];
};

export const noticeActions = {
  'global.notice': (s) => {
    if (!s.view.get().self) return error(s, 'Not logged in yet.');
    leaveText(s);
    s.ui.update((u) => ({ ...u, overlay: { kind: 'noticeCompose', text: '', priority: 'low', groups: 0, error: null } }));
  },
  'notices.open': (s) => {
    const n = selectedNotice(s);
    if (!n) return error(s, 'No notices.');
    s.ui.update((u) => ({ ...u, overlay: { kind: 'noticeView', noticeId: n.id, cursor: 0 } }));
  },
  'noticeCompose.priority': (s) => patch(s, 'noticeCompose', (o) => ({ priority: nextOf<NoticePriority>(NOTICE_PRIORITIES, o.priority) })),
  'noticeCompose.groups': (s) => patch(s, 'noticeCompose', (o) => ({ groups: (o.groups + 1) % groupChoices(s.view.get()).length })),
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
  const choice = groupChoices(s.view.get())[o.groups];
  const r = await s.client.broadcastNotice(text, o.priority, choice?.ids);
  if (!r.ok) return patch(s, 'noticeCompose', () => ({ error: safeErrorMessage(r.error) }));
  close(s);
  info(s, `Notice sent to ${choice?.label ?? 'your group'}.`);
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
