// The directory: every agent of the tenant, searched on the server as you
// type (any column, case and accents ignored). Enter chats with the agent
// under the cursor (the same-group rule: the engine refuses the others too);
// Ctrl-P dials their direct number.
import { error, type Handler } from '../actions/run.js';
import { leaveText } from '../actions/focus.js';
import { callColleague } from '../call/colleague.js';
import { chatWith } from '../chat/chat-actions.js';
import type { ConsoleServices } from '../context.js';
import { clampCursor } from '../list-window.js';
import { safeErrorMessage } from '../safe-view.js';
import type { CrmOverlay } from './overlays.js';

type Directory = Extract<CrmOverlay, { kind: 'directory' }>;

/** How many agents a directory search lists. */
export const DIRECTORY_LIMIT = 200;

const entryAt = (o: Directory) => o.result?.entries[clampCursor(o.cursor, o.result.entries.length)];

/** Asks the server for the agents matching `query`; an answer to an older query is dropped. */
export async function searchDirectory(s: ConsoleServices, query: string): Promise<void> {
  const r = await s.client.directory(query, DIRECTORY_LIMIT).catch((e: Error) => ({ ok: false as const, error: { code: 'SERVER_ERROR' as const, message: e.message } }));
  if (!r.ok) return error(s, safeErrorMessage(r.error));
  s.ui.update((u) => (u.overlay?.kind === 'directory' && u.overlay.query === query ? { ...u, overlay: { ...u.overlay, result: r.directory ?? null } } : u));
}

export function chatFromDirectory(s: ConsoleServices, o: Directory): void {
  const a = entryAt(o);
  if (!a) return;
  if (!a.canChat) return error(s, `You can chat with agents of your own group (and supervisors with theirs): not with ${a.displayName} (${a.groupName}).`);
  s.ui.update((u) => ({ ...u, overlay: null }));
  chatWith(s, a.id);
}

export const directoryActions = {
  'global.directory': (s) => {
    leaveText(s);
    s.ui.update((u) => ({ ...u, overlay: { kind: 'directory', query: '', cursor: 0, result: null } }));
    return searchDirectory(s, '');
  },
  'directory.call': (s) => {
    const o = s.ui.get().overlay;
    callColleague(s, o?.kind === 'directory' ? entryAt(o) : undefined);
  },
} satisfies Record<string, Handler>;
