// The chat dialogs: FAQ search with a rendered preview, the FAQ entry form,
// and the transfer dialog (chat queues with available agents, waiting and
// longest wait; a confirm step; the UNSTAFFED warning).
import { Box } from 'ink';
import { memo } from 'react';
import { parseMarkup } from '../../protocol/rich-text.js';
import { Frame } from '../components/frame.js';
import { Line, Segments } from '../components/line.js';
import { useClockValue, useServices, useView } from '../context.js';
import { ListDialog } from '../dialogs/list-dialog.js';
import { useLinearDialog } from '../linear/use-linear-dialog.js';
import { formatWait } from '../format.js';
import { keysLabel } from '../keymap.js';
import { clampCursor, listWindow } from '../list-window.js';
import { fit } from '../text/fit.js';
import { normalizeWidth } from '../text/normalize.js';
import { wrapToWidth } from '../text/wrap.js';
import { freeLabel } from '../transfer-targets.js';
import { faqMatches, faqPreviewMarkup } from './faq.js';
import { transferQueues } from './lists.js';
import { FAQ_FIELDS, type ChatOverlay } from './overlays.js';
import { richLines } from './rich.js';
import { StyledLineView } from './styled-line.js';

type Props<K extends ChatOverlay['kind']> = { overlay: Extract<ChatOverlay, { kind: K }>; width: number; height: number };

export const FaqDialog = memo(function FaqDialog({ overlay, width, height }: Props<'faq'>) {
  const { keymap } = useServices();
  const faq = useView((v) => v.faq);
  const list = faqMatches(faq, overlay.query);
  const innerW = width - 2;
  const innerH = height - 2;
  const cursor = clampCursor(overlay.cursor, list.length);
  const listH = Math.max(1, Math.min(list.length || 1, Math.floor((innerH - 2) / 2)));
  const { start, end } = listWindow(list.length, cursor, listH);
  const sel = list[cursor];
  const previewH = Math.max(0, innerH - 3 - listH);
  const preview = sel ? richLines(parseMarkup(faqPreviewMarkup(sel.body)), innerW).slice(0, previewH) : [];
  const keys = `${keysLabel(keymap, 'dialog.select')} inserts, ${keysLabel(keymap, 'faq.insertLink')} as link, ${keysLabel(keymap, 'dialog.close')} closes`;
  useLinearDialog({
    title: 'FAQ', intro: [{ text: keys }, { text: `/ ${overlay.query}▌` }], cursor, empty: 'No FAQ entry matches.',
    items: list.map((f) => ({ label: f.title, right: [f.shortcut, f.category, overlay.confirmDelete === f.id ? 'delete? Ctrl-D again' : ''].filter(Boolean).join(', ') })),
  });
  return (
    <Frame title="FAQ" focused width={width} height={height}>
      <Line text={`/ ${normalizeWidth(overlay.query)}▌`} width={innerW} role="accent" />
      <Box flexDirection="column" height={listH} flexShrink={0}>
        {list.length === 0 ? <Line text="No FAQ entry matches." width={innerW} role="muted" /> : null}
        {list.slice(start, end).map((f, i) => (
          <Segments key={f.id} pad width={innerW} role={start + i === cursor ? 'selection' : undefined} parts={[
            { text: `${start + i === cursor ? '›' : ' '} ${f.title}` },
            { text: `  ${f.shortcut ?? ''}  ${f.category}${overlay.confirmDelete === f.id ? '  delete? Ctrl-D again' : ''}`, ...(start + i === cursor ? {} : { role: 'muted' as const }) },
          ]} />
        ))}
      </Box>
      <Line text={fit(`── ${keys} `, innerW).replace(/ +$/, (m) => '─'.repeat(m.length))} width={innerW} role="muted" />
      <Box flexDirection="column" height={previewH} overflow="hidden">
        {preview.map((l, i) => <StyledLineView key={i} line={l} width={innerW} />)}
      </Box>
    </Frame>
  );
});

export const FaqEditDialog = memo(function FaqEditDialog({ overlay, width, height }: Props<'faqEdit'>) {
  const { keymap } = useServices();
  const innerW = width - 2;
  const labelW = 10;
  const keys = `${keysLabel(keymap, 'faqEdit.next')} next field, ${keysLabel(keymap, 'faqEdit.save')} saves, ${keysLabel(keymap, 'dialog.close')} cancels`;
  useLinearDialog({
    title: overlay.isNew ? 'New FAQ entry' : 'Edit FAQ entry', items: [], cursor: 0,
    intro: [{ text: keys }, ...FAQ_FIELDS.map((f, i) => ({ text: `${f[0]!.toUpperCase()}${f.slice(1)}: ${overlay.fields[f]}${i === overlay.field ? '▌' : ''}` }))],
  });
  const rows = FAQ_FIELDS.map((f, i) => {
    const active = i === overlay.field;
    const value = normalizeWidth(overlay.fields[f]);
    if (f === 'body') {
      const lines = wrapToWidth(`${value}${active ? '▌' : ''}`, Math.max(1, innerW - labelW));
      const shown = active ? lines.slice(-Math.max(1, height - 8)) : lines.slice(0, Math.max(1, height - 8));
      return shown.map((l, j) => (
        <Segments key={`${f}${j}`} width={innerW} parts={[{ text: fit(j === 0 ? `${active ? '›' : ' '} Body` : '', labelW), role: active ? 'accent' : 'muted' }, { text: l }]} />
      ));
    }
    return [<Segments key={f} width={innerW} parts={[
      { text: fit(`${active ? '›' : ' '} ${f[0]!.toUpperCase()}${f.slice(1)}`, labelW), role: active ? 'accent' : 'muted' },
      { text: `${value}${active ? '▌' : ''}` },
    ]} />];
  });
  return (
    <Frame title={overlay.isNew ? 'New FAQ entry' : 'Edit FAQ entry'} focused width={width} height={height}>
      <Line text={keys} width={innerW} role="muted" />
      {rows.flat()}
    </Frame>
  );
});

export const ChatTransferDialog = memo(function ChatTransferDialog({ overlay, width, height }: Props<'chatTransfer'>) {
  const { keymap } = useServices();
  const offset = useView((v) => v.clockOffset);
  const now = useClockValue((t) => Math.floor((t + offset) / 1000) * 1000);
  const target = overlay.queues?.find((q) => q.id === overlay.queueId);
  const items = transferQueues(overlay).map((q) => ({
    key: q.id,
    label: q.name,
    right: `${freeLabel(q)} · ${q.stats.waiting} waiting · ${q.stats.oldestArrival !== undefined ? formatWait(now - q.stats.oldestArrival) : '—'}`,
  }));
  const intro = overlay.queues === null
    ? [{ text: 'Loading chat queues…', role: 'muted' as const }]
    : overlay.step === 'pick'
      ? [{ text: `Search: ${normalizeWidth(overlay.query)}▌`, role: 'accent' as const },
        { text: `Type to filter; pick a chat queue (${keysLabel(keymap, 'dialog.select')}); the history goes along. "avail": colleagues who could take it now — never you, a chat you transfer is not offered back to you.` }]
      : overlay.step === 'confirm'
        ? [{ text: `Transfer this chat to ${target?.name ?? '?'}? ${keysLabel(keymap, 'dialog.select')} confirms, ${keysLabel(keymap, 'dialog.close')} goes back.`, role: 'accent' as const }]
        : [{ text: overlay.warning ?? 'Nobody else is available there.', role: 'warning' as const },
          { text: `${keysLabel(keymap, 'dialog.select')} transfers anyway, ${keysLabel(keymap, 'dialog.close')} goes back.`, role: 'warning' as const }];
  return <ListDialog title="Transfer chat" intro={intro} items={items} cursor={overlay.cursor} empty={overlay.queues ? (overlay.query.trim() ? `No chat queue matches "${normalizeWidth(overlay.query)}".` : 'No chat queue.') : ''} width={width} height={height} />;
});
