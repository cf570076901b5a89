// Contacts pane: the agents I can reach, with status (in its color), time in
// status, role and favourites; tabs All / Recent / Favourites, group and
// status filters, and a search that filters as you type. Virtualized: a
// 1,000-agent directory renders only the rows that fit. Time in status is a
// glance, in whole minutes ("<1m", "4m", "1h12m"): the rows change once a
// minute, not every second.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { ContactView } from '../../protocol/index.js';
import { PaneFrame } from '../components/frame.js';
import { Line, Segments, type Segment } from '../components/line.js';
import { Since } from '../components/timer.js';
import { useTheme, useUi, useView } from '../context.js';
import { STATUS_LABELS, statusRole } from '../labels.js';
import { clampCursor, listWindow } from '../list-window.js';
import { fit } from '../text/fit.js';
import type { Granularity } from '../format.js';
import { normalizeWidth } from '../text/normalize.js';
import { textProps, type Role } from '../theme.js';
import { CONTACT_TABS, contactsFor, type ContactsUi } from './contacts-state.js';

/** Theme entry: the role of each part of the pane. */
const STYLE = { header: 'muted', tab: 'muted', activeTab: 'title', favourite: 'warning', selected: 'selection', search: 'accent' } satisfies Record<string, Role>;
const COLS = { fav: 2, status: 17, time: 8, role: 11 };
const FIXED = COLS.fav + COLS.status + COLS.time + COLS.role;
/** Colleagues' time in status, for a glance: once a minute is enough. */
const TIME_GRANULARITY: Granularity = 'minute';

const ContactRow = memo(function ContactRow({ c, fav, selected, width, offset }: { c: ContactView; fav: boolean; selected: boolean; width: number; offset: number }) {
  const theme = useTheme();
  const row = selected ? textProps(theme, STYLE.selected) : {};
  return (
    <Text {...row} wrap="truncate-end">
      <Text {...(selected ? {} : textProps(theme, STYLE.favourite))}>{fit(fav ? '★' : '', COLS.fav)}</Text>
      {fit(c.displayName, Math.max(0, width - FIXED))}
      <Text {...(selected ? {} : textProps(theme, statusRole(c.status)))}>{fit(STATUS_LABELS[c.status], COLS.status)}</Text>
      {/* statusSince 0: never logged in since the engine started its log — no time to show. */}
      {c.statusSince > 0
        ? <Since at={c.statusSince} offset={offset} width={COLS.time} role={selected ? STYLE.selected : 'muted'} granularity={TIME_GRANULARITY} />
        : <Text {...(selected ? {} : textProps(theme, 'muted'))}>{fit('—', COLS.time)}</Text>}
      {fit(` ${c.role}`, COLS.role)}
    </Text>
  );
});

function tabParts(ui: ContactsUi, searching: boolean): Segment[] {
  const parts: Segment[] = CONTACT_TABS.map((t) => ({
    text: t.id === ui.tab ? `[${t.title}] ` : ` ${t.title}  `,
    role: t.id === ui.tab ? STYLE.activeTab : STYLE.tab,
  }));
  if (ui.group) parts.push({ text: ` group: ${ui.group}`, role: 'accent' });
  if (ui.status) parts.push({ text: ` status: ${STATUS_LABELS[ui.status]}`, role: 'accent' });
  if (searching || ui.query) parts.push({ text: ` /${normalizeWidth(ui.query)}${searching ? '▌' : ''}`, role: STYLE.search });
  return parts;
}

export const ContactsPane = memo(function ContactsPane({ width, height, focused }: { width: number; height: number; focused: boolean }) {
  const all = useView((v) => v.contacts);
  const offset = useView((v) => v.clockOffset);
  const ui = useUi((u) => u.contacts);
  const searching = useUi((u) => u.text === 'search');
  const list = contactsFor(all, ui);
  const innerW = width - 2;
  const bodyH = Math.max(0, height - 4);
  const cursor = clampCursor(ui.cursor, list.length);
  const { start, end } = listWindow(list.length, cursor, bodyH);
  const header = `${fit('', COLS.fav)}${fit('Name', Math.max(0, innerW - FIXED))}${fit('Status', COLS.status)}${fit('Time', COLS.time)}${fit(' Role', COLS.role)}`;
  const empty = ui.tab === 'favourites' ? 'No favourites yet (f adds the contact under the cursor).'
    : ui.tab === 'recent' ? 'No recent contacts (Enter opens one).' : 'No contact matches.';
  return (
    <PaneFrame pane="contacts" detail={list.length === all.length ? `${all.length} colleague${all.length === 1 ? '' : 's'}` : `${list.length} of ${all.length} colleagues`} focused={focused} width={width} height={height}>
      <Segments parts={tabParts(ui, searching)} width={innerW} />
      <Line text={header} width={innerW} role={STYLE.header} />
      {list.length === 0 && <Line text={empty} width={innerW} role="muted" />}
      <Box flexDirection="column">
        {list.slice(start, end).map((c, i) => (
          <ContactRow key={c.id} c={c} fav={ui.favourites.includes(c.id)} selected={focused && start + i === cursor} width={innerW} offset={offset} />
        ))}
      </Box>
    </PaneFrame>
  );
});
