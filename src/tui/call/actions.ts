// Call commands: controls on the selected phone interaction, and what the call
// dialogs do on Enter / Esc, their lists and their text fields. Everything
// goes through the client; the engine refuses what is not allowed, and what
// the agent's permissions deny is refused here first with a clear message.
import type { CommandResult } from '../../client/index.js';
import { normalizeNumber } from '../../protocol/index.js';
import { error, info, send, type Handler } from '../actions/run.js';
import { leaveText } from '../actions/focus.js';
import { dateFormatOf, type ConsoleServices } from '../context.js';
import { keysLabel } from '../keymap.js';
import { clampCursor } from '../list-window.js';
import { selectedWork } from '../panes/work-state.js';
import { sanitizeLine } from '../sanitize.js';
import { safeErrorMessage } from '../safe-view.js';
import type { Overlay, UiState } from '../ui-state.js';
import { recallEntries } from './history.js';
import { callOf, participantItems, phoneItems, transferItems } from './items.js';
import { TRANSFER_TABS, TRANSFER_TAB_LABELS, type CallOverlay, type PhoneInput } from './overlays.js';
import { markUnstaffed, unstaffedWarning } from '../transfer-targets.js';

type Kind = CallOverlay['kind'];
type OverlayOf<K extends Kind> = Extract<CallOverlay, { kind: K }>;

const close = (s: ConsoleServices): void => s.ui.update((u) => ({ ...u, overlay: null }));
const open = (s: ConsoleServices, overlay: CallOverlay): void => {
  leaveText(s);
  s.ui.update((u) => ({ ...u, overlay }));
};
/** Update the open call dialog of kind `kind` (a no-op if another is open). */
function patch<K extends Kind>(s: ConsoleServices, kind: K, f: (o: OverlayOf<K>) => Partial<OverlayOf<K>>): void {
  s.ui.update((u) => (u.overlay?.kind === kind ? { ...u, overlay: { ...u.overlay, ...f(u.overlay as OverlayOf<K>) } as Overlay } : u));
}

const selected = (s: ConsoleServices) => selectedWork(s.view.get().work, s.ui.get().work.selectedId);
const can = (s: ConsoleServices, p: string): boolean => (s.view.get().self?.permissions as readonly string[] | undefined)?.includes(p) ?? false;

/** Run `f` on the selected interaction's call, or say why not. */
function onCall(f: (s: ConsoleServices, id: string, w: NonNullable<ReturnType<typeof selected>>) => void | Promise<unknown>, o: { voicemail?: boolean } = {}): Handler {
  return async (s) => {
    const w = selected(s);
    if (!w || !w.call) return error(s, 'No call selected: pick a phone interaction first.');
    if (w.call.state === 'ended') return error(s, 'This call has ended; wrap up when ready.');
    if (w.call.kind === 'voicemail' && o.voicemail === false) return error(s, 'Not possible on a voicemail.');
    await f(s, w.id, w);
  };
}

/** Send a command; returns the result so callers can react to the error code. */
async function attempt(command: Promise<CommandResult>): Promise<CommandResult> {
  try {
    return await command;
  } catch (e) {
    return { ok: false, error: { code: 'SERVER_ERROR', message: (e as Error).message } };
  }
}

function openTransfer(s: ConsoleServices, id: string, purpose: 'transfer' | 'conference'): void {
  open(s, { kind: 'callTransfer', purpose, interactionId: id, tab: 'agents', query: '', number: '', cursor: 0, queues: null, confirm: null, error: null, history: null, recall: -1 });
  loadHistory(s, 'callTransfer');
  if (purpose === 'transfer') {
    void attempt(s.client.listQueues()).then((r) => {
      if (r.ok) patch(s, 'callTransfer', () => ({ queues: r.queues ?? [] }));
      else patch(s, 'callTransfer', () => ({ queues: [], error: safeErrorMessage(r.error) }));
    });
  }
}

/** The dialogs whose number field recalls numbers from my call history. */
type Recalling = 'dial' | 'callTransfer';

function loadHistory(s: ConsoleServices, kind: Recalling): void {
  void attempt(s.client.callHistory()).then((r) => {
    if (r.ok) patch(s, kind, () => ({ history: r.calls ?? [] }));
    else patch(s, kind, () => ({ history: [], error: safeErrorMessage(r.error) }));
  });
}

/** Ctrl-R: the next number of my calls, newest first, into the number field (a transfer dialog turns to its External number tab). */
function recallNext(s: ConsoleServices, kind: Recalling): void {
  const o = s.ui.get().overlay;
  if (o?.kind !== kind) return;
  if (o.history === null) return info(s, 'Loading your call history…');
  const numbers = recallEntries(o.history, s.clock.now(), dateFormatOf(s));
  if (!numbers.length) return info(s, 'No calls in your history yet.');
  const recall = (o.recall + 1) % numbers.length;
  patch(s, kind, () => ({ recall, number: numbers[recall]!.number, error: null, ...(kind === 'callTransfer' ? { tab: 'external', cursor: 0, confirm: null } : {}) }));
}

function dialCursor(s: ConsoleServices): number {
  const p = s.view.get().self?.phone;
  const i = p?.outboundCodes.findIndex((c) => c.id === p.lastOutboundCode) ?? -1;
  return Math.max(0, i);
}

export const callActions = {
  'global.dial': (s) => openDial(s),
  'global.phone': (s) => {
    if (!s.view.get().self?.phone) return error(s, 'Not logged in yet.');
    open(s, { kind: 'phone', cursor: 0, error: null });
  },
  'call.mute': onCall((s, id, w) => send(s, s.client.mute(id, !w.call!.muted), w.call!.muted ? 'Unmuted.' : 'Muted.')),
  'call.hold': onCall((s, id, w) => send(s, s.client.hold(id, !w.call!.held), w.call!.held ? 'Customer resumed.' : 'Customer on hold.'), { voicemail: false }),
  'call.keypad': onCall((s, id) => open(s, { kind: 'keypad', interactionId: id, digits: '' }), { voicemail: false }),
  'call.record': onCall(async (s, id, w) => {
    if (!can(s, 'recordStart')) return error(s, 'You do not have the permission to record calls.');
    const rec = w.call!.recording;
    if (rec === 'off') return void (await send(s, s.client.record(id, 'start'), 'Recording.'));
    if (!can(s, 'recordPause')) return error(s, 'Your permission lets you start recordings, not pause them.');
    if (rec === 'on') await send(s, s.client.record(id, 'pause'), 'Recording paused.');
    else await send(s, s.client.record(id, 'resume'), 'Recording resumed.');
  }, { voicemail: false }),
  'call.play': onCall((s, id) => {
    if (!s.view.get().self?.phone?.recordings.length) return info(s, 'You have no recordings to play.');
    open(s, { kind: 'recordings', interactionId: id, cursor: 0 });
  }, { voicemail: false }),
  'call.transfer': onCall((s, id) => openTransfer(s, id, 'transfer'), { voicemail: false }),
  'call.conference': onCall((s, id) => openTransfer(s, id, 'conference'), { voicemail: false }),
  'call.complete': onCall((s, id, w) => {
    if (!w.call!.consult) return error(s, 'No transfer or invitation in progress.');
    return send(s, s.client.completeConsult(id), w.call!.consult.purpose === 'conference' ? 'Merged into the conference.' : 'Transfer completed.');
  }),
  'call.cancel': onCall((s, id, w) => {
    if (!w.call!.consult) return error(s, 'No transfer or invitation in progress.');
    return send(s, s.client.cancelConsult(id), 'Back with the customer.');
  }),
  'call.participants': onCall((s, id) => open(s, { kind: 'participants', interactionId: id, cursor: 0 })),
  'call.leave': onCall((s, id) => send(s, s.client.leaveCall(id), 'You left the call.'), { voicemail: false }),
  'call.endAll': onCall((s, id) => send(s, s.client.endCallForAll(id), 'Call ended for everyone.')),
  'call.email': onCall((s, id, w) => {
    if (w.call!.kind !== 'voicemail') return error(s, 'Only voicemails can be emailed.');
    return send(s, s.client.emailVoicemail(id), 'A copy of the voicemail is on its way to your email.');
  }),

  'callTransfer.nextTab': (s) => switchTab(s, 1),
  'callTransfer.prevTab': (s) => switchTab(s, -1),
  'callTransfer.cold': async (s) => {
    const o = s.ui.get().overlay;
    if (o?.kind !== 'callTransfer') return;
    if (o.tab !== 'agents' || o.purpose !== 'transfer') return void patch(s, 'callTransfer', () => ({ error: 'Cold transfers go to an agent; external numbers are always warm.' }));
    await pickTransfer(s, o, 'cold');
  },

  'dial.recall': (s) => recallNext(s, 'dial'),
  'callTransfer.recall': (s) => recallNext(s, 'callTransfer'),

  'participants.mute': (s) => onParticipant(s, (id, p) => send(s, s.client.mute(id, !p.muted, p.legId))),
  'participants.hold': (s) => onParticipant(s, (id, p) => send(s, s.client.hold(id, !p.held, p.legId))),
  'participants.remove': (s) => onParticipant(s, (id, p) => send(s, s.client.removeParticipant(id, p.legId), 'Participant removed.')),
} satisfies Record<string, Handler>;

function switchTab(s: ConsoleServices, delta: 1 | -1): void {
  patch(s, 'callTransfer', (o) => {
    // A conference invites agents or numbers, never a queue.
    const tabs = o.purpose === 'conference' ? TRANSFER_TABS.filter((t) => t !== 'queues') : TRANSFER_TABS;
    const tab = tabs[(tabs.indexOf(o.tab) + delta + tabs.length) % tabs.length]!;
    // Each tab filters its own kind of names: the filter starts empty.
    return { tab, cursor: 0, confirm: null, error: null, query: '' };
  });
}

async function onParticipant(s: ConsoleServices, f: (id: string, p: ReturnType<typeof participantItems>[number]) => Promise<unknown>): Promise<void> {
  const o = s.ui.get().overlay;
  if (o?.kind !== 'participants') return;
  const list = participantItems(s.view.get(), o.interactionId);
  const p = list[clampCursor(o.cursor, list.length)];
  if (!p) return;
  await f(o.interactionId, p);
}

/** Enter (warm) or Ctrl-B (cold) on the transfer dialog. */
async function pickTransfer(s: ConsoleServices, o: OverlayOf<'callTransfer'>, mode: 'warm' | 'cold'): Promise<void> {
  const id = o.interactionId;
  const conference = o.purpose === 'conference';
  const then = `${keysLabel(s.keymap, 'call.complete')} ${conference ? 'merges them in' : 'completes'}, ${keysLabel(s.keymap, 'call.cancel')} goes back.`;
  const done = async (r: CommandResult, text: string): Promise<void> => {
    if (!r.ok) return patch(s, 'callTransfer', () => ({ error: safeErrorMessage(r.error) }));
    close(s);
    info(s, text);
  };
  if (o.tab === 'external') {
    const n = normalizeNumber(o.number);
    if (!n.ok) return patch(s, 'callTransfer', () => ({ error: sanitizeLine(n.error.message) }));
    const r = await attempt(conference ? s.client.conferenceAdd(id, { number: n.value }) : s.client.transferCall(id, { number: n.value }, 'warm'));
    return done(r, `Calling ${n.value}… the customer is on hold. ${then}`);
  }
  const items = transferItems(s.view.get(), o, s.clock.now() + s.view.get().clockOffset);
  const item = items[clampCursor(o.cursor, items.length)];
  if (!item) return patch(s, 'callTransfer', () => ({ error: o.tab === 'queues' && o.queues === null ? 'Loading queues…' : 'Nothing to pick.' }));
  if (item.disabled) return error(s, item.disabled);
  if (item.kind === 'agent') {
    const name = item.contact.displayName;
    const r = await attempt(conference ? s.client.conferenceAdd(id, { agentId: item.id }) : s.client.transferCall(id, { agentId: item.id }, mode));
    return done(r, mode === 'cold' ? `Transferring to ${name} (cold)…` : `${conference ? 'Inviting' : 'Consulting'} ${name}… the customer is on hold. ${then}`);
  }
  // A queue: Enter picks, Enter again confirms; unstaffed (known from the listing, or UNSTAFFED) asks once more (force).
  if (!o.confirm || o.confirm.queueId !== item.id) {
    const warning = unstaffedWarning(item.queue, 'call', can(s, 'transferToUnstaffedQueues'));
    return patch(s, 'callTransfer', () => ({ confirm: { queueId: item.id, name: item.label, force: warning !== null }, error: warning }));
  }
  const r = await attempt(s.client.transferCall(id, { queueId: item.id }, undefined, o.confirm.force || undefined));
  if (!r.ok && r.error.code === 'UNSTAFFED' && !o.confirm.force) {
    return patch(s, 'callTransfer', (cur) => ({ confirm: { ...cur.confirm!, force: true }, queues: markUnstaffed(cur.queues, item.id), error: safeErrorMessage(r.error) }));
  }
  return done(r, `Transferred to ${item.label}.`);
}

/**
 * The dial dialog, empty or with a number (calling a customer from their CRM record, an agent from
 * the directory); a call made for a customer is linked to them, so its log goes on their record.
 */
export function openDial(s: ConsoleServices, number = '', forCustomer?: { id: string; name: string }): void {
  if (!s.view.get().self?.phone) return error(s, 'Not logged in yet.');
  open(s, { kind: 'dial', number, cursor: dialCursor(s), error: null, history: null, recall: -1, ...(forCustomer ? { forCustomer } : {}) });
  loadHistory(s, 'dial');
}

async function dialSelect(s: ConsoleServices, o: OverlayOf<'dial'>): Promise<void> {
  const n = normalizeNumber(o.number);
  if (!n.ok) return patch(s, 'dial', () => ({ error: sanitizeLine(n.error.message) }));
  const codes = s.view.get().self?.phone?.outboundCodes ?? [];
  const code = codes[clampCursor(o.cursor, codes.length)];
  const r = await attempt(s.client.dial(o.number.trim(), code?.id));
  if (!r.ok) return patch(s, 'dial', () => ({ error: safeErrorMessage(r.error) }));
  close(s);
  if (r.interactionId) s.ui.update((u) => ({ ...u, focus: 'interaction', work: { ...u.work, selectedId: r.interactionId! } }));
  info(s, `Dialing ${o.forCustomer ? `${o.forCustomer.name} at ` : ''}${n.value}${code ? ` (${code.label})` : ''}…`);
  if (o.forCustomer && r.interactionId) await send(s, s.client.linkInteraction(r.interactionId, { customerId: o.forCustomer.id }));
}

const backToPhone = (s: ConsoleServices): void => s.ui.update((u) => ({ ...u, overlay: { kind: 'phone', cursor: 0, error: null } }));

async function phoneInputSelect(s: ConsoleServices, o: OverlayOf<'phoneInput'>): Promise<void> {
  const text = o.text.trim();
  const fail = (message: string): void => patch(s, 'phoneInput', () => ({ error: message }));
  if (o.purpose === 'workplace') {
    const kind = text.toLowerCase().startsWith('sip') ? 'sip' : 'phone';
    if (kind === 'phone') {
      const n = normalizeNumber(text);
      if (!n.ok) return fail(sanitizeLine(n.error.message));
    }
    const r = await attempt(s.client.changeWorkplace(kind, text));
    if (!r.ok) return fail(safeErrorMessage(r.error));
    backToPhone(s);
    return info(s, 'A call with a PIN is on its way to the new phone; the old one stays until you enter it.');
  }
  if (!/^[0-9]{4}$/.test(text)) return fail('The PIN is 4 digits.');
  const r = await attempt(o.purpose === 'voicePin' ? s.client.voicePin(text) : s.client.validateWorkplace(text));
  if (!r.ok) return fail(safeErrorMessage(r.error));
  backToPhone(s);
  return info(s, o.purpose === 'voicePin' ? 'Connected.' : 'Workplace phone validated.');
}

async function phoneSelect(s: ConsoleServices, o: OverlayOf<'phone'>): Promise<void> {
  const v = s.view.get();
  const fail = (r: CommandResult): void => {
    if (!r.ok) patch(s, 'phone', () => ({ error: safeErrorMessage(r.error) }));
  };
  const items = phoneItems(v);
  const item = items[clampCursor(o.cursor, items.length)];
  if (!item) return;
  if (item.disabled) return patch(s, 'phone', () => ({ error: item.disabled! }));
  if (item.action === 'mode') {
    const mode = v.self?.phone?.mode === 'persistent' ? 'on_demand' : 'persistent';
    const r = await attempt(s.client.setConnectionMode(mode));
    if (!r.ok) return fail(r);
    return patch(s, 'phone', () => ({ error: null, cursor: 0 }));
  }
  if (item.action === 'retry') {
    const r = await attempt(s.client.connectVoice());
    if (!r.ok) return fail(r);
    return info(s, 'Calling your phone… enter the PIN you hear.');
  }
  s.ui.update((u) => ({ ...u, overlay: { kind: 'phoneInput', purpose: item.action as PhoneInput, text: '', error: null } }));
}

type Table<R> = { [K in Kind]: (s: ConsoleServices, o: OverlayOf<K>) => R };

export const callDialogSelect: Table<void | Promise<void>> = {
  callTransfer: (s, o) => pickTransfer(s, o, 'warm'),
  dial: dialSelect,
  keypad: async (s, o) => {
    if (!/^[0-9*#]{1,32}$/.test(o.digits)) return error(s, 'Keypad digits are 0–9, * and # (1 to 32 of them).');
    if (await send(s, s.client.dtmf(o.interactionId, o.digits), `Sent ${o.digits}.`)) close(s);
  },
  recordings: async (s, o) => {
    const list = s.view.get().self?.phone?.recordings ?? [];
    const rec = list[clampCursor(o.cursor, list.length)];
    close(s);
    if (rec) await send(s, s.client.playRecording(o.interactionId, rec.id), `Playing "${rec.name}".`);
  },
  participants: close,
  phone: phoneSelect,
  phoneInput: phoneInputSelect,
};

export const callDialogBack: Table<void> = {
  callTransfer: (s, o) => (o.confirm ? patch(s, 'callTransfer', () => ({ confirm: null, error: null })) : close(s)),
  dial: close,
  keypad: close,
  recordings: close,
  participants: close,
  phone: close,
  phoneInput: backToPhone,
};

// ---- lists (for the six list commands) ----------------------------------
interface ListOwner {
  count(s: ConsoleServices): number;
  cursor(s: ConsoleServices): number;
  set(s: ConsoleServices, cursor: number, count: number): void;
}
const overlayList = (kind: Kind, count: (s: ConsoleServices, o: CallOverlay) => number): ListOwner => ({
  count: (s) => {
    const o = s.ui.get().overlay;
    return o?.kind === kind ? count(s, o) : 0;
  },
  cursor: (s) => (s.ui.get().overlay as { cursor?: number } | null)?.cursor ?? 0,
  set: (s, cursor, count) => patch(s, kind, () => ({ cursor: clampCursor(cursor, count) } as never)),
});

export const CALL_LISTS = {
  callTransfer: overlayList('callTransfer', (s, o) =>
    transferItems(s.view.get(), o as OverlayOf<'callTransfer'>, s.clock.now()).length),
  dial: overlayList('dial', (s) => s.view.get().self?.phone?.outboundCodes.length ?? 0),
  recordings: overlayList('recordings', (s) => s.view.get().self?.phone?.recordings.length ?? 0),
  participants: overlayList('participants', (s, o) => participantItems(s.view.get(), (o as OverlayOf<'participants'>).interactionId).length),
  phone: overlayList('phone', (s) => phoneItems(s.view.get()).length),
} satisfies Record<string, ListOwner>;

// ---- text fields ------------------------------------------------------
interface Field {
  get(u: UiState): string | undefined;
  set(u: UiState, text: string): UiState;
  multiline: boolean;
  max: number;
}
const overlayField = <K extends Kind>(kind: K, key: (o: OverlayOf<K>) => string | undefined, set: (o: OverlayOf<K>, text: string) => Partial<OverlayOf<K>>, max: number): Field => ({
  get: (u) => (u.overlay?.kind === kind ? key(u.overlay as OverlayOf<K>) : undefined),
  set: (u, text) => (u.overlay?.kind === kind ? { ...u, overlay: { ...u.overlay, ...set(u.overlay as OverlayOf<K>, text) } as Overlay } : u),
  multiline: false,
  max,
});

export const CALL_TEXT_FIELDS = {
  callTransfer: overlayField('callTransfer', (o) => (o.tab === 'external' ? o.number : o.query),
    (o, text) => (o.tab === 'external' ? { number: text, error: null, recall: -1 } : { query: text, cursor: 0, confirm: null, error: null }), 40),
  dial: overlayField('dial', (o) => o.number, (_o, number) => ({ number, error: null, recall: -1 }), 40),
  keypad: overlayField('keypad', (o) => o.digits, (_o, digits) => ({ digits }), 32),
  phoneInput: overlayField('phoneInput', (o) => o.text, (_o, text) => ({ text, error: null }), 300),
} satisfies Record<string, Field>;

export { callOf, TRANSFER_TAB_LABELS };
