// The console's own state (not the engine's): focus, the open dialog, the
// active text field, the message line, and one slice per pane. Immutable; each
// slice has its reducer in its pane's *-state.ts.
import type { Status } from '../protocol/index.js';
import type { ScreenId } from './keymap.js';
import type { PaneId } from './pane-ids.js';
import { INITIAL_CHAT, type ChatUi } from './chat/chat-state.js';
import type { ChatOverlay } from './chat/overlays.js';
import type { CallOverlay } from './call/overlays.js';
import type { HistoryOverlay } from './history/overlays.js';
import type { NoticeOverlay, NoticePopup } from './notices/overlays.js';
import { INITIAL_CRM, type CrmUi } from './crm/crm-state.js';
import type { CrmOverlay } from './crm/overlays.js';
import { initialContacts, reduceContacts, type ContactsAction, type ContactsUi } from './panes/contacts-state.js';
import { INITIAL_QUEUES, reduceQueues, type QueuesAction, type QueuesUi } from './panes/queues-state.js';
import { INITIAL_WORK, reduceWork, type WorkAction, type WorkUi } from './panes/work-state.js';
import type { Store } from './store.js';

export type Overlay =
  /** Help; `previous` (a dialog it covered, opened with F1) comes back after. */
  | { kind: 'help'; cursor: number; previous?: Overlay | null }
  | { kind: 'palette'; query: string; cursor: number }
  | { kind: 'status'; step: 'status' | 'code'; target: Status | null; cursor: number }
  | { kind: 'quit'; cursor: number }
  /** Rejecting asks first; `previous` (a dialog it covered) comes back after. */
  | { kind: 'rejectOffer'; offerId: string; cursor: number; previous: Overlay | null }
  | ChatOverlay
  | CallOverlay
  | CrmOverlay
  | HistoryOverlay
  | Exclude<NoticeOverlay, NoticePopup>
  | NoticePopup<Overlay>;

export type TextField = 'notes' | 'search' | 'compose' | 'crmSearch';

export interface Message {
  text: string;
  kind: 'error' | 'info';
  /** Hidden once the shared clock passes this time. */
  until: number;
  /** Why the engine changed the status (use-why.ts): kept after a routine confirmation shown while it lasts. */
  why?: string;
}

export interface UiState {
  focus: PaneId;
  overlay: Overlay | null;
  text: TextField | null;
  message: Message | null;
  queues: QueuesUi;
  contacts: ContactsUi;
  work: WorkUi;
  chat: ChatUi;
  /** The Notices pane's cursor (newest first). */
  notices: { cursor: number };
  crm: CrmUi;
}

export const initialUi = (favourites: readonly string[] = []): UiState => ({
  focus: 'interaction',
  overlay: null,
  text: null,
  message: null,
  queues: INITIAL_QUEUES,
  contacts: initialContacts(favourites),
  work: INITIAL_WORK,
  chat: INITIAL_CHAT,
  notices: { cursor: 0 },
  crm: INITIAL_CRM,
});

interface Slices {
  queues: [QueuesUi, QueuesAction];
  contacts: [ContactsUi, ContactsAction];
  work: [WorkUi, WorkAction];
}
const REDUCERS: { [K in keyof Slices]: (s: Slices[K][0], a: Slices[K][1]) => Slices[K][0] } = {
  queues: reduceQueues,
  contacts: reduceContacts,
  work: reduceWork,
};

/** Apply a pane action to its slice. */
export function dispatch<K extends keyof Slices>(ui: Store<UiState>, slice: K, action: Slices[K][1]): void {
  ui.update((u) => {
    const next = REDUCERS[slice](u[slice], action);
    return next === u[slice] ? u : { ...u, [slice]: next };
  });
}

/** Which keymap screen is active: a dialog, else a text field, else the focused pane. */
export function screenOf(u: UiState): ScreenId {
  if (u.overlay) return u.overlay.kind;
  // A notes or message field held open after its interaction ended: Esc only closes it (notes-keeper.ts).
  if (u.text === 'notes' && u.work.draft?.ended) return 'notesEnded';
  return u.text ?? u.focus;
}

export const MESSAGE_MS = { error: 6000, info: 3000 } as const;

export function showMessage(ui: Store<UiState>, kind: Message['kind'], text: string, now: number, ms: number = MESSAGE_MS[kind]): void {
  ui.update((u) => {
    // "Wrapped up." arrives with the status change it caused: it goes before the why, not over it.
    const why = u.message?.why !== undefined && now < u.message.until && kind === 'info' ? u.message : null;
    return { ...u, message: why ? { ...why, text: `${text} ${why.why}` } : { kind, text, until: now + ms } };
  });
}

/** Why the status changed, shown for `ms`: later confirmations keep it in view (showMessage). */
export function showWhy(ui: Store<UiState>, text: string, now: number, ms: number): void {
  ui.update((u) => ({ ...u, message: { kind: 'info', text, until: now + ms, why: text } }));
}

/** The status changed again (the agent's own choice): an earlier why no longer holds; what was said before it stays. */
export function forgetWhy(ui: Store<UiState>): void {
  ui.update((u) => {
    const m = u.message;
    if (m?.why === undefined) return u;
    const rest = m.text.endsWith(` ${m.why}`) ? m.text.slice(0, -(m.why.length + 1)) : '';
    return { ...u, message: rest ? { kind: m.kind, text: rest, until: m.until } : null };
  });
}
