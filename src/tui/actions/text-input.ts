// Typing into the active text field (notes, contact search, palette query).
// Typed and pasted text is sanitized on the way in: a paste can carry escape
// sequences as easily as anything from the server.
import { CALL_TEXT_FIELDS } from '../call/actions.js';
import { CHAT_TEXT_FIELDS } from '../chat/text-fields.js';
import { HISTORY_TEXT_FIELDS } from '../history/actions.js';
import { NOTICE_TEXT_FIELDS } from '../notices/actions.js';
import { CRM_TEXT_FIELDS } from '../crm/text-fields.js';
import type { ConsoleServices } from '../context.js';
import type { Chord } from '../keys.js';
import { sanitizeInput } from '../sanitize.js';
import type { UiState } from '../ui-state.js';

interface Field {
  get(u: UiState): string | undefined;
  set(u: UiState, text: string): UiState;
  /** Keeps line breaks (a form's field decides per field). */
  multiline: boolean | ((u: UiState) => boolean);
  max: number | ((u: UiState) => number);
}

const NOTES: Field = {
  get: (u) => u.work.draft?.text,
  set: (u, text) => (u.work.draft ? { ...u, work: { ...u.work, draft: { ...u.work.draft, text } } } : u),
  multiline: true,
  max: 10_000,
};

export const TEXT_FIELDS: Record<'notes' | 'notesEnded' | 'search' | 'palette' | keyof typeof CALL_TEXT_FIELDS | keyof typeof CHAT_TEXT_FIELDS | keyof typeof NOTICE_TEXT_FIELDS | keyof typeof CRM_TEXT_FIELDS | keyof typeof HISTORY_TEXT_FIELDS, Field> = {
  notes: NOTES,
  // Held open after its interaction ended: the keys still go into it (never to a pane).
  notesEnded: NOTES,
  search: {
    get: (u) => u.contacts.query,
    set: (u, query) => ({ ...u, contacts: { ...u.contacts, query, cursor: 0 } }),
    multiline: false,
    max: 100,
  },
  palette: {
    get: (u) => (u.overlay?.kind === 'palette' ? u.overlay.query : undefined),
    set: (u, query) => (u.overlay?.kind === 'palette' ? { ...u, overlay: { ...u.overlay, query, cursor: 0 } } : u),
    multiline: false,
    max: 100,
  },  ...CALL_TEXT_FIELDS,
  ...CHAT_TEXT_FIELDS,
  ...NOTICE_TEXT_FIELDS,
  ...CRM_TEXT_FIELDS,
  ...HISTORY_TEXT_FIELDS,
};

const segmenter = new Intl.Segmenter();
function dropLastGrapheme(s: string): string {
  let last = 0;
  for (const { index } of segmenter.segment(s)) last = index;
  return s.slice(0, last);
}

/** Apply one key (or a paste: chord null, several characters) to a field. */
export function typeInto(s: ConsoleServices, field: keyof typeof TEXT_FIELDS, input: string, chord: Chord | null): void {
  const f = TEXT_FIELDS[field];
  s.ui.update((u) => {
    const current = f.get(u);
    if (current === undefined) return u;
    const multiline = typeof f.multiline === 'function' ? f.multiline(u) : f.multiline;
    const max = typeof f.max === 'function' ? f.max(u) : f.max;
    let next: string;
    if (chord?.key === 'backspace') next = dropLastGrapheme(current);
    else if (chord?.key === 'enter') next = multiline ? `${current}\n` : current;
    else if (chord?.key === 'space') next = `${current} `;
    else next = current + sanitizeInput(input, multiline);
    if (next.length > max) next = next.slice(0, max);
    return next === current ? u : f.set(u, next);
  });
}
