// Commands available from every pane: dialogs, focus, status, quit.
import type { ConsoleServices } from '../context.js';
import { workInProgress } from '../dialogs/items.js';
import type { Overlay } from '../ui-state.js';
import { cyclePane, focusPane, leaveText } from './focus.js';
import { error, info, send, type Handler } from './run.js';

const open = (overlay: Overlay) => (s: ConsoleServices): void => {
  leaveText(s);
  s.ui.update((u) => ({ ...u, overlay }));
};

/** Stop New while busy with chats, Resume while stopped: one key, like the guide's one button. */
const STOP_NEW: Partial<Record<string, (s: ConsoleServices) => Promise<unknown>>> = {
  busy: (s) => send(s, s.client.stopNew(), 'New chat offers stopped.'),
  busy_stop_new: (s) => send(s, s.client.resumeOffers(), 'Chat offers resumed.'),
};

export const globalActions = {
  'global.help': open({ kind: 'help', cursor: 0 }),
  'global.palette': open({ kind: 'palette', query: '', cursor: 0 }),
  'global.nextPane': (s) => cyclePane(s, 1),
  'global.prevPane': (s) => cyclePane(s, -1),
  'global.pane1': (s) => focusPane(s, 'interaction'),
  'global.pane2': (s) => focusPane(s, 'disposition'),
  'global.pane3': (s) => focusPane(s, 'queues'),
  'global.pane4': (s) => focusPane(s, 'contacts'),
  'global.pane5': (s) => focusPane(s, 'notices'),
  'global.pane6': (s) => focusPane(s, 'crm'),
  'global.status': (s) => {
    if (!s.view.get().self) return error(s, 'Not logged in yet.');
    open({ kind: 'status', step: 'status', target: null, cursor: 0 })(s);
  },
  'global.disposition': (s) => {
    focusPane(s, 'disposition');
    if (s.view.get().work.length === 0) info(s, 'No interaction to disposition.');
  },
  'global.stopNew': async (s) => {
    const run = STOP_NEW[s.view.get().self?.status ?? ''];
    if (!run) return error(s, 'Stop New and Resume apply while you are handling chats.');
    await run(s);
  },
  'global.logout': async (s) => {
    if (workInProgress(s.view.get())) return error(s, 'Finish your work before logging out.');
    await send(s, s.client.logout(), 'Logged out. Press q to quit.');
  },
  'global.quit': open({ kind: 'quit', cursor: 0 }),
} satisfies Record<string, Handler>;
