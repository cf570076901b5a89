/**
 * Reaching an agent for a call (their console, their persistent connection,
 * or ringing their workplace phone first), and what happens when a leg
 * connects: the customer and the agent are bridged, a voicemail is played,
 * an outbound call dials its destination, a consulted party answers.
 */
import type { Ctx } from '../kernel/module.js';
import { customerLegOf, hostLegOf, newLegId, ringDeadline } from './calls.js';
import { consultAnswered } from './consult-complete.js';
import { reachOf } from './profile.js';
import type { Call, CallLeg, LegParty } from './state.js';

/** Puts an agent on a call: at once (console or open persistent connection) or by ringing their workplace phone. */
export function connectAgent(ctx: Ctx, callId: string, agentId: string, interactionId: string, party: LegParty): void {
  const call = ctx.state.phone.calls.get(callId)!;
  const reach = reachOf(ctx.tenant, ctx.state, agentId);
  const base = { party, agentId, interactionId, muted: false, held: false, since: ctx.now() };
  if (reach.kind === 'dial') {
    const leg: CallLeg = { ...base, id: newLegId(ctx), state: 'ringing', number: reach.to, ringDeadline: ringDeadline(ctx) };
    const purpose = party === 'agent' ? 'agent_phone' : (call.consult?.purpose ?? 'consult');
    ctx.emit({ type: 'phone.leg_added', interactionId: call.interactionId, callId, leg, dial: { to: reach.to, purpose } });
    return;
  }
  const leg: CallLeg =
    reach.kind === 'session' ? { ...base, id: reach.legId, state: 'connected', session: true } : { ...base, id: newLegId(ctx), state: 'connected' };
  ctx.emit({ type: 'phone.leg_added', interactionId: call.interactionId, callId, leg });
  legConnected(ctx, callId, leg.id);
}

/** A leg is answered (by the switch, or at once): what that means depends on whose leg it is. */
export function legConnected(ctx: Ctx, callId: string, legId: string): void {
  const call = ctx.state.phone.calls.get(callId);
  const leg = call?.legs.find((l) => l.id === legId);
  if (!call || !leg) return;
  if (call.consult?.legId === legId) return consultAnswered(ctx, call);
  const ref = { interactionId: call.interactionId, callId };
  const host = hostLegOf(call);
  if (leg.party === 'customer') {
    if (host) ctx.emit({ type: 'phone.bridged', ...ref, legIds: [leg.id, host.id], purpose: 'connect' });
    return;
  }
  if (leg !== host) return;
  if (call.kind === 'voicemail') {
    ctx.emit({ type: 'phone.bridged', ...ref, legIds: [leg.id], purpose: 'connect' });
    const recording = ctx.state.interactions.get(call.interactionId)?.detail?.recording;
    const prompt = { kind: 'voicemail' as const, voicemailId: call.interactionId, ...(typeof recording === 'string' ? { recording } : {}) };
    ctx.emit({ type: 'phone.prompt_played', ...ref, legId: leg.id, prompt });
    return;
  }
  if (call.direction === 'outbound') return dialCustomer(ctx, call);
  const customer = customerLegOf(call);
  if (!customer) return;
  if (customer.held) ctx.emit({ type: 'phone.held', ...ref, legId: customer.id, held: false });
  ctx.emit({ type: 'phone.bridged', ...ref, legIds: [customer.id, leg.id], purpose: 'connect' });
  const whisper = whisperOf(ctx, call.interactionId);
  if (whisper) ctx.emit({ type: 'phone.prompt_played', ...ref, legId: leg.id, prompt: { kind: 'whisper', text: whisper } });
}

/** The queue's whisper, for calls routed through a queue (not direct, not dialed by the agent). */
function whisperOf(ctx: Ctx, interactionId: string): string | undefined {
  const i = ctx.state.interactions.get(interactionId);
  if (!i?.queueId || i.media !== 'inbound_phone' || i.directAgentId) return undefined;
  return ctx.tenant.queues.get(i.queueId)?.whisper;
}

/** Outbound: once the agent's side is up, the destination rings. */
function dialCustomer(ctx: Ctx, call: Call): void {
  const number = ctx.state.interactions.get(call.interactionId)?.customer.phone;
  if (!number) return;
  const leg: CallLeg = { id: newLegId(ctx), party: 'customer', state: 'ringing', number, ringDeadline: ringDeadline(ctx), muted: false, held: false, since: ctx.now() };
  ctx.emit({ type: 'phone.leg_added', interactionId: call.interactionId, callId: call.id, leg, dial: { to: number, purpose: 'outbound' } });
}

