/**
 * "You are in the queue (position N)": the customer's place among the
 * interactions waiting in one queue. One pass over the in-progress
 * interactions gives every waiting customer of the queue their position, so
 * a channel recomputes a whole queue at once (when it changed) instead of
 * asking per customer. Read-only over the state.
 */
import type { EngineState } from '../kernel/types.js';

/** Waiting (queued or being offered) interactions of a queue → 1-based position by arrival. */
export function queuePositions(state: EngineState, queueId: string): Map<string, number> {
  const waiting: { id: string; arrival: number }[] = [];
  for (const i of state.interactions.values())
    if (i.queueId === queueId && (i.phase === 'queued' || i.phase === 'offered')) waiting.push({ id: i.id, arrival: i.arrivalSeq });
  waiting.sort((a, b) => a.arrival - b.arrival);
  return new Map(waiting.map((w, k) => [w.id, k + 1]));
}
