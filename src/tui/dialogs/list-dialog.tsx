// The shape shared by the palette, the status menu and the quit dialog: a
// frame, a few intro lines, then a virtualized list with a cursor.
import { Box, Text } from 'ink';
import { memo } from 'react';
import { Frame } from '../components/frame.js';
import { Line } from '../components/line.js';
import { useTheme } from '../context.js';
import { clampCursor, listWindow } from '../list-window.js';
import { fit, fitRight } from '../text/fit.js';
import { textProps, type Role } from '../theme.js';
import { cellWidth } from '../text/width.js';

export interface DialogItem { key: string; label: string; right?: string }
export interface DialogLine { text: string; role?: Role }

/** Theme entry. */
const STYLE = { selected: 'selection', right: 'muted' } satisfies Record<string, Role>;

export const ListDialog = memo(function ListDialog(p: {
  title: string; intro: readonly DialogLine[]; items: readonly DialogItem[]; cursor: number; empty?: string; width: number; height: number;
}) {
  const theme = useTheme();
  const innerW = p.width - 2;
  const listH = Math.max(0, p.height - 2 - p.intro.length);
  const cursor = clampCursor(p.cursor, p.items.length);
  const { start, end } = listWindow(p.items.length, cursor, listH);
  return (
    <Frame title={p.title} focused width={p.width} height={p.height}>
      {p.intro.map((l, i) => <Line key={`i${i}`} text={l.text} role={l.role} width={innerW} />)}
      {p.items.length === 0 && p.empty ? <Line text={p.empty} width={innerW} role="muted" /> : null}
      <Box flexDirection="column">
        {p.items.slice(start, end).map((item, i) => {
          const selected = start + i === cursor;
          const right = item.right ? ` ${item.right}` : '';
          const rightW = Math.min(cellWidth(right), Math.floor(innerW / 2));
          return (
            <Text key={item.key} {...(selected ? textProps(theme, STYLE.selected) : {})} wrap="truncate-end">
              {fit(`${selected ? '›' : ' '} ${item.label}`, innerW - rightW)}
              <Text {...(selected ? {} : textProps(theme, STYLE.right))}>{fitRight(right, rightW)}</Text>
            </Text>
          );
        })}
      </Box>
    </Frame>
  );
});
