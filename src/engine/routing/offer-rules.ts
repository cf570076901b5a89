/**
 * Who may be offered an interaction, beyond capacity (agents/capacity.ts):
 * an interaction an agent transferred away (a chat to a chat queue, a call to
 * a queue) is never offered back to that agent — they passed it on for a
 * reason — and so they do not count when a transfer asks whether anybody is
 * there to take it.
 */
import type { Interaction } from '../work/state.js';

export function mayOffer(i: Pick<Interaction, 'transferredFrom'> | undefined, agentId: string): boolean {
  return i?.transferredFrom?.agentId !== agentId;
}
