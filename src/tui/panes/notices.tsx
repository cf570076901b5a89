// Notices pane: broadcast notices to my group, newest first, one line each in
// their priority's colour (● unread); Enter shows one whole. Shown while the
// pane is focused, they count as read. Only the rows that fit are rendered.
import { Box, Text } from 'ink';
import { memo } from 'react';
import { PaneFrame } from '../components/frame.js';
import { Line } from '../components/line.js';
import { useClockValue, useDateFormat, useServices, useTheme, useUi, useView } from '../context.js';
import { keysLabel } from '../keymap.js';
import { clampCursor, listWindow } from '../list-window.js';
import { noticeLine, PRIORITY_ROLES, unreadSummary } from '../notices/items.js';
import { fit } from '../text/fit.js';
import { textProps, type Role } from '../theme.js';

/** Theme entry. */
const STYLE = { selected: 'selection' } satisfies Record<string, Role>;

export const NoticesPane = memo(function NoticesPane({ width, height, focused }: { width: number; height: number; focused: boolean }) {
  const theme = useTheme();
  const { keymap } = useServices();
  const notices = useView((v) => v.notices);
  const format = useDateFormat();
  const cursorUi = useUi((u) => u.notices.cursor);
  // "10:42" changes once a minute at most.
  const now = useClockValue((n) => Math.floor(n / 60_000) * 60_000);
  const innerW = width - 2;
  const bodyH = Math.max(0, height - 2);
  const cursor = clampCursor(cursorUi, notices.length);
  const { start, end } = listWindow(notices.length, cursor, bodyH);
  const { count } = unreadSummary(notices);
  const empty = `No notices. ${keysLabel(keymap, 'global.notice')} sends one to your group.`;
  return (
    <PaneFrame pane="notices" detail={count ? `${count} unread` : undefined} focused={focused} width={width} height={height}>
      {notices.length === 0 && <Line text={empty} width={innerW} role="muted" />}
      <Box flexDirection="column">
        {notices.slice(start, end).map((n, i) => {
          const selected = focused && start + i === cursor;
          const role: Role = selected ? STYLE.selected : PRIORITY_ROLES[n.priority];
          return <Text key={n.id} {...textProps(theme, role)} wrap="truncate-end">{fit(noticeLine(n, now, format), innerW)}</Text>;
        })}
      </Box>
    </PaneFrame>
  );
});
