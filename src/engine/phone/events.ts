/**
 * Phone events. Each one is a fact about a call or an agent's phone; the
 * ones that need the switch to act carry everything the request needs, so
 * telephony/effects.ts turns an event into adapter requests without reading
 * any state. Call events name the call's host interaction (for timers and
 * fan-out); agent events name the agent.
 */
import type { CallLeg, CallState, ConnectionMode, Consult, RecordingState, Workplace } from './state.js';

/** Why the switch dials a leg (a hint for adapters with native transfer/conference primitives). */
export type DialPurpose = 'agent_phone' | 'outbound' | 'consult' | 'transfer' | 'conference' | 'voice_session' | 'validation';
export type BridgePurpose = 'connect' | 'consult' | 'transfer' | 'conference';
export type LegEndReason =
  | 'hung_up'
  | 'busy'
  | 'no_answer'
  | 'failed'
  | 'cancelled'
  | 'transferred'
  | 'left'
  | 'removed'
  | 'call_ended';

/** What the switch plays into a leg. */
export type Prompt =
  | { kind: 'whisper'; text: string }
  | { kind: 'recording'; agentId: string; recordingId: string; name: string }
  | { kind: 'pin'; digits: string }
  /** `recording`: where the switch keeps the message (as it reported it), when it came from a switch. */
  | { kind: 'voicemail'; voicemailId: string; recording?: string };

type CallRef = { interactionId: string; callId: string };

export type PhoneEventBody =
  | (CallRef & {
      type: 'phone.call_started';
      kind: 'call' | 'voicemail';
      direction: 'inbound' | 'outbound';
      state: CallState;
      customerLeg?: CallLeg;
      /** The customer's leg is a switch call the engine answers (queue music until an agent connects). */
      answer?: boolean;
    })
  | (CallRef & { type: 'phone.leg_added'; leg: CallLeg; dial?: { to: string; purpose: DialPurpose } })
  | (CallRef & { type: 'phone.leg_ringing'; legId: string })
  | (CallRef & { type: 'phone.leg_answered'; legId: string })
  | (CallRef & {
      type: 'phone.leg_removed';
      legId: string;
      reason: LegEndReason;
      /** hang_up: the engine ends it; unbridge: a persistent connection leaves the call; none: the switch already ended it. */
      release: 'hang_up' | 'unbridge' | 'none';
    })
  | (CallRef & { type: 'phone.bridged'; legIds: string[]; purpose: BridgePurpose })
  | (CallRef & { type: 'phone.muted'; legId: string; muted: boolean; agentId?: string })
  | (CallRef & { type: 'phone.held'; legId: string; held: boolean; agentId?: string })
  /** The switch reports that the far end holds its side (nothing is asked of the switch). */
  | (CallRef & { type: 'phone.far_held'; legId: string; held: boolean })
  | (CallRef & { type: 'phone.dtmf_sent'; legId: string; digits: string; agentId: string })
  | (CallRef & { type: 'phone.dtmf_received'; legId: string; digits: string })
  | (CallRef & {
      type: 'phone.recording';
      action: 'start' | 'pause' | 'resume' | 'stop';
      state: RecordingState;
      agentId?: string;
      reason?: string;
      /** The switch reported this state itself (no request goes back). */
      reported?: boolean;
    })
  | (CallRef & { type: 'phone.prompt_played'; legId: string; prompt: Prompt; agentId?: string; thenHangUp?: boolean })
  | (CallRef & { type: 'phone.consult_started'; consult: Consult; agentId: string })
  | (CallRef & { type: 'phone.consult_ended'; outcome: 'completed' | 'merged' | 'cancelled' | 'failed'; reason?: string })
  | (CallRef & { type: 'phone.host_changed'; previous: string; state: CallState })
  | (CallRef & { type: 'phone.call_ended'; reason: string })
  /** No agent is left: the customer and external parties go on talking; the engine stops tracking. */
  | (CallRef & { type: 'phone.call_released'; legIds: string[] })
  /** A caller is handed to a mailbox (the agent's for direct calls) to leave a message. */
  | { type: 'phone.to_mailbox'; interactionId: string; legId: string; agentId?: string; queueId?: string }
  | { type: 'phone.voicemail_emailed'; interactionId: string; agentId: string; email: string }
  /** A message for the agent about a call, shown with the interaction ("Transfer failed: busy"). */
  | { type: 'phone.notice'; agentId: string; interactionId: string; text: string; level: 'info' | 'warning' | 'error' }
  /** A message for the agent about their own phone (voice connection, workplace validation, unreachable phone). */
  | { type: 'phone.agent_notice'; agentId: string; text: string; level: 'info' | 'warning' | 'error' }
  | { type: 'phone.outbound_code_chosen'; agentId: string; code: string }
  | { type: 'phone.mode_set'; agentId: string; mode: ConnectionMode }
  | { type: 'phone.voice_dialed'; agentId: string; legId: string; to: string; pin: string; deadline: number }
  | { type: 'phone.voice_answered'; agentId: string; legId: string; pin: string; deadline: number }
  | { type: 'phone.voice_connected'; agentId: string; legId: string }
  | { type: 'phone.voice_dropped'; agentId: string; legId: string; reason: string; hangUp: boolean }
  | { type: 'phone.workplace_dialed'; agentId: string; legId: string; workplace: Workplace; pin: string; deadline: number }
  | { type: 'phone.workplace_answered'; agentId: string; legId: string; pin: string; deadline: number }
  /** A wrong PIN was entered for the PIN call on this leg (voice connection or workplace validation). */
  | { type: 'phone.pin_rejected'; agentId: string; legId: string }
  | { type: 'phone.workplace_validated'; agentId: string; workplace: Workplace }
  | { type: 'phone.workplace_failed'; agentId: string; legId: string; reason: string; hangUp: boolean };

export type PhoneEventType = PhoneEventBody['type'];

declare module '../kernel/types.js' {
  interface EngineEvents {
    phone: PhoneEventBody;
  }
}
