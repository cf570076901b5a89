// The CRM text fields (joined into TEXT_FIELDS in actions/text-input.ts): the
// pane's search, the field of the open form under the cursor, and the
// directory's search.
import type { UiState } from '../ui-state.js';
import { fieldsOf } from './forms.js';

const formField = (u: UiState) => (u.overlay?.kind === 'crmForm' ? fieldsOf(u.overlay.form)[u.overlay.field] : undefined);

export const CRM_TEXT_FIELDS = {
  crmSearch: {
    get: (u: UiState) => u.crm.query,
    set: (u: UiState, query: string): UiState => ({ ...u, crm: { ...u.crm, query, cursor: 0 } }),
    multiline: false,
    max: 200,
  },
  crmForm: {
    get: (u: UiState) => {
      const spec = formField(u);
      return u.overlay?.kind === 'crmForm' && spec ? (u.overlay.fields[spec.id] ?? '') : undefined;
    },
    set: (u: UiState, text: string): UiState => {
      const spec = formField(u);
      return u.overlay?.kind === 'crmForm' && spec
        ? { ...u, overlay: { ...u.overlay, fields: { ...u.overlay.fields, [spec.id]: text }, error: null, duplicates: null } }
        : u;
    },
    multiline: (u: UiState) => formField(u)?.multiline ?? false,
    max: (u: UiState) => formField(u)?.max ?? 200,
  },
  directory: {
    get: (u: UiState) => (u.overlay?.kind === 'directory' ? u.overlay.query : undefined),
    set: (u: UiState, query: string): UiState => (u.overlay?.kind === 'directory' ? { ...u, overlay: { ...u.overlay, query, cursor: 0 } } : u),
    multiline: false,
    max: 200,
  },
};
