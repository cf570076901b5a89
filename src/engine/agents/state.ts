/** The agents' slice: presence, status, and the work each agent holds. */
import type { AfterWorkBy, OfferRef, StatusCause } from './transitions.js';
import type { EngineState } from '../kernel/types.js';
import type { Status } from '../tenant/schema.js';
import type { Tenant } from '../tenant/tenant.js';

export interface AgentState {
  id: string;
  status: Status;
  statusCode?: string;
  statusSince: number;
  /** Routing tie-break: longest idle first. */
  idleSince: number;
  loggedIn: boolean;
  /** Set while the agent's connection is lost; work is kept until the deadline. */
  disconnectedUntil?: number;
  /** The hash of the current console session's token: a resume after a server restart is checked against it. */
  sessionKey?: string;
  /** Queues the agent has disabled (assigned queues are enabled by default). */
  disabledQueues: Set<string>;
  offer?: string;
  /** Interactions accepted and not yet ended (active or in wrap-up). */
  work: Set<string>;
  /** The status to take when the current work ends (after a reject/timeout, dialling out, or chosen). */
  afterWork?: AfterWork;
  /** Why the status last changed (the console says it in words). Absent in snapshots older than it. */
  statusChange?: StatusChange;
}

export interface AfterWork {
  status: Status;
  code?: string;
  by: AfterWorkBy;
  /** by reject / timeout: the offer. */
  offer?: OfferRef;
}

export interface StatusChange {
  cause: StatusCause;
  from: Status;
  /** cause after_work: who set the status after work. */
  by?: AfterWorkBy;
  /** cause reject / timeout, or after_work by one of them: the offer. */
  offer?: OfferRef;
}

declare module '../kernel/types.js' {
  interface EngineState {
    agents: Map<string, AgentState>;
  }
}

/** An agent's state, created (logged out) the first time an event names them. */
export function agentOf(s: EngineState, id: string): AgentState {
  let a = s.agents.get(id);
  if (!a) {
    a = {
      id,
      status: 'logged_out',
      statusSince: 0,
      idleSince: 0,
      loggedIn: false,
      disabledQueues: new Set(),
      work: new Set(),
    };
    s.agents.set(id, a);
  }
  return a;
}

export interface SerializedAgents {
  agents: (Omit<AgentState, 'disabledQueues' | 'work'> & { disabledQueues: string[]; work: string[] })[];
}

export const agentsSlice = {
  init: () => ({ agents: new Map<string, AgentState>() }),
  serialize: (s: EngineState): SerializedAgents => ({
    agents: [...s.agents.values()].map((a) => ({ ...a, disabledQueues: [...a.disabledQueues], work: [...a.work] })),
  }),
  deserialize: (raw: SerializedAgents) => ({
    agents: new Map(raw.agents.map((a) => [a.id, { ...a, disabledQueues: new Set(a.disabledQueues), work: new Set(a.work) }])),
  }),
  /** Agents removed from the tenant file since the log was written are forgotten, not crashed on. */
  restored(s: EngineState, tenant: Tenant): void {
    for (const id of s.agents.keys()) if (!tenant.agents.has(id)) s.agents.delete(id);
  },
};
