// The chat text fields (joined into TEXT_FIELDS in actions/text-input.ts):
// the compose box of the chat shown, the FAQ search query, and the field of
// the FAQ form under the cursor.
import type { UiState } from '../ui-state.js';
import { MAX_CHAT_TEXT, withRecord } from './chat-state.js';
import { FAQ_FIELDS } from './overlays.js';

interface Field {
  get(u: UiState): string | undefined;
  set(u: UiState, text: string): UiState;
  multiline: boolean;
  max: number;
}

// The view is not reachable from a UiState: the compose key is resolved at
// key time (chat-actions' currentChat) and stored as `composeKey`.
export const CHAT_TEXT_FIELDS = {
  compose: {
    get: (u) => (u.chat.composeKey ? u.chat.drafts[u.chat.composeKey] ?? '' : undefined),
    set: (u, text) => (u.chat.composeKey ? { ...u, chat: { ...u.chat, drafts: withRecord(u.chat.drafts, u.chat.composeKey, text) } } : u),
    multiline: true,
    max: MAX_CHAT_TEXT,
  },
  faq: {
    get: (u) => (u.overlay?.kind === 'faq' ? u.overlay.query : undefined),
    set: (u, query) => (u.overlay?.kind === 'faq' ? { ...u, overlay: { ...u.overlay, query, cursor: 0, confirmDelete: null } } : u),
    multiline: false,
    max: 100,
  },
  faqEdit: {
    get: (u) => (u.overlay?.kind === 'faqEdit' ? u.overlay.fields[FAQ_FIELDS[u.overlay.field]!] : undefined),
    set: (u, text) => (u.overlay?.kind === 'faqEdit'
      ? { ...u, overlay: { ...u.overlay, fields: { ...u.overlay.fields, [FAQ_FIELDS[u.overlay.field]!]: text } } }
      : u),
    multiline: true,
    max: 20_000,
  },
  // The transfer dialog's filter, while a queue is being picked (not on its confirm steps).
  chatTransfer: {
    get: (u) => (u.overlay?.kind === 'chatTransfer' && u.overlay.step === 'pick' ? u.overlay.query : undefined),
    set: (u, query) => (u.overlay?.kind === 'chatTransfer' ? { ...u, overlay: { ...u.overlay, query, cursor: 0 } } : u),
    multiline: false,
    max: 100,
  },
} satisfies Record<string, Field>;
