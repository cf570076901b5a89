/**
 * Wire commands → engine commands, grouped like the engine's modules (one
 * file each) and assembled here. The acting agent is always the session's
 * agent (a client cannot act as someone else), and permissions are checked
 * here at the door as well as in the engine.
 */
import type { ClientMessageType } from '../../protocol/index.js';
import { AGENT_WIRE_COMMANDS } from './agents.js';
import { CHAT_WIRE_COMMANDS } from './chat.js';
import { CRM_WIRE_COMMANDS } from './crm.js';
import { NOTICE_WIRE_COMMANDS } from './notices.js';
import { PHONE_WIRE_COMMANDS } from './phone.js';
import type { CommandRules, WireCommand } from './rule.js';
import { WORK_WIRE_COMMANDS } from './work.js';

export type { CommandRule, WireCommand } from './rule.js';

export const WIRE_COMMANDS: CommandRules<WireCommand> = {
  ...AGENT_WIRE_COMMANDS,
  ...WORK_WIRE_COMMANDS,
  ...CHAT_WIRE_COMMANDS,
  ...NOTICE_WIRE_COMMANDS,
  ...PHONE_WIRE_COMMANDS,
  ...CRM_WIRE_COMMANDS,
};

export function isWireCommand(type: ClientMessageType): type is WireCommand {
  return Object.hasOwn(WIRE_COMMANDS, type);
}
