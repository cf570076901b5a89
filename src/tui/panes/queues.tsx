// Queues pane: my assigned queues grouped by media, each with its state
// (on / off / supervised), agents available, interactions waiting and the
// longest wait. Only the rows that fit are rendered.
import { Box, Text } from 'ink';
import { memo, useMemo } from 'react';
import type { Media, QueueView } from '../../protocol/index.js';
import { PaneFrame } from '../components/frame.js';
import { Line } from '../components/line.js';
import { Since } from '../components/timer.js';
import { useTheme, useUi, useView } from '../context.js';
import { MEDIA_LABELS } from '../labels.js';
import { clampCursor, listWindow } from '../list-window.js';
import { fit, fitRight } from '../text/fit.js';
import { textProps, type Role } from '../theme.js';
import { filterLabel, queuesFor } from './queues-state.js';

/** Theme entry: the role of each part of the pane. */
const STYLE = { header: 'muted', group: 'title', disabled: 'muted', selected: 'selection', waiting: 'warning' } satisfies Record<string, Role>;
const COLS = { mark: 2, state: 5, avail: 6, wait: 6, longest: 8 };
const FIXED = COLS.mark + COLS.state + COLS.avail + COLS.wait + COLS.longest;

type Row = { kind: 'group'; media: Media } | { kind: 'queue'; queue: QueueView; item: number };

function toRows(queues: readonly QueueView[]): Row[] {
  const rows: Row[] = [];
  queues.forEach((queue, item) => {
    if (queues[item - 1]?.media !== queue.media) rows.push({ kind: 'group', media: queue.media });
    rows.push({ kind: 'queue', queue, item });
  });
  return rows;
}

const stateLabel = (q: QueueView): string => (q.relation === 'supervisor' ? 'sup' : q.enabled ? 'on' : 'off');

const QueueRow = memo(function QueueRow({ q, selected, width, offset }: { q: QueueView; selected: boolean; width: number; offset: number }) {
  const theme = useTheme();
  const role: Role = selected ? STYLE.selected : q.enabled ? 'text' : STYLE.disabled;
  const nameW = Math.max(0, width - FIXED);
  return (
    <Text {...textProps(theme, role)} wrap="truncate-end">
      {fit(selected ? '›' : '', COLS.mark)}
      {fit(q.name, nameW)}
      {fitRight(stateLabel(q), COLS.state)}
      {fitRight(String(q.stats.available), COLS.avail)}
      <Text {...(q.stats.waiting > 0 && !selected ? textProps(theme, STYLE.waiting) : {})}>{fitRight(String(q.stats.waiting), COLS.wait)}</Text>
      {q.stats.oldestArrival !== undefined && q.stats.waiting > 0
        ? <Since at={q.stats.oldestArrival} offset={offset} width={COLS.longest} align="right" role={role} />
        : fitRight('–', COLS.longest)}
    </Text>
  );
});

export const QueuesPane = memo(function QueuesPane({ width, height, focused }: { width: number; height: number; focused: boolean }) {
  const all = useView((v) => v.queues);
  const offset = useView((v) => v.clockOffset);
  const ui = useUi((u) => u.queues);
  const queues = queuesFor(all, ui);
  const rows = useMemo(() => toRows(queues), [queues]);
  const innerW = width - 2;
  const bodyH = Math.max(0, height - 3);
  const cursor = clampCursor(ui.cursor, queues.length);
  const cursorRow = rows.findIndex((r) => r.kind === 'queue' && r.item === cursor);
  const { start, end } = listWindow(rows.length, cursorRow, bodyH);
  const filters = filterLabel(ui, (m) => MEDIA_LABELS[m]);
  const header = `${fit('', COLS.mark)}${fit('Queue', Math.max(0, innerW - FIXED))}${fitRight('State', COLS.state)}${fitRight('Avail', COLS.avail)}${fitRight('Wait', COLS.wait)}${fitRight('Longest', COLS.longest)}`;
  return (
    <PaneFrame pane="queues" detail={filters} focused={focused} width={width} height={height}>
      <Line text={header} width={innerW} role={STYLE.header} />
      {rows.length === 0 && <Line text={all.length ? 'No queue matches the filters (c clears them).' : 'No assigned queues.'} width={innerW} role="muted" />}
      <Box flexDirection="column">
        {rows.slice(start, end).map((r) => (r.kind === 'group'
          ? <Line key={`g-${r.media}`} text={MEDIA_LABELS[r.media]} width={innerW} role={STYLE.group} />
          : <QueueRow key={r.queue.id} q={r.queue} selected={focused && r.item === cursor} width={innerW} offset={offset} />))}
      </Box>
    </PaneFrame>
  );
});
