// What each dialog lists, derived from the view, the UI state and the keymap.
// Shared by the dialog views (what to draw) and the dialog actions (what Enter
// picks), so both always agree on the item under the cursor.
import type { Status } from '../../protocol/index.js';
import { fuzzyFilter } from '../fuzzy.js';
import { helpSections, keysLabel, paletteCommands, type CommandId, type Keymap } from '../keymap.js';
import { AFTER_WORK_TARGETS, isWorking, MANUAL_TARGETS, STATUS_LABELS } from '../labels.js';
import { memoLast } from '../memo.js';
import type { SafeView } from '../safe-view.js';
import type { Overlay } from '../ui-state.js';

// ---- status menu -------------------------------------------------------
export type StatusItem =
  | { kind: 'status'; label: string; status: Status | null }
  | { kind: 'code'; label: string; status: Status; code: string };

/** Step 1: the statuses to pick (after-work ones while working); step 2: the reasons. */
export function statusItems(v: SafeView, o: Extract<Overlay, { kind: 'status' }>): StatusItem[] {
  if (o.step === 'code' && o.target) {
    const target = o.target;
    return (v.statusCodes[target] ?? []).map((c) => ({ kind: 'code', label: c.label, status: target, code: c.id }));
  }
  const current = v.self?.status ?? 'logged_out';
  if (isWorking(current)) {
    const items: StatusItem[] = AFTER_WORK_TARGETS.map((s) => ({ kind: 'status', label: `After work: ${STATUS_LABELS[s]}`, status: s }));
    if (v.self?.afterWork) items.push({ kind: 'status', label: 'After work: no change', status: null });
    return items;
  }
  return MANUAL_TARGETS[current].map((s) => ({ kind: 'status', label: STATUS_LABELS[s], status: s }));
}

// ---- command palette ---------------------------------------------------
export interface PaletteItem { id: CommandId; title: string; keys: string }

const allPaletteItems = memoLast((keymap: Keymap): PaletteItem[] =>
  paletteCommands().map((c) => ({ id: c.id as CommandId, title: c.title, keys: keysLabel(keymap, c.id as CommandId) })));

export const paletteItems = memoLast((keymap: Keymap, query: string): PaletteItem[] =>
  fuzzyFilter(query, allPaletteItems(keymap), (i) => i.title));

// ---- help --------------------------------------------------------------
export type HelpLine = { kind: 'section'; title: string; note: string } | { kind: 'row'; keys: string; title: string; description: string };

export const helpLines = memoLast((keymap: Keymap): HelpLine[] =>
  helpSections(keymap).flatMap((s) => [
    { kind: 'section' as const, title: s.title, note: s.note },
    ...s.rows.map((r) => ({ kind: 'row' as const, keys: r.keys || '(palette)', title: r.title, description: r.description })),
  ]));

// ---- quit --------------------------------------------------------------
export interface QuitItem { label: string; command: 'quit.confirm' | 'quit.logout' | 'dialog.close' }

/** With work in progress, logging out is impossible and quitting needs a clear yes. */
export function quitItems(v: SafeView): QuitItem[] {
  if (workInProgress(v)) {
    return [
      { label: 'Quit anyway (your work stays with you in the engine)', command: 'quit.confirm' },
      { label: 'Cancel', command: 'dialog.close' },
    ];
  }
  return [
    { label: 'Log out and quit', command: 'quit.logout' },
    { label: 'Quit, staying logged in', command: 'quit.confirm' },
    { label: 'Cancel', command: 'dialog.close' },
  ];
}

export const workInProgress = (v: SafeView): boolean => v.work.length > 0 || v.offer !== null;
