// Dialog commands: Enter picks the item under the cursor, Esc goes back one
// step. What "pick" means is a table per dialog kind.
import type { Status } from '../../protocol/index.js';
import { callDialogBack, callDialogSelect } from '../call/actions.js';
import { chatDialogBack, chatDialogSelect } from '../chat/dialog-actions.js';
import { historyDialogBack, historyDialogSelect } from '../history/actions.js';
import { noticeDialogBack, noticeDialogSelect } from '../notices/actions.js';
import { crmDialogBack, crmDialogSelect } from '../crm/dialog-actions.js';
import type { ConsoleServices } from '../context.js';
import { logoutBlocked, paletteItems, quitItems, rejectItems, statusItems } from '../dialogs/items.js';
import type { CommandId } from '../keymap.js';
import { isWorking, STATUS_LABELS } from '../labels.js';
import { clampCursor } from '../list-window.js';
import type { Overlay } from '../ui-state.js';
import { appliesNow } from '../when.js';
import { error, send, type Handler } from './run.js';

type Kind = Overlay['kind'];
type OverlayOf<K extends Kind> = Extract<Overlay, { kind: K }>;
export type RunCommand = (s: ConsoleServices, id: CommandId) => void | Promise<void>;

const close = (s: ConsoleServices): void => s.ui.update((u) => ({ ...u, overlay: null }));
const at = <T,>(items: readonly T[], cursor: number): T | undefined => items[clampCursor(cursor, items.length)];

async function applyStatus(s: ConsoleServices, status: Status | null, code?: string): Promise<void> {
  close(s);
  if (isWorking(s.view.get().self?.status)) {
    await send(s, s.client.setAfterWork(status, code), status ? `After work: ${STATUS_LABELS[status]}.` : 'After-work status cleared.');
  } else if (status === 'logged_out') {
    await send(s, s.client.logout(), 'Logged out. Press q to quit.');
  } else if (status) {
    await send(s, s.client.setStatus(status, code));
  }
}

/** Quit, logging out first when asked and possible (already logged out: just quit). */
async function quit(s: ConsoleServices, logout: boolean): Promise<void> {
  const v = s.view.get();
  const blocked = logout ? logoutBlocked(v) : undefined;
  const loggedOut = v.connection.state === 'offline' || !v.self?.loggedIn;
  if (logout && blocked && !loggedOut) return error(s, blocked);
  if (logout && !loggedOut && !(await send(s, s.client.logout()))) return;
  close(s);
  s.exit(0);
}

/** Enter on an item greyed as refused: say why, send nothing. */
const refused = (s: ConsoleServices, why: string | undefined): boolean => {
  if (why) error(s, why);
  return why !== undefined;
};

export function dialogActions(run: RunCommand) {
  const select: { [K in Kind]: (s: ConsoleServices, o: OverlayOf<K>) => void | Promise<void> } = {
    help: close,
    palette: async (s, o) => {
      const item = at(paletteItems(s.keymap, o.query, appliesNow(s)), o.cursor);
      close(s);
      if (item) await run(s, item.id);
    },
    status: async (s, o) => {
      const item = at(statusItems(s.view.get(), o), o.cursor);
      if (!item) return close(s);
      if (item.kind === 'code') return applyStatus(s, item.status, item.code);
      if (refused(s, item.disabled)) return;
      const needsCode = item.status !== null && (s.view.get().statusCodes[item.status]?.length ?? 0) > 0;
      if (needsCode) s.ui.update((u) => ({ ...u, overlay: { kind: 'status', step: 'code', target: item.status, cursor: 0 } }));
      else await applyStatus(s, item.status);
    },
    quit: async (s, o) => {
      const item = at(quitItems(s.view.get()), o.cursor);
      if (item && !refused(s, item.disabled)) await run(s, item.command);
    },
    rejectOffer: async (s, o) => {
      const item = at(rejectItems(s.view.get(), o.offerId), o.cursor);
      if (!item || refused(s, item.disabled)) return;
      s.ui.update((u) => ({ ...u, overlay: o.previous }));
      // What the rejection did to the status is said by the engine's cause (use-why.ts).
      if (item.reject) await send(s, s.client.reject(o.offerId));
    },
    ...callDialogSelect,
    ...chatDialogSelect,
    ...noticeDialogSelect,
    ...crmDialogSelect,
    ...historyDialogSelect,
  };
  const back: { [K in Kind]: (s: ConsoleServices, o: OverlayOf<K>) => void } = {
    help: close,
    palette: close,
    status: (s, o) => (o.step === 'code'
      ? s.ui.update((u) => ({ ...u, overlay: { kind: 'status', step: 'status', target: null, cursor: 0 } }))
      : close(s)),
    quit: close,
    rejectOffer: (s, o) => s.ui.update((u) => ({ ...u, overlay: o.previous })),
    ...callDialogBack,
    ...chatDialogBack,
    ...noticeDialogBack,
    ...crmDialogBack,
    ...historyDialogBack,
  };
  const onOverlay = (table: typeof select | typeof back): Handler => (s) => {
    const o = s.ui.get().overlay;
    if (o) return (table[o.kind] as (s: ConsoleServices, o: Overlay) => void | Promise<void>)(s, o);
  };
  return {
    'dialog.select': onOverlay(select),
    'dialog.close': onOverlay(back),
    'help.close': (s) => s.ui.update((u) => ({ ...u, overlay: u.overlay?.kind === 'help' ? u.overlay.previous ?? null : null })),
    'quit.confirm': (s) => quit(s, false),
    'quit.logout': (s) => quit(s, true),
  } satisfies Record<string, Handler>;
}
