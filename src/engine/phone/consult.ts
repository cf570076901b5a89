/**
 * Consultations: the customer waits on hold while the host reaches a
 * colleague or an external number, for a warm transfer, a blind (cold)
 * transfer, or a conference. A colleague is offered a new interaction of
 * their own; an external number is dialed. When the consultation fails
 * (busy, no answer, declined, hung up) the customer comes back to the host
 * with a notice: nothing is dropped.
 */
import type { Ctx } from '../kernel/module.js';
import { finishWorkIfDone, startWrapUp } from '../work/steps.js';
import { customerLegOf, displayName, markUnreachable, newLegId, notice, removeLeg, ringDeadline } from './calls.js';
import type { LegEndReason } from './events.js';
import type { CallLeg, Consult, ConsultTarget } from './state.js';

export function targetName(ctx: Ctx, target: ConsultTarget | { agentId: string } | { number: string }): string {
  return 'agentId' in target ? displayName(ctx, target.agentId) : target.number;
}

/** Puts the customer on hold and reaches the target. Returns the colleague's new interaction, if any. */
export function startConsult(
  ctx: Ctx,
  callId: string,
  agentId: string,
  purpose: Consult['purpose'],
  blind: boolean,
  to: { agentId: string } | { number: string },
): string | undefined {
  const call = ctx.state.phone.calls.get(callId)!;
  const ref = { interactionId: call.interactionId, callId };
  const customer = customerLegOf(call);
  const customerWasHeld = customer?.held ?? false;
  if (customer && !customer.held) ctx.emit({ type: 'phone.held', ...ref, legId: customer.id, held: true, agentId });
  if ('agentId' in to) {
    const host = ctx.state.interactions.get(call.interactionId)!;
    const interactionId = `IX-${ctx.state.nextInteraction}`;
    ctx.emit({
      type: 'interaction.arrived',
      interactionId,
      media: host.media,
      queueId: host.queueId,
      customer: host.customer,
      arrivalSeq: ctx.state.nextArrival,
      transferredFrom: { agentId, interactionId: host.id, queueId: host.queueId },
    });
    ctx.emit({ type: 'phone.consult_started', ...ref, agentId, consult: { purpose, blind, target: { agentId: to.agentId, interactionId }, customerWasHeld } });
    ctx.emit({ type: 'interaction.offered', interactionId, agentId: to.agentId, deadline: ringDeadline(ctx) });
    return interactionId;
  }
  const leg: CallLeg = {
    id: newLegId(ctx),
    party: 'external',
    state: 'ringing',
    number: to.number,
    ringDeadline: ringDeadline(ctx),
    muted: false,
    held: false,
    since: ctx.now(),
  };
  ctx.emit({ type: 'phone.consult_started', ...ref, agentId, consult: { purpose, blind, target: { number: to.number }, legId: leg.id, customerWasHeld } });
  ctx.emit({ type: 'phone.leg_added', ...ref, leg, dial: { to: to.number, purpose } });
  return undefined;
}

const LEG_REASONS: ReadonlySet<string> = new Set(['busy', 'no_answer', 'failed', 'hung_up']);

/**
 * The consultation ends without completing. A colleague who talked wraps
 * up; one whose offer or phone was never answered just loses it. The
 * customer is taken off hold (unless they were held before) and the host
 * gets `message`.
 */
export function endConsult(
  ctx: Ctx,
  callId: string,
  outcome: 'cancelled' | 'failed',
  reason: string,
  message: string,
  opts: { legGone?: boolean; unreachable?: boolean } = {},
): void {
  const call = ctx.state.phone.calls.get(callId);
  const consult = call?.consult;
  if (!call || !consult) return;
  const leg = consult.legId ? call.legs.find((l) => l.id === consult.legId) : undefined;
  const legReason: LegEndReason = LEG_REASONS.has(reason) ? (reason as LegEndReason) : 'cancelled';
  if (leg) removeLeg(ctx, call, leg, legReason, !!opts.legGone);
  if ('interactionId' in consult.target) {
    const target = ctx.state.interactions.get(consult.target.interactionId);
    if (target?.phase === 'active' && leg?.state === 'connected') startWrapUp(ctx, target, 'customer');
    else if (target && target.phase !== 'wrapup') {
      // Offered (or just declined), or accepted but their phone never answered.
      const agentId = target.agentId;
      ctx.emit({ type: 'interaction.ended', interactionId: target.id, reason: outcome === 'failed' ? 'unanswered' : 'abandoned', agentId });
      if (agentId && opts.unreachable) markUnreachable(ctx, agentId, 'Your phone did not answer a consultation: you are set On Break after it.');
      finishWorkIfDone(ctx, agentId);
    }
  }
  ctx.emit({ type: 'phone.consult_ended', interactionId: call.interactionId, callId, outcome, reason });
  const customer = customerLegOf(call);
  if (customer?.held && !consult.customerWasHeld)
    ctx.emit({ type: 'phone.held', interactionId: call.interactionId, callId, legId: customer.id, held: false });
  notice(ctx, call.interactionId, message, outcome === 'failed' ? 'warning' : 'info');
}
