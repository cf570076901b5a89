// The top line: who I am, my status with its color and time in it (and the
// reason or a prompt for a missing one; while busy the status the work will
// end in; otherwise why the engine set it, e.g. "offer missed"), the
// connection, unread notices and the clock. Also keeps the window title.
import { Box, Text } from 'ink';
import { memo, useEffect } from 'react';
import type { ConnectionState } from '../../client/index.js';
import { useChatUnread } from '../chat/chat-area.js';
import { ClockText, Since, WallClock } from '../components/timer.js';
import { Segments, type Segment } from '../components/line.js';
import { useServices, useTheme, useView } from '../context.js';
import { isWorking, STATUS_LABELS, statusRole } from '../labels.js';
import { statusTag } from '../status-words.js';
import { PRIORITY_ROLES, unreadSummary } from '../notices/items.js';
import type { SafeView } from '../safe-view.js';
import { cellWidth, truncateToWidth } from '../text/width.js';
import { fit } from '../text/fit.js';
import { textProps, type Role } from '../theme.js';

const TIME_W = 8;
const CLOCK_W = 9;
const NOTICES_W = 11;

type Codes = SafeView['statusCodes'];
const codeLabel = (codes: Codes, status: keyof Codes, code: string | undefined): string | undefined =>
  code && (codes[status]?.find((c) => c.id === code)?.label ?? code);

/** How the status after work and the reason prompt are said: whole, or in fewer words where the bar is short. */
const WORDS = {
  whole: { afterWork: ' after work', reason: ' reason? press s' },
  short: { afterWork: ' next', reason: ' reason? s' },
} as const;

/** Name and status (before the timer), then the reason / prompt / after-work part (after it). */
function statusParts(self: SafeView['self'], codes: Codes, nameW: number, words: keyof typeof WORDS = 'whole'): [Segment[], Segment[]] {
  if (!self) return [[{ text: 'Signing in…', role: 'muted' }], []];
  const role = statusRole(self.status);
  // A long display name is cut so the status itself always shows.
  const head: Segment[] = [{ text: `${truncateToWidth(self.displayName, nameW)}  `, role: 'title' }, { text: `● ${STATUS_LABELS[self.status]} `, role }];
  const tail: Segment[] = [];
  const code = codeLabel(codes, self.status, self.statusCode);
  if (code) tail.push({ text: ` ${code}`, role });
  else if ((codes[self.status]?.length ?? 0) > 0) tail.push({ text: WORDS[words].reason, role: 'warning' });
  if (isWorking(self.status)) {
    // The status the work will end in, always (the default too): press s to change it.
    const after = self.afterWork ? codeLabel(codes, self.afterWork.status, self.afterWork.code) : undefined;
    tail.push({ text: ` → ${STATUS_LABELS[self.statusAfterWork]}${after ? ` (${after})` : ''}${WORDS[words].afterWork}`, role: self.afterWork ? 'accent' : 'muted' });
  } else {
    // Why the engine put the agent here (a missed offer…), while it lasts.
    const tag = statusTag(self);
    if (tag) tail.push({ text: ` · ${tag}`, role: 'muted' });
  }
  return [head, tail];
}

const segmentsWidth = (parts: readonly Segment[]): number => parts.reduce((n, p) => n + cellWidth(p.text), 0);

/** The connection in a word or two (why it is down is said whole on the message line: connectionTrouble). */
const CONNECTION: { [K in ConnectionState['state']]: (c: Extract<ConnectionState, { state: K }>) => { role: Role; text: (now: number) => string } } = {
  online: () => ({ role: 'success', text: () => ' online' }),
  connecting: () => ({ role: 'warning', text: () => ' connecting…' }),
  reconnecting: (c) => ({ role: 'warning', text: (now) => ` reconnecting in ${Math.max(0, Math.ceil((c.nextAttemptAt - now) / 1000))}s` }),
  offline: () => ({ role: 'danger', text: () => ' offline' }),
};

const Connection = memo(function Connection({ c, width }: { c: ConnectionState; width: number }) {
  const { role, text } = (CONNECTION[c.state] as (c: ConnectionState) => { role: Role; text: (now: number) => string })(c);
  return <ClockText width={width} text={text} role={() => role} />;
});

function useTerminalTitle(title: string | null): void {
  const { terminal } = useServices();
  useEffect(() => {
    if (title !== null) terminal.title(title);
  }, [title, terminal]);
}

/** Unread notices, in the colour of the most urgent one. */
function Notices() {
  const theme = useTheme();
  const count = useView((v) => unreadSummary(v.notices).count);
  const top = useView((v) => unreadSummary(v.notices).top);
  return <Text {...textProps(theme, top ? PRIORITY_ROLES[top] : 'muted')}>{fit(` notices ${count}`, NOTICES_W)}</Text>;
}

export const StatusBar = memo(function StatusBar({ width }: { width: number }) {
  const self = useView((v) => v.self);
  const codes = useView((v) => v.statusCodes);
  const connection = useView((v) => v.connection);
  const offset = useView((v) => v.clockOffset);
  useTerminalTitle(self ? `${self.displayName} — ${STATUS_LABELS[self.status]}` : null);
  const roomy = width >= 70;
  // A word or two: ' reconnecting in 10s' at most.
  const connW = connection.state === 'online' ? 8 : 21;
  const fixed = TIME_W + connW + (roomy ? NOTICES_W : 0);
  const nameW = Math.max(4, Math.min(24, Math.floor(Math.max(0, width - fixed - (roomy ? CLOCK_W : 0)) / 3)));
  const chatUnread = useChatUnread();
  const unread: Segment[] = chatUnread > 0 ? [{ text: ` ✉ ${chatUnread} unread`, role: 'warning' }] : [];
  // The status is said whole before the wall clock shows: the clock gives way first, then the after-work and reason words shorten.
  const whole = statusParts(self, codes, nameW);
  const needs = segmentsWidth(whole[0]) + segmentsWidth(whole[1]) + segmentsWidth(unread);
  const clock = roomy && width - fixed - CLOCK_W >= needs;
  const leftW = Math.max(0, width - fixed - (clock ? CLOCK_W : 0));
  const [head, rest] = needs <= leftW ? whole : statusParts(self, codes, nameW, 'short');
  const tail = [...unread, ...rest];
  const headW = Math.min(segmentsWidth(head), leftW);
  return (
    <Box width={width} height={1} flexShrink={0}>
      <Segments parts={head} width={headW} />
      {self ? <Since at={self.statusSince} offset={offset} width={TIME_W} role={statusRole(self.status)} /> : <Text>{fit('', TIME_W)}</Text>}
      <Segments parts={tail} width={leftW - headW} pad />
      <Connection c={connection} width={connW} />
      {roomy && <Notices />}
      {clock && <WallClock width={CLOCK_W} />}
    </Box>
  );
});
