/** The work timers: an offer's accept countdown, the wrap-up timer, a lost connection's grace period. */
import type { Deadline } from '../kernel/module.js';
import type { EngineState } from '../kernel/types.js';

export function interactionDeadlines(state: EngineState, interactionId: string): Deadline[] {
  const i = state.interactions.get(interactionId);
  return [
    [`offer:${interactionId}`, i?.phase === 'offered' ? i.offerDeadline : undefined, { type: 'offer_timeout', interactionId }],
    [`wrapup:${interactionId}`, i?.phase === 'wrapup' && !i.wrapUpOverdue ? i.wrapUpDeadline : undefined, { type: 'wrap_up_due', interactionId }],
  ];
}

export function agentDeadlines(state: EngineState, agentId: string): Deadline[] {
  const a = state.agents.get(agentId);
  // After the grace period an agent with work keeps it: no timer until the work ends.
  const pending = a?.loggedIn && a.disconnectedUntil !== undefined && (a.offer || a.work.size === 0);
  return [[`grace:${agentId}`, pending ? a.disconnectedUntil : undefined, { type: 'grace_expired', agentId }]];
}
