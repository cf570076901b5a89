// The dialogs that take the place of the panes: command palette, status
// menu, quit. Each maps its items (dialogs/items.ts) onto a ListDialog.
import { memo } from 'react';
import { useServices, useView } from '../context.js';
import { keysLabel } from '../keymap.js';
import { STATUS_LABELS } from '../labels.js';
import { normalizeWidth } from '../text/normalize.js';
import type { Overlay } from '../ui-state.js';
import { paletteItems, quitItems, statusItems, workInProgress } from './items.js';
import { ListDialog } from './list-dialog.js';

type Props<K extends Overlay['kind']> = { overlay: Extract<Overlay, { kind: K }>; width: number; height: number };

export const PaletteDialog = memo(function PaletteDialog({ overlay, width, height }: Props<'palette'>) {
  const { keymap } = useServices();
  const items = paletteItems(keymap, overlay.query).map((i) => ({ key: i.id, label: i.title, right: i.keys }));
  return (
    <ListDialog title="Command palette" intro={[{ text: `: ${normalizeWidth(overlay.query)}▌`, role: 'accent' }]} items={items}
      cursor={overlay.cursor} empty="No command matches." width={width} height={height} />
  );
});

export const StatusDialog = memo(function StatusDialog({ overlay, width, height }: Props<'status'>) {
  const { keymap } = useServices();
  const view = useView((v) => v);
  const items = statusItems(view, overlay).map((i, n) => ({ key: `${n}`, label: i.label }));
  const title = overlay.step === 'code' && overlay.target ? `Reason for ${STATUS_LABELS[overlay.target]}` : 'Change status';
  const now = view.self ? STATUS_LABELS[view.self.status] : '';
  const intro = overlay.step === 'code'
    ? [{ text: 'A reason is required for this status.' }]
    : [{ text: `Now: ${now}. ${keysLabel(keymap, 'dialog.select')} picks, ${keysLabel(keymap, 'dialog.close')} goes back.` }];
  return <ListDialog title={title} intro={intro} items={items} cursor={overlay.cursor} empty="No status change is possible now." width={width} height={height} />;
});

export const QuitDialog = memo(function QuitDialog({ overlay, width, height }: Props<'quit'>) {
  const view = useView((v) => v);
  const busy = workInProgress(view);
  const items = quitItems(view).map((i) => ({ key: i.command, label: i.label }));
  const parts = [
    ...(view.work.length ? [`${view.work.length} interaction${view.work.length > 1 ? 's' : ''}`] : []),
    ...(view.offer ? ['an offer'] : []),
  ];
  const intro = busy
    ? [{ text: `Work in progress: ${parts.join(' and ')}.`, role: 'warning' as const }]
    : [{ text: 'Leave the console?' }];
  return <ListDialog title="Quit" intro={intro} items={items} cursor={overlay.cursor} width={width} height={height} />;
});
