/**
 * Which commands use which of the console's tools, and the refusal when the
 * agent's status turns that tool off (the table is TOOLS_OFF, beside the
 * status table in transitions.ts). Checked once for every command, before
 * its handler, so no handler can forget it.
 */
import type { Ctx } from '../kernel/module.js';
import { fail, type Result } from '../kernel/result.js';
import type { AnyCommand, CommandOutcome, CommandType } from '../kernel/types.js';
import { toolOffReason, type Tool } from './transitions.js';

const TOOL_OF: Readonly<Partial<Record<CommandType, Tool>>> = {
  send_agent_chat: 'agent_chat',
  phone_dial: 'dial',
  broadcast_notice: 'notices',
  save_faq: 'faq_edit',
  delete_faq: 'faq_edit',
};

/** The refusal for a command whose tool the agent's status turns off; undefined when it may run. */
export function toolRefusal(ctx: Ctx, cmd: AnyCommand): Result<CommandOutcome> | undefined {
  const tool = TOOL_OF[cmd.type];
  if (!tool || !('agentId' in cmd) || typeof cmd.agentId !== 'string') return undefined;
  const status = ctx.state.agents.get(cmd.agentId)?.status;
  const reason = status && toolOffReason(status, tool);
  return reason ? fail('DISABLED_IN_STATUS', reason) : undefined;
}
