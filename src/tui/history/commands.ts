// History commands as data (spread into keymap-commands.ts): open it from
// anywhere; in it, type to search, Enter opens an entry, Esc goes back.
import { TEXT } from '../text-layer.js';

export const HISTORY_CONTEXTS = {
  history: { title: 'History', note: 'Your past calls, chats and voicemails, newest first: type to search their codes, notes and transcripts; Enter opens one.' },
} as const;

export const HISTORY_COMMANDS = [
  { id: 'global.history', context: 'global', title: 'History', description: 'My past calls, chats and voicemails (this shift and before) with their codes and notes; search them, open one for its transcript or call log.', keys: ['shift+h'], when: 'loggedIn' },
] as const;

export const HISTORY_SCREENS = {
  history: ['history', 'dialog', TEXT, 'list', 'offer'],
} as const;
