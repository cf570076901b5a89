/**
 * Phone: the controls of a call in progress (mute, hold, keypad, record by
 * permission, play one of my recordings, voicemail copy to my email), and
 * the phone side of the generic steps — accept connects the call, a
 * declined consultation comes back to its host, ending the interaction
 * hangs up. Transfers: phone-transfer.ts; conference: conference.ts; the
 * switch's callbacks: phone-switch.ts; profile: phone-profile.ts.
 */
import type { AnyCommand } from '../commands.js';
import { hasPermission } from '../permissions.js';
import { checkDigits } from '../phone/numbers.js';
import { profileOf } from '../phone/profile.js';
import { fail, ok, type Result } from '../result.js';
import type { AgentState, Interaction } from '../state.js';
import type { CommandOutcome } from '../commands.js';
import { done, findAgent, findOwnWork, type Ctx, type Handler } from './context.js';
import {
  asHost,
  hostOnCall,
  callOf,
  connectAgent,
  customerLegOf,
  displayName,
  LEG_FAILURES,
  legOfInteraction,
  onCall,
  otherPartiesOf,
  PHONE_MEDIA,
  startCall,
} from './phone-calls.js';
import { endConsult } from './phone-consult.js';
import { agentLeaves, endCall } from './phone-end.js';

type C<T extends AnyCommand['type']> = Extract<AnyCommand, { type: T }>;

export const phoneMute: Handler<C<'phone_mute'>> = (ctx, cmd) => {
  const found = onCall(ctx, cmd.agentId, cmd.interactionId);
  if (!found.ok) return found;
  const { call, leg, isHost } = found.value;
  if (call.kind === 'voicemail') return fail('INVALID_STATE', 'There is nothing to mute on a voicemail.');
  if (!leg || leg.state !== 'connected') return fail('INVALID_STATE', 'Your phone is not connected to this call yet.');
  const target = cmd.legId === undefined ? leg : call.legs.find((l) => l.id === cmd.legId);
  if (!target) return fail('NOT_FOUND', `There is no participant ${cmd.legId} on this call.`);
  if (target !== leg) {
    if (!isHost) return fail('INVALID_STATE', 'Only the host can mute another participant.');
    if (target.party === 'customer') return fail('INVALID_STATE', 'Put the customer on hold instead of muting them.');
  }
  if (target.muted === cmd.muted) return fail('INVALID_STATE', cmd.muted ? 'Already muted.' : 'Not muted.');
  ctx.emit({ type: 'phone.muted', interactionId: call.interactionId, callId: call.id, legId: target.id, muted: cmd.muted, agentId: cmd.agentId });
  return done();
};

export const phoneHold: Handler<C<'phone_hold'>> = (ctx, cmd) => {
  const host = hostOnCall(ctx, cmd.agentId, cmd.interactionId, 'hold the call');
  if (!host.ok) return host;
  const { call } = host.value;
  const target = cmd.legId === undefined ? customerLegOf(call) : call.legs.find((l) => l.id === cmd.legId);
  if (!target) return fail('NOT_FOUND', `There is no participant ${cmd.legId ?? '(customer)'} on this call.`);
  if (target.interactionId === call.interactionId) return fail('INVALID_STATE', 'You cannot hold yourself: mute instead.');
  if (call.consult && target.party === 'customer')
    return fail('INVALID_STATE', 'The customer waits on hold while you consult: complete or cancel the consultation.');
  if (target.state !== 'connected') return fail('INVALID_STATE', 'That participant is not connected yet.');
  if (target.held === cmd.held) return fail('INVALID_STATE', cmd.held ? 'Already on hold.' : 'Not on hold.');
  ctx.emit({ type: 'phone.held', interactionId: call.interactionId, callId: call.id, legId: target.id, held: cmd.held, agentId: cmd.agentId });
  return done();
};

export const phoneDtmf: Handler<C<'phone_dtmf'>> = (ctx, cmd) => {
  const found = onCall(ctx, cmd.agentId, cmd.interactionId);
  if (!found.ok) return found;
  const { call, leg } = found.value;
  if (call.kind === 'voicemail') return fail('INVALID_STATE', 'To send a copy of the voicemail to your email, use that action.');
  if (!leg || leg.state !== 'connected' || call.state !== 'connected') return fail('INVALID_STATE', 'The call is not connected yet.');
  const digits = checkDigits(cmd.digits);
  if (!digits.ok) return digits;
  // Keypad goes to whoever the agent talks to: an external party being consulted, else the customer.
  const consultLeg = call.consult?.legId ? call.legs.find((l) => l.id === call.consult!.legId && l.party === 'external') : undefined;
  const target = consultLeg?.state === 'connected' ? consultLeg : customerLegOf(call);
  if (!target || target.state !== 'connected') return fail('INVALID_STATE', 'Nobody on the line hears the keypad right now.');
  ctx.emit({ type: 'phone.dtmf_sent', interactionId: call.interactionId, callId: call.id, legId: target.id, digits: digits.value, agentId: cmd.agentId });
  return done();
};

export const phoneRecord: Handler<C<'phone_record'>> = (ctx, cmd) => {
  const found = onCall(ctx, cmd.agentId, cmd.interactionId);
  if (!found.ok) return found;
  const config = ctx.tenant.agents.get(cmd.agentId)!;
  const permission = cmd.action === 'start' ? 'recordStart' : 'recordPause';
  if (!hasPermission(config, permission))
    return fail('NOT_PERMITTED', cmd.action === 'start' ? 'You do not have the permission to record calls.' : 'You do not have the permission to pause recordings.');
  const host = asHost(found.value, 'control the recording');
  if (!host.ok) return host;
  const { call } = host.value;
  const from = { start: 'off', pause: 'on', resume: 'paused' } as const;
  const to = { start: 'on', pause: 'paused', resume: 'on' } as const;
  if (call.recording !== from[cmd.action]) {
    const why: Record<string, string> = {
      'start:on': 'The call is already being recorded.',
      'start:paused': 'The recording is paused: resume it.',
      'pause:off': 'The call is not being recorded.',
      'pause:paused': 'The recording is already paused.',
      'resume:off': 'The call is not being recorded.',
      'resume:on': 'The recording is not paused.',
    };
    return fail('INVALID_STATE', why[`${cmd.action}:${call.recording}`] ?? 'The recording cannot do that now.');
  }
  ctx.emit({ type: 'phone.recording', interactionId: call.interactionId, callId: call.id, action: cmd.action, state: to[cmd.action], agentId: cmd.agentId });
  return done();
};

export const phonePlay: Handler<C<'phone_play'>> = (ctx, cmd) => {
  const host = hostOnCall(ctx, cmd.agentId, cmd.interactionId, 'play a recording');
  if (!host.ok) return host;
  const { call } = host.value;
  const recording = profileOf(ctx.tenant, ctx.state, cmd.agentId).recordings.find((r) => r.id === cmd.recordingId);
  if (!recording) return fail('NOT_FOUND', `"${cmd.recordingId}" is not one of your recordings.`);
  const customer = customerLegOf(call);
  if (!customer || customer.state !== 'connected') return fail('INVALID_STATE', 'The customer is not on the line.');
  const prompt = { kind: 'recording' as const, agentId: cmd.agentId, recordingId: recording.id, name: recording.name };
  ctx.emit({ type: 'phone.prompt_played', interactionId: call.interactionId, callId: call.id, legId: customer.id, prompt, agentId: cmd.agentId });
  return done();
};

/** Voicemail "press 1": a copy of the message to the agent's email. */
export const voicemailEmail: Handler<C<'voicemail_email'>> = (ctx, cmd) => {
  const agent = findAgent(ctx, cmd.agentId);
  if (!agent.ok) return agent;
  const work = findOwnWork(ctx, agent.value, cmd.interactionId);
  if (!work.ok) return work;
  const i = work.value;
  if (i.media !== 'voicemail') return fail('INVALID_STATE', `${i.id} is not a voicemail.`);
  if (i.phase !== 'active') return fail('INVALID_STATE', 'This voicemail has ended: send the copy while listening.');
  const email = ctx.tenant.agents.get(cmd.agentId)!.email;
  if (!email) return fail('VALIDATION', 'Your profile has no email address to send the copy to.');
  if (ctx.state.phone.links.get(i.id)?.voicemailEmailed) return fail('INVALID_STATE', `A copy was already sent to ${email}.`);
  ctx.emit({ type: 'phone.voicemail_emailed', interactionId: i.id, agentId: cmd.agentId, email });
  return done();
};

// ---- the phone side of generic steps (called from offers.ts, work.ts, channel.ts, agent.ts) ----

/** Accepting a call connects it: the host's phone joins the customer; a colleague joins a consultation. */
export function onAccepted(ctx: Ctx, i: Interaction, agent: AgentState): void {
  if (!PHONE_MEDIA.has(i.media)) return;
  // A call that reached the engine without the switch (the `arrive` command) is on the line already.
  const call = callOf(ctx, i.id) ?? startCall(ctx, i, { state: 'waiting' });
  connectAgent(ctx, call.id, agent.id, i.id, call.interactionId === i.id ? 'agent' : 'consultee');
}

/** After an offer was declined (rejected, timed out, connection lost). */
export function onDeclined(ctx: Ctx, i: Interaction, reason: 'rejected' | 'timeout' | 'connection_lost'): void {
  const call = callOf(ctx, i.id);
  if (!call) return;
  if (call.interactionId !== i.id) {
    const who = displayName(ctx, i.declinedBy.at(-1) ?? '');
    const why = LEG_FAILURES[reason === 'rejected' ? 'declined' : reason];
    endConsult(ctx, call.id, 'failed', reason, `${who} did not take the call (${why}): the customer is back with you.`);
    return;
  }
  // A direct call nobody answered went to voicemail (context.decline): the caller leaves a message.
  const customer = customerLegOf(call);
  if (i.media === 'voicemail' && customer) {
    ctx.emit({ type: 'phone.to_mailbox', interactionId: i.id, legId: customer.id, agentId: i.directAgentId, queueId: i.queueId });
    ctx.emit({ type: 'phone.call_ended', interactionId: i.id, callId: call.id, reason: 'The caller was sent to voicemail.' });
  }
}

/**
 * The agent ends their side (end_interaction, or their phone hung up: `gone`).
 * Undefined: not a live call, the generic step applies.
 */
export function onAgentHangUp(ctx: Ctx, i: Interaction, gone = false): Result<CommandOutcome> | undefined {
  const call = callOf(ctx, i.id);
  if (!call || i.phase !== 'active') return undefined;
  if (call.interactionId === i.id) {
    // A host with others on the call leaves it to them; otherwise the call ends.
    if (otherPartiesOf(call).length) agentLeaves(ctx, call.id, i.id, 'left', 'agent', gone);
    else endCall(ctx, call.id, 'agent', gone ? legOfInteraction(call, i.id)?.id : undefined);
  } else participantGone(ctx, i, 'agent', gone);
  return ok({});
}

/** customer_end on a call: the customer hung up (host), or the other side dropped (a participant). */
export function onCustomerEnd(ctx: Ctx, i: Interaction): Result<CommandOutcome> | undefined {
  const call = callOf(ctx, i.id);
  if (!call || i.phase === 'wrapup') return undefined;
  if (call.interactionId === i.id) endCall(ctx, call.id, 'customer');
  else participantGone(ctx, i, 'customer');
  return ok({});
}

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
