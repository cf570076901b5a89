// Enter and Esc in the CRM dialogs (joined into dialog-actions.ts).
import type { ConsoleServices } from '../context.js';
import { chatFromDirectory } from './directory.js';
import { backInForm, selectInForm } from './form-actions.js';
import type { CrmOverlay } from './overlays.js';

type Of<K extends CrmOverlay['kind']> = Extract<CrmOverlay, { kind: K }>;

export const crmDialogSelect: { [K in CrmOverlay['kind']]: (s: ConsoleServices, o: Of<K>) => void | Promise<void> } = {
  crmForm: selectInForm,
  directory: chatFromDirectory,
};

export const crmDialogBack: { [K in CrmOverlay['kind']]: (s: ConsoleServices, o: Of<K>) => void } = {
  crmForm: backInForm,
  directory: (s) => s.ui.update((u) => ({ ...u, overlay: null })),
};
