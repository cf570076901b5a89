/**
 * Agents and statuses: login and logout, the status table, status codes,
 * the status after work, queue toggles, Stop New, capacity, permissions.
 */
import { defineModule, type HandlersOf } from '../kernel/module.js';
import type { AgentsAgentCommand } from './commands.js';
import { login, logout, resume, setAfterWork, setStatus, stopNew, toggleQueue } from './handlers.js';
import { AGENT_REDUCERS } from './reducers.js';
import { agentsSlice } from './state.js';
import { directoryView } from './directory.js';
import { agentViews } from './views.js';

const handlers: HandlersOf<AgentsAgentCommand> = {
  login,
  logout,
  set_status: setStatus,
  set_after_work: setAfterWork,
  toggle_queue: toggleQueue,
  stop_new: stopNew,
  resume,
};

export const agents = defineModule({
  name: 'agents',
  state: agentsSlice,
  handlers,
  reducers: AGENT_REDUCERS,
  views: (vc) => ({ ...agentViews(vc), ...directoryView(vc) }),
  extensionPoints: ['loggedIn', 'loggingOut', 'selfView'],
});
