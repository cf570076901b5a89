// Disposition pane: the selected interaction's code lists (mandatory ones
// marked *), several codes selectable, and Wrap Up. Reached from anywhere
// with "Go to disposition".
import { Box, Text } from 'ink';
import { memo } from 'react';
import { PaneFrame } from '../components/frame.js';
import { Line, Segments } from '../components/line.js';
import { WrapUpTimer } from '../components/timer.js';
import { useServices, useTheme, useUi, useView } from '../context.js';
import { keysLabel } from '../keymap.js';
import { clampCursor, listWindow } from '../list-window.js';
import { fit } from '../text/fit.js';
import { textProps, type Role } from '../theme.js';
import { interactionTitle } from './offer.js';
import { codeCursorOf, codeRows, missingMandatory, selectedWork, type CodeRow } from './work-state.js';

/** Theme entry. */
const STYLE = { list: 'title', missing: 'danger', chosen: 'success', selected: 'selection', hint: 'muted', overdue: 'warning' } satisfies Record<string, Role>;
const TIMER_W = 7;

const Row = memo(function Row({ row, selected, width }: { row: CodeRow; selected: boolean; width: number }) {
  const theme = useTheme();
  if (row.kind === 'list') {
    const text = `${row.list.mandatory ? '*' : ' '} ${row.list.name}${row.missing ? '  (required)' : ''}`;
    return <Line text={text} width={width} role={row.missing ? STYLE.missing : STYLE.list} />;
  }
  const role: Role = selected ? STYLE.selected : row.chosen ? STYLE.chosen : 'text';
  return <Text {...textProps(theme, role)} wrap="truncate-end">{fit(`   [${row.chosen ? 'x' : ' '}] ${row.code.label}`, width)}</Text>;
});

export const DispositionPane = memo(function DispositionPane({ width, height, focused }: { width: number; height: number; focused: boolean }) {
  const { keymap } = useServices();
  const work = useView((v) => v.work);
  const offset = useView((v) => v.clockOffset);
  const ui = useUi((u) => u.work);
  const innerW = width - 2;
  const sel = selectedWork(work, ui.selectedId);
  if (!sel) {
    return (
      <PaneFrame pane="disposition" focused={focused} width={width} height={height}>
        <Line text="No interaction to disposition." width={innerW} role="muted" />
      </PaneFrame>
    );
  }
  const rows = codeRows(sel);
  const cursor = clampCursor(codeCursorOf(ui, sel.id), rows.filter((r) => r.kind === 'code').length);
  const cursorRow = rows.findIndex((r) => r.kind === 'code' && r.item === cursor);
  const overdueRows = sel.wrapUpOverdue ? 1 : 0;
  const { start, end } = listWindow(rows.length, cursorRow, Math.max(0, height - 4 - overdueRows));
  const missing = missingMandatory(sel);
  const hint = missing.length
    ? `Choose: ${missing.map((l) => l.name).join(', ')}`
    // What comes next for this interaction: ending it, then (in wrap-up) wrapping it up.
    : `${keysLabel(keymap, 'disposition.toggle')} toggle · ${sel.phase === 'wrapup' ? `${keysLabel(keymap, 'work.wrapUp')} Wrap Up` : `${keysLabel(keymap, 'work.end')} End`}`;
  return (
    <PaneFrame pane="disposition" detail={`${sel.codes.length} chosen`} focused={focused} width={width} height={height}>
      <Box width={innerW}>
        <Segments parts={[{ text: interactionTitle(sel) }, { text: sel.customer.name ? ` · ${sel.customer.name}` : '' }]} width={innerW - TIMER_W} pad />
        {sel.phase === 'wrapup' && sel.wrapUpDeadline !== undefined
          ? <WrapUpTimer deadline={sel.wrapUpDeadline} overdue={sel.wrapUpOverdue} offset={offset} width={TIMER_W} align="right" />
          : <Text>{fit('', TIMER_W)}</Text>}
      </Box>
      {rows.length === 0 && <Line text="No codes for this queue." width={innerW} role="muted" />}
      <Box flexDirection="column">
        {rows.slice(start, end).map((r) => (
          <Row key={r.kind === 'list' ? `l-${r.list.id}` : `c-${r.list.id}-${r.code.id}`} row={r} selected={focused && r.kind === 'code' && r.item === cursor} width={innerW} />
        ))}
      </Box>
      <Line text={hint} width={innerW} role={missing.length ? STYLE.missing : STYLE.hint} />
      {sel.wrapUpOverdue && missing.length > 0 && (
        <Line text={`Wrap-up time is over: choosing ends it at once (notes first: ${keysLabel(keymap, 'work.notes')}).`} width={innerW} role={STYLE.overdue} />
      )}
    </PaneFrame>
  );
});
