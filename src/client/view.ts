/**
 * The agent view: one immutable object that holds everything a console
 * shows. Each server message produces a new view (structural sharing), so
 * a UI can compare by reference and re-render only what changed.
 */
import type {
  AgentChatView,
  ChatMessage,
  FaqEntry,
  AgentSelfView,
  AgentViewData,
  AnyServerEnvelope,
  ContactView,
  CrmLogged,
  InteractionView,
  NoticeView,
  QueueView,
  WireError,
} from '../protocol/index.js';

export type ConnectionState =
  | { state: 'connecting'; attempt: number }
  | { state: 'online'; since: number }
  | { state: 'reconnecting'; attempt: number; nextAttemptAt: number; reason: string }
  | { state: 'offline'; reason: string };

export interface AgentView {
  connection: ConnectionState;
  agentId?: string;
  self?: AgentSelfView;
  offer: InteractionView | null;
  /** Why the last offer went away (accepted, rejected, timeout...). */
  offerEndReason?: string;
  work: readonly InteractionView[];
  queues: readonly QueueView[];
  contacts: readonly ContactView[];
  statusCodes: AgentViewData['statusCodes'];
  agentChats: readonly AgentChatView[];
  faq: readonly FaqEntry[];
  faqBaseUrl?: string;
  /** Broadcast notices to me, newest first. */
  notices: readonly NoticeView[];
  /** The groups I may send a notice to. */
  noticeGroups: readonly { id: string; name: string }[];
  /** The latest automatic log of one of my interactions (the console pops it). */
  crmLogged?: CrmLogged;
  /** Who is typing right now: interaction ids (customers) and agent ids (colleagues), with when it was said. */
  typing: Readonly<Record<string, number>>;
  /** Last applied view-event sequence number (for resume). */
  lastSeq: number;
  epoch?: string;
  /** Server clock minus local clock, in ms: timers use server deadlines. */
  clockOffset: number;
  /** Commands sent and not yet acknowledged. */
  pending: number;
  lastError?: WireError & { at: number };
}

export const EMPTY_VIEW: AgentView = {
  connection: { state: 'connecting', attempt: 0 },
  offer: null,
  work: [],
  queues: [],
  contacts: [],
  statusCodes: {},
  agentChats: [],
  faq: [],
  notices: [],
  noticeGroups: [],
  typing: {},
  lastSeq: 0,
  clockOffset: 0,
  pending: 0,
};

const upsert = <T extends { id: string }>(list: readonly T[], item: T): readonly T[] => {
  const at = list.findIndex((x) => x.id === item.id);
  if (at < 0) return [...list, item];
  const next = list.slice();
  next[at] = item;
  return next;
};

function appendChat(work: readonly InteractionView[], interactionId: string, message: ChatMessage): readonly InteractionView[] {
  return work.map((w) =>
    w.id === interactionId && w.chat && !w.chat.messages.some((m) => m.id === message.id)
      ? { ...w, chat: { ...w.chat, messages: [...w.chat.messages, message] } }
      : w,
  );
}

function appendAgentChat(chats: readonly AgentChatView[], other: string, message: ChatMessage): readonly AgentChatView[] {
  const existing = chats.find((c) => c.with === other);
  if (!existing) return [...chats, { with: other, messages: [message] }];
  return chats.map((c) => (c === existing ? { ...c, messages: [...c.messages, message] } : c));
}

/** Notices stay newest first. */
function upsertNotice(list: readonly NoticeView[], n: NoticeView): readonly NoticeView[] {
  const at = list.findIndex((x) => x.id === n.id);
  if (at >= 0) return upsert(list, n);
  // Same time (one batch): the later id is the newer notice.
  return [...list, n].sort((a, b) => b.at - a.at || Number(b.id.slice(2)) - Number(a.id.slice(2)));
}

function without(map: Readonly<Record<string, number>>, key: string): Readonly<Record<string, number>> {
  if (!(key in map)) return map;
  const { [key]: _gone, ...rest } = map;
  return rest;
}

/** Applies one numbered view event. Replies and heartbeats are not view events. */
export function reduceView(view: AgentView, msg: AnyServerEnvelope): AgentView {
  const seq = msg.seq ?? view.lastSeq;
  switch (msg.type) {
    case 'snapshot':
      return {
        ...view,
        self: msg.data.self,
        agentId: msg.data.self.id,
        offer: msg.data.offer,
        work: msg.data.work,
        queues: msg.data.queues,
        contacts: msg.data.contacts,
        statusCodes: msg.data.statusCodes,
        agentChats: msg.data.agentChats,
        faq: msg.data.faq,
        faqBaseUrl: msg.data.faqBaseUrl,
        notices: msg.data.notices ?? [],
        noticeGroups: msg.data.noticeGroups ?? [],
        lastSeq: seq,
      };
    case 'self':
      return { ...view, self: msg.data, lastSeq: seq };
    case 'offer':
      return { ...view, offer: msg.data.offer, offerEndReason: msg.data.offer ? undefined : msg.data.reason, lastSeq: seq };
    case 'work':
      return { ...view, work: upsert(view.work, msg.data), lastSeq: seq };
    case 'work_removed':
      return { ...view, work: view.work.filter((w) => w.id !== msg.data.interactionId), lastSeq: seq };
    case 'queue':
      return { ...view, queues: upsert(view.queues, msg.data), lastSeq: seq };
    case 'contact':
      return { ...view, contacts: upsert(view.contacts, msg.data), lastSeq: seq };
    case 'chat_message':
      return { ...view, work: appendChat(view.work, msg.data.interactionId, msg.data.message), typing: without(view.typing, msg.data.interactionId), lastSeq: seq };
    case 'agent_chat':
      return { ...view, agentChats: appendAgentChat(view.agentChats, msg.data.with, msg.data.message), lastSeq: seq };
    case 'faq':
      return { ...view, faq: msg.data.entries, lastSeq: seq };
    case 'notice':
      return { ...view, notices: upsertNotice(view.notices, msg.data), lastSeq: seq };
    case 'crm_logged':
      return { ...view, crmLogged: msg.data, lastSeq: seq };
    case 'typing': {
      const key = msg.data.interactionId ?? msg.data.from;
      if (!key) return view;
      return { ...view, typing: msg.data.typing ? { ...view.typing, [key]: msg.ts } : without(view.typing, key) };
    }
    default:
      return view;
  }
}
