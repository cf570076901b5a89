// The History dialog: my past interactions, newest first, with a search
// field (the server searches codes, notes, transcripts, customers, queues);
// Enter opens one whole: its call log or chat transcript, as saved.
import { memo, useEffect } from 'react';
import { useClockValue, useDateFormat, useServices } from '../context.js';
import { ListDialog, type DialogLine } from '../dialogs/list-dialog.js';
import { keysLabel } from '../keymap.js';
import { normalizeWidth } from '../text/normalize.js';
import { wrapToWidth } from '../text/wrap.js';
import { loadHistory } from './actions.js';
import { historyHeader, historyRow, openedEntry } from './items.js';
import type { HistoryOverlay } from './overlays.js';

type Props = { overlay: HistoryOverlay; width: number; height: number };

/** Minute precision is enough for "10:42" / "2025-11-24 10:42". */
const useMinute = (): number => useClockValue((n) => Math.floor(n / 60_000) * 60_000);

export const HistoryDialog = memo(function HistoryDialog({ overlay: o, width, height }: Props) {
  const s = useServices();
  const format = useDateFormat();
  const now = useMinute();
  useEffect(() => {
    void loadHistory(s, o.query);
  }, [s, o.query]);
  const opened = openedEntry(o);
  if (opened) {
    const intro: DialogLine[] = [
      { text: historyHeader(opened, now, format), role: 'title' },
      ...opened.text.split('\n').flatMap((p) => wrapToWidth(p, width - 2)).map((text) => ({ text })),
      { text: `${keysLabel(s.keymap, 'dialog.close')} goes back to the list.`, role: 'muted' },
    ];
    return <ListDialog title="History" intro={intro} items={[]} cursor={0} width={width} height={height} />;
  }
  const intro: DialogLine[] = [
    { text: `Search: ${normalizeWidth(o.query)}▌`, role: 'accent' },
    { text: `Type to search codes, notes, transcripts and customers; ${keysLabel(s.keymap, 'dialog.select')} opens one.`, role: 'muted' },
  ];
  if (o.error) intro.push({ text: o.error, role: 'danger' });
  const items = (o.entries ?? []).map((e) => historyRow(e, now, format));
  const empty = o.entries === null ? 'Searching…' : o.query.trim() ? `Nothing in your history matches "${normalizeWidth(o.query)}".` : 'No calls, chats or voicemails in your history yet.';
  return <ListDialog title="History" intro={intro} items={items} cursor={o.cursor} empty={empty} width={width} height={height} />;
});

export const HISTORY_DIALOGS = { history: HistoryDialog };
