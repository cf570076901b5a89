/** Phone deadlines: legs the switch is dialing give up at their ring deadline; an agent's own phone legs (voice connection, workplace PIN) at theirs. */
import type { Deadline } from '../kernel/module.js';
import type { EngineState } from '../kernel/types.js';

/** The earliest ring deadline of a call hosted by this interaction. */
function callTimerAt(state: EngineState, interactionId: string): number | undefined {
  const callId = state.phone.links.get(interactionId)?.callId;
  const call = callId ? state.phone.calls.get(callId) : undefined;
  if (!call || call.interactionId !== interactionId) return undefined;
  let at: number | undefined;
  for (const l of call.legs) if (l.ringDeadline !== undefined && (at === undefined || l.ringDeadline < at)) at = l.ringDeadline;
  return at;
}

/** The earliest deadline of an agent's own phone legs (voice connection, workplace PIN). */
function agentPhoneTimerAt(state: EngineState, agentId: string): number | undefined {
  const p = state.phone.agents.get(agentId);
  const times = [p?.voice?.deadline, p?.pending?.deadline].filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}

export function interactionDeadlines(state: EngineState, interactionId: string): Deadline[] {
  return [[`ring:${interactionId}`, callTimerAt(state, interactionId), { type: 'phone_ring_timeout', interactionId }]];
}

export function agentDeadlines(state: EngineState, agentId: string): Deadline[] {
  return [[`phone:${agentId}`, agentPhoneTimerAt(state, agentId), { type: 'phone_agent_timeout', agentId }]];
}
