/**
 * Chat: messages both ways (≤ 5,000 characters), transfer to any chat queue
 * with the history carried along, agent-to-agent chat within a group, and
 * FAQ edits by permission. Typing indicators are not facts: the server
 * relays them without the engine.
 */
import type { AnyCommand } from '../commands.js';
import { effectiveFaq } from '../faq.js';
import { hasPermission } from '../permissions.js';
import { fail, ok, type Result } from '../result.js';
import type { ChatMessage, Interaction } from '../state.js';
import { FaqSchema } from '../tenant/schema.js';
import { done, findAgent, findOwnWork, startWrapUp, type Ctx, type Handler } from './context.js';

type C<T extends AnyCommand['type']> = Extract<AnyCommand, { type: T }>;

/** DOMAIN.md: a chat message is at most 5,000 characters. */
export const MAX_CHAT_MESSAGE = 5000;

function checkText(text: string): Result<string> {
  if (text.trim() === '') return fail('VALIDATION', 'The message is empty.');
  if (text.length > MAX_CHAT_MESSAGE)
    return fail('VALIDATION', `A message is at most ${MAX_CHAT_MESSAGE} characters (this one has ${text.length}).`);
  return ok(text);
}

function message(ctx: Ctx, from: ChatMessage['from'], text: string, agentId?: string): ChatMessage {
  return { id: `M-${ctx.state.nextMessage}`, from, text, ts: ctx.now(), ...(agentId ? { agentId } : {}) };
}

/** A resume key is a hash in base64url (SHA-256: 43 characters), never a customer's token. */
const RESUME_KEY = /^[A-Za-z0-9_-]{32,128}$/;

/** Checks a chat arrival's resume key before anything is emitted: well-formed and not already in use. */
export function checkResumeKey(ctx: Ctx, resumeKey: string): Result<string> {
  if (typeof resumeKey !== 'string' || !RESUME_KEY.test(resumeKey)) return fail('VALIDATION', 'resumeKey: a hash in base64url (32–128 characters).');
  for (const c of ctx.state.conversations.values()) if (c.resumeKey === resumeKey) return fail('VALIDATION', 'resumeKey: already in use.');
  return ok(resumeKey);
}

/** Records the resume key on a conversation just opened by `interaction.arrived`. */
export function setResumeKey(ctx: Ctx, interactionId: string, conversationId: string, resumeKey: string): void {
  ctx.emit({ type: 'chat.resume_key_set', interactionId, conversationId, resumeKey });
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

export const sendChat: Handler<C<'send_chat'>> = (ctx, cmd) => {
  const chat = openChat(ctx, cmd.agentId, cmd.interactionId);
  if (!chat.ok) return chat;
  const text = checkText(cmd.text);
  if (!text.ok) return text;
  const conversationId = chat.value.conversationId!;
  ctx.emit({ type: 'chat.message', interactionId: chat.value.id, conversationId, message: message(ctx, 'agent', cmd.text, cmd.agentId) });
  return done();
};

export const customerChat: Handler<C<'customer_chat'>> = (ctx, cmd) => {
  const conversation = ctx.state.conversations.get(cmd.conversationId);
  if (!conversation || conversation.customerLeft) return fail('NOT_FOUND', 'This chat has ended.');
  const i = ctx.state.interactions.get(conversation.interactionId);
  if (!i || i.phase === 'wrapup' || i.phase === 'ended') return fail('INVALID_STATE', 'This chat has ended.');
  const text = checkText(cmd.text);
  if (!text.ok) return text;
  ctx.emit({ type: 'chat.message', interactionId: i.id, conversationId: conversation.id, message: message(ctx, 'customer', cmd.text) });
  return done();
};

/**
 * The chat ends on this agent's side (they wrap up as usual) and a new
 * interaction carrying the same conversation waits in the target queue.
 */
export const transferChat: Handler<C<'transfer_chat'>> = (ctx, cmd) => {
  const chat = openChat(ctx, cmd.agentId, cmd.interactionId);
  if (!chat.ok) return chat;
  const target = ctx.tenant.queues.get(cmd.queueId);
  if (!target || target.media !== 'chat') return fail('NOT_FOUND', `There is no chat queue "${cmd.queueId}".`);
  const agentConfig = ctx.tenant.agents.get(cmd.agentId)!;
  const staffed = (ctx.queueStats(target.id)?.available ?? 0) > 0;
  if (!staffed && !cmd.force && !hasPermission(agentConfig, 'transferToUnstaffedQueues'))
    return fail('UNSTAFFED', `Nobody is available in ${target.name} right now: the customer will wait there. Transfer anyway?`);
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

export const sendAgentChat: Handler<C<'send_agent_chat'>> = (ctx, cmd) => {
  const from = findAgent(ctx, cmd.agentId);
  if (!from.ok) return from;
  if (!ctx.tenant.agents.has(cmd.to)) return fail('NOT_FOUND', `There is no agent "${cmd.to}".`);
  if (!ctx.tenant.canChat(cmd.agentId, cmd.to))
    return fail('NOT_PERMITTED', 'You can chat with agents of your own group, and supervisors with the groups they supervise.');
  const text = checkText(cmd.text);
  if (!text.ok) return text;
  ctx.emit({ type: 'agent_chat.message', agentId: cmd.agentId, to: cmd.to, message: message(ctx, 'agent', cmd.text, cmd.agentId) });
  return done();
};

export const saveFaq: Handler<C<'save_faq'>> = (ctx, cmd) => {
  const agent = findAgent(ctx, cmd.agentId);
  if (!agent.ok) return agent;
  if (!hasPermission(ctx.tenant.agents.get(cmd.agentId)!, 'editFaq')) return fail('NOT_PERMITTED', 'You do not have the permission to edit the FAQ.');
  const parsed = FaqSchema.safeParse(cmd.entry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail('VALIDATION', `${issue.path.join('.') || 'entry'}: ${issue.message}`);
  }
  const entry = parsed.data;
  const clash = entry.shortcut && effectiveFaq(ctx.tenant, ctx.state).find((f) => f.id !== entry.id && f.shortcut?.toLowerCase() === entry.shortcut!.toLowerCase());
  if (clash) return fail('VALIDATION', `The shortcut ${entry.shortcut} is already used by "${clash.title}".`);
  ctx.emit({ type: 'faq.saved', agentId: cmd.agentId, entry });
  return done();
};

export const deleteFaq: Handler<C<'delete_faq'>> = (ctx, cmd) => {
  const agent = findAgent(ctx, cmd.agentId);
  if (!agent.ok) return agent;
  if (!hasPermission(ctx.tenant.agents.get(cmd.agentId)!, 'editFaq')) return fail('NOT_PERMITTED', 'You do not have the permission to edit the FAQ.');
  if (!effectiveFaq(ctx.tenant, ctx.state).some((f) => f.id === cmd.faqId)) return fail('NOT_FOUND', `There is no FAQ entry "${cmd.faqId}".`);
  ctx.emit({ type: 'faq.deleted', agentId: cmd.agentId, faqId: cmd.faqId });
  return done();
};
