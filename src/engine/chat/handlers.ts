/**
 * Chat: messages both ways (≤ 5,000 characters), transfer to any chat queue
 * with the history carried along, and agent-to-agent chat within a group.
 * Typing indicators are not facts: the server relays them without the engine.
 */
import { hasPermission } from '../agents/permissions.js';
import { findAgent } from '../agents/steps.js';
import { done, type Ctx, type Handler } from '../kernel/module.js';
import { fail, ok, type Result } from '../kernel/result.js';
import type { CommandOf } from '../kernel/types.js';
import type { Interaction } from '../work/state.js';
import { findOwnWork, startWrapUp } from '../work/steps.js';
import { loggedOutChatReason, MAX_CHAT_MESSAGE, type ChatMessage } from './state.js';

function checkText(text: string): Result<string> {
  if (text.trim() === '') return fail('VALIDATION', 'The message is empty.');
  if (text.length > MAX_CHAT_MESSAGE)
    return fail('VALIDATION', `A message is at most ${MAX_CHAT_MESSAGE} characters (this one has ${text.length}).`);
  return ok(text);
}

function message(ctx: Ctx, from: ChatMessage['from'], text: string, agentId?: string): ChatMessage {
  return { id: `M-${ctx.state.nextMessage}`, from, text, ts: ctx.now(), ...(agentId ? { agentId } : {}) };
}

/** The agent's own chat, still open on the customer side. */
function openChat(ctx: Ctx, agentId: string, interactionId: string): Result<Interaction> {
  const agent = findAgent(ctx, agentId);
  if (!agent.ok) return agent;
  const found = findOwnWork(ctx, agent.value, interactionId);
  if (!found.ok) return found;
  const i = found.value;
  if (i.media !== 'chat' || !i.conversationId) return fail('INVALID_STATE', `${i.id} is not a chat.`);
  if (i.phase !== 'active') return fail('INVALID_STATE', 'This chat has ended.');
  return ok(i);
}

export const sendChat: Handler<CommandOf<'send_chat'>> = (ctx, cmd) => {
  const chat = openChat(ctx, cmd.agentId, cmd.interactionId);
  if (!chat.ok) return chat;
  const text = checkText(cmd.text);
  if (!text.ok) return text;
  const conversationId = chat.value.conversationId!;
  ctx.emit({ type: 'chat.message', interactionId: chat.value.id, conversationId, message: message(ctx, 'agent', cmd.text, cmd.agentId) });
  return done();
};

export const customerChat: Handler<CommandOf<'customer_chat'>> = (ctx, cmd) => {
  const conversation = ctx.state.conversations.get(cmd.conversationId);
  if (!conversation || conversation.customerLeft) return fail('NOT_FOUND', 'This chat has ended.');
  const i = ctx.state.interactions.get(conversation.interactionId);
  if (!i || i.phase === 'wrapup' || i.phase === 'ended') return fail('INVALID_STATE', 'This chat has ended.');
  const text = checkText(cmd.text);
  if (!text.ok) return text;
  const line = message(ctx, 'customer', cmd.text);
  if (cmd.clientId) line.clientId = cmd.clientId;
  ctx.emit({ type: 'chat.message', interactionId: i.id, conversationId: conversation.id, message: line });
  return ok({ messageId: line.id });
};

/** The customer's connection dropped or is back: recorded only when it changes, and only while the conversation lives. */
export const customerAwayCommand: Handler<CommandOf<'customer_away'>> = (ctx, cmd) => {
  const conversation = ctx.state.conversations.get(cmd.conversationId);
  if (!conversation || conversation.customerLeft) return fail('NOT_FOUND', 'This chat has ended.');
  if (!!conversation.customerAway !== cmd.away)
    ctx.emit({ type: 'chat.customer_away', interactionId: conversation.interactionId, conversationId: conversation.id, away: cmd.away });
  return done();
};

/** Hook: a chat whose customer's connection is gone. */
export function customerAway(state: Ctx['state'], i: Interaction): boolean {
  return !!(i.conversationId && state.conversations.get(i.conversationId)?.customerAway);
}

/**
 * The chat ends on this agent's side (they wrap up as usual) and a new
 * interaction carrying the same conversation waits in the target queue.
 */
export const transferChat: Handler<CommandOf<'transfer_chat'>> = (ctx, cmd) => {
  const chat = openChat(ctx, cmd.agentId, cmd.interactionId);
  if (!chat.ok) return chat;
  const target = ctx.tenant.queues.get(cmd.queueId);
  if (!target || target.media !== 'chat') return fail('NOT_FOUND', `There is no chat queue "${cmd.queueId}".`);
  const agentConfig = ctx.tenant.agents.get(cmd.agentId)!;
  const staffed = (ctx.queueStats(target.id, cmd.agentId)?.others ?? 0) > 0;
  if (!staffed && !cmd.force && !hasPermission(agentConfig, 'transferToUnstaffedQueues'))
    return fail('UNSTAFFED', `Nobody else is available in ${target.name} right now (a chat you transfer never comes back to you): the customer will wait there. Transfer anyway?`);
  const i = chat.value;
  const conversationId = i.conversationId!;
  const newInteractionId = `IX-${ctx.state.nextInteraction}`;
  ctx.emit({ type: 'chat.transferred', interactionId: i.id, conversationId, agentId: cmd.agentId, toQueueId: target.id, newInteractionId });
  const notice = `${agentConfig.displayName} transferred this chat to ${target.name}.`;
  ctx.emit({ type: 'chat.message', interactionId: i.id, conversationId, message: message(ctx, 'system', notice) });
  ctx.emit({
    type: 'interaction.arrived',
    interactionId: newInteractionId,
    media: 'chat',
    queueId: target.id,
    customer: i.customer,
    arrivalSeq: ctx.state.nextArrival,
    conversationId,
    transferredFrom: { agentId: cmd.agentId, interactionId: i.id, queueId: i.queueId },
  });
  startWrapUp(ctx, i, 'transfer');
  return ok({ interactionId: newInteractionId });
};

export const sendAgentChat: Handler<CommandOf<'send_agent_chat'>> = (ctx, cmd) => {
  const from = findAgent(ctx, cmd.agentId);
  if (!from.ok) return from;
  if (!ctx.tenant.agents.has(cmd.to)) return fail('NOT_FOUND', `There is no agent "${cmd.to}".`);
  if (!ctx.tenant.canChat(cmd.agentId, cmd.to))
    return fail('NOT_PERMITTED', 'You can chat with agents of your own group, and supervisors with the groups they supervise.');
  if (!ctx.state.agents.get(cmd.to)?.loggedIn) return fail('INVALID_STATE', loggedOutChatReason(ctx.tenant.agents.get(cmd.to)!.displayName));
  const text = checkText(cmd.text);
  if (!text.ok) return text;
  ctx.emit({ type: 'agent_chat.message', agentId: cmd.agentId, to: cmd.to, message: message(ctx, 'agent', cmd.text, cmd.agentId) });
  return done();
};
