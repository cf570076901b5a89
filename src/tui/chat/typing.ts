// Side effects of the chat view, kept out of the key handler: the typing
// indicator sent to the other side (on the first keystroke, then at most
// every 3 s while the draft changes; "stopped" after 5 s idle or on send),
// and marking the chat shown as read.
import { useEffect } from 'react';
import type { ConsoleServices } from '../context.js';
import type { UiState } from '../ui-state.js';
import { workLabel } from '../panes/offer.js';
import { activeChatKey, chatTabs, isAgentKey, withRecord, type ChatKey, type ChatTab } from './chat-state.js';

export const TYPING_EVERY_MS = 3000;
export const TYPING_IDLE_MS = 5000;

interface Typing { key: ChatKey; sentAt: number; idle: NodeJS.Timeout | undefined }
const state = new WeakMap<ConsoleServices, Typing>();

const target = (key: ChatKey): { interactionId: string } | { to: string } =>
  isAgentKey(key) ? { to: key.slice(1) } : { interactionId: key };

/** Tell the other side we stopped typing in `key` (no-op if we never said we were). */
export function stopTyping(s: ConsoleServices, key?: ChatKey): void {
  const t = state.get(s);
  if (!t || (key !== undefined && t.key !== key)) return;
  clearTimeout(t.idle);
  state.delete(s);
  s.client.setTyping(target(t.key), false);
}

function typed(s: ConsoleServices, key: ChatKey): void {
  const t = state.get(s);
  if (t && t.key !== key) stopTyping(s);
  const now = Date.now();
  const cur = state.get(s);
  if (!cur || now - cur.sentAt >= TYPING_EVERY_MS) s.client.setTyping(target(key), true);
  const next: Typing = { key, sentAt: !cur || now - cur.sentAt >= TYPING_EVERY_MS ? now : cur.sentAt, idle: undefined };
  clearTimeout(cur?.idle);
  next.idle = setTimeout(() => stopTyping(s, key), TYPING_IDLE_MS);
  next.idle.unref?.();
  state.set(s, next);
}

/** The chat last seen being written in (its label and interaction, once it is gone). */
const writingIn = new WeakMap<ConsoleServices, ChatTab>();

/**
 * The chat being written in is gone (its wrap-up time ran out): with nothing
 * typed, writing stops. With a message typed, the field stays open and says
 * so (as notes do, notes-keeper.ts) until Esc: the keys that follow still go
 * into it, never to a pane — a stray `a` would have accepted the next offer.
 */
function chatGone(s: ConsoleServices, u: UiState): void {
  const key = u.chat.composeKey!;
  const text = u.chat.drafts[key] ?? '';
  const tab = writingIn.get(s)?.key === key ? writingIn.get(s) : undefined;
  const who = tab?.work ? workLabel(tab.work) : `The chat with ${tab?.label ?? 'them'}`;
  const why = tab?.work?.phase === 'wrapup' ? ' (its wrap-up time ran out)' : '';
  s.ui.update((x) => {
    const chat = { ...x.chat, composeKey: null };
    if (text.trim() === '') return { ...x, text: null, chat };
    return { ...x, text: 'notes', chat, work: { ...x.work, draft: { id: key, text, ended: { words: `${who} is over${why}`, saved: null } } } };
  });
}

function markSeen(s: ConsoleServices, u: UiState): void {
  const v = s.view.get();
  if (u.text === 'compose' && u.chat.composeKey !== null) {
    const writing = chatTabs(v, u.chat).find((t) => t.key === u.chat.composeKey);
    if (!writing) return chatGone(s, u);
    writingIn.set(s, writing);
  }
  if (u.focus !== 'interaction' && u.text !== 'compose') return;
  const key = activeChatKey(v, u.chat, u.work.selectedId, u.text === 'compose');
  if (!key) return;
  const tab = chatTabs(v, u.chat).find((t) => t.key === key);
  if (!tab || (u.chat.seen[key] ?? 0) === tab.messages.length) return;
  s.ui.update((x) => ({ ...x, chat: { ...x.chat, seen: withRecord(x.chat.seen, key, tab.messages.length) } }));
}

/** Mounted once by the console root. */
export function useChatEffects(s: ConsoleServices): void {
  useEffect(() => {
    let prev = s.ui.get();
    const onUi = (): void => {
      const u = s.ui.get();
      const before = prev;
      prev = u;
      if (u.chat.drafts !== before.chat.drafts && u.text === 'compose') {
        const key = u.chat.composeKey;
        if (key && (u.chat.drafts[key] ?? '') !== (before.chat.drafts[key] ?? '') && (u.chat.drafts[key] ?? '') !== '') typed(s, key);
      }
      markSeen(s, u);
    };
    const offUi = s.ui.subscribe(onUi);
    const offView = s.view.subscribe(() => markSeen(s, s.ui.get()));
    markSeen(s, s.ui.get());
    return () => {
      offUi();
      offView();
      stopTyping(s);
    };
  }, [s]);
}
