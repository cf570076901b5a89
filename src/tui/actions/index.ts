// Every command id has exactly one handler here; the `satisfies` clause makes
// a command without a handler a type error, so nothing in help is dead.
import { callActions } from '../call/actions.js';
import { colleagueCallActions } from '../call/colleague.js';
import { chatActions } from '../chat/chat-actions.js';
import { faqActions } from '../chat/dialog-actions.js';
import { historyActions } from '../history/actions.js';
import { noticeActions } from '../notices/actions.js';
import { crmActions } from '../crm/actions.js';
import { directoryActions } from '../crm/directory.js';
import { formActions } from '../crm/form-actions.js';
import type { ConsoleServices } from '../context.js';
import type { CommandId, ContextId } from '../keymap.js';
import { commandSpec } from '../keymap.js';
import type { PaneId } from '../pane-ids.js';
import { dialogActions } from './dialog-actions.js';
import { focusPane } from './focus.js';
import { globalActions } from './global-actions.js';
import { listActions } from './list-actions.js';
import { paneActions } from './pane-actions.js';
import type { Handler } from './run.js';
import { terminalActions } from './terminal-actions.js';
import { workActions } from './work-actions.js';

/** A command run from the palette acts in its own pane: go there first. */
const HOME_PANE: Partial<Record<ContextId, readonly PaneId[]>> = {
  queues: ['queues'],
  contacts: ['contacts'],
  disposition: ['disposition'],
  work: ['interaction', 'disposition'],
  chat: ['interaction'],
  chatPane: ['interaction'],
  call: ['interaction', 'disposition'],
  notices: ['notices'],
  crm: ['crm'],
};

export function runFromPalette(s: ConsoleServices, id: CommandId): void | Promise<void> {
  const home = HOME_PANE[commandSpec(id).context];
  if (home && !home.includes(s.ui.get().focus)) focusPane(s, home[0]!);
  return ACTIONS[id](s);
}

export const ACTIONS = {
  ...globalActions,
  ...workActions,
  ...paneActions,
  ...listActions,
  ...dialogActions(runFromPalette),
  ...chatActions,
  ...faqActions,
  ...callActions,
  ...colleagueCallActions,
  ...noticeActions,
  ...crmActions,
  ...formActions,
  ...directoryActions,
  ...historyActions,
  ...terminalActions,
} satisfies Record<CommandId, Handler>;

export async function runCommand(s: ConsoleServices, id: CommandId): Promise<void> {
  await ACTIONS[id](s);
}
