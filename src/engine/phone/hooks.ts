/**
 * The phone side of the generic steps (the work module's extension points):
 * accepting a call connects it, a declined consultation comes back to its
 * host, ending the interaction hangs up, the customer hanging up ends the
 * call. (At login and logout: the voice connection, profile-commands.ts.)
 */
import type { Ctx } from '../kernel/module.js';
import { ok } from '../kernel/result.js';
import type { EngineHooks } from '../kernel/types.js';
import type { Interaction } from '../work/state.js';
import { agentLeaves, endCall } from './call-end.js';
import { callOf, customerLegOf, displayName, LEG_FAILURES, legOfInteraction, otherPartiesOf, startCall } from './calls.js';
import { connectAgent } from './connect.js';
import { endConsult } from './consult.js';
import { PHONE_MEDIA } from './state.js';

/** Accepting a call connects it: the host's phone joins the customer; a colleague joins a consultation. */
export const accepted: EngineHooks['accepted'] = (ctx, i, agent) => {
  if (!PHONE_MEDIA.has(i.media)) return;
  // A call that reached the engine without the switch (the `arrive` command) is on the line already.
  const call = callOf(ctx, i.id) ?? startCall(ctx, i, { state: 'waiting' });
  connectAgent(ctx, call.id, agent.id, i.id, call.interactionId === i.id ? 'agent' : 'consultee');
};

/** After an offer was declined (rejected, timed out, connection lost). */
export const declined: EngineHooks['declined'] = (ctx, i, reason) => {
  const call = callOf(ctx, i.id);
  if (!call) return;
  if (call.interactionId !== i.id) {
    const who = displayName(ctx, i.declinedBy.at(-1) ?? '');
    const why = LEG_FAILURES[reason === 'rejected' ? 'declined' : reason];
    endConsult(ctx, call.id, 'failed', reason, `${who} did not take the call (${why}): the customer is back with you.`);
    return;
  }
  // A direct call nobody answered went to voicemail (work's decline): the caller leaves a message.
  const customer = customerLegOf(call);
  if (i.media === 'voicemail' && customer) {
    ctx.emit({ type: 'phone.to_mailbox', interactionId: i.id, legId: customer.id, agentId: i.directAgentId, queueId: i.queueId });
    ctx.emit({ type: 'phone.call_ended', interactionId: i.id, callId: call.id, reason: 'The caller was sent to voicemail.' });
  }
};

/**
 * The agent ends their side (end_interaction, or their phone hung up: `gone`).
 * Undefined: not a live call, the generic step applies.
 */
export const agentHangUp: EngineHooks['agentHangUp'] = (ctx, i, gone = false) => {
  const call = callOf(ctx, i.id);
  if (!call || i.phase !== 'active') return undefined;
  if (call.interactionId === i.id) {
    // A host with others on the call leaves it to them; otherwise the call ends.
    if (otherPartiesOf(call).length) agentLeaves(ctx, call.id, i.id, 'left', 'agent', gone);
    else endCall(ctx, call.id, 'agent', gone ? legOfInteraction(call, i.id)?.id : undefined);
  } else participantGone(ctx, i, 'agent', gone);
  return ok({});
};

/** customer_end on a call: the customer hung up (host), or the other side dropped (a participant). */
export const customerEnd: EngineHooks['customerEnd'] = (ctx, i) => {
  const call = callOf(ctx, i.id);
  if (!call || i.phase === 'wrapup') return undefined;
  if (call.interactionId === i.id) endCall(ctx, call.id, 'customer');
  else participantGone(ctx, i, 'customer');
  return ok({});
};

/** A colleague on the call hangs up: a consultation fails back to its host; a conference goes on without them. */
export function participantGone(ctx: Ctx, i: Interaction, wrapBy: 'agent' | 'customer', gone = false): void {
  const call = callOf(ctx, i.id)!;
  const target = call.consult?.target;
  if (target && 'interactionId' in target && target.interactionId === i.id) {
    endConsult(ctx, call.id, 'failed', 'hung_up', `${displayName(ctx, i.agentId ?? '')} hung up: the customer is back with you.`, { legGone: gone });
    return;
  }
  agentLeaves(ctx, call.id, i.id, 'left', wrapBy, gone);
}
