/**
 * Phone state: calls, their legs, and each agent's phone profile. A call is
 * the engine's picture of one customer conversation on the switch; it
 * outlives the interactions that carry it (a transfer hands it from one
 * agent's interaction to another's, as a chat conversation is handed on).
 * Only the reducers in phone/reducers.ts mutate it.
 */
import type { EngineState } from '../kernel/types.js';
import type { Media } from '../tenant/schema.js';

/** The media a call carries: these interactions have a call on the switch. */
export const PHONE_MEDIA: ReadonlySet<Media> = new Set<Media>(['inbound_phone', 'outbound_phone', 'voicemail']);

export type LegParty = 'customer' | 'agent' | 'consultee' | 'external';
/** offered: a colleague's console is offered the call; ringing: the switch is dialing; connected: answered. */
export type LegState = 'offered' | 'ringing' | 'connected';
export type RecordingState = 'off' | 'on' | 'paused';
export type ConnectionMode = 'on_demand' | 'persistent';
export type CallState = 'waiting' | 'connecting' | 'dialing' | 'connected';

export interface CallLeg {
  id: string;
  party: LegParty;
  state: LegState;
  /** Agent and consultee legs: whose phone, and that agent's interaction on this call. */
  agentId?: string;
  interactionId?: string;
  /** Customer and external legs: the number (E.164); agent legs: the phone dialed, if any. */
  number?: string;
  /** Carried by the agent's persistent voice connection: leaving the call unbridges it, never hangs it up. */
  session?: boolean;
  /** While ringing on the switch: when the engine gives up. */
  ringDeadline?: number;
  muted: boolean;
  held: boolean;
  /** The far end put its side on hold (reported by the switch): the agent hears music, not the party. */
  farHeld?: boolean;
  since: number;
}

export type ConsultTarget = { agentId: string; interactionId: string } | { number: string };

/** A consultation in progress: warm or blind (cold) transfer, or an invitation to a conference. */
export interface Consult {
  purpose: 'transfer' | 'conference';
  /** Cold transfer: completes by itself once the target answers. */
  blind: boolean;
  target: ConsultTarget;
  /** The target's leg once it exists (a colleague's only after they accept). */
  legId?: string;
  /** Restored when the consultation ends without completing. */
  customerWasHeld: boolean;
}

export interface Call {
  id: string;
  /** The host: the interaction that owns the customer side. */
  interactionId: string;
  kind: 'call' | 'voicemail';
  direction: 'inbound' | 'outbound';
  /** waiting: in a queue or offered; connecting: the host's phone rings; dialing: the destination rings. */
  state: CallState;
  legs: CallLeg[];
  recording: RecordingState;
  consult?: Consult;
  /** The queue's whisper, played to the agent at connect. */
  whisper?: string;
  /** Digits the customer pressed (the last 32). */
  dtmf: string;
  startedAt: number;
}

export interface Notice {
  text: string;
  level: 'info' | 'warning' | 'error';
  at: number;
}

/** What the phone module knows about one live interaction. Dropped when the interaction ends. */
export interface PhoneLink {
  /** The call this interaction is on (host or participant); unset once it left the call. */
  callId?: string;
  /** The last thing the agent should read about this call ("Transfer failed: busy"). */
  notice?: Notice;
  voicemailEmailed?: boolean;
}

export interface Workplace {
  kind: 'phone' | 'sip';
  value: string;
}

/** One call an agent took or made, for "dial from call history". */
export interface CallRecord {
  interactionId: string;
  direction: 'inbound' | 'outbound';
  kind: 'call' | 'voicemail';
  /** The customer's number (E.164) when the switch gave one. */
  number?: string;
  name?: string;
  queueId?: string;
  at: number;
}

/** Call history kept per agent (newest first). */
export const CALL_HISTORY_KEPT = 50;

/** An agent's phone profile and voice connection, over the tenant file's settings. */
export interface AgentPhone {
  /** The last validated workplace, when the agent changed it (else the tenant file's). */
  workplace?: Workplace;
  mode?: ConnectionMode;
  /** A workplace change waiting for its PIN; the old setting stays until it is validated. */
  pending?: { workplace: Workplace; legId: string; state: 'calling' | 'pin_sent'; pin: string; deadline: number; wrongPins?: number };
  /** Persistent mode: the voice connection, authenticated by a PIN. */
  voice?: { legId: string; state: 'calling' | 'pin_sent' | 'connected'; pin: string; deadline?: number; wrongPins?: number };
  /** Why the persistent connection dropped (shown with "Retry to connect"). */
  voiceDropped?: string;
  lastOutboundCode?: string;
  notice?: Notice;
  /** Calls taken or made, newest first (at most CALL_HISTORY_KEPT). */
  history?: CallRecord[];
}

export type LegOwner = { callId: string } | { agentId: string };

export interface PhoneState {
  calls: Map<string, Call>;
  /** Live leg id → its call, or the agent whose own phone it is (voice connection, PIN call). */
  legs: Map<string, LegOwner>;
  /** Live interaction id → its phone link. */
  links: Map<string, PhoneLink>;
  agents: Map<string, AgentPhone>;
  nextCall: number;
  nextLeg: number;
}

declare module '../kernel/types.js' {
  interface EngineState {
    /** Calls, legs and agents' phone profiles. */
    phone: PhoneState;
  }
}

export function emptyPhoneState(): PhoneState {
  return { calls: new Map(), legs: new Map(), links: new Map(), agents: new Map(), nextCall: 1, nextLeg: 1 };
}

export interface SerializedPhone {
  calls: Call[];
  legs: [string, LegOwner][];
  links: [string, PhoneLink][];
  agents: [string, AgentPhone][];
  nextCall: number;
  nextLeg: number;
}

export function serializePhone(p: PhoneState): SerializedPhone {
  return { calls: [...p.calls.values()], legs: [...p.legs], links: [...p.links], agents: [...p.agents], nextCall: p.nextCall, nextLeg: p.nextLeg };
}

export function deserializePhone(raw: SerializedPhone | undefined): PhoneState {
  if (!raw) return emptyPhoneState();
  return {
    calls: new Map(raw.calls.map((c) => [c.id, c])),
    legs: new Map(raw.legs),
    links: new Map(raw.links),
    agents: new Map(raw.agents),
    nextCall: raw.nextCall,
    nextLeg: raw.nextLeg,
  };
}

export const phoneSlice = {
  init: () => ({ phone: emptyPhoneState() }),
  serialize: (s: EngineState): { phone?: SerializedPhone } => ({ phone: serializePhone(s.phone) }),
  deserialize: (raw: { phone?: SerializedPhone }) => ({ phone: deserializePhone(raw.phone) }),
};
