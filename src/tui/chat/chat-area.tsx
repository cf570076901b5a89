// The chat shown in the interaction pane: a tab row (customer chats with
// unread markers, then colleagues), a header (customer, queue, "transferred
// from", customer left), the virtualized transcript, the typing indicator
// and the compose box with its counter and FAQ shortcut offer.
import { Box } from 'ink';
import { memo, useMemo } from 'react';
import { Segments, type Segment } from '../components/line.js';
import { useClockValue, useConsoleValue, useServices, useUi, useView } from '../context.js';
import { commandSpec, keysLabel } from '../keymap.js';
import { applies } from '../when.js';
import { memoLast } from '../memo.js';
import { normalizeWidth } from '../text/normalize.js';
import { cellWidth } from '../text/width.js';
import { parseMarkup } from '../../protocol/rich-text.js';
import { activeChatKey, agentUnread, chatTabs, COUNTER_FROM, MAX_CHAT_TEXT, TYPING_STALE_MS, unreadCount, type ChatTab } from './chat-state.js';
import { shortcutAtEnd } from './faq.js';
import { richLines, type StyledLine } from './rich.js';
import { StyledLineView } from './styled-line.js';
import { tabRowParts } from './tab-row.js';
import { transcriptWindow, type Who } from './transcript.js';

/** The chat to show in the interaction pane, or null (then the pane shows its usual content). */
export function useShownChat(): string | null {
  const work = useView((v) => v.work);
  const agentChats = useView((v) => v.agentChats);
  const chat = useUi((u) => u.chat);
  const selectedId = useUi((u) => u.work.selectedId);
  const composing = useUi((u) => u.text === 'compose');
  return activeChatKey({ work, agentChats }, chat, selectedId, composing);
}

const TabRow = memo(function TabRow({ tabs, active, width }: { tabs: readonly ChatTab[]; active: string; width: number }) {
  const chat = useUi((u) => u.chat);
  const self = useView((v) => v.agentId);
  const max = useView((v) => v.self?.maxChats ?? 0);
  const cells = tabs.map((t, i) => ({ n: t.work ? `${i + 1}` : '@', label: t.label, unread: t.key === active ? 0 : unreadCount(t, chat, self), active: t.key === active }));
  return <Segments parts={tabRowParts(cells, { open: tabs.filter((t) => t.work).length, max }, width)} width={width} />;
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

/**
 * The draft as the customer will see it: the chat markup rendered by the one
 * rich-text path the transcript and the web chat use (an inserted FAQ answer
 * shows its heading, bold, italics and list, not its marks), with the cursor
 * at its end while writing.
 */
export const draftLines = memoLast((draft: string, width: number, composing: boolean): StyledLine[] => {
  const text = normalizeWidth(draft);
  const lines = text.trim() === '' ? [[]] : richLines(parseMarkup(text), width, composing ? {} : { role: 'muted' });
  if (!composing) return lines;
  // A line break just typed: the cursor starts the next line.
  if (text.endsWith('\n')) lines.push([]);
  const last = lines[lines.length - 1]!;
  if (last.reduce((n, sp) => n + cellWidth(sp.text), 0) + 1 > width) lines.push([CURSOR]);
  else last.push(CURSOR);
  return lines;
});

const CURSOR = { text: '▌' };

/** Rows the draft may take: several while writing (half the chat, at least 3), its start otherwise. */
const draftRows = (chatHeight: number, composing: boolean): number => (composing ? Math.max(3, Math.floor(chatHeight / 2)) : 2);

function Compose({ chatKey, width, composing, rows }: { chatKey: string; width: number; composing: boolean; rows: number }) {
  const { keymap } = useServices();
  const draft = useUi((u) => u.chat.drafts[chatKey] ?? '');
  const faq = useView((v) => v.faq);
  const offer = composing ? shortcutAtEnd(draft, faq) : null;
  // "Enter to write" only where writing works (a chat ended or a colleague out of reach: the draft is kept, not offered).
  const canWrite = useConsoleValue((c) => applies(commandSpec('chatPane.compose'), c));
  const parts: Segment[] = [{ text: composing ? 'Message ' : 'Draft ', role: composing ? 'accent' : 'muted' }];
  if (offer) parts.push({ text: `${keysLabel(keymap, 'compose.expand')}: insert "${offer.entry.title}" `, role: 'success' });
  else if (!composing && canWrite) parts.push({ text: `(${keysLabel(keymap, 'chatPane.compose')} to write) `, role: 'muted' });
  if (draft.length >= COUNTER_FROM) parts.push({ text: `${draft.length}/${MAX_CHAT_TEXT} characters`, role: draft.length >= MAX_CHAT_TEXT ? 'danger' : 'warning' });
  const all = composing || draft ? draftLines(draft, width, composing) : [];
  // Writing: the end, where the cursor is (the heading says how much is above); otherwise the start.
  const lines = composing ? all.slice(-rows) : all.slice(0, rows);
  const hidden = all.length - lines.length;
  if (hidden > 0) parts.push({ text: composing ? ` (${hidden} more line${hidden > 1 ? 's' : ''} above)` : ` (${all.length} lines)`, role: 'muted' });
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Segments parts={parts} width={width} />
      {lines.map((l, i) => <StyledLineView key={i} line={l} width={width} />)}
    </Box>
  );
}

export const composeHeight = (draft: string, width: number, composing: boolean, rows: number): number =>
  1 + (composing || draft ? Math.min(rows, draftLines(draft, width, composing).length) : 0);

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
  const rows = draftRows(height - 3, composing);
  const composeH = composeHeight(draft, width, composing, rows);
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
      <Compose chatKey={chatKey} width={width} composing={composing} rows={rows} />
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
