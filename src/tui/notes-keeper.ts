// Notes typed during wrap-up are never lost to its timer. Walking a shift
// (issue 23), the timer ended a call while Ana typed its notes: the field went
// on taking keys out of sight, and Esc answered "not one of yours". Now, while
// the agent types, the notes are sent once they pause (NOTES_IDLE_MS) and each
// second in the wrap-up's last seconds (NOTES_LAST_MS); if the interaction
// ends anyway, the field stays open and says so until Esc, so the keys that
// follow still go into it, never to a pane or an offer. A chat message being
// written when its chat is gone is kept the same way (chat/typing.ts).
import { useEffect } from 'react';
import type { InteractionView } from '../protocol/index.js';
import type { ConsoleServices } from './context.js';
import { workLabel } from './panes/offer.js';
import type { NotesDraft } from './panes/work-state.js';

/** A pause in typing this long sends the notes. */
export const NOTES_IDLE_MS = 2000;
/** This close to the end of wrap-up, the notes are sent each second they changed. */
export const NOTES_LAST_MS = 5000;

/** The interaction the open notes field was for is over: who, why, and the notes its log kept. */
export function endedNotes(last: InteractionView | undefined): NonNullable<NotesDraft['ended']> {
  const who = last ? workLabel(last) : 'This interaction';
  const why = last?.phase === 'wrapup' ? 'its wrap-up time ran out' : 'it ended';
  return { words: `${who} is over (${why})`, saved: last?.notes ?? '' };
}

/** What the field says, as the agent goes on typing: whether its log has what is shown. */
export const endedWords = (ended: NonNullable<NotesDraft['ended']>, text: string): string =>
  ended.saved === null ? `${ended.words}: this message was not sent. Esc closes it.` : `${ended.words}: ${text === ended.saved ? 'these notes are saved in its log' : ended.saved ? 'its log keeps the notes as they were then, not what was typed since' : 'nothing typed here reached its log'}. Esc closes them.`;

/** Mounted once by the console root. */
export function useNotesKeeper(s: ConsoleServices): void {
  useEffect(() => {
    let typedAt = 0;
    let typed: string | undefined;
    let last: InteractionView | undefined;
    let sending = false;
    let offClock: (() => void) | null = null;
    const editing = (): NotesDraft | null => {
      const u = s.ui.get();
      return u.text === 'notes' && u.work.draft && !u.work.draft.ended ? u.work.draft : null;
    };
    const detach = (d: NotesDraft): void => {
      const ended = endedNotes(last?.id === d.id ? last : undefined);
      s.ui.update((u) => (u.work.draft === d ? { ...u, work: { ...u.work, draft: { ...d, ended } } } : u));
    };
    const check = (): void => {
      const d = editing();
      if (!d) return;
      const v = s.view.get();
      const w = v.work.find((x) => x.id === d.id);
      if (!w) return detach(d);
      last = w;
      if (sending || d.text === w.notes) return;
      const now = s.clock.now();
      const endsSoon = w.phase === 'wrapup' && !w.wrapUpOverdue && w.wrapUpDeadline !== undefined && w.wrapUpDeadline - (now + v.clockOffset) <= NOTES_LAST_MS;
      if (now - typedAt < NOTES_IDLE_MS && !endsSoon) return;
      sending = true;
      void s.client.setNotes(d.id, d.text).catch(() => undefined).finally(() => { sending = false; });
    };
    const onUi = (): void => {
      const d = editing();
      if (d && d.text !== typed) {
        typed = d.text;
        typedAt = s.clock.now();
      }
      // The clock is heard only while notes are typed.
      if (d && !offClock) offClock = s.clock.subscribe(check);
      else if (!d && offClock) {
        offClock();
        offClock = null;
      }
    };
    const offUi = s.ui.subscribe(onUi);
    const offView = s.view.subscribe(check);
    onUi();
    return () => {
      offUi();
      offView();
      offClock?.();
    };
  }, [s]);
}
