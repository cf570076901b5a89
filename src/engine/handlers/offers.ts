/** Offers: accept, reject (by permission), and the accept countdown. */
import type { AnyCommand } from '../commands.js';
import { hasPermission } from '../permissions.js';
import { fail } from '../result.js';
import { WORKING } from '../status/transitions.js';
import { decline, done, findAgent, transition, type Handler } from './context.js';
import { onAccepted, onDeclined } from './phone.js';

type C<T extends AnyCommand['type']> = Extract<AnyCommand, { type: T }>;

function findOffer(ctx: Parameters<Handler<AnyCommand>>[0], agentId: string, interactionId: string) {
  const found = findAgent(ctx, agentId);
  if (!found.ok) return found;
  const i = ctx.state.interactions.get(interactionId);
  if (!i || found.value.offer !== interactionId)
    return fail('NOT_FOUND', `There is no offer ${interactionId} for you (it may have timed out).`);
  return { ok: true as const, value: { agent: found.value, interaction: i } };
}

export const accept: Handler<C<'accept'>> = (ctx, cmd) => {
  const found = findOffer(ctx, cmd.agentId, cmd.interactionId);
  if (!found.ok) return found;
  const { agent, interaction } = found.value;
  ctx.emit({ type: 'interaction.accepted', interactionId: interaction.id, agentId: agent.id });
  if (!WORKING.has(agent.status)) transition(ctx, agent, 'busy', 'accept');
  onAccepted(ctx, interaction, agent);
  return done();
};

export const reject: Handler<C<'reject'>> = (ctx, cmd) => {
  const found = findOffer(ctx, cmd.agentId, cmd.interactionId);
  if (!found.ok) return found;
  const { agent, interaction } = found.value;
  if (!hasPermission(ctx.tenant.agents.get(agent.id)!, 'rejectOffers'))
    return fail('NOT_PERMITTED', 'You do not have the permission to reject offers.');
  decline(ctx, interaction, agent, 'rejected');
  onDeclined(ctx, interaction, 'rejected');
  return done();
};

export const offerTimeout: Handler<C<'offer_timeout'>> = (ctx, cmd) => {
  const i = ctx.state.interactions.get(cmd.interactionId);
  if (!i || i.phase !== 'offered' || !i.agentId || (i.offerDeadline ?? Infinity) > ctx.now()) return done();
  decline(ctx, i, ctx.state.agents.get(i.agentId)!, 'timeout');
  onDeclined(ctx, i, 'timeout');
  return done();
};
