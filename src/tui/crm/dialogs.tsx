// The CRM dialogs: the record forms (customer, case, follow-up, task) with
// the duplicate choice, and the directory of every agent.
import { memo } from 'react';
import { Frame } from '../components/frame.js';
import { Line, Segments } from '../components/line.js';
import { useServices } from '../context.js';
import { ListDialog, type DialogLine } from '../dialogs/list-dialog.js';
import { keysLabel } from '../keymap.js';
import { STATUS_LABELS } from '../labels.js';
import { fit } from '../text/fit.js';
import { normalizeWidth } from '../text/normalize.js';
import { wrapAtMost, wrapToWidth } from '../text/wrap.js';
import { FORMS, fieldsOf } from './forms.js';
import type { CrmOverlay } from './overlays.js';

/** Rows a form's refusal may take (as the message line's). */
const ERROR_ROWS = 4;

type Props<K extends CrmOverlay['kind']> = { overlay: Extract<CrmOverlay, { kind: K }>; width: number; height: number };

const LABEL_W = 14;

export const CrmFormDialog = memo(function CrmFormDialog({ overlay: o, width, height }: Props<'crmForm'>) {
  const { keymap } = useServices();
  const innerW = width - 2;
  const title = `${o.target.edit ? 'Edit' : 'New'} ${FORMS[o.form].title}`;
  if (o.duplicates) {
    const intro: DialogLine[] = [
      { text: o.error ?? 'The same email or phone is on another customer.', role: 'warning' },
      { text: `${keysLabel(keymap, 'dialog.select')} adds these details to the customer under the cursor, ${keysLabel(keymap, 'crmForm.force')} keeps both, ${keysLabel(keymap, 'dialog.close')} goes back.` },
    ];
    const items = o.duplicates.map((d) => ({ key: d.id, label: d.name, right: d.id }));
    return <ListDialog title={`${title}: duplicate?`} intro={intro} items={items} cursor={o.cursor} width={width} height={height} />;
  }
  const specs = fieldsOf(o.form);
  const valueW = Math.max(1, innerW - LABEL_W);
  // A refusal is said whole (the engine's number rule is three rows at 80 columns).
  const errorLines = o.error ? wrapAtMost(o.error, innerW, ERROR_ROWS) : [];
  const room = Math.max(1, height - 4 - specs.length - Math.max(0, errorLines.length - 1));
  const rows = specs.flatMap((spec, i) => {
    const active = i === o.field;
    const value = normalizeWidth(o.fields[spec.id] ?? '');
    const labelPart = { text: fit(`${active ? '›' : ' '} ${spec.label}`, LABEL_W), role: active ? ('accent' as const) : ('muted' as const) };
    if (!value && !active && spec.hint) return [<Segments key={spec.id} width={innerW} parts={[labelPart, { text: spec.hint, role: 'muted' }]} />];
    const lines = spec.multiline ? wrapToWidth(`${value}${active ? '▌' : ''}`, valueW) : [`${value}${active ? '▌' : ''}`];
    // The active field shows its end (where typing goes), others their start.
    const shown = active ? lines.slice(-room) : lines.slice(0, 1);
    return shown.map((l, j) => <Segments key={`${spec.id}${j}`} width={innerW} parts={[j === 0 ? labelPart : { text: fit('', LABEL_W) }, { text: l }]} />);
  });
  const keys = `${keysLabel(keymap, 'crmForm.next')} next field, ${keysLabel(keymap, 'crmForm.save')} saves, ${keysLabel(keymap, 'dialog.close')} closes (the draft is kept)`;
  return (
    <Frame title={title} focused width={width} height={height}>
      <Line text={keys} width={innerW} role="muted" />
      {errorLines.map((l, i) => <Line key={`e${i}`} text={l} width={innerW} role="danger" />)}
      {rows}
    </Frame>
  );
});

export const DirectoryDialog = memo(function DirectoryDialog({ overlay: o, width, height }: Props<'directory'>) {
  const { keymap } = useServices();
  const r = o.result;
  const intro: DialogLine[] = [
    { text: `/ ${normalizeWidth(o.query)}▌`, role: 'accent' },
    { text: `${keysLabel(keymap, 'dialog.select')} chats (your group), ${keysLabel(keymap, 'directory.call')} calls their direct number${r ? ` · ${r.total} agent${r.total === 1 ? '' : 's'}` : ''}`, role: 'muted' },
  ];
  const items = (r?.entries ?? []).map((a) => ({
    key: a.id,
    label: `${a.displayName} · ${a.firstName} ${a.lastName} · ${a.groupName}${a.role === 'supervisor' ? ' · supervisor' : ''}`,
    right: [STATUS_LABELS[a.status], a.email, a.directAccessNumber].filter(Boolean).join(' · '),
    // A narrow terminal cuts the row: the one under the cursor is spelled out whole, number included.
    whole: [`${a.firstName} ${a.lastName}`, STATUS_LABELS[a.status], a.email, a.directAccessNumber].filter(Boolean).join(' · '),
  }));
  return <ListDialog title="Directory" intro={intro} items={items} cursor={o.cursor} empty={r ? 'Nobody matches.' : 'Loading…'} width={width} height={height} />;
});

export const CRM_DIALOGS = {
  crmForm: CrmFormDialog,
  directory: DirectoryDialog,
};
