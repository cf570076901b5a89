/** The agents module's extension points: what other modules do when an agent logs in or out, and add to their view. */
import type { Ctx, ViewContext } from '../kernel/module.js';
import type { AgentState } from './state.js';
import type { AgentSelfView } from './views.js';

declare module '../kernel/types.js' {
  interface EngineHooks {
    /** The agent has just logged in (a persistent phone connection is dialed). */
    loggedIn(ctx: Ctx, agentId: string): void;
    /** The agent is about to be logged out (what lives only as long as the login ends). */
    loggingOut(ctx: Ctx, agent: AgentState): void;
    /** A module adds its part (the phone profile) to the agent's view of themselves being built. */
    selfView(vc: ViewContext, agentId: string, view: AgentSelfView): void;
  }
}
