/** Phone wire commands → engine commands, with their door permissions. */
import type { PhoneMessageType } from '../../protocol/phone-messages.js';
import type { CommandRules } from './rule.js';

export const PHONE_WIRE_COMMANDS: CommandRules<PhoneMessageType> = {
  phone_mute: { toEngine: (agentId, d) => ({ type: 'phone_mute', agentId, interactionId: d.interactionId, muted: d.muted, legId: d.legId }) },
  phone_hold: { toEngine: (agentId, d) => ({ type: 'phone_hold', agentId, interactionId: d.interactionId, held: d.held, legId: d.legId }) },
  phone_dtmf: { toEngine: (agentId, d) => ({ type: 'phone_dtmf', agentId, interactionId: d.interactionId, digits: d.digits }) },
  // Pausing needs "start and pause": the engine checks that finer rule.
  phone_record: { permission: 'recordStart', toEngine: (agentId, d) => ({ type: 'phone_record', agentId, interactionId: d.interactionId, action: d.action }) },
  phone_play: { toEngine: (agentId, d) => ({ type: 'phone_play', agentId, interactionId: d.interactionId, recordingId: d.recordingId }) },
  phone_dial: { toEngine: (agentId, d) => ({ type: 'phone_dial', agentId, number: d.number, code: d.code, queueId: d.queueId }) },
  phone_transfer: {
    toEngine: (agentId, d) => ({ type: 'phone_transfer', agentId, interactionId: d.interactionId, to: d.to, mode: d.mode, force: d.force }),
  },
  phone_conference_add: { toEngine: (agentId, d) => ({ type: 'phone_conference_add', agentId, interactionId: d.interactionId, to: d.to }) },
  phone_complete: { toEngine: (agentId, d) => ({ type: 'phone_complete', agentId, interactionId: d.interactionId }) },
  phone_cancel_consult: { toEngine: (agentId, d) => ({ type: 'phone_cancel_consult', agentId, interactionId: d.interactionId }) },
  phone_remove: { toEngine: (agentId, d) => ({ type: 'phone_remove', agentId, interactionId: d.interactionId, legId: d.legId }) },
  phone_leave: { toEngine: (agentId, d) => ({ type: 'phone_leave', agentId, interactionId: d.interactionId }) },
  phone_end_all: { toEngine: (agentId, d) => ({ type: 'phone_end_all', agentId, interactionId: d.interactionId }) },
  voicemail_email: { toEngine: (agentId, d) => ({ type: 'voicemail_email', agentId, interactionId: d.interactionId }) },
  phone_set_mode: { permission: 'changeConnectionMode', toEngine: (agentId, d) => ({ type: 'phone_set_mode', agentId, mode: d.mode }) },
  phone_connect_voice: { toEngine: (agentId) => ({ type: 'phone_connect_voice', agentId }) },
  phone_voice_pin: { toEngine: (agentId, d) => ({ type: 'phone_voice_pin', agentId, pin: d.pin }) },
  phone_change_workplace: {
    permission: 'changeWorkplacePhone',
    toEngine: (agentId, d) => ({ type: 'phone_change_workplace', agentId, kind: d.kind, value: d.value }),
  },
  phone_validate_workplace: { toEngine: (agentId, d) => ({ type: 'phone_validate_workplace', agentId, pin: d.pin }) },
};
