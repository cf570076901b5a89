// What each dialog lists, derived from the view, the UI state and the keymap.
// Shared by the dialog views (what to draw) and the dialog actions (what Enter
// picks), so both always agree on the item under the cursor.
import { OFFER_OUTCOMES, type InteractionView, type Status } from '../../protocol/index.js';
import { fuzzyFilter } from '../fuzzy.js';
import { helpSections, keysLabel, paletteCommands, type CommandId, type CommandSpec, type Keymap } from '../keymap.js';
import { AFTER_WORK_TARGETS, isWorking, MANUAL_TARGETS, MEDIA_LABELS, STATUS_LABELS } from '../labels.js';
import { memoLast } from '../memo.js';
import type { SafeView } from '../safe-view.js';
import type { Overlay } from '../ui-state.js';

// ---- status menu -------------------------------------------------------
export type StatusItem =
  | { kind: 'status'; label: string; status: Status | null; disabled?: string }
  | { kind: 'code'; label: string; status: Status; code: string };

/** Why no status change can be sent now (the engine's refusals, said before the agent picks). */
export function statusBlocked(v: SafeView): string | undefined {
  if (v.connection.state === 'offline') return `You are offline (${v.connection.reason}).`;
  if (!v.self?.loggedIn) return 'You are logged out: quit and start the console again to log in.';
  if (v.offer) return 'An offer is waiting: accept or reject it first.';
  return undefined;
}

/** Step 1: the statuses to pick (after-work ones while working); step 2: the reasons. */
export function statusItems(v: SafeView, o: Extract<Overlay, { kind: 'status' }>): StatusItem[] {
  if (o.step === 'code' && o.target) {
    const target = o.target;
    return (v.statusCodes[target] ?? []).map((c) => ({ kind: 'code', label: c.label, status: target, code: c.id }));
  }
  const current = v.self?.status ?? 'logged_out';
  const blocked = statusBlocked(v);
  if (isWorking(current)) {
    // Setting the status after work is refused only when the agent is gone.
    const offline = v.self?.loggedIn && v.connection.state !== 'offline' ? undefined : blocked;
    const after = v.self?.statusAfterWork;
    const items: StatusItem[] = AFTER_WORK_TARGETS.map((s) => ({
      kind: 'status', label: `After work: ${STATUS_LABELS[s]}${s === after ? ' (now)' : ''}`, status: s, ...(offline ? { disabled: offline } : {}),
    }));
    if (v.self?.afterWork) items.push({ kind: 'status', label: 'After work: the default (Available)', status: null, ...(offline ? { disabled: offline } : {}) });
    return items;
  }
  const items: StatusItem[] = MANUAL_TARGETS[current].map((s) => {
    const why = blocked ?? (s === 'logged_out' && workInProgress(v) ? 'Finish your work first.' : undefined);
    return { kind: 'status', label: STATUS_LABELS[s], status: s, ...(why ? { disabled: why } : {}) };
  });
  // Where the tenant has reasons for the status the agent is in (the engine put her there: login, a
  // rejected or missed offer), she gives or changes it here: the status bar asks for it.
  if ((v.statusCodes[current]?.length ?? 0) > 0) {
    const label = `${STATUS_LABELS[current]} (stay): ${v.self?.statusCode ? 'change the reason' : 'give the reason'}`;
    items.push({ kind: 'status', label, status: current, ...(blocked ? { disabled: blocked } : {}) });
  }
  return items;
}

// ---- command palette ---------------------------------------------------
export interface PaletteItem { id: CommandId; title: string; keys: string }

/** The commands that apply now (`applies`), matching the query. */
export function paletteItems(keymap: Keymap, query: string, applies: (spec: CommandSpec) => boolean): PaletteItem[] {
  const items = paletteCommands(applies).map((c) => ({ id: c.id as CommandId, title: c.title, keys: keysLabel(keymap, c.id as CommandId) }));
  return fuzzyFilter(query, items, (i) => i.title);
}

// ---- help --------------------------------------------------------------
export type HelpLine = { kind: 'section'; title: string; note: string } | { kind: 'row'; id: CommandId; keys: string; title: string; description: string };

export const helpLines = memoLast((keymap: Keymap): HelpLine[] =>
  helpSections(keymap).flatMap((s) => [
    { kind: 'section' as const, title: s.title, note: s.note },
    ...s.rows.map((r) => ({ kind: 'row' as const, id: r.id, keys: r.keys || '(palette)', title: r.title, description: r.description })),
  ]));

// ---- quit --------------------------------------------------------------
export interface QuitItem { label: string; command: 'quit.confirm' | 'quit.logout' | 'dialog.close'; disabled?: string }

/** Why logging out would be refused now, if it would. */
export function logoutBlocked(v: SafeView): string | undefined {
  if (v.connection.state === 'offline' || !v.self?.loggedIn) return 'You are already logged out.';
  if (workInProgress(v)) return 'Finish your work first: nobody can log out with an offer or an interaction in progress.';
  return undefined;
}

/** Quitting is always possible; logging out is shown greyed, with why, when the engine would refuse it. */
export function quitItems(v: SafeView): QuitItem[] {
  const loggedOut = v.connection.state === 'offline' || !v.self?.loggedIn;
  if (loggedOut) return [{ label: 'Quit', command: 'quit.confirm' }, { label: 'Cancel', command: 'dialog.close' }];
  const blocked = logoutBlocked(v);
  const items: QuitItem[] = [
    { label: 'Log out and quit', command: 'quit.logout', ...(blocked ? { disabled: blocked } : {}) },
    { label: blocked ? 'Quit anyway (your work stays with you in the engine)' : 'Quit, staying logged in', command: 'quit.confirm' },
    { label: 'Cancel', command: 'dialog.close' },
  ];
  // The cursor starts on the first choice that works.
  return blocked ? [items[1]!, items[0]!, items[2]!] : items;
}

export const workInProgress = (v: SafeView): boolean => v.work.length > 0 || v.offer !== null;

// ---- reject an offer -----------------------------------------------------
export interface RejectItem { label: string; reject: boolean; disabled?: string }

/** The status a rejection leaves the agent in, said before they reject (the engine's outcome table). */
export function rejectOutcome(v: SafeView, offer: InteractionView): string {
  const to = OFFER_OUTCOMES.rejected[offer.media];
  const what = `a rejected ${MEDIA_LABELS[offer.media].toLowerCase()} does`;
  if (isWorking(v.self?.status)) return `you stay Busy (Stop New) and go ${STATUS_LABELS[to]} once your work ends (${what})`;
  if (v.self?.status !== 'available') return `your status stays ${STATUS_LABELS[v.self?.status ?? 'logged_out']}`;
  return `you go ${STATUS_LABELS[to]} (${what})`;
}

export function rejectItems(v: SafeView, offerId: string): RejectItem[] {
  const offer = v.offer?.id === offerId ? v.offer : null;
  const denied = !v.self?.permissions.includes('rejectOffers') ? 'You do not have the permission to reject offers.' : undefined;
  const gone = offer ? undefined : 'This offer is gone (accepted, timed out or withdrawn).';
  const why = gone ?? denied;
  return [
    { label: 'Reject', reject: true, ...(why ? { disabled: why } : {}) },
    { label: offer ? 'Keep the offer' : 'Close', reject: false },
  ];
}
