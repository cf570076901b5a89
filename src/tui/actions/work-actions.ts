// Offer, interaction, notes and disposition commands: all act on the offer
// or on the selected interaction, through the client.
import type { ConsoleServices } from '../context.js';
import { workLabel } from '../panes/offer.js';
import { codeCursorOf, codeRows, missingMandatory, selectedWork } from '../panes/work-state.js';
import { saveNotes } from './focus.js';
import { error, send, type Handler } from './run.js';

const selected = (s: ConsoleServices) => selectedWork(s.view.get().work, s.ui.get().work.selectedId);

function withSelected(f: (s: ConsoleServices, id: string) => void | Promise<unknown>): Handler {
  return async (s) => {
    const w = selected(s);
    if (!w) return error(s, 'No interaction in progress.');
    await f(s, w.id);
  };
}

/** Accepting is the agent's own act: the new interaction is selected and shown, unless they are typing somewhere. */
async function accept(s: ConsoleServices): Promise<void> {
  const offer = s.view.get().offer;
  if (!offer) return error(s, 'No offer to accept.');
  if (!(await send(s, s.client.accept(offer.id)))) return;
  s.ui.update((u) => {
    if (u.text === 'notes') return u;
    const shown = u.text === null && u.overlay === null ? { focus: 'interaction' as const } : {};
    // The accepted interaction is what the pane shows now, not a colleague's chat.
    return { ...u, ...shown, work: { ...u.work, selectedId: offer.id }, chat: u.text === 'compose' ? u.chat : { ...u.chat, agentTab: null } };
  });
}

/** Rejecting always asks first, saying the status it leaves the agent in: a stray key never rejects. */
function askReject(s: ConsoleServices): void {
  const v = s.view.get();
  if (!v.offer) return error(s, 'No offer to reject.');
  if (!v.self?.permissions.includes('rejectOffers')) return error(s, 'You do not have the permission to reject offers.');
  const offerId = v.offer.id;
  s.ui.update((u) => (u.overlay?.kind === 'rejectOffer' ? u : { ...u, overlay: { kind: 'rejectOffer', offerId, cursor: 0, previous: u.overlay } }));
}

export const workActions = {
  'offer.accept': accept,
  'offer.reject': askReject,
  'offerPane.accept': accept,
  'offerPane.reject': askReject,
  'work.notes': withSelected((s, id) => {
    const w = s.view.get().work.find((x) => x.id === id)!;
    s.ui.update((u) => ({
      ...u,
      focus: 'interaction',
      text: 'notes',
      work: { ...u.work, selectedId: id, draft: { id, text: w.notes } },
    }));
  }),
  'work.end': withSelected((s, id) => send(s, s.client.endInteraction(id))),
  'work.wrapUp': withSelected((s, id) => send(s, s.client.wrapUp(id), 'Wrapped up.')),
  'disposition.toggle': withSelected(async (s, id) => {
    const w = selected(s)!;
    const row = codeRows(w).find((r) => r.kind === 'code' && r.item === codeCursorOf(s.ui.get().work, id));
    if (!row || row.kind !== 'code') return error(s, 'This interaction has no codes.');
    const codes = row.chosen ? w.codes.filter((c) => c !== row.code.id) : [...w.codes, row.code.id];
    // Past its wrap-up time, the engine ends it as soon as the required codes are chosen: say so.
    const ends = w.wrapUpOverdue && missingMandatory({ ...w, codes }).length === 0;
    await send(s, s.client.setCodes(id, codes), ends ? `Codes chosen: ${workLabel(w)} is wrapped up (its wrap-up time was over).` : undefined);
  }),
  'notes.done': (s) => saveNotes(s, false),
  'notes.save': (s) => saveNotes(s, true),
  // Its interaction is gone: saveNotes only closes the field.
  'notesEnded.close': (s) => saveNotes(s, false),
} satisfies Record<string, Handler>;
