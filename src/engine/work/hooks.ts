/**
 * The work module's extension points: the media modules' side of the
 * generic steps (a call connects on accept, hangs up on end…), and their
 * part of the interaction view.
 */
import type { AgentState } from '../agents/state.js';
import type { Ctx, ViewContext } from '../kernel/module.js';
import type { Result } from '../kernel/result.js';
import type { CommandOutcome } from '../kernel/types.js';
import type { QueueConfig } from '../tenant/schema.js';
import type { WorkChannelCommand } from './commands.js';
import type { Interaction } from './state.js';
import type { InteractionView } from './views.js';

type Arrive = Extract<WorkChannelCommand, { type: 'arrive' }>;

declare module '../kernel/types.js' {
  interface EngineHooks {
    /** Before anything of an arrival is emitted: a module refuses it by returning a failure. */
    checkArrival(ctx: Ctx, cmd: Arrive, queue: QueueConfig): Result<unknown> | undefined;
    /** The interaction of an `arrive` command has just arrived. */
    arrived(ctx: Ctx, interactionId: string, cmd: Arrive): void;
    /** The agent accepted the offer (and is Busy). */
    accepted(ctx: Ctx, i: Interaction, agent: AgentState): void;
    /** The offer was declined (rejected, timed out, connection lost) and is back in its queue. */
    declined(ctx: Ctx, i: Interaction, reason: 'rejected' | 'timeout' | 'connection_lost'): void;
    /**
     * The agent ends their side of live work (`gone`: their phone already hung up). The first
     * module that returns a result has handled it; none: wrap-up starts as usual.
     */
    agentHangUp(ctx: Ctx, i: Interaction, gone?: boolean): Result<CommandOutcome> | undefined;
    /** The customer side ends. The first module that returns a result has handled it. */
    customerEnd(ctx: Ctx, i: Interaction): Result<CommandOutcome> | undefined;
    /** A handled interaction's wrap-up is over (notes and codes are final): it is about to end. */
    wrappedUp(ctx: Ctx, i: Interaction): void;
    /** Whether the customer is gone for now (a web chat whose customer dropped): a missed offer then costs the agent nothing. */
    customerAway(state: Ctx['state'], i: Interaction): boolean;
    /** A module adds its part (the chat, the call) to the view of an interaction being built. */
    interactionView(vc: ViewContext, i: Interaction, view: InteractionView): void;
  }
}

/** Runs an extension point whose first answer wins. */
export function firstAnswer<A extends unknown[], R>(hooks: readonly ((...args: A) => R | undefined)[], ...args: A): R | undefined {
  for (const hook of hooks) {
    const answer = hook(...args);
    if (answer !== undefined) return answer;
  }
  return undefined;
}

/** Whether any module says the customer of `i` is away. */
export const customerAway = (ctx: Ctx, i: Interaction): boolean => ctx.hooks.customerAway.some((away) => away(ctx.state, i));
