/** Read models of the phone state: what a console shows of a call and of the agent's phone. */
import type { ViewContext } from '../kernel/module.js';
import type { EngineState } from '../kernel/types.js';
import type { Tenant } from '../tenant/tenant.js';
import type { AgentSelfView } from '../agents/views.js';
import type { Interaction } from '../work/state.js';
import type { InteractionView } from '../work/views.js';
import { profileOf } from './profile.js';
import type { CallState, ConnectionMode, LegParty, LegState, Notice, RecordingState, Workplace } from './state.js';

declare module '../work/views.js' {
  interface InteractionView {
    /** Phone and voicemail: the call as this agent is on it (legs, mute, hold, recording, participants, whisper). */
    call?: CallView;
  }
}

declare module '../agents/views.js' {
  interface AgentSelfView {
    /** Workplace phone, connection mode, my recordings, outbound codes. */
    phone?: PhoneSelfView;
  }
}

export interface CallParticipantView {
  legId: string;
  party: LegParty;
  state: LegState;
  agentId?: string;
  displayName?: string;
  number?: string;
  muted: boolean;
  held: boolean;
  /** This party put the call on hold from their side (their phone's hold key). */
  farHeld?: boolean;
  host: boolean;
  /** The viewing agent's own leg. */
  me: boolean;
  since: number;
}

export interface CallView {
  callId?: string;
  /** `ended`: this interaction is no longer on the call (wrap-up after a hang-up or a transfer). */
  state: CallState | 'ended';
  kind: 'call' | 'voicemail';
  direction: 'inbound' | 'outbound';
  role: 'host' | 'participant';
  /** My own leg is muted. */
  muted: boolean;
  /** The customer is on hold. */
  held: boolean;
  recording: RecordingState;
  /** The queue's whisper played at connect. */
  whisper?: string;
  /** Everyone on the call (the customer, agents, external parties), the host flagged. */
  participants: CallParticipantView[];
  consult?: {
    purpose: 'transfer' | 'conference';
    blind: boolean;
    target: { agentId: string; displayName: string } | { number: string };
    state: LegState;
  };
  conference: boolean;
  /** Digits the customer pressed (the last 32). */
  dtmf: string;
  notice?: Notice;
  voicemailEmailed?: boolean;
}

function callView(state: EngineState, tenant: Tenant, i: Interaction): CallView | undefined {
  const link = state.phone.links.get(i.id);
  const call = link?.callId ? state.phone.calls.get(link.callId) : undefined;
  const kind: CallView['kind'] = i.media === 'voicemail' ? 'voicemail' : 'call';
  const direction: CallView['direction'] = i.media === 'outbound_phone' ? 'outbound' : 'inbound';
  if (!call) {
    if (!link) return undefined;
    const base = { state: 'ended' as const, kind, direction, role: 'host' as const, muted: false, held: false, recording: 'off' as const };
    return { ...base, participants: [], conference: false, dtmf: '', notice: link.notice, voicemailEmailed: link.voicemailEmailed };
  }
  const name = (agentId?: string) => (agentId ? (tenant.agents.get(agentId)?.displayName ?? agentId) : undefined);
  const participants = call.legs.map((l) => ({
    legId: l.id,
    party: l.party,
    state: l.state,
    agentId: l.agentId,
    displayName: l.party === 'customer' ? i.customer.name : name(l.agentId),
    number: l.party === 'customer' || l.party === 'external' ? l.number : undefined,
    muted: l.muted,
    held: l.held,
    ...(l.farHeld ? { farHeld: true } : {}),
    host: l.interactionId === call.interactionId,
    me: l.interactionId === i.id,
    since: l.since,
  }));
  const mine = call.legs.find((l) => l.interactionId === i.id);
  const customer = call.legs.find((l) => l.party === 'customer');
  const consult = call.consult;
  const consultLeg = consult?.legId ? call.legs.find((l) => l.id === consult.legId) : undefined;
  return {
    callId: call.id,
    state: call.state,
    kind: call.kind,
    direction: call.direction,
    role: call.interactionId === i.id ? 'host' : 'participant',
    muted: mine?.muted ?? false,
    held: customer?.held ?? false,
    recording: call.recording,
    whisper: call.whisper,
    participants,
    consult: consult && {
      purpose: consult.purpose,
      blind: consult.blind,
      target: 'agentId' in consult.target ? { agentId: consult.target.agentId, displayName: name(consult.target.agentId)! } : { number: consult.target.number },
      state: consultLeg?.state ?? 'offered',
    },
    conference: call.legs.filter((l) => l.party !== 'customer' && l.id !== consult?.legId).length > 1,
    dtmf: call.dtmf,
    notice: link?.notice,
    voicemailEmailed: link?.voicemailEmailed,
  };
}

export interface PhoneSelfView {
  /** The workplace phone or SIP URI in force (validated); none: calls reach the console directly. */
  workplace?: Workplace;
  /** A change waiting for its PIN (the old setting stays until then). */
  pendingWorkplace?: { workplace: Workplace; state: 'calling' | 'pin_sent'; deadline: number };
  mode: ConnectionMode;
  /** Persistent mode: off (not opened, or dropped), calling, pin_sent (enter the PIN), connected. */
  voice: 'off' | 'calling' | 'pin_sent' | 'connected';
  /** Why the persistent connection dropped: show "Retry to connect". */
  voiceDropped?: string;
  recordings: { id: string; name: string }[];
  outboundCodes: { id: string; label: string }[];
  /** Preselected in the dial dialog. */
  lastOutboundCode?: string;
  notice?: Notice;
}

function phoneSelfView(state: EngineState, tenant: Tenant, agentId: string): PhoneSelfView {
  const profile = profileOf(tenant, state, agentId);
  const p = state.phone.agents.get(agentId);
  return {
    workplace: profile.workplace,
    pendingWorkplace: p?.pending && { workplace: p.pending.workplace, state: p.pending.state, deadline: p.pending.deadline },
    mode: profile.mode,
    voice: p?.voice?.state ?? 'off',
    voiceDropped: p?.voiceDropped,
    recordings: profile.recordings,
    outboundCodes: tenant.config.outboundCodes,
    lastOutboundCode: p?.lastOutboundCode,
    notice: p?.notice,
  };
}

/** Interactions on the same call as this one (host and participants), this one included. */
function callInteractions(state: EngineState, interactionId: string): string[] {
  const callId = state.phone.links.get(interactionId)?.callId;
  const call = callId ? state.phone.calls.get(callId) : undefined;
  if (!call) return [interactionId];
  const ids = new Set([interactionId, call.interactionId]);
  for (const l of call.legs) if (l.interactionId) ids.add(l.interactionId);
  if (call.consult && 'interactionId' in call.consult.target) ids.add(call.consult.target.interactionId);
  return [...ids];
}

/** One entry of an agent's call history, as the dial dialog shows it. */
export interface CallHistoryEntry {
  interactionId: string;
  direction: 'inbound' | 'outbound';
  kind: 'call' | 'voicemail';
  number?: string;
  name?: string;
  /** The queue's display name. */
  queue?: string;
  at: number;
}

function callHistory(state: EngineState, tenant: Tenant, agentId: string): CallHistoryEntry[] {
  return (state.phone.agents.get(agentId)?.history ?? []).map(({ queueId, ...r }) => ({
    ...r,
    queue: queueId ? tenant.queues.get(queueId)?.name : undefined,
  }));
}

/** The call part of an interaction's view. */
export function addCallPart(vc: ViewContext, i: Interaction, view: InteractionView): void {
  view.call = callView(vc.state(), vc.tenant, i);
}

/** The phone part of the agent's view of themselves. */
export function addPhonePart(vc: ViewContext, agentId: string, view: AgentSelfView): void {
  view.phone = phoneSelfView(vc.state(), vc.tenant, agentId);
}

export function phoneViews(vc: ViewContext) {
  return {
    /** The calls an agent took or made, newest first (dial from call history). */
    callHistory: (agentId: string): CallHistoryEntry[] => callHistory(vc.state(), vc.tenant, agentId),
    /** Interactions on the same call as this one, this one included (fan-out of call changes). */
    callInteractions: (interactionId: string): string[] => callInteractions(vc.state(), interactionId),
  };
}
