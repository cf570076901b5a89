// The transcript of one chat as terminal lines, built from the bottom up:
// only messages that reach the visible window are wrapped (and wrapped lines
// are cached per message and width), so 2,000 messages cost what the last
// screenful costs.
import type { ChatMessage } from '../../protocol/index.js';
import { parseMarkup } from '../../protocol/rich-text.js';
import { hhmm } from '../format.js';
import type { Role } from '../theme.js';
import type { PendingMessage } from './chat-state.js';
import { plainBlocks, richLines, type Span, type StyledLine } from './rich.js';

const INDENT = 2;

export interface Who {
  /** My agent id: my lines say "You". */
  self: string | undefined;
  customer: string;
  /** Colleagues' display names by agent id. */
  names: ReadonlyMap<string, string>;
}

const cache = new WeakMap<ChatMessage, { key: string; lines: StyledLine[] }>();

function messageLines(m: ChatMessage, width: number, who: Who): StyledLine[] {
  const mine = m.from === 'agent' && m.agentId === who.self;
  const name = m.from === 'customer' ? who.customer : m.from === 'system' ? '' : mine ? 'You' : (who.names.get(m.agentId ?? '') ?? m.agentId ?? 'Agent');
  const key = `${width}|${name}`;
  const hit = cache.get(m);
  if (hit && hit.key === key) return hit.lines;
  const role: Role = m.from === 'customer' ? 'accent' : mine ? 'success' : 'title';
  const prefix: Span[] = [{ text: `${hhmm(m.ts)} `, role: 'muted' }];
  let lines: StyledLine[];
  if (m.from === 'system') {
    prefix.push({ text: '— ', role: 'warning' });
    lines = richLines(plainBlocks(m.text), width, { prefix, indent: INDENT, role: 'warning' });
  } else {
    prefix.push({ text: `${name}: `, role, bold: true });
    // Agents write the chat markup; customers' text is shown as typed.
    lines = richLines(m.from === 'agent' ? parseMarkup(m.text) : plainBlocks(m.text), width, { prefix, indent: INDENT });
  }
  cache.set(m, { key, lines });
  return lines;
}

function pendingLines(p: PendingMessage, width: number): StyledLine[] {
  const prefix: Span[] = [{ text: '··:·· ', role: 'muted' }, { text: 'You: ', role: 'muted', bold: true }];
  const lines = richLines(parseMarkup(p.text), width, { prefix, indent: INDENT, role: 'muted' });
  lines[lines.length - 1]!.push({ text: ' (sending…)', role: 'warning' });
  return lines;
}

export interface Window {
  lines: StyledLine[];
  /** Lines hidden below (scrolled up), after clamping. */
  scroll: number;
  /** Whether older lines exist above the window. */
  more: boolean;
}

/** The `height` lines ending `scroll` lines above the bottom. */
export function transcriptWindow(
  messages: readonly ChatMessage[], pending: readonly PendingMessage[], width: number, height: number, scroll: number, who: Who,
): Window {
  const h = Math.max(0, height);
  const need = h + Math.max(0, scroll);
  const chunks: StyledLine[][] = [];
  let count = 0;
  for (let i = pending.length - 1; i >= 0 && count < need; i--) {
    const l = pendingLines(pending[i]!, width);
    chunks.push(l);
    count += l.length;
  }
  let i = messages.length - 1;
  for (; i >= 0 && count < need + 1; i--) {
    const l = messageLines(messages[i]!, width, who);
    chunks.push(l);
    count += l.length;
  }
  const all = chunks.reverse().flat();
  // Reached the first message: scrolling cannot go past the top.
  const maxScroll = Math.max(0, all.length - h);
  const s = i < 0 ? Math.min(Math.max(0, scroll), maxScroll) : Math.max(0, scroll);
  const end = all.length - s;
  const start = Math.max(0, end - h);
  return { lines: all.slice(start, end), scroll: s, more: start > 0 || i >= 0 };
}
