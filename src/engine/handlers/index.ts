/** Command type → handler. Media modules (chat, phone, email) add their handlers here. */
import type { AnyCommand, CommandType } from '../commands.js';
import type { Handler } from './context.js';
import * as agent from './agent.js';
import * as chat from './chat.js';
import * as channel from './channel.js';
import * as offers from './offers.js';
import * as work from './work.js';
import * as phone from './phone.js';
import * as phoneTransfer from './phone-transfer.js';
import * as conference from './conference.js';
import * as phoneSwitch from './phone-switch.js';
import * as phoneProfile from './phone-profile.js';
import { phoneDial } from './phone-dial.js';
import * as notices from './notices.js';

type HandlerTable = { [T in CommandType]: Handler<Extract<AnyCommand, { type: T }>> };

export const HANDLERS: HandlerTable = {
  login: agent.login,
  logout: agent.logout,
  set_status: agent.setStatus,
  set_after_work: agent.setAfterWork,
  toggle_queue: agent.toggleQueue,
  stop_new: agent.stopNew,
  resume: agent.resume,
  connection_lost: agent.connectionLost,
  connection_restored: agent.connectionRestored,
  grace_expired: agent.graceExpired,
  accept: offers.accept,
  reject: offers.reject,
  offer_timeout: offers.offerTimeout,
  end_interaction: work.endInteraction,
  set_codes: work.setCodes,
  set_notes: work.setNotes,
  wrap_up: work.wrapUp,
  wrap_up_due: work.wrapUpTimer,
  arrive: channel.arrive,
  arrive_direct: channel.arriveDirect,
  customer_end: channel.customerEnd,
  send_chat: chat.sendChat,
  customer_chat: chat.customerChat,
  transfer_chat: chat.transferChat,
  send_agent_chat: chat.sendAgentChat,
  save_faq: chat.saveFaq,
  delete_faq: chat.deleteFaq,
  broadcast_notice: notices.broadcastNotice,
  platform_notice: notices.platformNotice,
  read_notices: notices.readNotices,
  phone_mute: phone.phoneMute,
  phone_hold: phone.phoneHold,
  phone_dtmf: phone.phoneDtmf,
  phone_record: phone.phoneRecord,
  phone_play: phone.phonePlay,
  voicemail_email: phone.voicemailEmail,
  phone_dial: phoneDial,
  phone_transfer: phoneTransfer.phoneTransfer,
  phone_complete: phoneTransfer.phoneComplete,
  phone_cancel_consult: phoneTransfer.phoneCancelConsult,
  phone_conference_add: conference.conferenceAdd,
  phone_remove: conference.conferenceRemove,
  phone_leave: conference.phoneLeave,
  phone_end_all: conference.phoneEndAll,
  phone_incoming: phoneSwitch.phoneIncoming,
  phone_leg_event: phoneSwitch.phoneLegEvent,
  phone_ring_timeout: phoneSwitch.phoneRingTimeout,
  phone_set_mode: phoneProfile.setMode,
  phone_connect_voice: phoneProfile.connectVoice,
  phone_voice_pin: phoneProfile.voicePin,
  phone_change_workplace: phoneProfile.changeWorkplace,
  phone_validate_workplace: phoneProfile.validateWorkplace,
  phone_agent_timeout: phoneProfile.agentTimeout,
};
