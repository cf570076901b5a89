/** Agent presence commands. Each carries the acting agent's id. */
import type { Status } from '../tenant/schema.js';

export type AgentsAgentCommand =
  /**
   * `sessionKey`: the hash of the session token the server hands the console (never the token):
   * recorded with the login, so the session outlives a server restart until logout or a newer login.
   */
  | { type: 'login'; agentId: string; sessionKey?: string }
  | { type: 'logout'; agentId: string }
  | { type: 'set_status'; agentId: string; status: Status; code?: string }
  /** The status to take when the current work ends ("not ready after this call"); null clears it. */
  | { type: 'set_after_work'; agentId: string; status: Status | null; code?: string }
  | { type: 'toggle_queue'; agentId: string; queueId: string; enabled: boolean }
  | { type: 'stop_new'; agentId: string }
  | { type: 'resume'; agentId: string };

declare module '../kernel/types.js' {
  interface AgentCommands {
    agents: AgentsAgentCommand;
  }
}
