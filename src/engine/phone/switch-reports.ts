/**
 * What the switch reports on legs, as engine commands (telephony/bridge.ts
 * and the server's ingress API send them): every leg outcome — ringing,
 * answered, busy, no answer, hung up, failed, keypad digits, the far end's
 * hold, recording state. The engine's own ring deadlines give up on legs the
 * switch never reports on, so no call hangs forever. (Work the switch brings
 * in — calls, voicemails, callbacks — is switch-work.ts.)
 */
import { done, type Handler } from '../kernel/module.js';
import { fail } from '../kernel/result.js';
import type { CommandOf } from '../kernel/types.js';
import { callOf } from './calls.js';
import { legConnected } from './connect.js';
import { legFailed, legHungUp } from './leg-outcomes.js';
import { checkDigits } from './numbers.js';
import { agentLegEvent } from './profile-commands.js';

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
    case 'held':
    case 'resumed':
      if (leg.farHeld === (cmd.event === 'held')) return done();
      ctx.emit({ type: 'phone.far_held', ...ref, legId: leg.id, held: cmd.event === 'held' });
      return done();
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
