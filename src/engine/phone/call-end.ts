/**
 * How calls end, for one agent or for everyone: an agent leaves (the others
 * go on, a leaving host hands the call to the next agent, or releases it to
 * the customer and external parties); the call ends for all (everyone
 * wraps up); the host's own phone never answered (the call goes back where
 * it came from). Recording stops when the last agent leaves.
 */
import type { Ctx } from '../kernel/module.js';
import { finishWorkIfDone, startWrapUp } from '../work/steps.js';
import { agentLegsOf, customerLegOf, displayName, legOfInteraction, markUnreachable, notice, removeLeg } from './calls.js';
import { endConsult } from './consult.js';
import type { LegEndReason } from './events.js';

/** One agent leaves the call; their interaction goes to wrap-up. */
export function agentLeaves(
  ctx: Ctx,
  callId: string,
  interactionId: string,
  reason: LegEndReason,
  wrapBy: 'customer' | 'agent' | 'transfer',
  gone = false,
): void {
  const call = ctx.state.phone.calls.get(callId);
  if (!call) return;
  const isHost = call.interactionId === interactionId;
  if (isHost && call.consult) {
    const who = displayName(ctx, ctx.state.interactions.get(interactionId)?.agentId ?? '');
    endConsult(ctx, callId, 'cancelled', 'host_left', `The consultation was cancelled: ${who} left the call.`);
  }
  const leg = legOfInteraction(call, interactionId);
  if (leg) removeLeg(ctx, call, leg, reason, gone);
  if (isHost) handOver(ctx, callId, interactionId);
  else stopRecordingIfNoAgent(ctx, callId);
  const i = ctx.state.interactions.get(interactionId);
  if (i?.phase === 'active') startWrapUp(ctx, i, wrapBy);
}

/** The host left: the longest-present agent hosts now; with no agent left, the others talk on without the engine. */
function handOver(ctx: Ctx, callId: string, previous: string): void {
  const call = ctx.state.phone.calls.get(callId);
  if (!call) return;
  const next = agentLegsOf(call)
    .filter((l) => l.interactionId && l.interactionId !== previous && l.state === 'connected')
    .sort((a, b) => a.since - b.since)[0];
  if (next) {
    ctx.emit({ type: 'phone.host_changed', interactionId: next.interactionId!, callId, previous, state: call.state });
    notice(ctx, next.interactionId!, 'You are now the host of this call.');
    return;
  }
  stopRecordingIfNoAgent(ctx, callId);
  const customer = customerLegOf(call);
  if (customer && call.legs.some((l) => l.party === 'external')) {
    ctx.emit({ type: 'phone.call_released', interactionId: call.interactionId, callId, legIds: call.legs.map((l) => l.id) });
    return;
  }
  // Nobody would be left to talk to: the call ends.
  for (const l of [...call.legs]) removeLeg(ctx, call, l, 'call_ended', false);
  ctx.emit({ type: 'phone.call_ended', interactionId: call.interactionId, callId, reason: 'The last agent left the call.' });
}

/** "Stop when the last agent leaves." */
export function stopRecordingIfNoAgent(ctx: Ctx, callId: string): void {
  const call = ctx.state.phone.calls.get(callId);
  if (!call || call.recording === 'off') return;
  if (call.legs.some((l) => l.party === 'agent' || l.party === 'consultee')) return;
  ctx.emit({ type: 'phone.recording', interactionId: call.interactionId, callId, action: 'stop', state: 'off', reason: 'The last agent left the call.' });
}

/**
 * The call ends for everyone (the customer hung up, the host ended it):
 * every agent on it wraps up; a call still waiting in a queue is abandoned.
 */
export function endCall(ctx: Ctx, callId: string, by: 'customer' | 'agent', goneLegId?: string): void {
  const call = ctx.state.phone.calls.get(callId);
  if (!call) return;
  const hostId = call.interactionId;
  const customer = customerLegOf(call);
  if (customer) removeLeg(ctx, call, customer, by === 'customer' ? 'hung_up' : 'call_ended', customer.id === goneLegId);
  if (call.consult) {
    const text = by === 'customer' ? 'The caller hung up during the consultation.' : 'The call ended: the consultation was cancelled.';
    const legGone = call.consult.legId !== undefined && call.consult.legId === goneLegId;
    endConsult(ctx, callId, by === 'customer' ? 'failed' : 'cancelled', by === 'customer' ? 'customer_hung_up' : 'call_ended', text, { legGone });
  }
  if (call.recording !== 'off')
    ctx.emit({ type: 'phone.recording', interactionId: hostId, callId, action: 'stop', state: 'off', reason: 'The call ended.' });
  for (const leg of [...call.legs]) {
    if (leg.interactionId === hostId) continue;
    removeLeg(ctx, call, leg, 'call_ended', leg.id === goneLegId);
    const other = leg.interactionId ? ctx.state.interactions.get(leg.interactionId) : undefined;
    if (other?.phase === 'active') startWrapUp(ctx, other, 'customer');
  }
  const host = legOfInteraction(call, hostId);
  if (host) removeLeg(ctx, call, host, 'call_ended', host.id === goneLegId);
  ctx.emit({ type: 'phone.call_ended', interactionId: hostId, callId, reason: by === 'customer' ? 'The caller hung up.' : 'The call was ended.' });
  const i = ctx.state.interactions.get(hostId);
  if (i?.phase === 'active') startWrapUp(ctx, i, by);
  else if (i && (i.phase === 'queued' || i.phase === 'offered')) {
    const agentId = i.agentId;
    ctx.emit({ type: 'interaction.ended', interactionId: i.id, reason: 'abandoned', agentId });
    finishWorkIfDone(ctx, agentId);
  }
}

/**
 * The host's own phone never answered: the call goes back where it came
 * from (the head of its queue; a direct call to the agent's voicemail; a
 * voicemail back to its queue); an outbound call is simply not placed. The
 * agent is set On Break after it.
 */
export function hostUnreachable(ctx: Ctx, callId: string, legId: string, reason: LegEndReason, gone: boolean): void {
  const call = ctx.state.phone.calls.get(callId)!;
  const i = ctx.state.interactions.get(call.interactionId)!;
  const agentId = i.agentId!;
  const ref = { interactionId: i.id, callId };
  const leg = call.legs.find((l) => l.id === legId)!;
  removeLeg(ctx, call, leg, reason, gone);
  const newId = `IX-${ctx.state.nextInteraction}`;
  const again = { interactionId: newId, customer: i.customer, arrivalSeq: i.arrivalSeq, detail: i.detail };
  if (i.media === 'outbound_phone') {
    markUnreachable(ctx, agentId, 'Your phone did not answer: the call was not placed.');
    ctx.emit({ type: 'phone.call_ended', ...ref, reason: 'The agent\'s phone did not answer.' });
    ctx.emit({ type: 'interaction.ended', interactionId: i.id, reason: 'abandoned', agentId });
  } else if (i.media === 'voicemail' || i.directAgentId) {
    markUnreachable(ctx, agentId, 'Your phone did not answer: the message waits in voicemail.');
    const customer = customerLegOf(call);
    if (customer) ctx.emit({ type: 'phone.to_mailbox', interactionId: i.id, legId: customer.id, agentId: i.directAgentId, queueId: i.queueId });
    ctx.emit({ type: 'phone.call_ended', ...ref, reason: 'The agent\'s phone did not answer.' });
    ctx.emit({ type: 'interaction.arrived', ...again, media: 'voicemail', queueId: i.queueId, directAgentId: i.directAgentId });
    ctx.emit({ type: 'interaction.ended', interactionId: i.id, reason: 'requeued', agentId });
  } else {
    markUnreachable(ctx, agentId, 'Your phone did not answer: the call went back to its queue.');
    ctx.emit({ type: 'interaction.arrived', ...again, media: i.media, queueId: i.queueId, transferredFrom: i.transferredFrom });
    const customer = customerLegOf(call);
    if (customer && !customer.held) ctx.emit({ type: 'phone.held', ...ref, legId: customer.id, held: true });
    ctx.emit({ type: 'phone.host_changed', interactionId: newId, callId, previous: i.id, state: 'waiting' });
    ctx.emit({ type: 'interaction.ended', interactionId: i.id, reason: 'requeued', agentId });
  }
  finishWorkIfDone(ctx, agentId);
}
