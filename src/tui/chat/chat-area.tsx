// The chat shown in the interaction pane: a tab row (customer chats with
// unread markers, then colleagues), a header (customer, queue, "transferred
// from", customer left), the virtualized transcript, the typing indicator
// and the compose box with its counter and FAQ shortcut offer.
import { Box } from 'ink';
import { memo, useMemo } from 'react';
import { Line, Segments, type Segment } from '../components/line.js';
import { useClockValue, useServices, useUi, useView } from '../context.js';
import { keysLabel } from '../keymap.js';
import { fit } from '../text/fit.js';
import { normalizeWidth } from '../text/normalize.js';
import { wrapToWidth } from '../text/wrap.js';
import { activeChatKey, agentUnread, chatTabs, COUNTER_FROM, MAX_CHAT_TEXT, TYPING_STALE_MS, unreadCount, type ChatTab } from './chat-state.js';
import { shortcutAtEnd } from './faq.js';
import { StyledLineView } from './styled-line.js';
import { transcriptWindow, type Who } from './transcript.js';

/** The chat to show in the interaction pane, or null (then the pane shows its usual content). */
export function useShownChat(): string | null {
  const work = useView((v) => v.work);
  const chat = useUi((u) => u.chat);
  const selectedId = useUi((u) => u.work.selectedId);
  const composing = useUi((u) => u.text === 'compose');
  return activeChatKey({ work }, chat, selectedId, composing);
}

const TabRow = memo(function TabRow({ tabs, active, width }: { tabs: readonly ChatTab[]; active: string; width: number }) {
  const chat = useUi((u) => u.chat);
  const self = useView((v) => v.agentId);
  const max = useView((v) => v.self?.maxChats ?? 0);
  const customers = tabs.filter((t) => t.work).length;
  const parts: Segment[] = tabs.map((t, i) => {
    const unread = t.key === active ? 0 : unreadCount(t, chat, self);
    const n = t.work ? `${i + 1}` : '@';
    const label = `${n} ${fit(t.label, Math.min(12, Math.max(4, Math.floor(width / Math.max(1, tabs.length)) - 5))).trimEnd()}${unread ? `•${unread}` : ''}`;
    return { text: t.key === active ? `[${label}] ` : ` ${label}  `, role: t.key === active ? 'selection' : unread ? 'warning' : 'muted' };
  });
  // A counter says what it counts: customer chats open, of the most this agent may hold.
  parts.push({ text: ` ${customers} of ${max} chats`, role: 'muted' });
  return <Segments parts={parts} width={width} />;
});

function header(tab: ChatTab): Segment[] {
  if (!tab.work) return [{ text: `Chat with ${tab.label}`, role: 'title' }, { text: ' · colleague', role: 'muted' }];
  const w = tab.work;
  const parts: Segment[] = [{ text: tab.label, role: 'title' }];
  if (w.queueName) parts.push({ text: ` · ${w.queueName}`, role: 'muted' });
  const from = w.chat?.transferredFrom;
  if (from) parts.push({ text: ` · transferred from ${from.displayName}${from.queueName ? ` (${from.queueName})` : ''}`, role: 'warning' });
  if (w.chat?.customerLeft) parts.push({ text: ' · customer left', role: 'danger' });
  else if (w.phase !== 'active') parts.push({ text: ' · ended', role: 'danger' });
  return parts;
}

function TypingLine({ typingKey, name, width, more, scroll }: { typingKey: string; name: string; width: number; more: boolean; scroll: number }) {
  const since = useView((v) => v.typing[typingKey]);
  const offset = useView((v) => v.clockOffset);
  const typing = useClockValue((now) => since !== undefined && now + offset - since < TYPING_STALE_MS);
  const parts: Segment[] = [];
  if (typing) parts.push({ text: `${name} is typing…`, role: 'accent' });
  if (scroll > 0) parts.push({ text: `${parts.length ? '  ' : ''}↓ ${scroll} newer lines (PgDn)`, role: 'muted' });
  else if (more && !typing) parts.push({ text: '↑ older messages (PgUp while writing)', role: 'muted' });
  return <Segments parts={parts.length ? parts : [{ text: ' ' }]} width={width} />;
}

function Compose({ chatKey, width, composing }: { chatKey: string; width: number; composing: boolean }) {
  const { keymap } = useServices();
  const draft = useUi((u) => u.chat.drafts[chatKey] ?? '');
  const faq = useView((v) => v.faq);
  const offer = composing ? shortcutAtEnd(draft, faq) : null;
  const parts: Segment[] = [{ text: composing ? 'Message ' : 'Draft ', role: composing ? 'accent' : 'muted' }];
  if (offer) parts.push({ text: `${keysLabel(keymap, 'compose.expand')}: insert "${offer.entry.title}" `, role: 'success' });
  else if (!composing) parts.push({ text: `(${keysLabel(keymap, 'chatPane.compose')} to write) `, role: 'muted' });
  if (draft.length >= COUNTER_FROM) parts.push({ text: `${draft.length}/${MAX_CHAT_TEXT}`, role: draft.length >= MAX_CHAT_TEXT ? 'danger' : 'warning' });
  const lines = composing ? wrapToWidth(`${normalizeWidth(draft)}▌`, width).slice(-3) : draft ? wrapToWidth(normalizeWidth(draft), width).slice(0, 1) : [];
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Segments parts={parts} width={width} />
      {lines.map((l, i) => <Line key={i} text={l} width={width} role={composing ? 'text' : 'muted'} />)}
    </Box>
  );
}

export const composeHeight = (draft: string, width: number, composing: boolean): number =>
  1 + (composing ? Math.min(3, wrapToWidth(`${normalizeWidth(draft)}▌`, width).length) : draft ? 1 : 0);

export const ChatArea = memo(function ChatArea({ chatKey, width, height }: { chatKey: string; width: number; height: number }) {
  const work = useView((v) => v.work);
  const contacts = useView((v) => v.contacts);
  const agentChats = useView((v) => v.agentChats);
  const agentId = useView((v) => v.agentId);
  const chat = useUi((u) => u.chat);
  const composing = useUi((u) => u.text === 'compose');
  const tabs = useMemo(() => chatTabs({ work, contacts, agentChats }, chat), [work, contacts, agentChats, chat]);
  const tab = tabs.find((t) => t.key === chatKey);
  const who: Who = useMemo(() => ({
    self: agentId, customer: tab?.label ?? 'Customer', names: new Map(contacts.map((c) => [c.id, c.displayName])),
  }), [agentId, contacts, tab?.label]);
  if (!tab || height < 3) return null;
  const draft = chat.drafts[chatKey] ?? '';
  const composeH = composeHeight(draft, width, composing);
  const bodyH = Math.max(0, height - 3 - composeH);
  const pending = chat.pending.filter((p) => p.key === chatKey);
  const win = transcriptWindow(tab.messages, pending, width, bodyH, chat.scroll[chatKey] ?? 0, who);
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <TabRow tabs={tabs} active={chatKey} width={width} />
      <Segments parts={header(tab)} width={width} />
      <Box flexDirection="column" height={bodyH} flexShrink={0} overflow="hidden" justifyContent="flex-end">
        {win.lines.map((l, i) => <StyledLineView key={i} line={l} width={width} />)}
      </Box>
      <TypingLine typingKey={tab.agentId ?? tab.key} name={tab.label} width={width} more={win.more} scroll={win.scroll} />
      <Compose chatKey={chatKey} width={width} composing={composing} />
    </Box>
  );
});

/** Unread colleague messages (status bar). */
export function useChatUnread(): number {
  const agentChats = useView((v) => v.agentChats);
  const self = useView((v) => v.agentId);
  const chat = useUi((u) => u.chat);
  return agentUnread(agentChats, self, chat);
}
