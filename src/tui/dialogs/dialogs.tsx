// The dialogs that take the place of the panes: command palette, status
// menu, quit, rejecting an offer. Each maps its items (dialogs/items.ts) onto
// a ListDialog; what the engine would refuse is greyed there, with the reason.
import { memo } from 'react';
import { useServices, useUi, useView } from '../context.js';
import { keysLabel } from '../keymap.js';
import { STATUS_LABELS } from '../labels.js';
import { afterWorkWords } from '../status-words.js';
import { normalizeWidth } from '../text/normalize.js';
import type { Overlay } from '../ui-state.js';
import { appliesNow } from '../when.js';
import { paletteItems, quitItems, rejectItems, rejectOutcome, statusItems, workInProgress } from './items.js';
import { ListDialog, type DialogLine } from './list-dialog.js';

type Props<K extends Overlay['kind']> = { overlay: Extract<Overlay, { kind: K }>; width: number; height: number };

export const PaletteDialog = memo(function PaletteDialog({ overlay, width, height }: Props<'palette'>) {
  const s = useServices();
  // Re-render with the view and the console's state: only what applies now is offered.
  useView((v) => v);
  useUi((u) => u);
  const items = paletteItems(s.keymap, overlay.query, appliesNow(s)).map((i) => ({ key: i.id, label: i.title, right: i.keys }));
  return (
    <ListDialog title="Command palette" intro={[{ text: `: ${normalizeWidth(overlay.query)}▌`, role: 'accent' }, { text: 'Only what you can do now is listed.', role: 'muted' }]} items={items}
      cursor={overlay.cursor} empty="No command matches (or none applies now)." width={width} height={height} />
  );
});

export const StatusDialog = memo(function StatusDialog({ overlay, width, height }: Props<'status'>) {
  const { keymap } = useServices();
  const view = useView((v) => v);
  const items = statusItems(view, overlay).map((i, n) => ({ key: `${n}`, label: i.label, ...('disabled' in i && i.disabled ? { disabled: i.disabled } : {}) }));
  const title = overlay.step === 'code' && overlay.target ? `Reason for ${STATUS_LABELS[overlay.target]}` : 'Change status';
  // Enter is named only when something can be picked (every status greyed: an offer waiting, logged out).
  const pick = items.some((i) => !i.disabled) ? `${keysLabel(keymap, 'dialog.select')} picks, ` : '';
  const keys = `${pick}${keysLabel(keymap, 'dialog.close')} goes back.`;
  const intro: DialogLine[] = [];
  if (overlay.step === 'code') intro.push({ text: 'A reason is required for this status.' });
  else if (view.self) {
    intro.push({ text: `Now: ${STATUS_LABELS[view.self.status]}. ${keys}` });
    const after = afterWorkWords(view.self);
    if (after) intro.push({ text: `${after} Pick the status to take when your work ends.`, role: 'accent' });
  }
  return <ListDialog title={title} intro={intro} items={items} cursor={overlay.cursor} empty="No status change is possible now." width={width} height={height} />;
});

export const QuitDialog = memo(function QuitDialog({ overlay, width, height }: Props<'quit'>) {
  const view = useView((v) => v);
  const items = quitItems(view).map((i) => ({ key: i.command, label: i.label, ...(i.disabled ? { disabled: i.disabled } : {}) }));
  const parts = [
    ...(view.work.length ? [`${view.work.length} interaction${view.work.length > 1 ? 's' : ''}`] : []),
    ...(view.offer ? ['an offer'] : []),
  ];
  const intro: DialogLine[] = !view.self?.loggedIn || view.connection.state === 'offline'
    ? [{ text: 'You are logged out. Leave the console?' }]
    : workInProgress(view)
      ? [{ text: `Work in progress: ${parts.join(' and ')}.`, role: 'warning' }]
      : [{ text: 'Leave the console?' }];
  return <ListDialog title="Quit" intro={intro} items={items} cursor={overlay.cursor} width={width} height={height} />;
});

export const RejectOfferDialog = memo(function RejectOfferDialog({ overlay, width, height }: Props<'rejectOffer'>) {
  const view = useView((v) => v);
  const items = rejectItems(view, overlay.offerId).map((i) => ({ key: String(i.reject), label: i.label, ...(i.disabled ? { disabled: i.disabled } : {}) }));
  const offer = view.offer?.id === overlay.offerId ? view.offer : null;
  // What rejecting does to the status, in the intro: it wraps whole at any width (a row is one line).
  const intro: DialogLine[] = [
    ...(offer ? [{ text: `If you reject it, ${rejectOutcome(view, offer)}.` }] : []),
    { text: 'The interaction goes back to the head of its queue for a colleague.' },
  ];
  return <ListDialog title="Reject the offer?" intro={intro}
    items={items} cursor={overlay.cursor} width={width} height={height} />;
});
