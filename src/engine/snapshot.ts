/** State ⇄ JSON for snapshots: Maps and Sets become arrays. */
import type { AgentState, EngineState, Interaction } from './state.js';

interface SerializedState {
  agents: (Omit<AgentState, 'disabledQueues' | 'work'> & { disabledQueues: string[]; work: string[] })[];
  interactions: Interaction[];
  nextInteraction: number;
  nextArrival: number;
}

export function serializeState(s: EngineState): SerializedState {
  return {
    agents: [...s.agents.values()].map((a) => ({ ...a, disabledQueues: [...a.disabledQueues], work: [...a.work] })),
    interactions: [...s.interactions.values()],
    nextInteraction: s.nextInteraction,
    nextArrival: s.nextArrival,
  };
}

export function deserializeState(raw: unknown): EngineState {
  const s = raw as SerializedState;
  return {
    agents: new Map(
      s.agents.map((a) => [a.id, { ...a, disabledQueues: new Set(a.disabledQueues), work: new Set(a.work) }]),
    ),
    interactions: new Map(s.interactions.map((i) => [i.id, i])),
    nextInteraction: s.nextInteraction,
    nextArrival: s.nextArrival,
  };
}
