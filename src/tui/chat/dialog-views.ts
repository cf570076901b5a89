// The chat dialogs by overlay kind, spread into app.tsx's DIALOGS table.
import { ChatTransferDialog, FaqDialog, FaqEditDialog } from './dialogs.js';

export const CHAT_DIALOGS = { faq: FaqDialog, faqEdit: FaqEditDialog, chatTransfer: ChatTransferDialog } as const;
