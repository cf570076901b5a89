/**
 * What a leg's outcome means for its call: a leg that never connected
 * (busy, no answer, failed, hung up while ringing) and a connected leg that
 * hung up — for the customer, the host, a participant, a consulted party.
 */
import type { Ctx } from '../kernel/module.js';
import { endCall, hostUnreachable, stopRecordingIfNoAgent } from './call-end.js';
import { customerLegOf, notice, removeLeg } from './calls.js';
import { endConsult, targetName } from './consult.js';
import type { LegEndReason } from './events.js';
import { agentHangUp, participantGone } from './hooks.js';
import type { Call, CallLeg } from './state.js';

const FAILURE_TEXT: Record<string, string> = {
  busy: 'the line is busy',
  no_answer: 'there is no answer',
  failed: 'the call could not be placed',
  hung_up: 'the call was hung up before it was answered',
};

/** A leg that never connected: busy, no answer, failed, or hung up while ringing. */
export function legFailed(ctx: Ctx, call: Call, leg: CallLeg, reason: LegEndReason, gone: boolean): void {
  const why = FAILURE_TEXT[reason] ?? reason;
  if (call.consult?.legId === leg.id) {
    const who = targetName(ctx, call.consult.target);
    const what = call.consult.purpose === 'conference' ? `${who} could not join` : `The transfer to ${who} failed`;
    endConsult(ctx, call.id, 'failed', reason, `${what}: ${why}. The customer is back with you.`, { legGone: gone, unreachable: leg.party === 'consultee' });
  } else if (leg.interactionId === call.interactionId) hostUnreachable(ctx, call.id, leg.id, reason, gone);
  else if (leg.party === 'customer') {
    // Outbound: the destination did not answer.
    notice(ctx, call.interactionId, `${leg.number}: ${why}.`, 'warning');
    removeLeg(ctx, call, leg, reason, gone);
    endCall(ctx, call.id, 'customer');
  } else removeLeg(ctx, call, leg, reason, gone);
}

/** A connected leg hung up. */
export function legHungUp(ctx: Ctx, call: Call, leg: CallLeg, gone: boolean): void {
  if (leg.party === 'customer') return endCall(ctx, call.id, 'customer', leg.id);
  const i = leg.interactionId ? ctx.state.interactions.get(leg.interactionId) : undefined;
  if (i && leg.interactionId === call.interactionId) {
    // The host put the phone down: as if they ended the call in the console.
    agentHangUp(ctx, i, gone);
    return;
  }
  if (i) return participantGone(ctx, i, 'agent', gone);
  if (call.consult?.legId === leg.id) {
    endConsult(ctx, call.id, 'failed', 'hung_up', `${targetName(ctx, call.consult.target)} hung up: the customer is back with you.`, { legGone: gone });
    return;
  }
  removeLeg(ctx, call, leg, 'hung_up', gone);
  stopRecordingIfNoAgent(ctx, call.id);
  notice(ctx, call.interactionId, `${leg.number ?? 'A participant'} left the call.`);
  if (!customerLegOf(call)) endCall(ctx, call.id, 'agent');
}
