/**
 * Committed events → switch requests. A pure function of one event: the
 * phone events carry every id and number a request needs, so the same log
 * always yields the same requests, in the same order.
 */
import type { EngineEvent } from '../../kernel/types.js';
import type { TelephonyRequest } from './adapter.js';

export function requestsOf(e: EngineEvent): TelephonyRequest[] {
  switch (e.type) {
    case 'phone.call_started':
      return e.answer && e.customerLeg ? [{ op: 'answer', legId: e.customerLeg.id }] : [];
    case 'phone.leg_added':
      return e.dial ? [{ op: 'dial', legId: e.leg.id, to: e.dial.to, callId: e.callId, purpose: e.dial.purpose }] : [];
    case 'phone.leg_removed':
      if (e.release === 'hang_up') return [{ op: 'hang_up', legId: e.legId, reason: e.reason }];
      if (e.release === 'unbridge') return [{ op: 'unbridge', callId: e.callId, legId: e.legId }];
      return [];
    case 'phone.bridged':
      return [{ op: 'bridge', callId: e.callId, legIds: e.legIds, purpose: e.purpose }];
    case 'phone.held':
      return [{ op: e.held ? 'hold' : 'unhold', legId: e.legId }];
    case 'phone.muted':
      return [{ op: e.muted ? 'mute' : 'unmute', legId: e.legId }];
    case 'phone.dtmf_sent':
      return [{ op: 'dtmf', legId: e.legId, digits: e.digits }];
    case 'phone.prompt_played':
      return [{ op: 'play', legId: e.legId, prompt: e.prompt, ...(e.thenHangUp ? { thenHangUp: true } : {}) }];
    case 'phone.recording':
      // A state the switch reported itself needs no request back.
      return e.reported ? [] : [{ op: 'record', callId: e.callId, action: e.action }];
    case 'phone.to_mailbox':
      return [
        {
          op: 'voicemail_deposit',
          legId: e.legId,
          mailbox: e.agentId ? { agentId: e.agentId } : { queueId: e.queueId ?? '' },
          voicemailId: e.interactionId,
        },
      ];
    case 'phone.voicemail_emailed':
      return [{ op: 'voicemail_email', voicemailId: e.interactionId, email: e.email }];
    case 'phone.call_released':
      return [{ op: 'release', callId: e.callId, legIds: e.legIds }];
    case 'phone.voice_dialed':
      return [{ op: 'dial', legId: e.legId, to: e.to, purpose: 'voice_session' }];
    case 'phone.voice_answered':
      return [{ op: 'play', legId: e.legId, prompt: { kind: 'pin', digits: e.pin } }];
    case 'phone.voice_dropped':
      return e.hangUp ? [{ op: 'hang_up', legId: e.legId, reason: 'hung_up' }] : [];
    case 'phone.workplace_dialed':
      return [{ op: 'dial', legId: e.legId, to: e.workplace.value, purpose: 'validation' }];
    case 'phone.workplace_answered':
      return [{ op: 'play', legId: e.legId, prompt: { kind: 'pin', digits: e.pin }, thenHangUp: true }];
    case 'phone.workplace_failed':
      return e.hangUp ? [{ op: 'hang_up', legId: e.legId, reason: 'cancelled' }] : [];
    default:
      return [];
  }
}
