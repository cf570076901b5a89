// The one-line bands around the panes: the tab row (narrow terminals), the
// message line (errors and notices from commands, hidden by the shared clock
// after a few seconds) and the key hints generated from the keymap.
import { Box } from 'ink';
import { memo } from 'react';
import { Segments, type Segment } from '../components/line.js';
import { useClockValue, useServices, useUi, useView } from '../context.js';
import { hintsFor, type ContextId } from '../keymap.js';
import { PANES } from '../pane-ids.js';
import type { Role } from '../theme.js';
import { screenOf } from '../ui-state.js';

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

export const MessageLine = memo(function MessageLine({ width }: { width: number }) {
  const message = useUi((u) => u.message);
  // Visible until its time is up on the shared clock: no timer of its own.
  const visible = useClockValue((now) => message !== null && now < message.until);
  const parts: Segment[] = visible && message ? [{ text: message.text, role: STYLE[message.kind] }] : [{ text: ' ' }];
  return <Box height={1} width={width}><Segments parts={parts} width={width} /></Box>;
});

export const HintBar = memo(function HintBar({ width }: { width: number }) {
  const { keymap } = useServices();
  const screen = useUi(screenOf);
  const hasOffer = useView((v) => v.offer !== null);
  const hasWork = useView((v) => v.work.length > 0);
  const hasChat = useView((v) => v.agentChats.length > 0 || v.work.some((w) => w.chat !== undefined));
  const hasCall = useView((v) => v.work.some((w) => w.call !== undefined && w.call.state !== 'ended'));
  const idle: ContextId[] = [
    ...(hasOffer ? [] : ['offer' as const]), ...(hasWork ? [] : ['work' as const, 'disposition' as const]), ...(hasCall ? [] : ['call' as const]),
    ...(hasChat ? [] : ['chat' as const, 'chatPane' as const]),
  ];
  const permissions = useView((v) => v.self?.permissions);
  const parts = hintsFor(keymap, screen, { idle, first: ['offer'], permissions }).flatMap((h, i): Segment[] => [
    { text: `${i ? '  ' : ''}${h.keys}`, role: STYLE.key },
    { text: ` ${h.title}`, role: STYLE.hint },
  ]);
  return <Box height={1} width={width}><Segments parts={parts} width={width} /></Box>;
});
