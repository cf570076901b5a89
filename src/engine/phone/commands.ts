/**
 * Phone commands. Agent commands carry the acting agent (checked for
 * ownership, status, capacity and permission like every other); channel
 * commands come from the telephony adapter (through telephony/bridge.ts);
 * timer commands come from the engine's own deadlines.
 */
import type { ConnectionMode } from './state.js';

/** Where a call goes: a colleague, a phone queue, or an external number. */
export type PhoneTarget = { agentId: string } | { queueId: string } | { number: string };

export type PhoneAgentCommand =
  /** Mutes my leg; a conference host may name a participant's leg. */
  | { type: 'phone_mute'; agentId: string; interactionId: string; muted: boolean; legId?: string }
  /** Holds the customer; a conference host may name a participant's leg. */
  | { type: 'phone_hold'; agentId: string; interactionId: string; held: boolean; legId?: string }
  | { type: 'phone_dtmf'; agentId: string; interactionId: string; digits: string }
  /** By permission: start (recording "start" or "start and pause"), pause and resume ("start and pause"). */
  | { type: 'phone_record'; agentId: string; interactionId: string; action: 'start' | 'pause' | 'resume' }
  /** Plays one of "my recordings" to the customer. */
  | { type: 'phone_play'; agentId: string; interactionId: string; recordingId: string }
  /** Outbound call; `code` is an outbound phone code (the last one chosen is the default). */
  | { type: 'phone_dial'; agentId: string; number: string; code?: string; queueId?: string }
  /** Agent: warm (consult, then phone_complete) or cold (completes on answer). Queue: blind, `force` past UNSTAFFED. Number: warm. */
  | { type: 'phone_transfer'; agentId: string; interactionId: string; to: PhoneTarget; mode?: 'warm' | 'cold'; force?: boolean }
  /** Invites a colleague (Available or Working Offline) or an external number; the customer waits on hold. */
  | { type: 'phone_conference_add'; agentId: string; interactionId: string; to: { agentId: string } | { number: string } }
  /** Completes the consultation: the transfer (I leave) or the conference merge (the customer is back). */
  | { type: 'phone_complete'; agentId: string; interactionId: string }
  | { type: 'phone_cancel_consult'; agentId: string; interactionId: string }
  /** Conference host: removes a participant (never the host, nor the customer). */
  | { type: 'phone_remove'; agentId: string; interactionId: string; legId: string }
  /** Leaves the call; the others go on (a host hands the call to the next agent). */
  | { type: 'phone_leave'; agentId: string; interactionId: string }
  /** Conference host: ends the call for everyone. */
  | { type: 'phone_end_all'; agentId: string; interactionId: string }
  /** Voicemail: "press 1" — send a copy to my email. */
  | { type: 'voicemail_email'; agentId: string; interactionId: string }
  /** Working Offline and the changeConnectionMode permission. */
  | { type: 'phone_set_mode'; agentId: string; mode: ConnectionMode }
  /** Persistent mode: (re)open the voice connection ("Retry to connect"); a PIN is played on answer. */
  | { type: 'phone_connect_voice'; agentId: string }
  | { type: 'phone_voice_pin'; agentId: string; pin: string }
  /** Working Offline and the changeWorkplacePhone permission; validated by a PIN delivered by a call. */
  | { type: 'phone_change_workplace'; agentId: string; kind: 'phone' | 'sip'; value: string }
  | { type: 'phone_validate_workplace'; agentId: string; pin: string };

/** `held`/`resumed`: the far end put its side on hold (or took it off), e.g. from the caller's own phone. */
export type LegEventKind = 'ringing' | 'answered' | 'busy' | 'no_answer' | 'hung_up' | 'failed' | 'dtmf' | 'recording' | 'held' | 'resumed';

/** What the switch knows of a caller that the CRM can pop them by (an IVR asks for an account or a case). */
export interface CallerKeys {
  email?: string;
  account?: string;
  caseNumber?: string;
}

export type PhoneChannelCommand =
  /** A customer's call reached the switch: into a phone queue, or to an agent (their direct access number, or named: DAR). */
  | {
      type: 'phone_incoming';
      legId: string;
      /** The caller ID. */
      from: string;
      name?: string;
      /** Where it goes, one of: the number the caller dialed (the tenant's dialedNumbers, or an agent's direct access number), a queue, a DAN, an agent. */
      to?: string;
      queueId?: string;
      directNumber?: string;
      agentId?: string;
      crm?: CallerKeys;
    }
  /** The switch's voicemail system recorded a message for a queue (named, or the dialed number's voicemail queue). */
  | { type: 'phone_voicemail'; from: string; name?: string; to?: string; queueId?: string; durationSec: number; recording: string; crm?: CallerKeys }
  /** A customer asked to be called back (to the number given) from an outbound queue (named, or the dialed number's callback queue). */
  | { type: 'phone_callback'; number: string; name?: string; to?: string; queueId?: string; note?: string; crm?: CallerKeys }
  /** Something happened on a leg (adapter callback). */
  | {
      type: 'phone_leg_event';
      legId: string;
      event: LegEventKind;
      digits?: string;
      recording?: 'on' | 'paused' | 'off';
      reason?: string;
    };

export type PhoneTimerCommand =
  | { type: 'phone_ring_timeout'; interactionId: string }
  | { type: 'phone_agent_timeout'; agentId: string };

export type PhoneCommand = PhoneAgentCommand | PhoneChannelCommand | PhoneTimerCommand;

declare module '../kernel/types.js' {
  interface AgentCommands {
    phone: PhoneAgentCommand;
  }
  interface ChannelCommands {
    phone: PhoneChannelCommand;
  }
  interface TimerCommands {
    phone: PhoneTimerCommand;
  }
}
