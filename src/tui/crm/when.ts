// When the CRM's commands apply (joined into the console's WHEN table in
// when.ts): the page shown, its records, the row under the cursor, the
// agent's CRM permissions. The console's prediction; the engine judges.
import type { SafeView } from '../safe-view.js';
import { clampCursor } from '../list-window.js';
import { selectedWork } from '../panes/work-state.js';
import type { UiState } from '../ui-state.js';
import type { CrmWhenId } from './commands.js';
import { fieldsOf } from './forms.js';
import { crmRows } from './items.js';

interface Context {
  view: SafeView;
  ui: UiState;
}

const can = (c: Context, permission: string): boolean => (c.view.self?.permissions as readonly string[] | undefined)?.includes(permission) ?? false;
const page = (c: Context) => c.ui.crm.page;
const customerShown = (c: Context) => (page(c).kind === 'customer' && c.ui.crm.customer?.id === (page(c) as { id: string }).id ? c.ui.crm.customer : undefined);
const caseShown = (c: Context) => (page(c).kind === 'case' && c.ui.crm.kase?.id === (page(c) as { id: string }).id ? c.ui.crm.kase : undefined);
const row = (c: Context) => {
  const rows = crmRows(c.view, c.ui.crm);
  return rows[clampCursor(c.ui.crm.cursor, rows.length)];
};
const form = (c: Context) => (c.ui.overlay?.kind === 'crmForm' ? c.ui.overlay : undefined);

export const CRM_WHEN: Record<CrmWhenId, (c: Context) => boolean> = {
  crmCanEdit: (c) => can(c, 'crmEdit'),
  crmCanNew: (c) => can(c, 'crmEdit') && page(c).kind !== 'case' && page(c).kind !== 'pick',
  crmRows: (c) => row(c) !== undefined && row(c)?.kind !== 'followUp',
  crmCanBack: (c) => c.ui.crm.back.length > 0 || c.ui.crm.picking !== null,
  crmRecord: (c) => can(c, 'crmEdit') && (customerShown(c) !== undefined || caseShown(c) !== undefined),
  crmCase: (c) => can(c, 'crmEdit') && caseShown(c) !== undefined,
  crmCallable: (c) => (customerShown(c)?.phones.length ?? 0) > 0 || caseShown(c)?.customer?.phone !== undefined,
  crmToggle: (c) => can(c, 'crmEdit') && (row(c)?.kind === 'task' || caseShown(c) !== undefined),
  crmLinkable: (c) => selectedWork(c.view.work, c.ui.work.selectedId) !== null && (customerShown(c) !== undefined || caseShown(c) !== undefined),
  crmCanSetCustomer: (c) => can(c, 'crmEdit') && caseShown(c) !== undefined,
  crmCanMerge: (c) => can(c, 'crmMerge') && (customerShown(c)?.duplicates.length ?? 0) > 0,
  crmDuplicates: (c) => (form(c)?.duplicates?.length ?? 0) > 0,
  crmMultiline: (c) => {
    const f = form(c);
    return f !== undefined && fieldsOf(f.form)[f.field]?.multiline === true;
  },
  directoryCallable: (c) => {
    const o = c.ui.overlay?.kind === 'directory' ? c.ui.overlay : undefined;
    const entries = o?.result?.entries ?? [];
    return o !== undefined && entries[clampCursor(o.cursor, entries.length)]?.directAccessNumber !== undefined;
  },
};
