/**
 * How the work events change the state: the interactions, and the offer and
 * work each agent holds. Bookkeeping only — every decision was taken by the
 * handler that emitted the event, so replaying the log gives the same state.
 */
import { agentOf } from '../agents/state.js';
import type { ReducersOf } from '../kernel/module.js';
import type { EngineState } from '../kernel/types.js';
import type { WorkEventBody } from './events.js';
import type { Interaction } from './state.js';

function interaction(s: EngineState, id: string): Interaction {
  const i = s.interactions.get(id);
  if (!i) throw new Error(`event log refers to unknown interaction ${id}`);
  return i;
}

export const WORK_REDUCERS: ReducersOf<WorkEventBody> = {
  'interaction.arrived': (s, e) => {
    s.interactions.set(e.interactionId, {
      id: e.interactionId,
      media: e.media,
      queueId: e.queueId,
      directAgentId: e.directAgentId,
      customer: e.customer,
      phase: 'queued',
      arrivalSeq: e.arrivalSeq,
      arrivedAt: e.ts,
      codes: [],
      notes: '',
      declinedBy: [],
      detail: e.detail,
      conversationId: e.conversationId,
      transferredFrom: e.transferredFrom,
    });
    s.nextInteraction = Math.max(s.nextInteraction, Number(e.interactionId.slice(3)) + 1);
    s.nextArrival = Math.max(s.nextArrival, e.arrivalSeq + 1);
  },
  'interaction.offered': (s, e) => {
    const i = interaction(s, e.interactionId);
    i.phase = 'offered';
    i.agentId = e.agentId;
    i.offerDeadline = e.deadline;
    agentOf(s, e.agentId).offer = i.id;
  },
  'interaction.accepted': (s, e) => {
    const i = interaction(s, e.interactionId);
    const a = agentOf(s, e.agentId);
    i.phase = 'active';
    i.acceptedAt = e.ts;
    i.offerDeadline = undefined;
    a.offer = undefined;
    a.work.add(i.id);
  },
  'interaction.declined': (s, e) => {
    const i = interaction(s, e.interactionId);
    i.phase = 'queued';
    i.agentId = undefined;
    i.offerDeadline = undefined;
    i.declinedBy.push(e.agentId);
    agentOf(s, e.agentId).offer = undefined;
  },
  'interaction.to_voicemail': (s, e) => {
    const i = interaction(s, e.interactionId);
    i.media = 'voicemail';
    i.phase = 'queued';
  },
  'interaction.customer_ended': (s, e) => {
    const i = interaction(s, e.interactionId);
    i.phase = 'wrapup';
    i.customerEndedAt = e.ts;
    i.wrapUpDeadline = e.wrapUpDeadline;
  },
  'interaction.wrap_up_overdue': (s, e) => {
    interaction(s, e.interactionId).wrapUpOverdue = true;
  },
  'interaction.codes_set': (s, e) => {
    interaction(s, e.interactionId).codes = [...e.codes];
  },
  'interaction.notes_set': (s, e) => {
    interaction(s, e.interactionId).notes = e.notes;
  },
  'interaction.ended': (s, e) => {
    const i = interaction(s, e.interactionId);
    i.phase = 'ended';
    if (i.agentId) {
      const a = agentOf(s, i.agentId);
      a.work.delete(i.id);
      if (a.offer === i.id) a.offer = undefined;
      a.idleSince = e.ts;
    }
    s.interactions.delete(i.id);
  },
};
