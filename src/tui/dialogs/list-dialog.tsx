// The shape shared by the palette, the status menu and the quit dialog: a
// frame, a few intro lines (wrapped, never cut), then a virtualized list with
// a cursor. An item that would be refused now is shown greyed with its
// reason, and the reason of the one under the cursor is spelled out whole.
import { Box, Text } from 'ink';
import { memo } from 'react';
import { Frame } from '../components/frame.js';
import { Line } from '../components/line.js';
import { useTheme } from '../context.js';
import { clampCursor, listWindow } from '../list-window.js';
import { fit, fitRight } from '../text/fit.js';
import { wrapEach } from '../text/wrap.js';
import { cellWidth } from '../text/width.js';
import { textProps, type Role } from '../theme.js';
import { useLinearDialog } from '../linear/use-linear-dialog.js';

export interface DialogItem {
  key: string;
  label: string;
  right?: string;
  /** Why it cannot be chosen now (shown greyed, the reason under the list). */
  disabled?: string;
  /** The item whole, spelled out under the list while the cursor is on it and its row is cut (a directory entry's number). */
  whole?: string;
}
export interface DialogLine { text: string; role?: Role }

/** Theme entry. */
const STYLE = { selected: 'selection', right: 'muted', disabled: 'muted', why: 'warning', whole: 'accent' } satisfies Record<string, Role>;

/** A row's text: its label, then what is on its right. */
const rowWidth = (item: DialogItem): number => cellWidth(`› ${item.label}${item.right ? ` ${item.right}` : ''}`);

/** Intro lines wrapped to the width: each keeps its role on every line it takes. */
export const wrapLines = (lines: readonly DialogLine[], width: number): DialogLine[] => wrapEach(lines, width, Infinity);

export const ListDialog = memo(function ListDialog(p: {
  title: string; intro: readonly DialogLine[]; items: readonly DialogItem[]; cursor: number; empty?: string; width: number; height: number;
}) {
  const theme = useTheme();
  useLinearDialog(p);
  const innerW = p.width - 2;
  const cursor = clampCursor(p.cursor, p.items.length);
  const at = p.items[cursor];
  const why = at?.disabled;
  const intro = wrapLines(p.intro, innerW);
  const whole = at?.whole !== undefined && rowWidth(at) > innerW ? at.whole : undefined;
  const whyLines = why
    ? wrapLines([{ text: `Not now: ${why}`, role: STYLE.why }], innerW)
    : whole !== undefined ? wrapLines([{ text: whole, role: STYLE.whole }], innerW) : [];
  const listH = Math.max(0, p.height - 2 - intro.length - whyLines.length);
  const { start, end } = listWindow(p.items.length, cursor, listH);
  return (
    <Frame title={p.title} focused width={p.width} height={p.height}>
      {intro.map((l, i) => <Line key={`i${i}`} text={l.text} role={l.role} width={innerW} />)}
      {p.items.length === 0 && p.empty ? <Line text={p.empty} width={innerW} role="muted" /> : null}
      <Box flexDirection="column" height={Math.min(listH, Math.max(0, end - start))} flexShrink={0}>
        {p.items.slice(start, end).map((item, i) => {
          const selected = start + i === cursor;
          const right = item.right ? ` ${item.right}` : '';
          const rightW = Math.min(cellWidth(right), Math.floor(innerW / 2));
          const role: Role | undefined = selected ? STYLE.selected : item.disabled ? STYLE.disabled : undefined;
          return (
            <Text key={item.key} {...(role ? textProps(theme, role) : {})} wrap="truncate-end">
              {fit(`${selected ? '›' : ' '} ${item.label}`, innerW - rightW)}
              <Text {...(selected ? {} : textProps(theme, STYLE.right))}>{fitRight(right, rightW)}</Text>
            </Text>
          );
        })}
      </Box>
      {whyLines.map((l, i) => <Line key={`w${i}`} text={l.text} role={l.role} width={innerW} />)}
    </Frame>
  );
});
