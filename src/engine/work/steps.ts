/**
 * Steps several work handlers (and the media modules) share: finding an
 * agent's own work, declining an offer, starting and finishing wrap-up, and
 * the status an agent takes once their last interaction ends.
 */
import type { AgentState } from '../agents/state.js';
import { logOut, transition } from '../agents/steps.js';
import { statusAfterWork, WORKING, type StatusCause } from '../agents/transitions.js';
import type { Ctx } from '../kernel/module.js';
import { fail, ok, type Result } from '../kernel/result.js';
import { customerAway } from './hooks.js';
import { OFFER_OUTCOMES } from './offer-outcomes.js';
import type { Interaction } from './state.js';

/** An interaction the agent holds (accepted, not ended). Another agent's work is NOT_FOUND to them. */
export function findOwnWork(ctx: Ctx, agent: AgentState, interactionId: string): Result<Interaction> {
  const i = ctx.state.interactions.get(interactionId);
  if (!i || !agent.work.has(interactionId))
    return fail('NOT_FOUND', `Interaction ${interactionId} is not one of yours in progress.`);
  return ok(i);
}

/**
 * An offer goes back to the head of its queue (never lost); the agent's
 * status follows the per-media outcome table. An agent still working on
 * chats goes to Stop New and takes the outcome status when the work ends.
 */
export function decline(ctx: Ctx, i: Interaction, agent: AgentState, reason: 'rejected' | 'timeout' | 'connection_lost'): void {
  ctx.emit({ type: 'interaction.declined', interactionId: i.id, agentId: agent.id, reason });
  // A direct call nobody answered goes to the agent's voicemail.
  if (i.directAgentId && i.media === 'inbound_phone') ctx.emit({ type: 'interaction.to_voicemail', interactionId: i.id });
  const cause = reason === 'rejected' ? 'reject' : 'timeout' satisfies StatusCause;
  const outcome = reason === 'rejected' ? OFFER_OUTCOMES.rejected[i.media] : OFFER_OUTCOMES.timeout;
  const offer = { media: i.media, ...(i.queueId ? { queueId: i.queueId } : {}) };
  // A customer who was gone before the offer ran out is nobody's miss (a web chat whose customer dropped).
  if (reason === 'timeout' && customerAway(ctx, i)) {
    // The agent keeps their status.
  } else if (agent.status === 'available') transition(ctx, agent, outcome, cause, undefined, { offer });
  else if (WORKING.has(agent.status)) {
    if (agent.status === 'busy') transition(ctx, agent, 'busy_stop_new', cause, undefined, { offer });
    ctx.emit({ type: 'agent.after_work_set', agentId: agent.id, status: outcome, by: cause, offer });
  }
  // On Break / Working Offline agents reached by direct routing keep their status.
  for (const hook of ctx.hooks.declined) hook(ctx, i, reason);
}

/** Once an agent's last interaction ends, they leave Busy (or are logged out if their connection is gone). */
export function finishWorkIfDone(ctx: Ctx, agentId: string | undefined): void {
  const agent = agentId ? ctx.state.agents.get(agentId) : undefined;
  if (!agent || agent.work.size > 0 || !WORKING.has(agent.status)) return;
  const after = agent.afterWork;
  if (after) transition(ctx, agent, after.status, 'after_work', after.code, { by: after.by, ...(after.offer ? { offer: after.offer } : {}) });
  else transition(ctx, agent, statusAfterWork(agent), 'work_ended');
  if (agent.disconnectedUntil !== undefined && agent.disconnectedUntil <= ctx.now()) logOut(ctx, agent, 'connection_lost');
}

/** Mandatory code lists of the interaction's queue with no code chosen yet. */
export function missingMandatoryLists(ctx: Ctx, i: Interaction): string[] {
  return ctx.tenant
    .codeListsFor(i.queueId)
    .filter((l) => l.mandatory && !l.codes.some((c) => i.codes.includes(c.id)))
    .map((l) => l.name);
}

/** The wrap-up timer ran out: end, unless mandatory codes are missing (then it counts up). */
export function wrapUpDue(ctx: Ctx, i: Interaction): void {
  if (missingMandatoryLists(ctx, i).length) {
    if (!i.wrapUpOverdue) ctx.emit({ type: 'interaction.wrap_up_overdue', interactionId: i.id });
    return;
  }
  endWrapUp(ctx, i, 'wrap_up_timer');
}

/** Wrap-up is over (Wrap Up pressed, or its timer ran out with the codes chosen): the interaction ends. */
export function endWrapUp(ctx: Ctx, i: Interaction, reason: 'wrapped_up' | 'wrap_up_timer'): void {
  for (const hook of ctx.hooks.wrappedUp) hook(ctx, i);
  const agentId = i.agentId;
  ctx.emit({ type: 'interaction.ended', interactionId: i.id, reason, agentId });
  finishWorkIfDone(ctx, agentId);
}

/** The customer side ends (either party): wrap-up starts with the queue's timer. */
export function startWrapUp(ctx: Ctx, i: Interaction, by: 'customer' | 'agent' | 'transfer'): void {
  const sec = i.queueId ? ctx.tenant.queues.get(i.queueId)!.wrapUpSec : ctx.tenant.config.directRouting.wrapUpSec;
  const wrapUpDeadline = ctx.now() + sec * 1000;
  ctx.emit({ type: 'interaction.customer_ended', interactionId: i.id, by, wrapUpDeadline });
  if (sec === 0) wrapUpDue(ctx, i);
}
