// Chat commands: switching tabs, writing and sending (with a pending line
// until the server acknowledges), FAQ shortcut expansion, opening the FAQ and
// transfer dialogs, and chatting with a colleague from Contacts.
import { focusPane } from '../actions/focus.js';
import { error, info, send, type Handler } from '../actions/run.js';
import type { ConsoleServices } from '../context.js';
import { contactUnderCursor } from '../panes/contacts-state.js';
import { activeChatKey, agentKey, chatTabs, isAgentKey, MAX_CHAT_TEXT, withRecord, type ChatKey } from './chat-state.js';
import { colleagueChatRefusal } from './colleague-reach.js';
import { faqInsertText, shortcutAtEnd } from './faq.js';
import { stopTyping } from './typing.js';

/** Lines a page key scrolls the transcript. */
const PAGE = 10;

export const currentChat = (s: ConsoleServices): ChatKey | null => {
  const u = s.ui.get();
  return activeChatKey(s.view.get(), u.chat, u.work.selectedId, u.text === 'compose');
};

const withoutKey = <T,>(r: Readonly<Record<string, T>>, k: string): Readonly<Record<string, T>> => {
  const { [k]: _gone, ...rest } = r;
  return rest;
};

/** Show a chat tab; a customer chat also becomes the selected interaction. */
export function showChat(s: ConsoleServices, key: ChatKey): void {
  const agent = isAgentKey(key) ? key.slice(1) : null;
  s.ui.update((u) => ({
    ...u,
    chat: {
      ...u.chat,
      agentTab: agent,
      composeKey: key,
      openAgents: agent && !u.chat.openAgents.includes(agent) ? [...u.chat.openAgents, agent] : u.chat.openAgents,
      // Shown again: no longer closed.
      closedAgents: agent && agent in u.chat.closedAgents ? withoutKey(u.chat.closedAgents, agent) : u.chat.closedAgents,
    },
    work: agent || u.work.selectedId === key ? u.work : { ...u.work, selectedId: key },
  }));
}

export const draftOf = (s: ConsoleServices, key: ChatKey): string => s.ui.get().chat.drafts[key] ?? '';

export function setDraft(s: ConsoleServices, key: ChatKey, text: string): void {
  s.ui.update((u) => ({ ...u, chat: { ...u.chat, drafts: withRecord(u.chat.drafts, key, text.slice(0, MAX_CHAT_TEXT)) } }));
}

/** Put text at the end of a chat's draft (a blank line apart), and start writing there. */
export function insertIntoDraft(s: ConsoleServices, key: ChatKey, text: string): void {
  const draft = draftOf(s, key);
  const joined = draft === '' ? text : `${draft}${draft.endsWith('\n') ? '' : '\n'}${text}`;
  if (joined.length > MAX_CHAT_TEXT) error(s, `The answer does not fit: a message is at most ${MAX_CHAT_TEXT} characters. Insert it as a link instead.`);
  setDraft(s, key, joined);
  showChat(s, key);
  s.ui.update((u) => ({ ...u, focus: 'interaction', text: 'compose' }));
}

const withChat = (f: (s: ConsoleServices, key: ChatKey) => void | Promise<unknown>): Handler => async (s) => {
  const key = currentChat(s);
  if (!key) return error(s, 'No chat is shown.');
  await f(s, key);
};

const pickTab = (n: number): Handler => (s) => {
  const tab = chatTabs(s.view.get(), s.ui.get().chat)[n - 1];
  if (!tab) return error(s, `There is no chat ${n}.`);
  showChat(s, tab.key);
  if (s.ui.get().focus !== 'interaction' && s.ui.get().text !== 'compose') focusPane(s, 'interaction');
};

const stepTab = (delta: 1 | -1): Handler => (s) => {
  const tabs = chatTabs(s.view.get(), s.ui.get().chat);
  if (tabs.length === 0) return error(s, 'No chat in progress.');
  const at = tabs.findIndex((t) => t.key === currentChat(s));
  showChat(s, tabs[(at + delta + tabs.length) % tabs.length]!.key);
};

const scroll = (delta: number): Handler => withChat((s, key) => {
  s.ui.update((u) => ({ ...u, chat: { ...u.chat, scroll: withRecord(u.chat.scroll, key, Math.max(0, (u.chat.scroll[key] ?? 0) + delta)) } }));
});

async function sendDraft(s: ConsoleServices, key: ChatKey): Promise<void> {
  const text = draftOf(s, key);
  if (text.trim() === '') return error(s, 'The message is empty.');
  if (text.length > MAX_CHAT_TEXT) return error(s, `A message is at most ${MAX_CHAT_TEXT} characters.`);
  const localId = s.ui.get().chat.nextLocalId;
  s.ui.update((u) => ({
    ...u,
    chat: {
      ...u.chat,
      nextLocalId: localId + 1,
      pending: [...u.chat.pending, { key, localId, text, at: s.clock.now() }],
      drafts: withRecord(u.chat.drafts, key, ''),
      scroll: withRecord(u.chat.scroll, key, 0),
    },
  }));
  stopTyping(s, key);
  // The client's outbox re-sends after a reconnect with the same id: the pending line stays until then.
  const ok = await send(s, isAgentKey(key) ? s.client.sendAgentChat(key.slice(1), text) : s.client.sendChat(key, text));
  s.ui.update((u) => ({ ...u, chat: { ...u.chat, pending: u.chat.pending.filter((p) => p.localId !== localId) } }));
  // Refused: the text comes back to the draft (unless something new was typed).
  if (!ok && draftOf(s, key) === '') setDraft(s, key, text);
}

/** Opens a chat with a colleague (from Contacts or the directory) and starts writing. */
export function chatWith(s: ConsoleServices, agentId: string): void {
  const refusal = colleagueChatRefusal(s.view.get(), agentId);
  if (refusal) return error(s, refusal);
  showChat(s, agentKey(agentId));
  focusPane(s, 'interaction');
  s.ui.update((u) => ({ ...u, text: 'compose' }));
}

export const chatActions = {
  'contacts.chat': (s) => {
    const contact = contactUnderCursor(s.view.get().contacts, s.ui.get().contacts);
    if (!contact) return error(s, 'No contact selected.');
    chatWith(s, contact.id);
  },
  'chatPane.compose': withChat((s, key) => {
    const refusal = isAgentKey(key) ? colleagueChatRefusal(s.view.get(), key.slice(1)) : undefined;
    if (refusal) return error(s, refusal);
    s.ui.update((u) => ({ ...u, focus: 'interaction', text: 'compose', chat: { ...u.chat, composeKey: key } }));
  }),
  'chat.tab1': pickTab(1),
  'chat.tab2': pickTab(2),
  'chat.tab3': pickTab(3),
  'chat.tab4': pickTab(4),
  'chat.tab5': pickTab(5),
  'chat.tab6': pickTab(6),
  'chat.next': stepTab(1),
  'chat.prev': stepTab(-1),
  'chat.faq': (s) => {
    s.ui.update((u) => ({ ...u, overlay: { kind: 'faq', query: '', cursor: 0, target: currentChat(s), confirmDelete: null } }));
  },
  'chat.transfer': withChat(async (s, key) => {
    const w = s.view.get().work.find((x) => x.id === key);
    if (!w?.chat) return error(s, 'Only a customer chat can be transferred.');
    if (w.phase !== 'active') return error(s, 'This chat has ended.');
    s.ui.update((u) => ({ ...u, overlay: { kind: 'chatTransfer', interactionId: key, queues: null, cursor: 0, query: '', step: 'pick', queueId: null, warning: null } }));
    const r = await s.client.listQueues().catch((e: Error) => ({ ok: false as const, error: { code: 'SERVER_ERROR' as const, message: e.message } }));
    if (!r.ok) {
      s.ui.update((u) => (u.overlay?.kind === 'chatTransfer' ? { ...u, overlay: null } : u));
      return void (await send(s, Promise.resolve(r)));
    }
    // Command results were sanitized at ingress (safeClient in safe-view.ts).
    const queues = (r.queues ?? []).filter((q) => q.media === 'chat');
    s.ui.update((u) => (u.overlay?.kind === 'chatTransfer' && u.overlay.interactionId === key ? { ...u, overlay: { ...u.overlay, queues } } : u));
  }),
  'chat.closeTab': (s) => {
    const key = currentChat(s);
    if (!key || !isAgentKey(key)) return info(s, 'A customer chat closes when it ends (e), then wrap-up.');
    const agent = key.slice(1);
    const seen = s.view.get().agentChats.find((c) => c.with === agent)?.messages.length ?? 0;
    // Closed while writing in it too: the field closes with the tab (the draft is kept).
    s.ui.update((u) => ({
      ...u,
      text: u.text === 'compose' && u.chat.composeKey === key ? null : u.text,
      chat: {
        ...u.chat,
        agentTab: u.chat.agentTab === agent ? null : u.chat.agentTab,
        composeKey: u.chat.composeKey === key ? null : u.chat.composeKey,
        openAgents: u.chat.openAgents.filter((a) => a !== agent),
        closedAgents: { ...u.chat.closedAgents, [agent]: seen },
      },
    }));
  },
  'compose.send': withChat(sendDraft),
  'compose.newline': withChat((s, key) => setDraft(s, key, `${draftOf(s, key)}\n`)),
  'compose.expand': withChat((s, key) => {
    const draft = draftOf(s, key);
    const hit = shortcutAtEnd(draft, s.view.get().faq);
    if (!hit) return info(s, 'No FAQ shortcut (such as \\q) right before the cursor.');
    const { text } = faqInsertText(hit.entry, s.view.get().faqBaseUrl, false);
    const next = draft.slice(0, hit.start) + text;
    if (next.length > MAX_CHAT_TEXT) return error(s, `The answer does not fit: a message is at most ${MAX_CHAT_TEXT} characters.`);
    setDraft(s, key, next);
  }),
  'compose.done': (s) => s.ui.update((u) => ({ ...u, text: null })),
  'compose.scrollUp': scroll(PAGE),
  'compose.scrollDown': scroll(-PAGE),
} satisfies Record<string, Handler>;
