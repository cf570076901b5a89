// The CRM pane (6): search customers and cases as you type, a customer with
// their cases and tasks, a case with its history (follow-ups and automatic
// interaction logs), my tasks, and the pick list when several customers match
// my interaction. What it shows comes from paneText (pane-lines.ts).
import { Box } from 'ink';
import { memo, useMemo } from 'react';
import { PaneFrame } from '../components/frame.js';
import { Line } from '../components/line.js';
import { useClockValue, useDateFormat, useServices, useUi, useView } from '../context.js';
import { keysLabel } from '../keymap.js';
import { clampCursor } from '../list-window.js';
import { PAGE_TITLES } from './crm-state.js';
import { DETAIL_ROWS, wrapEach } from '../text/wrap.js';
import { bodyWindow, paneText } from './pane-lines.js';

export const CrmPane = memo(function CrmPane({ width, height, focused }: { width: number; height: number; focused: boolean }) {
  const { keymap } = useServices();
  const crm = useUi((u) => u.crm);
  const searching = useUi((u) => u.text === 'crmSearch');
  const work = useView((v) => v.work);
  const self = useView((v) => v.self);
  const contacts = useView((v) => v.contacts);
  // "10:42" changes once a minute at most.
  const now = useClockValue((n) => Math.floor(n / 60_000) * 60_000);
  const dateFormat = useDateFormat();
  const innerW = width - 2;
  const names = useMemo(() => new Map([...contacts.map((c) => [c.id, c.displayName] as const), ...(self ? [[self.id, self.displayName] as const] : [])]), [contacts, self]);
  const keys = { search: keysLabel(keymap, 'crm.search'), new: keysLabel(keymap, 'crm.new'), pick: keysLabel(keymap, 'crm.open') };
  const text = paneText({ work }, crm, { width: innerW, now, dateFormat, names, searching, keys });
  // The page's heading says things whole (every phone and email, a possible duplicate, what to do); the rows below are cells.
  const header = wrapEach(text.header, innerW, DETAIL_ROWS);
  const bodyH = Math.max(0, height - 2 - header.length);
  const rows = new Set(text.body.flatMap((l) => (l.row === undefined ? [] : [l.row]))).size;
  const cursor = clampCursor(crm.cursor, rows);
  const { start, end } = bodyWindow(text.body, cursor, bodyH);
  const detail = crm.picking?.purpose === 'caseCustomer' ? 'pick a customer' : PAGE_TITLES[crm.page.kind];
  return (
    <PaneFrame pane="crm" detail={detail} focused={focused} width={width} height={height}>
      {header.map((l, i) => <Line key={`h${i}`} text={l.text} role={l.role} width={innerW} />)}
      {text.body.length === 0 && text.empty ? <Line text={text.empty} width={innerW} role="muted" /> : null}
      <Box flexDirection="column">
        {text.body.slice(start, end).map((l, i) => {
          const selected = focused && l.row === cursor;
          return <Line key={`b${start + i}`} text={l.text} role={selected ? 'selection' : l.role} width={innerW} pad={selected} />;
        })}
      </Box>
    </PaneFrame>
  );
});
