/**
 * Reducers: how each event changes the state. The only code that mutates
 * EngineState. Pure bookkeeping — every decision was already taken by the
 * command handler that produced the event, so replaying the log gives the
 * same state.
 */
import type { EngineEvent, EventOf } from './events.js';
import type { AgentState, EngineState, Interaction } from './state.js';
import { forgetPhoneInteraction, PHONE_REDUCERS, rememberCall } from './phone/apply.js';
import { NOTICE_REDUCERS } from './notices/apply.js';

type Reducers = { [T in EngineEvent['type']]: (s: EngineState, e: EventOf<T> & { ts: number }) => void };

function agent(s: EngineState, id: string): AgentState {
  let a = s.agents.get(id);
  if (!a) {
    a = {
      id,
      status: 'logged_out',
      statusSince: 0,
      idleSince: 0,
      loggedIn: false,
      disabledQueues: new Set(),
      work: new Set(),
    };
    s.agents.set(id, a);
  }
  return a;
}

function interaction(s: EngineState, id: string): Interaction {
  const i = s.interactions.get(id);
  if (!i) throw new Error(`event log refers to unknown interaction ${id}`);
  return i;
}

const REDUCERS: Reducers = {
  'agent.logged_in': (s, e) => {
    const a = agent(s, e.agentId);
    a.loggedIn = true;
    a.disconnectedUntil = undefined;
    a.idleSince = e.ts;
  },
  'agent.logged_out': (s, e) => {
    const a = agent(s, e.agentId);
    a.loggedIn = false;
    a.disconnectedUntil = undefined;
    a.afterWork = undefined;
  },
  'agent.disconnected': (s, e) => {
    agent(s, e.agentId).disconnectedUntil = e.graceDeadline;
  },
  'agent.reconnected': (s, e) => {
    agent(s, e.agentId).disconnectedUntil = undefined;
  },
  'agent.status_changed': (s, e) => {
    const a = agent(s, e.agentId);
    a.status = e.to;
    a.statusCode = e.code;
    a.statusSince = e.ts;
    if (e.to === 'available') a.idleSince = e.ts;
    if (e.cause === 'work_ended') a.afterWork = undefined;
  },
  'agent.after_work_set': (s, e) => {
    agent(s, e.agentId).afterWork = e.status ? { status: e.status, code: e.code } : undefined;
  },
  'agent.queue_toggled': (s, e) => {
    const a = agent(s, e.agentId);
    if (e.enabled) a.disabledQueues.delete(e.queueId);
    else a.disabledQueues.add(e.queueId);
  },
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
    if (e.conversationId) {
      const conversation = s.conversations.get(e.conversationId);
      if (conversation) conversation.interactionId = e.interactionId;
      else s.conversations.set(e.conversationId, { id: e.conversationId, interactionId: e.interactionId, messages: [], customerLeft: false });
    }
    s.nextInteraction = Math.max(s.nextInteraction, Number(e.interactionId.slice(3)) + 1);
    s.nextArrival = Math.max(s.nextArrival, e.arrivalSeq + 1);
  },
  'interaction.offered': (s, e) => {
    const i = interaction(s, e.interactionId);
    i.phase = 'offered';
    i.agentId = e.agentId;
    i.offerDeadline = e.deadline;
    agent(s, e.agentId).offer = i.id;
  },
  'interaction.accepted': (s, e) => {
    const i = interaction(s, e.interactionId);
    const a = agent(s, e.agentId);
    i.phase = 'active';
    i.acceptedAt = e.ts;
    i.offerDeadline = undefined;
    a.offer = undefined;
    a.work.add(i.id);
    rememberCall(s, i, a.id, e.ts);
  },
  'interaction.declined': (s, e) => {
    const i = interaction(s, e.interactionId);
    i.phase = 'queued';
    i.agentId = undefined;
    i.offerDeadline = undefined;
    i.declinedBy.push(e.agentId);
    agent(s, e.agentId).offer = undefined;
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
    const conversation = i.conversationId ? s.conversations.get(i.conversationId) : undefined;
    if (conversation && e.by === 'customer') conversation.customerLeft = true;
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
      const a = agent(s, i.agentId);
      a.work.delete(i.id);
      if (a.offer === i.id) a.offer = undefined;
      a.idleSince = e.ts;
    }
    s.interactions.delete(i.id);
    forgetPhoneInteraction(s, i.id);
    // The conversation ends with the last interaction carrying it (not with one handed over by transfer).
    if (i.conversationId && s.conversations.get(i.conversationId)?.interactionId === i.id) s.conversations.delete(i.conversationId);
  },
  'chat.message': (s, e) => {
    s.conversations.get(e.conversationId)?.messages.push(e.message);
    countMessage(s, e.message.id);
  },
  'chat.resume_key_set': (s, e) => {
    const conversation = s.conversations.get(e.conversationId);
    if (conversation) conversation.resumeKey = e.resumeKey;
  },
  'chat.transferred': () => {
    // The new interaction's `arrived` and the old one's `customer_ended` carry the change.
  },
  'agent_chat.message': (s, e) => {
    countMessage(s, e.message.id);
    const key = agentChatKey(e.agentId, e.to);
    const history = s.agentChats.get(key) ?? [];
    history.push(e.message);
    if (history.length > AGENT_CHAT_HISTORY) history.splice(0, history.length - AGENT_CHAT_HISTORY);
    s.agentChats.set(key, history);
  },
  'faq.saved': (s, e) => {
    s.faqEdits.set(e.entry.id, e.entry);
  },
  'faq.deleted': (s, e) => {
    s.faqEdits.set(e.faqId, null);
  },
  ...PHONE_REDUCERS,
  ...NOTICE_REDUCERS,
};

function countMessage(s: EngineState, id: string): void {
  s.nextMessage = Math.max(s.nextMessage, Number(id.slice(2)) + 1);
}

/** Agent-to-agent messages kept in memory per pair (the log keeps them all). */
export const AGENT_CHAT_HISTORY = 200;

export function agentChatKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function applyEvent(state: EngineState, event: EngineEvent): void {
  (REDUCERS[event.type] as (s: EngineState, e: EngineEvent) => void)(state, event);
}
