/**
 * Conference calls (DOMAIN.md, Phone): the host adds a colleague (Available
 * or Working Offline) or an external number — the customer waits on hold
 * while they are consulted and is back on the merge (phone_complete). The
 * host controls the call (mute, hold, record, play, add, transfer, remove a
 * participant — never the host); anyone may Leave (the others go on); the
 * host may End for all.
 */
import { done, type Handler } from '../kernel/module.js';
import { fail, ok } from '../kernel/result.js';
import type { CommandOf } from '../kernel/types.js';
import { agentLeaves, endCall, stopRecordingIfNoAgent } from './call-end.js';
import { displayName, hostOnCall, notice, onCall, otherPartiesOf, removeLeg } from './calls.js';
import { endConsult, startConsult } from './consult.js';
import { participantGone } from './hooks.js';
import { normalizeNumber } from './numbers.js';
import { checkColleague, readyToConsult } from './transfer.js';

export const conferenceAdd: Handler<CommandOf<'phone_conference_add'>> = (ctx, cmd) => {
  const found = readyToConsult(ctx, cmd.agentId, cmd.interactionId, 'add participants');
  if (!found.ok) return found;
  const { call } = found.value;
  if ('agentId' in cmd.to) {
    const checked = checkColleague(ctx, cmd.agentId, cmd.to.agentId);
    if (!checked.ok) return checked;
    const id = startConsult(ctx, call.id, cmd.agentId, 'conference', false, { agentId: cmd.to.agentId });
    notice(ctx, call.interactionId, `Calling ${displayName(ctx, cmd.to.agentId)} to join: the customer is on hold.`);
    return ok({ interactionId: id });
  }
  const number = normalizeNumber(cmd.to.number);
  if (!number.ok) return number;
  startConsult(ctx, call.id, cmd.agentId, 'conference', false, { number: number.value });
  notice(ctx, call.interactionId, `Calling ${number.value} to join: the customer is on hold.`);
  return done();
};

export const conferenceRemove: Handler<CommandOf<'phone_remove'>> = (ctx, cmd) => {
  const host = hostOnCall(ctx, cmd.agentId, cmd.interactionId, 'remove participants');
  if (!host.ok) return host;
  const { call } = host.value;
  const leg = call.legs.find((l) => l.id === cmd.legId);
  if (!leg) return fail('NOT_FOUND', `There is no participant ${cmd.legId} on this call.`);
  if (leg.interactionId === call.interactionId) return fail('INVALID_STATE', 'You are the host: you cannot remove yourself (Leave, or End for all).');
  if (leg.party === 'customer') return fail('INVALID_STATE', 'The customer cannot be removed: end the call instead.');
  if (call.consult?.legId === leg.id) {
    endConsult(ctx, call.id, 'cancelled', 'removed', `You removed ${leg.agentId ? displayName(ctx, leg.agentId) : leg.number}.`);
    return done();
  }
  if (leg.interactionId) {
    notice(ctx, leg.interactionId, `${displayName(ctx, cmd.agentId)} removed you from the call.`, 'warning');
    agentLeaves(ctx, call.id, leg.interactionId, 'removed', 'customer');
  } else {
    removeLeg(ctx, call, leg, 'removed', false);
    stopRecordingIfNoAgent(ctx, call.id);
  }
  notice(ctx, call.interactionId, `${leg.agentId ? displayName(ctx, leg.agentId) : leg.number} was removed from the call.`);
  return done();
};

/** Leave: the others go on (a host hands the call to the next agent). A host alone with the customer ends the call. */
export const phoneLeave: Handler<CommandOf<'phone_leave'>> = (ctx, cmd) => {
  const found = onCall(ctx, cmd.agentId, cmd.interactionId);
  if (!found.ok) return found;
  const { call, interaction, isHost } = found.value;
  if (!isHost) participantGone(ctx, interaction, 'agent');
  else if (otherPartiesOf(call).length) agentLeaves(ctx, call.id, interaction.id, 'left', 'agent');
  else endCall(ctx, call.id, 'agent');
  return done();
};

export const phoneEndAll: Handler<CommandOf<'phone_end_all'>> = (ctx, cmd) => {
  const found = onCall(ctx, cmd.agentId, cmd.interactionId);
  if (!found.ok) return found;
  if (!found.value.isHost) return fail('INVALID_STATE', 'Only the host can end the call for everyone: Leave instead.');
  const { call } = found.value;
  // Everyone wrapping up is told why their call ended (else the host's last notice, e.g. "… joined", would stay).
  const others = call.legs.flatMap((l) => (l.interactionId && l.interactionId !== call.interactionId ? [l.interactionId] : []));
  endCall(ctx, call.id, 'agent');
  notice(ctx, call.interactionId, 'You ended the call for everyone.');
  for (const id of others) notice(ctx, id, `${displayName(ctx, cmd.agentId)} ended the call for everyone.`);
  return done();
};
