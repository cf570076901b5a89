/**
 * Shared phone steps: finding a call and its legs, the call an agent is on
 * (as a control sees it), starting a call, taking a leg off, notices.
 * Handlers validate first and call these only once the command will succeed.
 */
import type { AgentState } from '../agents/state.js';
import { findAgent } from '../agents/steps.js';
import type { Ctx } from '../kernel/module.js';
import { fail, ok, type Result } from '../kernel/result.js';
import type { Interaction } from '../work/state.js';
import { findOwnWork } from '../work/steps.js';
import type { LegEndReason } from './events.js';
import { PHONE_MEDIA, type Call, type CallLeg } from './state.js';

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
