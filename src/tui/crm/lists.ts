// The CRM's lists for the shared cursor keys (list-actions.ts): the pane's
// page (also while typing in its search), a form's duplicates, the directory.
import type { ConsoleServices } from '../context.js';
import { clampCursor } from '../list-window.js';
import { crmRows } from './items.js';
import { updateCrm } from './load.js';

const paneList = {
  count: (s: ConsoleServices): number => crmRows(s.view.get(), s.ui.get().crm).length,
  cursor: (s: ConsoleServices): number => s.ui.get().crm.cursor,
  set: (s: ConsoleServices, cursor: number, count: number): void => updateCrm(s, (c) => ({ ...c, cursor: clampCursor(cursor, count) })),
};

export const CRM_PANE_LISTS = { crm: paneList, crmSearch: paneList };

export const CRM_LIST_COUNTS = {
  crmForm: (s: ConsoleServices): number => {
    const o = s.ui.get().overlay;
    return o?.kind === 'crmForm' ? (o.duplicates?.length ?? 0) : 0;
  },
  directory: (s: ConsoleServices): number => {
    const o = s.ui.get().overlay;
    return o?.kind === 'directory' ? (o.result?.entries.length ?? 0) : 0;
  },
};
