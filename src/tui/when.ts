// When each command applies: one predicate per name of WhenId (keymap-
// commands.ts), over the view and the console's own state. The footer and the
// palette offer a command only while its predicate holds, help dims it
// otherwise, so no hint promises what the next key would refuse. This is the
// console's prediction; the engine still judges every command it is sent.
import { activeChatKey, chatTabs, isAgentKey } from './chat/chat-state.js';
import { colleagueChatRefusal, toolOffNow } from './chat/colleague-reach.js';
import { faqMatches, shortcutAtEnd } from './chat/faq.js';
import { CRM_WHEN } from './crm/when.js';
import { choosable } from './dialogs/choosable.js';
import { clampCursor } from './list-window.js';
import type { CommandSpec, WhenId } from './keymap-commands.js';
import { transferItems } from './call/items.js';
import { chatColleague, contactUnderCursor } from './panes/contacts-state.js';
import { missingMandatory, selectedWork } from './panes/work-state.js';
import type { SafeView } from './safe-view.js';
import type { UiState } from './ui-state.js';

/** What a predicate looks at. */
export interface WhenContext {
  view: SafeView;
  ui: UiState;
}

type Predicate = (c: WhenContext) => boolean;

const selected = (c: WhenContext) => selectedWork(c.view.work, c.ui.work.selectedId);
const can = (c: WhenContext, permission: string): boolean => (c.view.self?.permissions as readonly string[] | undefined)?.includes(permission) ?? false;
const loggedIn: Predicate = (c) => c.view.self?.loggedIn === true;
/** Logged in with a phone set up (the phone settings, dialing). */
const hasPhone: Predicate = (c) => loggedIn(c) && c.view.self?.phone !== undefined;
const busy = (c: WhenContext): boolean => c.view.work.length > 0 || c.view.offer !== null;
/** An outbound call can be made now (any number: typed, a colleague's, a customer's). */
const canDial: Predicate = (c) => hasPhone(c) && !busy(c) && toolOn(c, 'dial') && (c.view.self?.status === 'available' || c.view.self?.status === 'working_offline');
/** The selected interaction's call, while it lasts. */
const liveCall = (c: WhenContext) => {
  const call = selected(c)?.call;
  return call && call.state !== 'ended' ? call : undefined;
};
const shownChat = (c: WhenContext) => activeChatKey(c.view, c.ui.chat, c.ui.work.selectedId, c.ui.text === 'compose');
/** A customer chat still open both ways: not ended by the agent (wrap-up), the customer not gone (the engine: "This chat has ended."). */
const customerChatOpen = (c: WhenContext, key: string): boolean =>
  c.view.work.some((w) => w.id === key && w.chat !== undefined && w.phase === 'active' && !w.chat.customerLeft);
/** A message can be sent in the chat shown: a customer chat still open, a colleague who can be reached. */
const canWrite: Predicate = (c) => {
  const key = shownChat(c);
  if (key === null) return false;
  return isAgentKey(key) ? colleagueChatRefusal(c.view, key.slice(1)) === undefined : customerChatOpen(c, key);
};
const tabCount = (c: WhenContext): number => chatTabs(c.view, c.ui.chat).length;
const overlayOf = <K extends NonNullable<UiState['overlay']>['kind']>(c: WhenContext, kind: K) =>
  (c.ui.overlay?.kind === kind ? c.ui.overlay : undefined) as Extract<UiState['overlay'], { kind: K }> | undefined;
const faqEntry = (c: WhenContext) => {
  const o = overlayOf(c, 'faq');
  if (!o) return undefined;
  const list = faqMatches(c.view.faq, o.query);
  return list[clampCursor(o.cursor, list.length)];
};
const tab = (n: number): Predicate => (c) => tabCount(c) >= n;
/** The agent's status leaves this tool on (On Break turns some off: agents/transitions.ts TOOLS_OFF). */
const toolOn = (c: WhenContext, tool: Parameters<typeof toolOffNow>[1]): boolean => toolOffNow(c.view, tool) === undefined;

export const WHEN: Record<WhenId, Predicate> = {
  loggedIn,
  canLogOut: (c) => loggedIn(c) && !busy(c),
  offer: (c) => c.view.offer !== null,
  // Not again while the rejection is being confirmed.
  canReject: (c) => c.view.offer !== null && can(c, 'rejectOffers') && c.ui.overlay?.kind !== 'rejectOffer',
  work: (c) => c.view.work.length > 0,
  workAway: (c) => c.view.work.length > 0 && c.ui.focus !== 'disposition',
  notesChanged: (c) => {
    const d = c.ui.work.draft;
    return d !== null && c.view.work.find((w) => w.id === d.id)?.notes !== d.text;
  },
  choosable: (c) => choosable(c.view, c.ui.overlay),
  active: (c) => selected(c)?.phase === 'active',
  // Wrap Up only once the mandatory codes are chosen (the engine refuses it before; the pane says which).
  inWrapUp: (c) => {
    const w = selected(c);
    return w?.phase === 'wrapup' && missingMandatory(w).length === 0;
  },
  codes: (c) => (selected(c)?.codeLists.some((l) => l.codes.length > 0) ?? false),
  chatting: (c) => (c.view.self?.status === 'busy' || c.view.self?.status === 'busy_stop_new') && c.view.work.some((w) => w.chat !== undefined),
  hasPhone,
  canDial,
  call: (c) => liveCall(c) !== undefined,
  callLive: (c) => liveCall(c)?.state === 'connected' && liveCall(c)?.kind !== 'voicemail',
  canRecord: (c) => liveCall(c)?.state === 'connected' && liveCall(c)?.kind !== 'voicemail' && can(c, 'recordStart'),
  recordings: (c) => liveCall(c)?.state === 'connected' && (c.view.self?.phone?.recordings.length ?? 0) > 0,
  transferable: (c) => liveCall(c)?.state === 'connected' && liveCall(c)?.kind !== 'voicemail' && liveCall(c)?.role === 'host' && !liveCall(c)?.consult,
  consulting: (c) => liveCall(c)?.consult !== undefined && liveCall(c)?.role === 'host',
  conference: (c) => liveCall(c)?.conference === true,
  conferenceHost: (c) => liveCall(c)?.conference === true && liveCall(c)?.role === 'host',
  voicemail: (c) => liveCall(c)?.kind === 'voicemail',
  transferTabs: (c) => overlayOf(c, 'callTransfer') !== undefined,
  coldTransfer: (c) => {
    const o = overlayOf(c, 'callTransfer');
    if (o?.purpose !== 'transfer' || o.tab !== 'agents') return false;
    // On a colleague who can take the call (the others are greyed with why).
    const items = transferItems(c.view, o, 0);
    const item = items[clampCursor(o.cursor, items.length)];
    return item !== undefined && item.disabled === undefined;
  },
  callHistory: (c) => (overlayOf(c, 'dial')?.history?.length ?? 0) > 0,
  transferHistory: (c) => (overlayOf(c, 'callTransfer')?.history?.length ?? 0) > 0,
  participantsHost: (c) => {
    const o = overlayOf(c, 'participants');
    return o !== undefined && c.view.work.find((w) => w.id === o.interactionId)?.call?.role === 'host';
  },
  chatShown: (c) => shownChat(c) !== null,
  canWrite,
  canChatContact: (c) => {
    const contact = contactUnderCursor(c.view.contacts, c.ui.contacts);
    return contact !== undefined && colleagueChatRefusal(c.view, contact.id) === undefined;
  },
  customerChatActive: (c) => {
    const key = shownChat(c);
    return key !== null && !isAgentKey(key) && customerChatOpen(c, key);
  },
  colleagueChat: (c) => shownChat(c)?.startsWith('@') ?? false,
  colleagueCallable: (c) => canDial(c) && (shownChat(c)?.startsWith('@') ?? false) && chatColleague(c.view.contacts, c.ui.chat.agentTab)?.directAccessNumber !== undefined,
  contactCallable: (c) => canDial(c) && contactUnderCursor(c.view.contacts, c.ui.contacts)?.directAccessNumber !== undefined,
  severalChats: (c) => tabCount(c) > 1,
  chatTab1: tab(1), chatTab2: tab(2), chatTab3: tab(3), chatTab4: tab(4), chatTab5: tab(5), chatTab6: tab(6),
  draftWritten: (c) => canWrite(c) && (c.ui.chat.drafts[shownChat(c)!] ?? '').trim() !== '',
  faqShortcut: (c) => {
    const key = c.ui.chat.composeKey;
    return key !== null && shortcutAtEnd(c.ui.chat.drafts[key] ?? '', c.view.faq) !== null;
  },
  faqEntry: (c) => faqEntry(c) !== undefined,
  canEditFaq: (c) => can(c, 'editFaq') && toolOn(c, 'faq_edit'),
  canEditFaqEntry: (c) => can(c, 'editFaq') && toolOn(c, 'faq_edit') && faqEntry(c) !== undefined,
  canNotice: (c) => loggedIn(c) && toolOn(c, 'notices'),
  notices: (c) => c.view.notices.length > 0,
  severalNoticeGroups: (c) => c.view.noticeGroups.length > 1,
  ...CRM_WHEN,
  crmCallable: (c) => canDial(c) && CRM_WHEN.crmCallable(c),
  directoryCallable: (c) => canDial(c) && CRM_WHEN.directoryCallable(c),
};

/**
 * What the console does by itself, with no server: once the client has
 * stopped (logged out) it sends nothing more, so only these apply (moving
 * around, filters, reading what is on screen, dialogs, quitting).
 */
const WORKS_OFFLINE: ReadonlySet<string> = new Set([
  'list', 'dialog', 'help', 'quit', 'search', 'terminal',
  'global.help', 'global.palette', 'global.nextPane', 'global.prevPane', 'global.quit', 'global.disposition',
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`global.pane${n}`, `chat.tab${n}`]),
  'queues.relation', 'queues.enabled', 'queues.media', 'queues.clear',
  'contacts.search', 'contacts.nextTab', 'contacts.prevTab', 'contacts.favourite', 'contacts.open', 'contacts.group', 'contacts.status', 'contacts.clear',
  'chat.next', 'chat.prev', 'chat.closeTab', 'compose.done', 'compose.newline', 'compose.scrollUp', 'compose.scrollDown',
  'notices.open',
]);

/** Whether a command applies now. */
export const applies = (spec: Pick<CommandSpec, 'id' | 'context' | 'when'>, c: WhenContext): boolean =>
  (c.view.connection.state !== 'offline' || WORKS_OFFLINE.has(spec.context) || WORKS_OFFLINE.has(spec.id)) && (spec.when ? WHEN[spec.when](c) : true);

/** `applies` bound to the console's state now (hints, the palette, help). */
export const appliesNow = (s: { view: { get(): SafeView }; ui: { get(): UiState } }) => {
  const c: WhenContext = { view: s.view.get(), ui: s.ui.get() };
  return (spec: Pick<CommandSpec, 'id' | 'context' | 'when'>): boolean => applies(spec, c);
};
