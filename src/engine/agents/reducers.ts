/** How the agent events change the agents' slice. */
import type { ReducersOf } from '../kernel/module.js';
import type { AgentEventBody } from './events.js';
import { agentOf } from './state.js';

export const AGENT_REDUCERS: ReducersOf<AgentEventBody> = {
  'agent.logged_in': (s, e) => {
    const a = agentOf(s, e.agentId);
    a.loggedIn = true;
    a.disconnectedUntil = undefined;
    a.idleSince = e.ts;
  },
  'agent.session_started': (s, e) => {
    agentOf(s, e.agentId).sessionKey = e.sessionKey;
  },
  'agent.logged_out': (s, e) => {
    const a = agentOf(s, e.agentId);
    a.loggedIn = false;
    a.disconnectedUntil = undefined;
    a.afterWork = undefined;
    a.sessionKey = undefined;
  },
  'agent.disconnected': (s, e) => {
    agentOf(s, e.agentId).disconnectedUntil = e.graceDeadline;
  },
  'agent.reconnected': (s, e) => {
    agentOf(s, e.agentId).disconnectedUntil = undefined;
  },
  'agent.status_changed': (s, e) => {
    const a = agentOf(s, e.agentId);
    a.status = e.to;
    a.statusCode = e.code;
    a.statusSince = e.ts;
    a.statusChange = { cause: e.cause, from: e.from, ...(e.by ? { by: e.by } : {}), ...(e.offer ? { offer: e.offer } : {}) };
    if (e.to === 'available') a.idleSince = e.ts;
    if (e.cause === 'work_ended' || e.cause === 'after_work') a.afterWork = undefined;
  },
  'agent.after_work_set': (s, e) => {
    agentOf(s, e.agentId).afterWork = e.status
      ? { status: e.status, code: e.code, by: e.by ?? 'agent', ...(e.offer ? { offer: e.offer } : {}) }
      : undefined;
  },
  'agent.queue_toggled': (s, e) => {
    const a = agentOf(s, e.agentId);
    if (e.enabled) a.disabledQueues.delete(e.queueId);
    else a.disabledQueues.add(e.queueId);
  },
};
