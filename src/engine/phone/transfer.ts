/**
 * Call transfers (DOMAIN.md, Phone): to a colleague, warm (consult, then
 * complete) or cold (blind: completes when they answer); to a phone queue
 * (the call waits there again; UNSTAFFED warns unless the permission or
 * `force`); to an external number (warm invite, then complete). A transfer
 * that fails comes back to the agent with a notice. After a transfer the
 * agent wraps up, then resumes. Voicemails cannot be transferred.
 */
import { canJoinCall } from '../agents/capacity.js';
import { STATUS_LABELS } from '../agents/labels.js';
import { hasPermission } from '../agents/permissions.js';
import { done, type Ctx, type Handler } from '../kernel/module.js';
import { fail, ok, type Result } from '../kernel/result.js';
import type { CommandOf } from '../kernel/types.js';
import { agentLeaves } from './call-end.js';
import { asHost, customerLegOf, displayName, hostOnCall, notice, onCall, otherPartiesOf, type OnCall } from './calls.js';
import { completeConsult } from './consult-complete.js';
import { endConsult, startConsult, targetName } from './consult.js';
import { normalizeNumber } from './numbers.js';

/** The host of a connected call with no consultation going on (transfers and conference invitations start here). */
export function readyToConsult(ctx: Ctx, agentId: string, interactionId: string, action: string): Result<OnCall> {
  const found = onCall(ctx, agentId, interactionId);
  if (!found.ok) return found;
  const host = asHost(found.value, action);
  if (!host.ok) return host;
  const consult = host.value.call.consult;
  if (consult) return fail('INVALID_STATE', `You are already consulting ${targetName(ctx, consult.target)}: complete or cancel that first.`);
  return host;
}

/** Checks a colleague can be brought into the call now. */
export function checkColleague(ctx: Ctx, from: string, to: string): Result<string> {
  if (!ctx.tenant.agents.has(to)) return fail('NOT_FOUND', `There is no agent "${to}".`);
  if (to === from) return fail('VALIDATION', 'You are already on this call.');
  const a = ctx.state.agents.get(to);
  if (!a?.loggedIn) return fail('INVALID_STATE', `${displayName(ctx, to)} is not logged in.`);
  if (!canJoinCall(a)) {
    const why = a.offer ? 'has an offer waiting' : a.disconnectedUntil !== undefined ? 'has lost their connection' : `is ${STATUS_LABELS[a.status]}`;
    return fail('INVALID_STATE', `${displayName(ctx, to)} ${why}: pick someone Available or Working Offline.`);
  }
  return ok(to);
}

export const phoneTransfer: Handler<CommandOf<'phone_transfer'>> = (ctx, cmd) => {
  const found = readyToConsult(ctx, cmd.agentId, cmd.interactionId, 'transfer the call');
  if (!found.ok) return found;
  const { call, interaction } = found.value;
  const to = cmd.to;
  if ('agentId' in to) {
    const checked = checkColleague(ctx, cmd.agentId, to.agentId);
    if (!checked.ok) return checked;
    const blind = cmd.mode === 'cold';
    const id = startConsult(ctx, call.id, cmd.agentId, 'transfer', blind, { agentId: to.agentId });
    notice(ctx, call.interactionId, blind ? `Transferring to ${displayName(ctx, to.agentId)}…` : `Calling ${displayName(ctx, to.agentId)}: the customer is on hold.`);
    return ok({ interactionId: id });
  }
  if ('number' in to) {
    if (cmd.mode === 'cold') return fail('VALIDATION', 'External transfers are warm: invite the number, then complete the transfer.');
    const number = normalizeNumber(to.number);
    if (!number.ok) return number;
    startConsult(ctx, call.id, cmd.agentId, 'transfer', false, { number: number.value });
    notice(ctx, call.interactionId, `Calling ${number.value}: the customer is on hold.`);
    return done();
  }
  const q = ctx.tenant.queues.get(to.queueId);
  if (!q || q.media !== 'inbound_phone') return fail('NOT_FOUND', `There is no phone queue "${to.queueId}".`);
  if (otherPartiesOf(call).length) return fail('INVALID_STATE', 'Others are on this conference: remove them or leave the call instead.');
  const staffed = (ctx.queueStats(q.id, cmd.agentId)?.others ?? 0) > 0;
  if (!staffed && !cmd.force && !hasPermission(ctx.tenant.agents.get(cmd.agentId)!, 'transferToUnstaffedQueues'))
    return fail('UNSTAFFED', `Nobody else is available in ${q.name} right now (a call you transfer never comes back to you): the caller will wait there. Transfer anyway?`);
  const newId = `IX-${ctx.state.nextInteraction}`;
  ctx.emit({
    type: 'interaction.arrived',
    interactionId: newId,
    media: 'inbound_phone',
    queueId: q.id,
    customer: interaction.customer,
    arrivalSeq: ctx.state.nextArrival,
    transferredFrom: { agentId: cmd.agentId, interactionId: interaction.id, queueId: interaction.queueId },
  });
  const customer = customerLegOf(call);
  if (customer && !customer.held) ctx.emit({ type: 'phone.held', interactionId: call.interactionId, callId: call.id, legId: customer.id, held: true, agentId: cmd.agentId });
  ctx.emit({ type: 'phone.host_changed', interactionId: newId, callId: call.id, previous: interaction.id, state: 'waiting' });
  notice(ctx, interaction.id, `Call transferred to ${q.name}. Wrap up, then resume.`);
  agentLeaves(ctx, call.id, interaction.id, 'transferred', 'transfer');
  return ok({ interactionId: newId });
};

/** Completes the consultation: the transfer (I leave, the target has the customer) or the conference merge. */
export const phoneComplete: Handler<CommandOf<'phone_complete'>> = (ctx, cmd) => {
  const host = hostOnCall(ctx, cmd.agentId, cmd.interactionId, 'complete a transfer');
  if (!host.ok) return host;
  const { call } = host.value;
  const consult = call.consult;
  if (!consult) return fail('INVALID_STATE', 'There is no transfer or conference invitation to complete.');
  const leg = consult.legId ? call.legs.find((l) => l.id === consult.legId) : undefined;
  if (leg?.state !== 'connected') return fail('INVALID_STATE', `${targetName(ctx, consult.target)} has not answered yet: wait, or cancel.`);
  completeConsult(ctx, call.id);
  return done();
};

export const phoneCancelConsult: Handler<CommandOf<'phone_cancel_consult'>> = (ctx, cmd) => {
  const host = hostOnCall(ctx, cmd.agentId, cmd.interactionId, 'cancel a consultation');
  if (!host.ok) return host;
  const { call } = host.value;
  if (!call.consult) return fail('INVALID_STATE', 'There is no consultation to cancel.');
  const who = targetName(ctx, call.consult.target);
  endConsult(ctx, call.id, 'cancelled', 'cancelled', `You cancelled the call to ${who}: the customer is back with you.`);
  return done();
};
