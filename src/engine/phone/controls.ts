/**
 * Phone: the controls of a call in progress — mute, hold, keypad, record by
 * permission, play one of my recordings, voicemail copy to my email.
 * Transfers: transfer.ts; conference: conference.ts; the switch's reports:
 * switch-reports.ts; the profile: profile-commands.ts; the phone side of the
 * generic steps (accept connects the call…): hooks.ts.
 */
import { hasPermission } from '../agents/permissions.js';
import { findAgent } from '../agents/steps.js';
import { done, type Handler } from '../kernel/module.js';
import { fail } from '../kernel/result.js';
import type { CommandOf } from '../kernel/types.js';
import { findOwnWork } from '../work/steps.js';
import { asHost, customerLegOf, hostOnCall, onCall } from './calls.js';
import { checkDigits } from './numbers.js';
import { profileOf } from './profile.js';

export const phoneMute: Handler<CommandOf<'phone_mute'>> = (ctx, cmd) => {
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

export const phoneHold: Handler<CommandOf<'phone_hold'>> = (ctx, cmd) => {
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

export const phoneDtmf: Handler<CommandOf<'phone_dtmf'>> = (ctx, cmd) => {
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

export const phoneRecord: Handler<CommandOf<'phone_record'>> = (ctx, cmd) => {
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

export const phonePlay: Handler<CommandOf<'phone_play'>> = (ctx, cmd) => {
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
export const voicemailEmail: Handler<CommandOf<'voicemail_email'>> = (ctx, cmd) => {
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
