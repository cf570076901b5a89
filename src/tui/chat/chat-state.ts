// State of the chat view (UI only, never the engine's): which agent-to-agent
// tab is open, the draft per chat (kept while switching tabs), how far each
// transcript is scrolled, how many messages of each chat were seen (unread
// markers), and messages sent but not yet acknowledged (shown as pending).
import type { ChatMessage, InteractionView } from '../../protocol/index.js';
import type { SafeView } from '../safe-view.js';

/** The parts of the view chat tabs are made of (select these, not the whole view). */
export type ChatSource = Pick<SafeView, 'work' | 'contacts' | 'agentChats'>;

/** A chat tab: a customer chat (interaction id) or a colleague (`@agentId`). */
export type ChatKey = string;
export const agentKey = (agentId: string): ChatKey => `@${agentId}`;
export const isAgentKey = (k: ChatKey): boolean => k.startsWith('@');

export interface PendingMessage { key: ChatKey; localId: number; text: string; at: number }

export interface ChatUi {
  /** The colleague tab shown (overrides the selected interaction), or null. */
  agentTab: string | null;
  /** Colleagues whose tab stays listed although no message was exchanged yet. */
  openAgents: readonly string[];
  /** Colleague tabs closed (Ctrl-W), with how many messages there were then: a new one opens the tab again. */
  closedAgents: Readonly<Record<string, number>>;
  drafts: Readonly<Record<ChatKey, string>>;
  /** Lines scrolled up from the bottom, per chat. */
  scroll: Readonly<Record<ChatKey, number>>;
  /** Messages seen, per chat (the rest are unread). */
  seen: Readonly<Record<ChatKey, number>>;
  pending: readonly PendingMessage[];
  nextLocalId: number;
  /** The chat the compose box types into (set when writing starts and on every tab switch). */
  composeKey: ChatKey | null;
}

export const INITIAL_CHAT: ChatUi = { agentTab: null, openAgents: [], closedAgents: {}, drafts: {}, scroll: {}, seen: {}, pending: [], nextLocalId: 1, composeKey: null };

/** Most chat messages an agent may send (DOMAIN.md). */
export const MAX_CHAT_TEXT = 5000;
/** The counter shows from here on. */
export const COUNTER_FROM = 4500;
/** A typing indicator older than this is stale. */
export const TYPING_STALE_MS = 6000;

export interface ChatTab {
  key: ChatKey;
  label: string;
  messages: readonly ChatMessage[];
  /** The customer chat behind the tab (absent for colleagues). */
  work?: InteractionView;
  agentId?: string;
}

const isChat = (w: InteractionView): boolean => w.media === 'chat' && w.chat !== undefined;

/** Colleague conversations with a tab: not closed, or with messages since. */
const colleagueChats = (v: Pick<SafeView, 'agentChats'>, ui: ChatUi) =>
  v.agentChats.filter((c) => c.messages.length > (ui.closedAgents[c.with] ?? -1));

/** Tabs in order: customer chats (Alt-1..6), then colleagues. */
export function chatTabs(v: ChatSource, ui: ChatUi): ChatTab[] {
  const tabs: ChatTab[] = v.work.filter(isChat).map((w) => ({ key: w.id, label: w.customer.name ?? w.id, messages: w.chat!.messages, work: w }));
  const names = new Map(v.contacts.map((c) => [c.id, c.displayName]));
  const agents = [...colleagueChats(v, ui).map((c) => c.with), ...ui.openAgents.filter((a) => !v.agentChats.some((c) => c.with === a))];
  for (const a of agents) {
    tabs.push({ key: agentKey(a), label: names.get(a) ?? a, messages: v.agentChats.find((c) => c.with === a)?.messages ?? [], agentId: a });
  }
  return tabs;
}

/**
 * The chat shown: the open colleague tab, else the selected interaction when
 * it is a chat; with no interaction at all, a colleague's conversation (one
 * that wrote to me is shown, not hidden behind "No interaction").
 */
export function activeChatKey(v: Pick<SafeView, 'work' | 'agentChats'>, ui: ChatUi, selectedId: string | null, composing = false): ChatKey | null {
  if (composing && ui.composeKey !== null) return ui.composeKey;
  if (ui.agentTab !== null) return agentKey(ui.agentTab);
  const sel = v.work.find((w) => w.id === selectedId) ?? v.work[0];
  if (sel) return isChat(sel) ? sel.id : null;
  const colleague = colleagueChats(v, ui)[0]?.with ?? ui.openAgents[0];
  return colleague ? agentKey(colleague) : null;
}

/** Messages from the other side not seen yet. */
export function unreadCount(tab: ChatTab, ui: ChatUi, self: string | undefined): number {
  const seen = ui.seen[tab.key] ?? 0;
  let n = 0;
  for (let i = seen; i < tab.messages.length; i++) if (tab.messages[i]!.agentId !== self || tab.messages[i]!.from !== 'agent') n++;
  return n;
}

/** Unread colleague messages, for the status bar. */
export function agentUnread(agentChats: SafeView['agentChats'], self: string | undefined, ui: ChatUi): number {
  let n = 0;
  for (const c of agentChats) {
    n += unreadCount({ key: agentKey(c.with), label: '', messages: c.messages }, ui, self);
  }
  return n;
}

export const withRecord = <T,>(r: Readonly<Record<string, T>>, k: string, value: T): Readonly<Record<string, T>> =>
  r[k] === value ? r : { ...r, [k]: value };
