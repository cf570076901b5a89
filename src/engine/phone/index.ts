/**
 * Phone: calls on a switch, through the telephony adapter (telephony/) —
 * inbound, outbound, voicemail; call controls; warm and cold transfers;
 * conferences; the agent's phone profile and persistent voice connection.
 */
import { defineModule, type HandlersOf } from '../kernel/module.js';
import type { PhoneCommand } from './commands.js';
import { conferenceAdd, conferenceRemove, phoneEndAll, phoneLeave } from './conference.js';
import { phoneDtmf, phoneHold, phoneMute, phonePlay, phoneRecord, voicemailEmail } from './controls.js';
import { agentDeadlines, interactionDeadlines } from './deadlines.js';
import { phoneDial } from './dial.js';
import { accepted, agentHangUp, customerEnd, declined } from './hooks.js';
import {
  agentTimeout,
  changeWorkplace,
  closeVoiceConnection,
  connectVoice,
  openVoiceConnection,
  setMode,
  validateWorkplace,
  voicePin,
} from './profile-commands.js';
import { CALL_FOLLOWS_WORK, PHONE_REDUCERS } from './reducers.js';
import { phoneSlice } from './state.js';
import { phoneLegEvent, phoneRingTimeout } from './switch-reports.js';
import { phoneCallback, phoneIncoming, phoneVoicemail } from './switch-work.js';
import { phoneCancelConsult, phoneComplete, phoneTransfer } from './transfer.js';
import { addCallPart, addPhonePart, phoneViews } from './views.js';

const handlers: HandlersOf<PhoneCommand> = {
  phone_mute: phoneMute,
  phone_hold: phoneHold,
  phone_dtmf: phoneDtmf,
  phone_record: phoneRecord,
  phone_play: phonePlay,
  voicemail_email: voicemailEmail,
  phone_dial: phoneDial,
  phone_transfer: phoneTransfer,
  phone_complete: phoneComplete,
  phone_cancel_consult: phoneCancelConsult,
  phone_conference_add: conferenceAdd,
  phone_remove: conferenceRemove,
  phone_leave: phoneLeave,
  phone_end_all: phoneEndAll,
  phone_incoming: phoneIncoming,
  phone_voicemail: phoneVoicemail,
  phone_callback: phoneCallback,
  phone_leg_event: phoneLegEvent,
  phone_ring_timeout: phoneRingTimeout,
  phone_set_mode: setMode,
  phone_connect_voice: connectVoice,
  phone_voice_pin: voicePin,
  phone_change_workplace: changeWorkplace,
  phone_validate_workplace: validateWorkplace,
  phone_agent_timeout: agentTimeout,
};

export const phone = defineModule({
  name: 'phone',
  state: phoneSlice,
  handlers,
  reducers: PHONE_REDUCERS,
  follows: CALL_FOLLOWS_WORK,
  deadlines: { interaction: interactionDeadlines, agent: agentDeadlines },
  views: phoneViews,
  hooks: {
    loggedIn: openVoiceConnection,
    loggingOut: closeVoiceConnection,
    accepted,
    declined,
    agentHangUp,
    customerEnd,
    interactionView: addCallPart,
    selfView: addPhonePart,
  },
});
