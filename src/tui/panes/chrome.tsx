// The bands around the panes: the tab row (narrow terminals), the message
// line (errors and notices from commands, wrapped to a few rows, hidden by the
// shared clock after a few seconds) and the key hints generated from the
// keymap: only what applies now, as many as fit, then where to find the rest.
import { Box } from 'ink';
import { memo } from 'react';
import { Segments, type Segment } from '../components/line.js';
import type { ConnectionState } from '../../client/index.js';
import { useClockValue, useConsoleValue, useServices, useUi, useView } from '../context.js';
import { hintsFor, keysLabel, resolvesTo } from '../keymap.js';
import { wrapAtMost } from '../text/wrap.js';
import { cellWidth } from '../text/width.js';
import { applies } from '../when.js';
import { PANES } from '../pane-ids.js';
import type { Role } from '../theme.js';
import { screenOf, type Message } from '../ui-state.js';

/** Theme entry. */
const STYLE = { tab: 'muted', activeTab: 'title', key: 'accent', hint: 'muted', error: 'danger', info: 'success' } satisfies Record<string, Role>;

export const TabBar = memo(function TabBar({ width }: { width: number }) {
  const focus = useUi((u) => u.focus);
  const parts: Segment[] = PANES.map((p, i) => ({
    text: p.id === focus ? `[${i + 1} ${p.title}] ` : ` ${i + 1} ${p.title}  `,
    role: p.id === focus ? STYLE.activeTab : STYLE.tab,
  }));
  return <Box height={1} width={width}><Segments parts={parts} width={width} /></Box>;
});

/** The longest a message grows (rows) before its end is cut: long enough for any
 *  refusal the engine words, short enough to leave the panes their room. */
export const MESSAGE_MAX_ROWS = 4;

/** The message's lines at this width (wrapped, never cut short but at MESSAGE_MAX_ROWS). */
export const messageLines = (text: string, width: number): string[] => wrapAtMost(text, width, MESSAGE_MAX_ROWS);

/** Why the connection is down, said whole while no other message shows (the status bar says only 'reconnecting'). */
function connectionTrouble(c: ConnectionState): { kind: Message['kind']; text: string } | null {
  if (c.state === 'reconnecting') return { kind: 'error', text: `Connection lost: ${c.reason}. Trying again (attempt ${c.attempt}); your work stays with the engine.` };
  if (c.state === 'offline') return { kind: 'error', text: `Offline: ${c.reason}.` };
  return null;
}

/** The message shown now: the last one while its time lasts, else connection trouble, else none. */
function useShownMessage(): { kind: Message['kind']; text: string } | null {
  const message = useUi((u) => u.message);
  const visible = useClockValue((now) => message !== null && now < message.until);
  const trouble = useView((v) => connectionTrouble(v.connection)?.text ?? null);
  if (visible && message) return message;
  return trouble ? { kind: 'error', text: trouble } : null;
}

/** Rows the message line takes now (the root budgets the panes with it). */
export function useMessageRows(width: number): number {
  const message = useShownMessage();
  return message ? messageLines(message.text, width).length : 1;
}

export const MessageLine = memo(function MessageLine({ width }: { width: number }) {
  // Visible until its time is up on the shared clock: no timer of its own.
  const message = useShownMessage();
  if (!message) return <Box height={1} width={width}><Segments parts={[{ text: ' ' }]} width={width} /></Box>;
  const lines = messageLines(message.text, width);
  return (
    <Box flexDirection="column" height={lines.length} width={width} flexShrink={0}>
      {lines.map((l, i) => <Segments key={i} parts={[{ text: l, role: STYLE[message.kind] }]} width={width} />)}
    </Box>
  );
});

/** The key hints that fit, the most pressing first, and where to find the rest. */
export function fitHints(hints: readonly { keys: string; label: string }[], width: number, more: string | null): Segment[] {
  const parts: Segment[] = [];
  const tail = more ? `  ${more} more` : '';
  let used = 0;
  let dropped = false;
  for (const h of hints) {
    const text = `${parts.length ? '  ' : ''}${h.keys} ${h.label}`;
    if (used + cellWidth(text) + cellWidth(tail) > width) {
      dropped = true;
      continue;
    }
    parts.push({ text: `${parts.length ? '  ' : ''}${h.keys}`, role: STYLE.key }, { text: ` ${h.label}`, role: STYLE.hint });
    used += cellWidth(text);
  }
  if (more && (dropped || hints.length > 0)) parts.push({ text: `${parts.length ? '  ' : ''}${more}`, role: STYLE.key }, { text: ' more', role: STYLE.hint });
  return parts;
}

export const HintBar = memo(function HintBar({ width }: { width: number }) {
  const s = useServices();
  const screen = useUi(screenOf);
  // The hints follow everything a predicate reads (when.ts); re-rendered only when they change.
  const ids = useConsoleValue((c) => hintsFor(s.keymap, screenOf(c.ui), (spec) => applies(spec, c)).map((h) => h.id).join(' '));
  const hints = hintsFor(s.keymap, screen).filter((h) => ids.split(' ').includes(h.id));
  // Where ? is text or a dialog's, F1 (the terminal layer's help) is the way to the rest.
  const helpId = (['global.help', 'terminal.help'] as const).find((id) => resolvesTo(s.keymap, screen, id));
  const help = helpId ? keysLabel(s.keymap, helpId).split(', ')[0] ?? null : null;
  return <Box height={1} width={width}><Segments parts={fitHints(hints, width, help)} width={width} /></Box>;
});
