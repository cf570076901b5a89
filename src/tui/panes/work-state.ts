// State of the interaction and disposition panes: which interaction is
// selected, the notes being typed, and the cursor in each interaction's code
// lists. Per-interaction state belongs to its interaction: the next one starts
// at its first code, whatever the last one's cursor was. Typed notes live
// here, not in the pane, so a resize or a tab switch never loses them.
import type { CodeList, InteractionView } from '../../protocol/index.js';
import { clampCursor } from '../list-window.js';
import { memoLast } from '../memo.js';

export interface NotesDraft {
  id: string;
  text: string;
  /** Set when the interaction ended while its notes (or a chat message: saved null) were typed (notes-keeper.ts): who, why, and what its log kept. */
  ended?: { words: string; saved: string | null };
}

export interface WorkUi {
  selectedId: string | null;
  draft: NotesDraft | null;
  /** The code-list cursor of each interaction (absent: its first code). */
  codeCursors: Readonly<Record<string, number>>;
}

export const INITIAL_WORK: WorkUi = { selectedId: null, draft: null, codeCursors: {} };

export type WorkAction =
  | { type: 'select'; id: string | null }
  | { type: 'draft'; draft: NotesDraft | null }
  | { type: 'codeCursor'; id: string; cursor: number; count: number };

export function reduceWork(s: WorkUi, a: WorkAction): WorkUi {
  switch (a.type) {
    case 'select':
      return a.id === s.selectedId ? s : { ...s, selectedId: a.id };
    case 'draft':
      return { ...s, draft: a.draft };
    case 'codeCursor':
      return { ...s, codeCursors: { ...s.codeCursors, [a.id]: clampCursor(a.cursor, a.count) } };
  }
}

/** The code-list cursor of an interaction. */
export const codeCursorOf = (ui: WorkUi, id: string | undefined): number => (id ? (ui.codeCursors[id] ?? 0) : 0);

/** The selected interaction; the first one when nothing (or something gone) is selected. */
export const selectedWork = (work: readonly InteractionView[], selectedId: string | null): InteractionView | null =>
  work.find((w) => w.id === selectedId) ?? work[0] ?? null;

export type CodeRow =
  | { kind: 'list'; list: CodeList; missing: boolean }
  | { kind: 'code'; list: CodeList; code: { id: string; label: string }; chosen: boolean; item: number };

/** The code lists flattened into rows: a heading per list, then its codes.
 *  `item` numbers the selectable rows (codes) for the cursor. */
export const codeRows = memoLast((i: InteractionView | null): readonly CodeRow[] => {
  if (!i) return [];
  const rows: CodeRow[] = [];
  let item = 0;
  for (const list of i.codeLists) {
    const missing = list.mandatory && !list.codes.some((c) => i.codes.includes(c.id));
    rows.push({ kind: 'list', list, missing });
    for (const code of list.codes) rows.push({ kind: 'code', list, code, chosen: i.codes.includes(code.id), item: item++ });
  }
  return rows;
});

export const codeCount = (i: InteractionView | null): number =>
  i ? i.codeLists.reduce((n, l) => n + l.codes.length, 0) : 0;

/** Mandatory lists with no code chosen yet (these keep wrap-up open). */
export const missingMandatory = (i: InteractionView): readonly CodeList[] =>
  i.codeLists.filter((l) => l.mandatory && !l.codes.some((c) => i.codes.includes(c.id)));

