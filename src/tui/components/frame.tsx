// A frame: a rounded border with the title set into the top edge (saving a
// row), highlighted when focused. Children get exactly width-2 columns and
// height-2 rows. Panes put their number and name in the title.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { useTheme } from '../context.js';
import { PANES, paneIndex, type PaneId } from '../pane-ids.js';
import { cellWidth, truncateToWidth } from '../text/width.js';
import { textProps } from '../theme.js';

export interface FrameProps {
  /** Sanitized text only. */
  title: string;
  focused: boolean;
  width: number;
  height: number;
  children: ReactNode;
  /**
   * Let Ink clip the columns too (default). Every line is already cut to its
   * width, but Ink's horizontal clip also re-parses each line, dropping
   * stray escape sequences: a second guard for dialogs that list server
   * answers. It is a third of Ink's render time, so panes, which show only
   * the sanitized view (safe-view.ts), clip rows only.
   */
  clipColumns?: boolean;
}

export function Frame({ title, focused, width, height, children, clipColumns = true }: FrameProps) {
  const theme = useTheme();
  const role = focused ? 'focusBorder' : 'border';
  const style = theme.roles[role];
  const label = truncateToWidth(` ${title} `, Math.max(0, width - 4));
  const fill = Math.max(0, width - 3 - cellWidth(label));
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0}>
      <Text {...textProps(theme, role)} wrap="truncate-end">
        {width >= 4 ? `╭─${label}${'─'.repeat(fill)}╮` : ''}
      </Text>
      <Box
        borderStyle="round"
        borderTop={false}
        borderColor={style.color}
        borderDimColor={style.dim}
        width={width}
        height={Math.max(1, height - 1)}
        flexDirection="column"
        overflowY="hidden"
        overflowX={clipColumns ? 'hidden' : 'visible'}
      >
        {children}
      </Box>
    </Box>
  );
}

export interface PaneFrameProps extends Omit<FrameProps, 'title'> {
  pane: PaneId;
  /** Shown after the pane's name: filters, counts. */
  detail?: string;
}

export function PaneFrame({ pane, detail, ...rest }: PaneFrameProps) {
  const i = paneIndex(pane);
  return <Frame title={`${i + 1} ${PANES[i]!.title}${detail ? ` · ${detail}` : ''}`} clipColumns={false} {...rest} />;
}
