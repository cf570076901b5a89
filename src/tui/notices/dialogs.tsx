// The notice dialogs: compose (text, priority, recipients), a notice shown
// whole, and the pop-up that takes the console until acknowledged.
import { memo } from 'react';
import { useClockValue, useDateFormat, useServices, useView } from '../context.js';
import { ListDialog, type DialogLine } from '../dialogs/list-dialog.js';
import { keysLabel } from '../keymap.js';
import { normalizeWidth } from '../text/normalize.js';
import { wrapToWidth } from '../text/wrap.js';
import { recipientsLabel } from './actions.js';
import { noticeHeader, PRIORITY_LABELS, PRIORITY_ROLES } from './items.js';
import type { NoticeOverlay } from './overlays.js';
import type { DateFormat, NoticeView } from '../../protocol/index.js';

type Props<K extends NoticeOverlay['kind']> = { overlay: Extract<NoticeOverlay, { kind: K }>; width: number; height: number };

/** A notice's header and its text wrapped to the dialog. */
function noticeLines(n: NoticeView, now: number, width: number, format: DateFormat): DialogLine[] {
  return [
    { text: noticeHeader(n, now, format), role: PRIORITY_ROLES[n.priority] },
    ...n.text.split('\n').flatMap((p) => wrapToWidth(p, width)).map((text) => ({ text })),
  ];
}

/** Minute precision is enough for "10:42" / "Nov 24 10:42". */
const useMinute = (): number => useClockValue((n) => Math.floor(n / 60_000) * 60_000);

export const NoticeComposeDialog = memo(function NoticeComposeDialog({ overlay: o, width, height }: Props<'noticeCompose'>) {
  const { keymap } = useServices();
  const groups = useView((v) => v.noticeGroups);
  const several = groups.length > 1;
  const intro: DialogLine[] = [
    { text: `Notice: ${normalizeWidth(o.text)}▌`, role: 'accent' },
    { text: `Priority: ${PRIORITY_LABELS[o.priority]} (${keysLabel(keymap, 'noticeCompose.priority')} changes)`, role: PRIORITY_ROLES[o.priority] },
    { text: `To: ${recipientsLabel(groups, o.groups)}${several ? ` (${keysLabel(keymap, 'noticeCompose.groups')} toggles the group at ›)` : ''}` },
    { text: `${keysLabel(keymap, 'dialog.select')} sends, ${keysLabel(keymap, 'dialog.close')} cancels.${o.priority === 'popup' ? ' A pop-up blocks your colleagues\' consoles until they press OK.' : ''}`, role: 'muted' },
  ];
  if (o.error) intro.push({ text: o.error, role: 'danger' });
  // A supervisor's groups, each ticked when it gets the notice.
  const items = several ? groups.map((g) => ({ key: g.id, label: `[${o.groups.includes(g.id) ? 'x' : ' '}] ${g.name}` })) : [];
  return <ListDialog title="Send a notice" intro={intro} items={items} cursor={o.groupCursor} width={width} height={height} />;
});

export const NoticeViewDialog = memo(function NoticeViewDialog({ overlay: o, width, height }: Props<'noticeView'>) {
  const n = useView((v) => v.notices.find((x) => x.id === o.noticeId));
  const now = useMinute();
  const format = useDateFormat();
  const intro = n ? noticeLines(n, now, width - 2, format) : [{ text: 'This notice is gone (notices last 7 days).', role: 'muted' as const }];
  return <ListDialog title="Notice" intro={intro} items={[]} cursor={0} width={width} height={height} />;
});

export const NoticePopupDialog = memo(function NoticePopupDialog({ overlay: o, width, height }: Props<'noticePopup'>) {
  const { keymap } = useServices();
  const n = useView((v) => v.notices.find((x) => x.id === o.noticeId));
  const now = useMinute();
  const format = useDateFormat();
  const intro: DialogLine[] = n ? noticeLines(n, now, width - 2, format) : [];
  intro.push({ text: '' }, { text: `${keysLabel(keymap, 'noticePopup.ok')}: OK`, role: 'title' });
  if (o.error) intro.push({ text: o.error, role: 'danger' });
  return <ListDialog title="Notice — acknowledge to continue" intro={intro} items={[]} cursor={0} width={width} height={height} />;
});

export const NOTICE_DIALOGS = {
  noticeCompose: NoticeComposeDialog,
  noticeView: NoticeViewDialog,
  noticePopup: NoticePopupDialog,
};
