// The CRM dialogs, as UI state (types only): the record forms and the
// directory. They join the console's Overlay union; each kind is a keymap
// screen (CRM_SCREENS in commands.ts).
import type { DirectoryResult } from '../../protocol/index.js';
import type { FormKind, FormTarget } from './forms.js';

export type CrmOverlay =
  | {
    kind: 'crmForm'; form: FormKind; target: FormTarget;
    fields: Readonly<Record<string, string>>;
    /** The field being typed in. */
    field: number;
    error: string | null;
    /** After a DUPLICATE refusal: the records it would duplicate (Enter merges into the one under the cursor). */
    duplicates: readonly { id: string; name: string }[] | null;
    cursor: number;
  }
  | { kind: 'directory'; query: string; cursor: number; result: DirectoryResult | null };
