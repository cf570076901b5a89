/** Customer-side commands from channel adapters: arrivals, direct routing, hang-ups. */
import { canBeOfferedDirect } from '../agents/capacity.js';
import { done, type Handler } from '../kernel/module.js';
import { fail, ok } from '../kernel/result.js';
import type { CommandOf } from '../kernel/types.js';
import { firstAnswer } from './hooks.js';
import { finishWorkIfDone, startWrapUp } from './steps.js';

export const arrive: Handler<CommandOf<'arrive'>> = (ctx, cmd) => {
  const q = ctx.tenant.queues.get(cmd.queueId);
  if (!q) return fail('NOT_FOUND', `There is no queue "${cmd.queueId}".`);
  // A callback request is outbound work: the agent who accepts it calls the customer back.
  const callback = cmd.detail?.callback !== undefined;
  if (q.media === 'outbound_phone' && !callback) return fail('VALIDATION', `Queue "${q.id}" is for outbound calls: only callback requests arrive in it.`);
  if (callback && (q.media !== 'outbound_phone' || !cmd.customer.phone))
    return fail('VALIDATION', `A callback request needs a number to call and an outbound queue ("${q.id}" is ${q.media}).`);
  for (const check of ctx.hooks.checkArrival) {
    const refused = check(ctx, cmd, q);
    if (refused && !refused.ok) return refused;
  }
  const interactionId = `IX-${ctx.state.nextInteraction}`;
  ctx.emit({
    type: 'interaction.arrived',
    interactionId,
    media: q.media,
    queueId: q.id,
    customer: cmd.customer,
    arrivalSeq: ctx.state.nextArrival,
    detail: cmd.detail,
    // A chat opens a conversation named after its first interaction; it outlives transfers.
    conversationId: q.media === 'chat' ? interactionId : undefined,
  });
  for (const hook of ctx.hooks.arrived) hook(ctx, interactionId, cmd);
  return ok({ interactionId });
};

/**
 * Direct agent routing: offered to the agent whatever their status; if they
 * cannot take it now (logged out, on another interaction), it goes straight
 * to their voicemail, which is offered when they are next Available.
 */
export const arriveDirect: Handler<CommandOf<'arrive_direct'>> = (ctx, cmd) => {
  const agentId = cmd.agentId ?? (cmd.number ? ctx.tenant.agentByDirectNumber.get(cmd.number) : undefined);
  if (!agentId || !ctx.tenant.agents.has(agentId))
    return fail('NOT_FOUND', `No agent has the direct access number ${cmd.number ?? cmd.agentId ?? '(none)'}.`);
  const interactionId = `IX-${ctx.state.nextInteraction}`;
  ctx.emit({
    type: 'interaction.arrived',
    interactionId,
    media: 'inbound_phone',
    directAgentId: agentId,
    customer: cmd.customer,
    arrivalSeq: ctx.state.nextArrival,
  });
  const agent = ctx.state.agents.get(agentId);
  if (agent && canBeOfferedDirect(agent)) {
    const deadline = ctx.now() + ctx.tenant.config.directRouting.acceptTimeoutSec * 1000;
    ctx.emit({ type: 'interaction.offered', interactionId, agentId, deadline });
  } else ctx.emit({ type: 'interaction.to_voicemail', interactionId });
  return ok({ interactionId });
};

/** The customer leaves: a waiting or offered interaction is abandoned; an active one goes to wrap-up. */
export const customerEnd: Handler<CommandOf<'customer_end'>> = (ctx, cmd) => {
  const i = ctx.state.interactions.get(cmd.interactionId);
  if (!i) return fail('NOT_FOUND', `There is no interaction ${cmd.interactionId} in progress.`);
  // A call ends all its legs (a consulted colleague's side only ends the consultation).
  const handled = firstAnswer(ctx.hooks.customerEnd, ctx, i);
  if (handled) return handled;
  if (i.phase === 'active') {
    startWrapUp(ctx, i, 'customer');
    return done();
  }
  if (i.phase === 'wrapup') return fail('INVALID_STATE', `Interaction ${i.id} has already ended on the customer side.`);
  const agentId = i.agentId;
  ctx.emit({ type: 'interaction.ended', interactionId: i.id, reason: 'abandoned', agentId });
  finishWorkIfDone(ctx, agentId);
  return done();
};
