/**
 * Shared phone steps: finding a call and its legs, starting a call,
 * reaching an agent (console, persistent connection, or ringing their
 * workplace phone first), and what happens when a leg connects. Handlers
 * validate first and call these only once the command will succeed.
 */
import { fail, ok, type Result } from '../result.js';
import type { AgentState, Interaction } from '../state.js';
import type { Media } from '../tenant/schema.js';
import type { LegEndReason } from '../phone/events.js';
import { reachOf } from '../phone/profile.js';
import { PHONE_MEDIA, type Call, type CallLeg, type LegParty } from '../phone/state.js';

export { PHONE_MEDIA };
import { findAgent, findOwnWork, type Ctx } from './context.js';
import { consultAnswered } from './phone-consult.js';

export function callOf(ctx: Ctx, interactionId: string): Call | undefined {
  const id = ctx.state.phone.links.get(interactionId)?.callId;
  return id ? ctx.state.phone.calls.get(id) : undefined;
}

export const customerLegOf = (call: Call): CallLeg | undefined => call.legs.find((l) => l.party === 'customer');
export const legOfInteraction = (call: Call, interactionId: string): CallLeg | undefined =>
  call.legs.find((l) => l.interactionId === interactionId);
export const hostLegOf = (call: Call): CallLeg | undefined => legOfInteraction(call, call.interactionId);
/** Agents on the call who are not being consulted (the host included). */
export const agentLegsOf = (call: Call): CallLeg[] => call.legs.filter((l) => l.party === 'agent');
/** Everyone but the customer, the host, and a pending consultation. */
export const otherPartiesOf = (call: Call): CallLeg[] =>
  call.legs.filter((l) => l.party !== 'customer' && l.interactionId !== call.interactionId && l.id !== call.consult?.legId);

export const newLegId = (ctx: Ctx): string => `L-${ctx.state.phone.nextLeg}`;
export const newCallId = (ctx: Ctx): string => `C-${ctx.state.phone.nextCall}`;
export const ringDeadline = (ctx: Ctx): number => ctx.now() + ctx.tenant.config.phone.ringTimeoutSec * 1000;
export const displayName = (ctx: Ctx, agentId: string): string => ctx.tenant.agents.get(agentId)?.displayName ?? agentId;

/** A call the agent is on, as a control sees it: their own live phone interaction. */
export interface OnCall {
  agent: AgentState;
  interaction: Interaction;
  call: Call;
  /** The agent's own leg (absent while their phone still rings). */
  leg?: CallLeg;
  isHost: boolean;
}

export function onCall(ctx: Ctx, agentId: string, interactionId: string): Result<OnCall> {
  const agent = findAgent(ctx, agentId);
  if (!agent.ok) return agent;
  const work = findOwnWork(ctx, agent.value, interactionId);
  if (!work.ok) return work;
  const i = work.value;
  if (!PHONE_MEDIA.has(i.media)) return fail('INVALID_STATE', `${i.id} is not a call.`);
  if (i.phase !== 'active') return fail('INVALID_STATE', 'This call has ended.');
  const call = callOf(ctx, i.id);
  if (!call) return fail('INVALID_STATE', 'You are no longer on this call.');
  return ok({ agent: agent.value, interaction: i, call, leg: legOfInteraction(call, i.id), isHost: call.interactionId === i.id });
}

/** Controls that need the call connected and this agent hosting it (conference host controls). */
export function asHost(c: OnCall, action: string): Result<OnCall> {
  if (c.call.kind === 'voicemail') return fail('INVALID_STATE', `You cannot ${action} on a voicemail: listen, send a copy to your email, then hang up.`);
  if (!c.isHost) return fail('INVALID_STATE', `Only the host of the call can ${action}.`);
  if (c.call.state !== 'connected' || c.leg?.state !== 'connected') return fail('INVALID_STATE', 'The call is not connected yet.');
  return ok(c);
}

/** The agent's own connected call, on which they are the host (most call controls need both). */
export function hostOnCall(ctx: Ctx, agentId: string, interactionId: string, action: string): Result<OnCall> {
  const found = onCall(ctx, agentId, interactionId);
  return found.ok ? asHost(found.value, action) : found;
}

/** Starts the engine's picture of a call. Inbound calls that came without the switch get a customer leg already on the line. */
export function startCall(ctx: Ctx, i: Interaction, opts: { customerLegId?: string; answer?: boolean; state: Call['state'] }): Call {
  const callId = newCallId(ctx);
  const kind = i.media === 'voicemail' ? 'voicemail' : 'call';
  const direction = i.media === 'outbound_phone' ? 'outbound' : 'inbound';
  const customerLeg: CallLeg | undefined =
    direction === 'inbound' && kind === 'call'
      ? { id: opts.customerLegId ?? newLegId(ctx), party: 'customer', state: 'connected', number: i.customer.phone, muted: false, held: false, since: ctx.now() }
      : undefined;
  ctx.emit({ type: 'phone.call_started', interactionId: i.id, callId, kind, direction, state: opts.state, customerLeg, answer: opts.answer });
  return ctx.state.phone.calls.get(callId)!;
}

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
    ctx.emit({ type: 'phone.prompt_played', ...ref, legId: leg.id, prompt: { kind: 'voicemail', voicemailId: call.interactionId } });
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

/** Takes a leg off the call: the engine hangs it up, unless the switch already ended it. */
export function removeLeg(ctx: Ctx, call: Call, leg: CallLeg, reason: LegEndReason, gone: boolean): void {
  const release = gone ? 'none' : leg.session ? 'unbridge' : 'hang_up';
  ctx.emit({ type: 'phone.leg_removed', interactionId: call.interactionId, callId: call.id, legId: leg.id, reason, release });
}

export function notice(ctx: Ctx, interactionId: string, text: string, level: 'info' | 'warning' | 'error' = 'info'): void {
  const agentId = ctx.state.interactions.get(interactionId)?.agentId;
  if (agentId) ctx.emit({ type: 'phone.notice', agentId, interactionId, text, level });
}

/** An agent whose phone did not answer takes no more calls after this one (On Break, unless they chose otherwise). */
export function markUnreachable(ctx: Ctx, agentId: string, text: string): void {
  const a = ctx.state.agents.get(agentId);
  if (!a) return;
  ctx.emit({ type: 'phone.agent_notice', agentId, text, level: 'error' });
  if (!a.afterWork || a.afterWork.status === 'available') ctx.emit({ type: 'agent.after_work_set', agentId, status: 'on_break' });
}

export const LEG_FAILURES: Record<string, string> = {
  busy: 'the line was busy',
  no_answer: 'there was no answer',
  failed: 'the call could not be placed',
  hung_up: 'the call was hung up',
  declined: 'the offer was declined',
  timeout: 'the offer was not answered',
  connection_lost: 'their connection was lost',
};
