/**
 * Every deadline the engine keeps a timer for, derived from the state: one
 * table of what fires when. The engine re-arms these after every batch and at
 * start (so a restart picks up the deadlines stored in the log).
 */
import type { AnyCommand } from './commands.js';
import { agentPhoneTimerAt, callTimerAt } from './phone/timers.js';
import type { EngineState } from './state.js';

/** One timer: its key (unique while armed), when it fires (none: disarmed), and the command it runs. */
export type Deadline = [key: string, at: number | undefined, command: AnyCommand];

export function interactionDeadlines(state: EngineState, interactionId: string): Deadline[] {
  const i = state.interactions.get(interactionId);
  return [
    [`offer:${interactionId}`, i?.phase === 'offered' ? i.offerDeadline : undefined, { type: 'offer_timeout', interactionId }],
    [`wrapup:${interactionId}`, i?.phase === 'wrapup' && !i.wrapUpOverdue ? i.wrapUpDeadline : undefined, { type: 'wrap_up_due', interactionId }],
    // Phone legs the switch is dialing give up at their ring deadline.
    [`ring:${interactionId}`, callTimerAt(state, interactionId), { type: 'phone_ring_timeout', interactionId }],
  ];
}

export function agentDeadlines(state: EngineState, agentId: string): Deadline[] {
  const a = state.agents.get(agentId);
  // After the grace period an agent with work keeps it: no timer until the work ends.
  const pending = a?.loggedIn && a.disconnectedUntil !== undefined && (a.offer || a.work.size === 0);
  return [
    [`grace:${agentId}`, pending ? a.disconnectedUntil : undefined, { type: 'grace_expired', agentId }],
    // The agent's own phone legs: voice connection and workplace PIN calls.
    [`phone:${agentId}`, agentPhoneTimerAt(state, agentId), { type: 'phone_agent_timeout', agentId }],
  ];
}
