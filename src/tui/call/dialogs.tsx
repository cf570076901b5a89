// The call dialogs (they take the place of the panes, like the palette):
// transfer / conference, dial, keypad, my recordings, participants, phone
// settings. Each maps its items (items.ts) onto a ListDialog.
import { memo } from 'react';
import { useClockValue, useDateFormat, useServices, useView } from '../context.js';
import { ListDialog, type DialogLine } from '../dialogs/list-dialog.js';
import { keysLabel } from '../keymap.js';
import { normalizeWidth } from '../text/normalize.js';
import type { CallOverlay, Recall } from './overlays.js';
import { TRANSFER_TABS, TRANSFER_TAB_LABELS } from './overlays.js';
import { participantItems, participantLabel, phoneItems, PHONE_INPUT_PROMPTS, transferItems } from './items.js';
import { recallEntries, type RecallEntry } from './history.js';

type Props<K extends CallOverlay['kind']> = { overlay: Extract<CallOverlay, { kind: K }>; width: number; height: number };

/** Under a number field that recalls: the recalled number and the two after it, so repeated presses show what comes next. */
function recallLines(o: Recall, recent: readonly RecallEntry[], key: string): DialogLine[] {
  if (o.history === null) return [{ text: 'Loading your call history…', role: 'muted' }];
  if (!recent.length) return [{ text: 'No calls in your history yet.', role: 'muted' }];
  const lines: DialogLine[] = [{ text: `${key} recalls a number from your calls (${o.recall >= 0 ? `call ${o.recall + 1} of ${recent.length}` : `${recent.length} call${recent.length > 1 ? 's' : ''}`}):`, role: 'muted' }];
  const from = Math.max(0, o.recall);
  for (const [k, e] of recent.slice(from, from + 3).entries())
    lines.push({ text: `${k === 0 && o.recall >= 0 ? '›' : ' '} ${e.label}`, role: k === 0 && o.recall >= 0 ? 'accent' : 'muted' });
  return lines;
}

const errorLine = (e: string | null): DialogLine[] => (e ? [{ text: e, role: 'danger' }] : []);

export const CallTransferDialog = memo(function CallTransferDialog({ overlay: o, width, height }: Props<'callTransfer'>) {
  const { keymap, clock } = useServices();
  const dateFormat = useDateFormat();
  const view = useView((v) => v);
  // Queue waits follow the shared clock (once a second).
  const now = useClockValue((n) => (o.tab === 'queues' ? Math.floor(n / 1000) * 1000 : 0)) + view.clockOffset;
  const conference = o.purpose === 'conference';
  const tabs = TRANSFER_TABS.filter((t) => !(conference && t === 'queues'))
    .map((t) => (t === o.tab ? `[${TRANSFER_TAB_LABELS[t]}]` : ` ${TRANSFER_TAB_LABELS[t]} `)).join(' ');
  const items = transferItems(view, o, now).map((i) => ({ key: i.id, label: i.label, right: i.right, ...(i.disabled ? { disabled: i.disabled } : {}) }));
  const intro: DialogLine[] = [{ text: tabs, role: 'title' }];
  const select = keysLabel(keymap, 'dialog.select');
  if (o.tab === 'external') {
    intro.push({ text: `Number: ${normalizeWidth(o.number)}▌`, role: 'accent' });
    intro.push({ text: conference ? `${select} invites; then f merges them in.` : `${select} calls the number with the customer on hold (warm); then f completes.` });
    intro.push(...recallLines(o, o.history ? recallEntries(o.history, clock.now(), dateFormat) : [], keysLabel(keymap, 'callTransfer.recall')));
  } else {
    intro.push({ text: `Filter: ${normalizeWidth(o.query)}▌`, role: 'accent' });
    if (o.tab === 'agents') {
      intro.push({ text: conference
        ? `${select} invites the agent (Available or Working Offline); f merges them in.`
        : `${select} consults first (warm), ${keysLabel(keymap, 'callTransfer.cold')} transfers at once (cold).` });
    } else if (o.confirm) {
      intro.push({ text: o.confirm.force
        ? `${select} again transfers to ${o.confirm.name} anyway; ${keysLabel(keymap, 'dialog.close')} cancels.`
        : `Transfer to ${o.confirm.name}? ${select} confirms, ${keysLabel(keymap, 'dialog.close')} cancels.`, role: 'warning' });
    } else intro.push({ text: `${select} picks a queue, then confirm. "avail": colleagues who could take it now (never you).` });
  }
  intro.push(...errorLine(o.error));
  const empty = o.tab === 'external' ? undefined : o.tab === 'queues' && o.queues === null ? 'Loading queues…' : 'Nothing matches.';
  return (
    <ListDialog title={conference ? 'Add to conference' : 'Transfer call'} intro={intro} items={items}
      cursor={o.cursor} empty={empty} width={width} height={height} />
  );
});

export const DialDialog = memo(function DialDialog({ overlay: o, width, height }: Props<'dial'>) {
  const { keymap } = useServices();
  const codes = useView((v) => v.self?.phone?.outboundCodes) ?? [];
  const { clock } = useServices();
  const dateFormat = useDateFormat();
  const recent = o.history ? recallEntries(o.history, clock.now(), dateFormat) : [];
  const recall = keysLabel(keymap, 'dial.recall');
  const intro: DialogLine[] = [
    { text: `Number: ${normalizeWidth(o.number)}▌`, role: 'accent' },
    { text: `Outbound code (↑↓), then ${keysLabel(keymap, 'dialog.select')} dials.` },
    ...errorLine(o.error),
  ];
  intro.push(...recallLines(o, recent, recall));
  return <ListDialog title={o.forCustomer ? `Call ${o.forCustomer.name}` : 'Dial'} intro={intro} items={codes.map((c) => ({ key: c.id, label: c.label }))} cursor={o.cursor}
    empty="No outbound codes configured." width={width} height={height} />;
});

export const KeypadDialog = memo(function KeypadDialog({ overlay: o, width, height }: Props<'keypad'>) {
  const { keymap } = useServices();
  const intro: DialogLine[] = [
    { text: `Digits: ${normalizeWidth(o.digits)}▌`, role: 'accent' },
    { text: `Type 0–9, * and #; ${keysLabel(keymap, 'dialog.select')} sends them, ${keysLabel(keymap, 'dialog.close')} closes.` },
  ];
  return <ListDialog title="Keypad" intro={intro} items={[]} cursor={0} width={width} height={height} />;
});

export const RecordingsDialog = memo(function RecordingsDialog({ overlay: o, width, height }: Props<'recordings'>) {
  const list = useView((v) => v.self?.phone?.recordings) ?? [];
  return <ListDialog title="Play a recording" intro={[{ text: 'Played into the call.' }]}
    items={list.map((r) => ({ key: r.id, label: r.name }))} cursor={o.cursor} empty="No recordings." width={width} height={height} />;
});

export const ParticipantsDialog = memo(function ParticipantsDialog({ overlay: o, width, height }: Props<'participants'>) {
  const { keymap } = useServices();
  const view = useView((v) => v);
  const list = participantItems(view, o.interactionId);
  const host = view.work.find((w) => w.id === o.interactionId)?.call?.role === 'host';
  const intro: DialogLine[] = [{ text: host
    ? `${keysLabel(keymap, 'participants.mute')} mute, ${keysLabel(keymap, 'participants.hold')} hold, ${keysLabel(keymap, 'participants.remove')} remove.`
    : 'Only the host controls participants.' }];
  return <ListDialog title={`Participants (${list.length})`} intro={intro}
    items={list.map((p) => ({ key: p.legId, label: participantLabel(p) }))} cursor={o.cursor} empty="Nobody on the call." width={width} height={height} />;
});

const MODE_LABELS = { on_demand: 'On demand (your phone rings per call)', persistent: 'Persistent (one connection for the day)' } as const;
const VOICE_LABELS = { off: 'not connected', calling: 'calling your phone…', pin_sent: 'enter the PIN you heard', connected: 'connected' } as const;

export const PhoneDialog = memo(function PhoneDialog({ overlay: o, width, height }: Props<'phone'>) {
  const view = useView((v) => v);
  const p = view.self?.phone;
  const intro: DialogLine[] = [];
  if (p) {
    intro.push({ text: `Workplace: ${p.workplace ? p.workplace.value : 'this console'}${p.pendingWorkplace ? ` (waiting for PIN: ${p.pendingWorkplace.workplace.value})` : ''}` });
    intro.push({ text: `Connection: ${MODE_LABELS[p.mode]}${p.mode === 'persistent' ? ` · ${VOICE_LABELS[p.voice]}` : ''}` });
    if (p.voiceDropped) intro.push({ text: `Connection dropped: ${p.voiceDropped} Retry to connect.`, role: 'warning' });
    if (p.notice) intro.push({ text: p.notice.text, role: p.notice.level === 'error' ? 'danger' : p.notice.level === 'warning' ? 'warning' : 'muted' });
    if (view.self?.status !== 'working_offline') intro.push({ text: 'Mode and workplace phone change only in Working Offline.', role: 'muted' });
  }
  intro.push(...errorLine(o.error));
  const items = phoneItems(view).map((i) => ({ key: i.action, label: i.label, ...(i.disabled ? { disabled: i.disabled } : {}) }));
  return <ListDialog title="Phone settings" intro={intro} items={items} cursor={o.cursor} empty="Nothing to change." width={width} height={height} />;
});

export const PhoneInputDialog = memo(function PhoneInputDialog({ overlay: o, width, height }: Props<'phoneInput'>) {
  const { keymap } = useServices();
  const intro: DialogLine[] = [
    { text: `${PHONE_INPUT_PROMPTS[o.purpose]}: ${normalizeWidth(o.text)}▌`, role: 'accent' },
    { text: `${keysLabel(keymap, 'dialog.select')} sends, ${keysLabel(keymap, 'dialog.close')} goes back.` },
    ...errorLine(o.error),
  ];
  return <ListDialog title="Phone settings" intro={intro} items={[]} cursor={0} width={width} height={height} />;
});

export const CALL_DIALOGS = {
  callTransfer: CallTransferDialog,
  dial: DialDialog,
  keypad: KeypadDialog,
  recordings: RecordingsDialog,
  participants: ParticipantsDialog,
  phone: PhoneDialog,
  phoneInput: PhoneInputDialog,
};
