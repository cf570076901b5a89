/**
 * Outbound calls: the agent types a number (DOMAIN.md formats, checked
 * before anything is dialed) and picks an outbound phone code — the last
 * one chosen is the default next time. On-demand mode rings the agent's
 * phone first, then the destination; a persistent connection (or the
 * console itself) dials the destination at once. An agent who dials from
 * Working Offline goes back to it when the call's work ends (their status
 * after work, which they can change meanwhile).
 */
import { canDial } from '../agents/capacity.js';
import { STATUS_LABELS } from '../agents/labels.js';
import { findAgent, transition } from '../agents/steps.js';
import type { Handler } from '../kernel/module.js';
import { fail, ok } from '../kernel/result.js';
import type { CommandOf } from '../kernel/types.js';
import { startCall } from './calls.js';
import { connectAgent } from './connect.js';
import { normalizeNumber } from './numbers.js';

export const phoneDial: Handler<CommandOf<'phone_dial'>> = (ctx, cmd) => {
  const found = findAgent(ctx, cmd.agentId);
  if (!found.ok) return found;
  const agent = found.value;
  if (agent.offer) return fail('INVALID_STATE', 'An offer is waiting: accept or reject it first.');
  if (agent.work.size) return fail('CAPACITY_REACHED', 'Finish your current interactions before dialing.');
  if (!canDial(agent))
    return fail('INVALID_STATE', `You are ${STATUS_LABELS[agent.status]}: go Available or Working Offline to dial.`);
  const number = normalizeNumber(cmd.number);
  if (!number.ok) return number;
  const codes = ctx.tenant.config.outboundCodes;
  const code = cmd.code ?? ctx.state.phone.agents.get(agent.id)?.lastOutboundCode;
  if (codes.length && !code) return fail('CODE_REQUIRED', `Pick an outbound phone code: ${codes.map((c) => c.label).join(', ')}.`);
  if (code && !codes.some((c) => c.id === code)) return fail('VALIDATION', `"${code}" is not an outbound phone code.`);
  const mine = (ctx.tenant.queuesOfAgent.get(agent.id) ?? []).filter((q) => ctx.tenant.queues.get(q)!.media === 'outbound_phone');
  if (cmd.queueId && !mine.includes(cmd.queueId)) return fail('NOT_FOUND', `"${cmd.queueId}" is not one of your outbound queues.`);
  const queueId = cmd.queueId ?? mine[0];
  if (code && code !== ctx.state.phone.agents.get(agent.id)?.lastOutboundCode)
    ctx.emit({ type: 'phone.outbound_code_chosen', agentId: agent.id, code });
  const interactionId = `IX-${ctx.state.nextInteraction}`;
  ctx.emit({
    type: 'interaction.arrived',
    interactionId,
    media: 'outbound_phone',
    queueId,
    customer: { phone: number.value },
    arrivalSeq: ctx.state.nextArrival,
    detail: code ? { outboundCode: code } : undefined,
  });
  ctx.emit({ type: 'interaction.offered', interactionId, agentId: agent.id, deadline: ctx.now() });
  ctx.emit({ type: 'interaction.accepted', interactionId, agentId: agent.id });
  // Dialled from Working Offline: back there after the call, not Available with an offer at once.
  const from = { status: agent.status, code: agent.statusCode };
  transition(ctx, agent, 'busy', 'accept');
  if (from.status !== 'available') ctx.emit({ type: 'agent.after_work_set', agentId: agent.id, status: from.status, code: from.code, by: 'dial' });
  const call = startCall(ctx, ctx.state.interactions.get(interactionId)!, { state: 'connecting' });
  connectAgent(ctx, call.id, agent.id, interactionId, 'agent');
  return ok({ interactionId });
};
