/** Agent presence events: login, logout, connection, status, after-work, queues. */
import type { Status } from '../tenant/schema.js';
import type { AfterWorkBy, OfferRef, StatusCause } from './transitions.js';

export type AgentEventBody =
  | { type: 'agent.logged_in'; agentId: string }
  /** A console's session: the hash of its token (a newer login replaces it; logout clears it). */
  | { type: 'agent.session_started'; agentId: string; sessionKey: string }
  | { type: 'agent.logged_out'; agentId: string; reason: 'agent' | 'connection_lost' }
  | { type: 'agent.disconnected'; agentId: string; graceDeadline: number }
  | { type: 'agent.reconnected'; agentId: string }
  | {
      type: 'agent.status_changed';
      agentId: string;
      from: Status;
      to: Status;
      cause: StatusCause;
      code?: string;
      /** cause after_work: who set the status after work. */
      by?: AfterWorkBy;
      /** The offer rejected or missed (directly, or through the status after work). */
      offer?: OfferRef;
    }
  /** `status` absent: cleared. `by` absent (older logs): the agent. */
  | { type: 'agent.after_work_set'; agentId: string; status?: Status; code?: string; by?: AfterWorkBy; offer?: OfferRef }
  | { type: 'agent.queue_toggled'; agentId: string; queueId: string; enabled: boolean };

declare module '../kernel/types.js' {
  interface EngineEvents {
    agents: AgentEventBody;
  }
}
