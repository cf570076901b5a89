/**
 * A consultation succeeds: the target answered (a blind transfer completes
 * at once), then the host completes it — a conference merge (the customer
 * is back, the target joins) or a transfer (the target takes the call and
 * the host leaves to wrap up).
 */
import type { Ctx } from '../kernel/module.js';
import { agentLeaves } from './call-end.js';
import { customerLegOf, displayName, notice } from './calls.js';
import { targetName } from './consult.js';
import type { Call } from './state.js';

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
