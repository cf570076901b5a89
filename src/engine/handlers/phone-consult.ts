/**
 * Consultations: the customer waits on hold while the host reaches a
 * colleague or an external number, for a warm transfer, a blind (cold)
 * transfer, or a conference. A colleague is offered a new interaction of
 * their own; an external number is dialed. When the consultation fails
 * (busy, no answer, declined, hung up) the customer comes back to the host
 * with a notice: nothing is dropped.
 */
import type { LegEndReason } from '../phone/events.js';
import type { Call, CallLeg, Consult, ConsultTarget } from '../phone/state.js';
import { finishWorkIfDone, startWrapUp, type Ctx } from './context.js';
import { customerLegOf, displayName, markUnreachable, newLegId, notice, removeLeg, ringDeadline } from './phone-calls.js';
import { agentLeaves } from './phone-end.js';

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

/** The target answered: host and target talk (the customer still on hold); a blind transfer completes at once. */
export function consultAnswered(ctx: Ctx, call: Call): void {
  const consult = call.consult!;
  ctx.emit({ type: 'phone.bridged', interactionId: call.interactionId, callId: call.id, legIds: [consult.legId!], purpose: 'consult' });
  if (consult.blind) return completeConsult(ctx, call.id);
  notice(ctx, call.interactionId, `${targetName(ctx, consult.target)} answered: talk, then complete or cancel.`);
}

/** Conference: the target joins and the customer is back. Transfer: the target takes the call and the host leaves. */
export function completeConsult(ctx: Ctx, callId: string): void {
  const call = ctx.state.phone.calls.get(callId)!;
  const consult = call.consult!;
  const legId = consult.legId!;
  const ref = { interactionId: call.interactionId, callId };
  const customer = customerLegOf(call);
  const who = targetName(ctx, consult.target);
  if (consult.purpose === 'conference') {
    if (customer?.held && !consult.customerWasHeld) ctx.emit({ type: 'phone.held', ...ref, legId: customer.id, held: false });
    ctx.emit({ type: 'phone.bridged', ...ref, legIds: [legId], purpose: 'conference' });
    ctx.emit({ type: 'phone.consult_ended', ...ref, outcome: 'merged' });
    notice(ctx, call.interactionId, `${who} joined the conference.`);
    return;
  }
  if (customer?.held) ctx.emit({ type: 'phone.held', ...ref, legId: customer.id, held: false });
  ctx.emit({ type: 'phone.bridged', ...ref, legIds: customer ? [customer.id, legId] : [legId], purpose: 'transfer' });
  ctx.emit({ type: 'phone.consult_ended', ...ref, outcome: 'completed' });
  const previous = call.interactionId;
  const from = displayName(ctx, ctx.state.interactions.get(previous)?.agentId ?? '');
  if ('interactionId' in consult.target) {
    ctx.emit({ type: 'phone.host_changed', interactionId: consult.target.interactionId, callId, previous, state: 'connected' });
    notice(ctx, consult.target.interactionId, `${from} transferred the call to you.`);
  }
  // Names may end with a period ("Chloé M."): one period ends the sentence.
  notice(ctx, previous, `Call transferred to ${who.replace(/\.$/, '')}. Wrap up, then resume.`);
  agentLeaves(ctx, callId, previous, 'transferred', 'transfer');
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
