/**
 * The telephony boundary: what the engine asks of a phone switch, and what
 * the switch reports back. A real adapter (SIP B2BUA, Asterisk ARI,
 * FreeSWITCH ESL, a PBX's or CPaaS's REST/WebSocket API) implements
 * TelephonyAdapter; the engine never calls it directly. See
 * docs/telephony.md.
 *
 *  - Requests flow one way: a committed engine event → telephony/effects.ts
 *    → TelephonyRequest(s) → the bridge's outbox → adapter.execute(). A
 *    request is issued only after the event that caused it is durable.
 *  - Reports flow the other way: the adapter calls `report(event)`; the
 *    bridge turns it into an engine command (`phone_incoming`,
 *    `phone_leg_event`), so every outcome is in the event log.
 *
 * Leg ids: the engine names every leg it asks for (`L-<n>`); the adapter
 * must use those ids in its reports. A leg the switch creates itself (a
 * customer's incoming call) is named by the adapter in `incoming`; the
 * engine adopts that id. Call ids (`C-<n>`) name the conversation (the
 * bridge, mixer or conference room) that legs are joined into.
 */
import type { CallerKeys } from '../commands.js';
import type { BridgePurpose, DialPurpose, LegEndReason, Prompt } from '../events.js';

export type { BridgePurpose, DialPurpose, LegEndReason, Prompt } from '../events.js';

export type RecordAction = 'start' | 'pause' | 'resume' | 'stop';

/** What the engine asks the switch to do. Every request is idempotent per (op, ids). */
export type TelephonyRequest =
  /** Answer an incoming leg the switch offered (`incoming`): the caller hears queue music until bridged. */
  | { op: 'answer'; legId: string }
  /** Place an outgoing leg: to an E.164 number or a `sip:` URI. Report ringing/answered/busy/no_answer/failed. */
  | { op: 'dial'; legId: string; to: string; callId?: string; purpose: DialPurpose }
  /** End a leg. No report is needed (the engine already forgot it). */
  | { op: 'hang_up'; legId: string; reason: LegEndReason }
  /** Join legs into the call's conversation (connect, consult, transfer completion, conference merge). */
  | { op: 'bridge'; callId: string; legIds: string[]; purpose: BridgePurpose }
  /** Take a leg out of the call without ending it (an agent's persistent voice connection). */
  | { op: 'unbridge'; callId: string; legId: string }
  /** Held legs hear music and are not heard; unhold puts them back in the conversation. */
  | { op: 'hold'; legId: string }
  | { op: 'unhold'; legId: string }
  /** Muted legs hear, but are not heard. */
  | { op: 'mute'; legId: string }
  | { op: 'unmute'; legId: string }
  /** Send keypad tones on a leg (RFC 4733 or in-band). */
  | { op: 'dtmf'; legId: string; digits: string }
  /** Play a prompt into one leg (whisper, my recording, PIN digits, a voicemail); optionally hang up after it. */
  | { op: 'play'; legId: string; prompt: Prompt; thenHangUp?: boolean }
  /** Record the call's conversation. Report the resulting state with a `recording` event if it differs. */
  | { op: 'record'; callId: string; action: RecordAction }
  /** Hand a caller to a mailbox to leave a message (an agent's for direct calls, else the queue's). */
  | { op: 'voicemail_deposit'; legId: string; mailbox: { agentId: string } | { queueId: string }; voicemailId: string }
  /** Email a copy of a voicemail (the "press 1" of the voicemail system). */
  | { op: 'voicemail_email'; voicemailId: string; email: string }
  /** The engine stops following a call (no agent left); the switch keeps the remaining legs talking until they hang up. */
  | { op: 'release'; callId: string; legIds: string[] };

export type TelephonyOp = TelephonyRequest['op'];

/** What the switch reports. */
export type TelephonyReport =
  /** A customer's call reached the switch: into a phone queue, or to an agent's direct access number (IVR done). */
  | { type: 'incoming'; legId: string; from: string; name?: string; to?: string; queueId?: string; directNumber?: string; agentId?: string; crm?: CallerKeys }
  /** The switch's voicemail system recorded a message for a queue; `recording` is where the switch keeps it. */
  | { type: 'voicemail'; from: string; name?: string; to?: string; queueId?: string; durationSec: number; recording: string; crm?: CallerKeys }
  /** A caller asked the IVR to be called back. */
  | { type: 'callback'; number: string; name?: string; to?: string; queueId?: string; note?: string; crm?: CallerKeys }
  | { type: 'ringing'; legId: string }
  | { type: 'answered'; legId: string }
  | { type: 'busy'; legId: string }
  | { type: 'no_answer'; legId: string }
  | { type: 'hung_up'; legId: string }
  | { type: 'failed'; legId: string; reason?: string }
  | { type: 'dtmf'; legId: string; digits: string }
  /** The far end put its side on hold, or took it off (a caller's own hold key). */
  | { type: 'held'; legId: string }
  | { type: 'resumed'; legId: string }
  /** The recording of a call changed by itself (disk full, switch policy). */
  | { type: 'recording'; callId: string; state: 'on' | 'paused' | 'off'; reason?: string };

/** A leg the engine believes live, handed to the adapter after a restart (see `restore`). */
export interface LiveLeg {
  legId: string;
  callId?: string;
  /** Whose leg: a call party, or an agent's own voice connection / PIN call. */
  party: 'customer' | 'agent' | 'consultee' | 'external' | 'voice_session' | 'validation';
  state: 'offered' | 'ringing' | 'connected' | 'calling' | 'pin_sent';
  number?: string;
  held?: boolean;
  muted?: boolean;
}

export interface TelephonyAdapter {
  /** For logs. */
  readonly name: string;
  /** Called once by the bridge: reports go to `report`, in order. */
  start(report: (event: TelephonyReport) => void): void;
  /** Carries out one request. A thrown error or rejected promise is reported to the engine as the leg failing. */
  execute(request: TelephonyRequest): void | Promise<void>;
  /**
   * After an engine restart: the legs the event log says are live. An adapter
   * re-attaches to them (or reports `hung_up` for those the switch no longer has).
   */
  restore?(legs: LiveLeg[]): void;
  stop(): void;
}
