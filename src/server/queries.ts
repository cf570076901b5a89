/**
 * Wire queries: read-only requests answered in the ack's result. Each checks
 * that the asking agent may see what they ask for.
 */
import type { Engine } from '../engine/index.js';
import type { ClientData } from '../protocol/index.js';
import { CRM_WIRE_QUERIES } from './crm-queries.js';
import type { QueryResult } from './query-result.js';

export const WIRE_QUERIES = {
  /** Every queue with live stats, and how many others than the asker could take its work (transfer dialogs). */
  list_queues: (engine: Engine, agentId: string, _data: unknown): QueryResult => ({ ok: true, result: { queues: engine.queries.allQueues(agentId) } }),

  /** My own call history, newest first (dial from call history). */
  call_history: (engine: Engine, agentId: string, _data: unknown): QueryResult => ({ ok: true, result: { calls: engine.queries.callHistory(agentId) } }),

  /** A chat transcript, for an agent who handled the interaction. */
  get_transcript: (engine: Engine, agentId: string, data: ClientData<'get_transcript'>): QueryResult => {
    const handled = engine
      .history(data.interactionId)
      .some((e) => e.type === 'interaction.accepted' && e.agentId === agentId);
    if (!handled) return { ok: false, error: { code: 'NOT_FOUND', message: `You did not handle ${data.interactionId}.` } };
    return { ok: true, result: { transcript: engine.queries.transcript(data.interactionId) } };
  },

  ...CRM_WIRE_QUERIES,
} as const;

export type WireQuery = keyof typeof WIRE_QUERIES;

export function isWireQuery(type: string): type is WireQuery {
  return Object.hasOwn(WIRE_QUERIES, type);
}
