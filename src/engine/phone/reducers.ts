/**
 * Reducers of the phone events (and of the work events a call follows):
 * bookkeeping only, every decision was taken by a phone handler.
 */
import type { Reducer, ReducersOf } from '../kernel/module.js';
import type { EngineState } from '../kernel/types.js';
import type { Interaction } from '../work/state.js';
import type { PhoneEventBody } from './events.js';
import { CALL_HISTORY_KEPT, PHONE_MEDIA, type AgentPhone, type Call, type PhoneLink } from './state.js';

function call(s: EngineState, id: string): Call {
  const c = s.phone.calls.get(id);
  if (!c) throw new Error(`event log refers to unknown call ${id}`);
  return c;
}

function link(s: EngineState, interactionId: string): PhoneLink {
  let l = s.phone.links.get(interactionId);
  if (!l) s.phone.links.set(interactionId, (l = {}));
  return l;
}

function unlink(s: EngineState, interactionId: string | undefined, callId: string): void {
  const l = interactionId ? s.phone.links.get(interactionId) : undefined;
  if (l?.callId === callId) l.callId = undefined;
}

function agentPhone(s: EngineState, agentId: string): AgentPhone {
  let a = s.phone.agents.get(agentId);
  if (!a) s.phone.agents.set(agentId, (a = {}));
  return a;
}

/** Keeps the id counters ahead of every id seen (adapter-made leg ids included). */
function countLeg(s: EngineState, id: string): void {
  const m = /^L-(\d+)$/.exec(id);
  if (m) s.phone.nextLeg = Math.max(s.phone.nextLeg, Number(m[1]) + 1);
}

function leg(c: Call, id: string) {
  const l = c.legs.find((x) => x.id === id);
  if (!l) throw new Error(`event log refers to unknown leg ${id} of ${c.id}`);
  return l;
}

/** The call is gone from the engine's view: its legs and links go too. */
function forgetCall(s: EngineState, callId: string): void {
  const c = call(s, callId);
  for (const l of c.legs) {
    if (!l.session) s.phone.legs.delete(l.id);
    unlink(s, l.interactionId, callId);
  }
  unlink(s, c.interactionId, callId);
  if (c.consult && 'interactionId' in c.consult.target) unlink(s, c.consult.target.interactionId, callId);
  s.phone.calls.delete(callId);
}

export const PHONE_REDUCERS: ReducersOf<PhoneEventBody> = {
  'phone.call_started': (s, e) => {
    s.phone.calls.set(e.callId, {
      id: e.callId,
      interactionId: e.interactionId,
      kind: e.kind,
      direction: e.direction,
      state: e.state,
      legs: e.customerLeg ? [{ ...e.customerLeg }] : [],
      recording: 'off',
      dtmf: '',
      startedAt: e.ts,
    });
    if (e.customerLeg) {
      s.phone.legs.set(e.customerLeg.id, { callId: e.callId });
      countLeg(s, e.customerLeg.id);
    }
    link(s, e.interactionId).callId = e.callId;
    s.phone.nextCall = Math.max(s.phone.nextCall, Number(e.callId.slice(2)) + 1);
  },
  'phone.leg_added': (s, e) => {
    const c = call(s, e.callId);
    c.legs.push({ ...e.leg });
    if (!e.leg.session) s.phone.legs.set(e.leg.id, { callId: c.id });
    if (e.leg.interactionId) link(s, e.leg.interactionId).callId = c.id;
    if (e.leg.party === 'customer' && c.direction === 'outbound') c.state = 'dialing';
    if (e.leg.party === 'agent' && e.leg.interactionId === c.interactionId && c.state === 'waiting') c.state = 'connecting';
    const target = c.consult?.target;
    if (target && 'interactionId' in target && target.interactionId === e.leg.interactionId) c.consult!.legId = e.leg.id;
    countLeg(s, e.leg.id);
  },
  'phone.leg_ringing': (s, e) => {
    const l = leg(call(s, e.callId), e.legId);
    if (l.state === 'offered') l.state = 'ringing';
  },
  'phone.leg_answered': (s, e) => {
    const l = leg(call(s, e.callId), e.legId);
    l.state = 'connected';
    l.ringDeadline = undefined;
    l.since = e.ts;
  },
  'phone.leg_removed': (s, e) => {
    const c = call(s, e.callId);
    const l = leg(c, e.legId);
    c.legs = c.legs.filter((x) => x.id !== e.legId);
    if (!l.session) s.phone.legs.delete(l.id);
    unlink(s, l.interactionId, c.id);
    if (c.consult?.legId === l.id) c.consult.legId = undefined;
  },
  'phone.bridged': (s, e) => {
    if (e.purpose === 'connect') call(s, e.callId).state = 'connected';
  },
  'phone.muted': (s, e) => {
    leg(call(s, e.callId), e.legId).muted = e.muted;
  },
  'phone.held': (s, e) => {
    leg(call(s, e.callId), e.legId).held = e.held;
  },
  'phone.far_held': (s, e) => {
    leg(call(s, e.callId), e.legId).farHeld = e.held;
  },
  'phone.dtmf_sent': () => {},
  'phone.dtmf_received': (s, e) => {
    const c = call(s, e.callId);
    c.dtmf = (c.dtmf + e.digits).slice(-32);
  },
  'phone.recording': (s, e) => {
    call(s, e.callId).recording = e.state;
  },
  'phone.prompt_played': (s, e) => {
    if (e.prompt.kind === 'whisper') call(s, e.callId).whisper = e.prompt.text;
  },
  'phone.consult_started': (s, e) => {
    const c = call(s, e.callId);
    c.consult = { ...e.consult };
    if ('interactionId' in e.consult.target) link(s, e.consult.target.interactionId).callId = c.id;
  },
  'phone.consult_ended': (s, e) => {
    const c = call(s, e.callId);
    const consult = c.consult;
    c.consult = undefined;
    if (!consult) return;
    const joined = consult.legId ? c.legs.find((l) => l.id === consult.legId) : undefined;
    if (joined && (e.outcome === 'completed' || e.outcome === 'merged') && joined.party === 'consultee') joined.party = 'agent';
    // A colleague who never got a leg on the call leaves it with the consultation.
    const target = 'interactionId' in consult.target ? consult.target.interactionId : undefined;
    if (target && !c.legs.some((l) => l.interactionId === target)) unlink(s, target, c.id);
  },
  'phone.host_changed': (s, e) => {
    const c = call(s, e.callId);
    c.interactionId = e.interactionId;
    c.state = e.state;
    link(s, e.interactionId).callId = c.id;
    if (!c.legs.some((l) => l.interactionId === e.previous)) unlink(s, e.previous, c.id);
  },
  'phone.call_ended': (s, e) => forgetCall(s, e.callId),
  'phone.call_released': (s, e) => forgetCall(s, e.callId),
  'phone.to_mailbox': () => {},
  'phone.voicemail_emailed': (s, e) => {
    link(s, e.interactionId).voicemailEmailed = true;
  },
  'phone.notice': (s, e) => {
    const notice = { text: e.text, level: e.level, at: e.ts };
    const l = s.phone.links.get(e.interactionId);
    if (l) l.notice = notice;
    else agentPhone(s, e.agentId).notice = notice;
  },
  'phone.agent_notice': (s, e) => {
    agentPhone(s, e.agentId).notice = { text: e.text, level: e.level, at: e.ts };
  },
  'phone.outbound_code_chosen': (s, e) => {
    agentPhone(s, e.agentId).lastOutboundCode = e.code;
  },
  'phone.mode_set': (s, e) => {
    agentPhone(s, e.agentId).mode = e.mode;
  },
  'phone.voice_dialed': (s, e) => {
    const a = agentPhone(s, e.agentId);
    a.voice = { legId: e.legId, state: 'calling', pin: e.pin, deadline: e.deadline };
    a.voiceDropped = undefined;
    s.phone.legs.set(e.legId, { agentId: e.agentId });
    countLeg(s, e.legId);
  },
  'phone.voice_answered': (s, e) => {
    const v = agentPhone(s, e.agentId).voice;
    if (v) Object.assign(v, { state: 'pin_sent', pin: e.pin, deadline: e.deadline });
  },
  'phone.voice_connected': (s, e) => {
    const v = agentPhone(s, e.agentId).voice;
    if (v) Object.assign(v, { state: 'connected', deadline: undefined });
  },
  'phone.voice_dropped': (s, e) => {
    const a = agentPhone(s, e.agentId);
    a.voice = undefined;
    a.voiceDropped = e.reason;
    s.phone.legs.delete(e.legId);
  },
  'phone.workplace_dialed': (s, e) => {
    agentPhone(s, e.agentId).pending = { workplace: e.workplace, legId: e.legId, state: 'calling', pin: e.pin, deadline: e.deadline };
    s.phone.legs.set(e.legId, { agentId: e.agentId });
    countLeg(s, e.legId);
  },
  'phone.workplace_answered': (s, e) => {
    const p = agentPhone(s, e.agentId).pending;
    if (p) Object.assign(p, { state: 'pin_sent', pin: e.pin, deadline: e.deadline });
    // The PIN call ends by itself once the PIN is played.
    s.phone.legs.delete(e.legId);
  },
  'phone.pin_rejected': (s, e) => {
    const a = agentPhone(s, e.agentId);
    const target = a.voice?.legId === e.legId ? a.voice : a.pending?.legId === e.legId ? a.pending : undefined;
    if (target) target.wrongPins = (target.wrongPins ?? 0) + 1;
  },
  'phone.workplace_validated': (s, e) => {
    const a = agentPhone(s, e.agentId);
    a.workplace = { ...e.workplace };
    a.pending = undefined;
  },
  'phone.workplace_failed': (s, e) => {
    const a = agentPhone(s, e.agentId);
    a.pending = undefined;
    a.notice = { text: e.reason, level: 'error', at: e.ts };
    s.phone.legs.delete(e.legId);
  },
};

/** An agent took (or placed) a call: it goes on top of their call history. */
function rememberCall(s: EngineState, i: Interaction, agentId: string, at: number): void {
  if (!PHONE_MEDIA.has(i.media)) return;
  const a = agentPhone(s, agentId);
  const record = {
    interactionId: i.id,
    direction: i.media === 'outbound_phone' ? ('outbound' as const) : ('inbound' as const),
    kind: i.media === 'voicemail' ? ('voicemail' as const) : ('call' as const),
    number: i.customer.phone,
    name: i.customer.name,
    queueId: i.queueId,
    at,
  };
  a.history = [record, ...(a.history ?? [])].slice(0, CALL_HISTORY_KEPT);
}

/** The work events a call follows (they run before work's own reducers, so the interaction is still there). */
export const CALL_FOLLOWS_WORK: {
  'interaction.accepted': Reducer<'interaction.accepted'>;
  'interaction.ended': Reducer<'interaction.ended'>;
} = {
  'interaction.accepted': (s, e) => {
    const i = s.interactions.get(e.interactionId);
    if (i) rememberCall(s, i, e.agentId, e.ts);
  },
  // The interaction ended: its phone link goes.
  'interaction.ended': (s, e) => {
    s.phone.links.delete(e.interactionId);
  },
};
