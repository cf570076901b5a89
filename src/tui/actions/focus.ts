// Moving focus between panes and leaving text fields. Leaving the notes field
// always sends the notes, so nothing typed is lost by a Tab or a digit.
import type { ConsoleServices } from '../context.js';
import { PANES, paneIndex, type PaneId } from '../pane-ids.js';
import type { UiState } from '../ui-state.js';
import { send } from './run.js';

/** Save the notes draft (if it changed) and keep it only while still editing. */
export async function saveNotes(s: ConsoleServices, keepEditing: boolean): Promise<void> {
  const draft = s.ui.get().work.draft;
  if (!keepEditing) s.ui.update((u) => ({ ...u, text: null, work: { ...u.work, draft: null } }));
  // Its interaction is over (notes-keeper.ts): nothing can be sent any more; the field said so.
  if (!draft || draft.ended) return;
  const current = s.view.get().work.find((w) => w.id === draft.id);
  if (current && current.notes === draft.text) return;
  await send(s, s.client.setNotes(draft.id, draft.text), 'Notes saved.');
}

/** Leave whatever text field is active: notes are saved, a search is kept. */
export function leaveText(s: ConsoleServices): void {
  const { text } = s.ui.get();
  if (text === 'notes') void saveNotes(s, false);
  else if (text) s.ui.update((u) => ({ ...u, text: null }));
}

export function focusPane(s: ConsoleServices, pane: PaneId): void {
  leaveText(s);
  // Contacts and the CRM share a place in the split layout: the one focused last stays.
  const shown = (u: UiState) => (pane === 'crm' || pane === 'contacts' ? pane === 'crm' : u.crm.shown);
  s.ui.update((u) => (u.focus === pane && u.crm.shown === shown(u) ? u : { ...u, focus: pane, crm: { ...u.crm, shown: shown(u) } }));
}

export function cyclePane(s: ConsoleServices, delta: 1 | -1): void {
  const n = PANES.length;
  focusPane(s, PANES[(paneIndex(s.ui.get().focus) + delta + n) % n]!.id);
}
