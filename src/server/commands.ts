/**
 * Wire commands → engine commands. The acting agent is always the session's
 * agent (a client cannot act as someone else), and permissions are checked
 * here at the door as well as in the engine.
 */
import type { AgentCommand, Permission } from '../engine/index.js';
import type { ClientData, ClientMessageType } from '../protocol/index.js';
import { PHONE_WIRE_COMMANDS } from './phone-commands.js';
import type { WireQuery } from './queries.js';

type SessionMessage = 'hello' | 'login' | 'resume' | 'ping' | 'pong' | 'logout';
/** Answered by the server from read models (see queries.ts), or relayed (typing). */
type NotEngineCommand = WireQuery | 'typing';
export type WireCommand = Exclude<ClientMessageType, SessionMessage | NotEngineCommand>;

export interface CommandRule<T extends WireCommand> {
  /** A permission the agent must hold, checked before the engine sees the command. */
  permission?: Permission;
  toEngine(agentId: string, data: ClientData<T>): AgentCommand;
}

export const WIRE_COMMANDS: { [T in WireCommand]: CommandRule<T> } = {
  set_status: { toEngine: (agentId, d) => ({ type: 'set_status', agentId, status: d.status, code: d.code }) },
  set_after_work: { toEngine: (agentId, d) => ({ type: 'set_after_work', agentId, status: d.status, code: d.code }) },
  toggle_queue: { toEngine: (agentId, d) => ({ type: 'toggle_queue', agentId, queueId: d.queueId, enabled: d.enabled }) },
  accept: { toEngine: (agentId, d) => ({ type: 'accept', agentId, interactionId: d.interactionId }) },
  reject: { permission: 'rejectOffers', toEngine: (agentId, d) => ({ type: 'reject', agentId, interactionId: d.interactionId }) },
  stop_new: { toEngine: (agentId) => ({ type: 'stop_new', agentId }) },
  resume_offers: { toEngine: (agentId) => ({ type: 'resume', agentId }) },
  end_interaction: { toEngine: (agentId, d) => ({ type: 'end_interaction', agentId, interactionId: d.interactionId }) },
  set_codes: { toEngine: (agentId, d) => ({ type: 'set_codes', agentId, interactionId: d.interactionId, codes: d.codes }) },
  set_notes: { toEngine: (agentId, d) => ({ type: 'set_notes', agentId, interactionId: d.interactionId, notes: d.notes }) },
  wrap_up: { toEngine: (agentId, d) => ({ type: 'wrap_up', agentId, interactionId: d.interactionId }) },
  send_chat: { toEngine: (agentId, d) => ({ type: 'send_chat', agentId, interactionId: d.interactionId, text: d.text }) },
  transfer_chat: {
    toEngine: (agentId, d) => ({ type: 'transfer_chat', agentId, interactionId: d.interactionId, queueId: d.queueId, force: d.force }),
  },
  send_agent_chat: { toEngine: (agentId, d) => ({ type: 'send_agent_chat', agentId, to: d.to, text: d.text }) },
  save_faq: { permission: 'editFaq', toEngine: (agentId, d) => ({ type: 'save_faq', agentId, entry: d.entry }) },
  delete_faq: { permission: 'editFaq', toEngine: (agentId, d) => ({ type: 'delete_faq', agentId, faqId: d.faqId }) },
  broadcast_notice: { toEngine: (agentId, d) => ({ type: 'broadcast_notice', agentId, text: d.text, priority: d.priority, groups: d.groups }) },
  read_notices: { toEngine: (agentId, d) => ({ type: 'read_notices', agentId, noticeIds: d.noticeIds }) },
  ...PHONE_WIRE_COMMANDS,
};

export function isWireCommand(type: ClientMessageType): type is WireCommand {
  return Object.hasOwn(WIRE_COMMANDS, type);
}
