/** Offers: accept, reject (by permission), and the accept countdown. */
import { hasPermission } from '../agents/permissions.js';
import { findAgent, transition } from '../agents/steps.js';
import { WORKING } from '../agents/transitions.js';
import { done, type Ctx, type Handler } from '../kernel/module.js';
import { fail } from '../kernel/result.js';
import type { CommandOf } from '../kernel/types.js';
import { decline } from './steps.js';

function findOffer(ctx: Ctx, agentId: string, interactionId: string) {
  const found = findAgent(ctx, agentId);
  if (!found.ok) return found;
  const i = ctx.state.interactions.get(interactionId);
  if (!i || found.value.offer !== interactionId)
    return fail('NOT_FOUND', `There is no offer ${interactionId} for you (it may have timed out).`);
  return { ok: true as const, value: { agent: found.value, interaction: i } };
}

export const accept: Handler<CommandOf<'accept'>> = (ctx, cmd) => {
  const found = findOffer(ctx, cmd.agentId, cmd.interactionId);
  if (!found.ok) return found;
  const { agent, interaction } = found.value;
  ctx.emit({ type: 'interaction.accepted', interactionId: interaction.id, agentId: agent.id });
  if (!WORKING.has(agent.status)) transition(ctx, agent, 'busy', 'accept');
  for (const hook of ctx.hooks.accepted) hook(ctx, interaction, agent);
  return done();
};

export const reject: Handler<CommandOf<'reject'>> = (ctx, cmd) => {
  const found = findOffer(ctx, cmd.agentId, cmd.interactionId);
  if (!found.ok) return found;
  const { agent, interaction } = found.value;
  if (!hasPermission(ctx.tenant.agents.get(agent.id)!, 'rejectOffers'))
    return fail('NOT_PERMITTED', 'You do not have the permission to reject offers.');
  decline(ctx, interaction, agent, 'rejected');
  return done();
};

export const offerTimeout: Handler<CommandOf<'offer_timeout'>> = (ctx, cmd) => {
  const i = ctx.state.interactions.get(cmd.interactionId);
  if (!i || i.phase !== 'offered' || !i.agentId || (i.offerDeadline ?? Infinity) > ctx.now()) return done();
  decline(ctx, i, ctx.state.agents.get(i.agentId)!, 'timeout');
  return done();
};
