/** Phone deadlines the engine arms timers for (engine.ts re-arms them from the state after every batch and at start). */
import type { EngineState } from '../state.js';

/** The earliest ring deadline of a call hosted by this interaction. */
export function callTimerAt(state: EngineState, interactionId: string): number | undefined {
  const callId = state.phone.links.get(interactionId)?.callId;
  const call = callId ? state.phone.calls.get(callId) : undefined;
  if (!call || call.interactionId !== interactionId) return undefined;
  let at: number | undefined;
  for (const l of call.legs) if (l.ringDeadline !== undefined && (at === undefined || l.ringDeadline < at)) at = l.ringDeadline;
  return at;
}

/** The earliest deadline of an agent's own phone legs (voice connection, workplace PIN). */
export function agentPhoneTimerAt(state: EngineState, agentId: string): number | undefined {
  const p = state.phone.agents.get(agentId);
  const times = [p?.voice?.deadline, p?.pending?.deadline].filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}
