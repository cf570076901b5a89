/** State ⇄ JSON for snapshots: Maps and Sets become arrays. */
import type { AgentState, ChatMessage, Conversation, EngineState, FaqEntry, Interaction } from './state.js';
import { deserializePhone, serializePhone, type SerializedPhone } from './phone/state.js';
import { deserializeNotices, serializeNotices, type SerializedNotices } from './notices/state.js';

interface SerializedState {
  agents: (Omit<AgentState, 'disabledQueues' | 'work'> & { disabledQueues: string[]; work: string[] })[];
  interactions: Interaction[];
  conversations?: Conversation[];
  agentChats?: [string, ChatMessage[]][];
  faqEdits?: [string, FaqEntry | null][];
  nextInteraction: number;
  nextArrival: number;
  nextMessage?: number;
  phone?: SerializedPhone;
  notices?: SerializedNotices;
}

export function serializeState(s: EngineState): SerializedState {
  return {
    agents: [...s.agents.values()].map((a) => ({ ...a, disabledQueues: [...a.disabledQueues], work: [...a.work] })),
    interactions: [...s.interactions.values()],
    conversations: [...s.conversations.values()],
    agentChats: [...s.agentChats],
    faqEdits: [...s.faqEdits],
    nextInteraction: s.nextInteraction,
    nextArrival: s.nextArrival,
    nextMessage: s.nextMessage,
    phone: serializePhone(s.phone),
    notices: serializeNotices(s.notices),
  };
}

export function deserializeState(raw: unknown): EngineState {
  const s = raw as SerializedState;
  return {
    agents: new Map(
      s.agents.map((a) => [a.id, { ...a, disabledQueues: new Set(a.disabledQueues), work: new Set(a.work) }]),
    ),
    interactions: new Map(s.interactions.map((i) => [i.id, i])),
    conversations: new Map((s.conversations ?? []).map((c) => [c.id, c])),
    agentChats: new Map(s.agentChats ?? []),
    faqEdits: new Map(s.faqEdits ?? []),
    nextInteraction: s.nextInteraction,
    nextArrival: s.nextArrival,
    nextMessage: s.nextMessage ?? 1,
    phone: deserializePhone(s.phone),
    notices: deserializeNotices(s.notices),
  };
}
