// Queues and contacts pane commands.
import type { ConsoleServices } from '../context.js';
import { clampCursor } from '../list-window.js';
import { contactGroups, contactUnderCursor } from '../panes/contacts-state.js';
import { queuesFor, type QueueFilter } from '../panes/queues-state.js';
import { dispatch } from '../ui-state.js';
import { info, send, type Handler } from './run.js';

const cycleQueues = (filter: QueueFilter): Handler => (s) => dispatch(s.ui, 'queues', { type: 'cycle', filter });

const contactAtCursor = (s: ConsoleServices) => contactUnderCursor(s.view.get().contacts, s.ui.get().contacts);

export const paneActions = {
  'queues.toggle': async (s) => {
    const list = queuesFor(s.view.get().queues, s.ui.get().queues);
    const q = list[clampCursor(s.ui.get().queues.cursor, list.length)];
    if (!q) return;
    if (q.relation !== 'member') return info(s, `You supervise ${q.name}; only members receive its offers.`);
    await send(s, s.client.toggleQueue(q.id, !q.enabled), `${q.name} ${q.enabled ? 'disabled' : 'enabled'}.`);
  },
  'queues.relation': cycleQueues('relation'),
  'queues.enabled': cycleQueues('enabled'),
  'queues.media': cycleQueues('media'),
  'queues.clear': (s) => dispatch(s.ui, 'queues', { type: 'clear' }),

  'contacts.search': (s) => s.ui.update((u) => ({ ...u, text: 'search' })),
  'contacts.nextTab': (s) => dispatch(s.ui, 'contacts', { type: 'tab', delta: 1 }),
  'contacts.prevTab': (s) => dispatch(s.ui, 'contacts', { type: 'tab', delta: -1 }),
  'contacts.favourite': (s) => {
    const c = contactAtCursor(s);
    if (!c) return;
    dispatch(s.ui, 'contacts', { type: 'favourite', id: c.id });
    s.onFavouritesChange?.(s.ui.get().contacts.favourites);
  },
  'contacts.open': (s) => {
    const c = contactAtCursor(s);
    if (!c) return;
    dispatch(s.ui, 'contacts', { type: 'open', id: c.id });
    info(s, `${c.displayName} · ${c.group} · ${c.role}`);
  },
  'contacts.group': (s) => dispatch(s.ui, 'contacts', { type: 'group', groups: contactGroups(s.view.get().contacts) }),
  'contacts.status': (s) => dispatch(s.ui, 'contacts', { type: 'status' }),
  'contacts.clear': (s) => dispatch(s.ui, 'contacts', { type: 'clear' }),

  'search.done': (s) => s.ui.update((u) => ({ ...u, text: null })),
  'search.cancel': (s) => {
    dispatch(s.ui, 'contacts', { type: 'query', query: '' });
    s.ui.update((u) => ({ ...u, text: null }));
  },
} satisfies Record<string, Handler>;
