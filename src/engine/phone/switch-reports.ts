/**
 * What the switch reports, as engine commands (telephony/bridge.ts sends
 * them): a customer's incoming call, and every leg outcome — ringing,
 * answered, busy, no answer, hung up, failed, keypad digits, recording
 * state. The engine's own ring deadlines give up on legs the switch never
 * reports on, so no call hangs forever.
 */
import { done, type Handler } from '../kernel/module.js';
import { fail, ok } from '../kernel/result.js';
import type { CommandOf } from '../kernel/types.js';
import { arrive, arriveDirect } from '../work/arrivals.js';
import { callOf, startCall } from './calls.js';
import { legConnected } from './connect.js';
import { legFailed, legHungUp } from './leg-outcomes.js';
import { checkDigits, normalizeNumber } from './numbers.js';
import { agentLegEvent } from './profile-commands.js';

export const phoneIncoming: Handler<CommandOf<'phone_incoming'>> = (ctx, cmd) => {
  if (!/^[A-Za-z0-9._:@-]{1,64}$/.test(cmd.legId)) return fail('VALIDATION', 'A leg id is 1–64 letters, digits or ._:@-');
  if (ctx.state.phone.legs.has(cmd.legId)) return fail('VALIDATION', `Leg ${cmd.legId} is already on a call.`);
  if (!cmd.queueId === !cmd.directNumber) return fail('VALIDATION', 'An incoming call goes to a queue or to a direct access number.');
  const from = normalizeNumber(cmd.from);
  const customer = { phone: from.ok ? from.value : cmd.from.slice(0, 40), ...(cmd.name ? { name: cmd.name } : {}) };
  if (cmd.queueId) {
    const q = ctx.tenant.queues.get(cmd.queueId);
    if (!q || q.media !== 'inbound_phone') return fail('NOT_FOUND', `There is no phone queue "${cmd.queueId}".`);
  }
  const arrived = cmd.queueId
    ? arrive(ctx, { type: 'arrive', queueId: cmd.queueId, customer })
    : arriveDirect(ctx, { type: 'arrive_direct', number: cmd.directNumber, customer });
  if (!arrived.ok) return arrived;
  const i = ctx.state.interactions.get(arrived.value.interactionId!)!;
  // A direct call the agent cannot take now goes straight to their voicemail.
  if (i.media === 'voicemail') ctx.emit({ type: 'phone.to_mailbox', interactionId: i.id, legId: cmd.legId, agentId: i.directAgentId });
  else startCall(ctx, i, { customerLegId: cmd.legId, answer: true, state: 'waiting' });
  return ok({ interactionId: i.id });
};

export const phoneLegEvent: Handler<CommandOf<'phone_leg_event'>> = (ctx, cmd) => {
  const owner = ctx.state.phone.legs.get(cmd.legId);
  if (!owner) return fail('NOT_FOUND', `Leg ${cmd.legId} is not on any call the engine follows.`);
  if ('agentId' in owner) return agentLegEvent(ctx, owner.agentId, cmd);
  const call = ctx.state.phone.calls.get(owner.callId)!;
  const leg = call.legs.find((l) => l.id === cmd.legId)!;
  const ref = { interactionId: call.interactionId, callId: call.id };
  switch (cmd.event) {
    case 'ringing':
      if (leg.state === 'connected') return done();
      ctx.emit({ type: 'phone.leg_ringing', ...ref, legId: leg.id });
      return done();
    case 'answered':
      if (leg.state === 'connected') return done();
      ctx.emit({ type: 'phone.leg_answered', ...ref, legId: leg.id });
      legConnected(ctx, call.id, leg.id);
      return done();
    case 'busy':
    case 'no_answer':
    case 'failed':
      // A connected leg that fails has simply gone.
      if (leg.state === 'connected') legHungUp(ctx, call, leg, true);
      else legFailed(ctx, call, leg, cmd.event, true);
      return done();
    case 'hung_up':
      if (leg.state === 'connected') legHungUp(ctx, call, leg, true);
      else legFailed(ctx, call, leg, 'hung_up', true);
      return done();
    case 'dtmf': {
      const digits = checkDigits(cmd.digits ?? '');
      if (!digits.ok) return digits;
      ctx.emit({ type: 'phone.dtmf_received', ...ref, legId: leg.id, digits: digits.value });
      return done();
    }
    case 'recording': {
      const state = cmd.recording ?? 'off';
      if (state === call.recording) return done();
      const action = state === 'off' ? 'stop' : state === 'paused' ? 'pause' : call.recording === 'paused' ? 'resume' : 'start';
      ctx.emit({ type: 'phone.recording', ...ref, action, state, reason: cmd.reason ?? 'Reported by the switch.', reported: true });
      return done();
    }
  }
};

export const phoneRingTimeout: Handler<CommandOf<'phone_ring_timeout'>> = (ctx, cmd) => {
  for (;;) {
    const call = callOf(ctx, cmd.interactionId);
    if (!call || call.interactionId !== cmd.interactionId) return done();
    const due = call.legs.find((l) => l.ringDeadline !== undefined && l.ringDeadline <= ctx.now());
    if (!due) return done();
    legFailed(ctx, call, due, 'no_answer', false);
  }
};
