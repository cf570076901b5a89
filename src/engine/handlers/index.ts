/** Command type → handler. Media modules (chat, phone, email) add their handlers here. */
import type { AnyCommand, CommandType } from '../commands.js';
import type { Handler } from './context.js';
import * as agent from './agent.js';
import * as chat from './chat.js';
import * as channel from './channel.js';
import * as offers from './offers.js';
import * as work from './work.js';

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
};
