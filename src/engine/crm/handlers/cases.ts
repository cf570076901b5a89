/** Cases and their follow-ups, and linking an interaction to the record its log goes to. */
import type { Handler } from '../../kernel/module.js';
import { fail, invalid, ok } from '../../kernel/result.js';
import type { CommandOf } from '../../kernel/types.js';
import type { CaseChanges } from '../events.js';
import { checkBody, checkSubject, LIMITS } from '../fields.js';
import { CASE_STATUSES, FOLLOW_UP_CHANNELS, FOLLOW_UP_DIRECTIONS } from '../records.js';
import { actor, findCase, findCustomer, nextCaseId, nextFollowUpId, ownInteraction } from '../steps.js';

export const openCase: Handler<CommandOf<'crm_open_case'>> = (ctx, cmd) => {
  const by = actor(ctx, cmd.agentId, 'crmEdit');
  if (!by.ok) return by;
  const subject = checkSubject(cmd.subject);
  if (!subject.ok) return subject;
  const customer = cmd.customerId === undefined ? undefined : findCustomer(ctx, cmd.customerId);
  if (customer && !customer.ok) return customer;
  const interaction = cmd.interactionId ? ownInteraction(ctx, cmd.agentId, cmd.interactionId) : undefined;
  if (interaction && !interaction.ok) return interaction;
  const caseId = nextCaseId(ctx);
  ctx.emit({
    type: 'crm.case_opened',
    caseId,
    ...(customer ? { customerId: customer.value.id } : {}),
    subject: subject.value,
    ownerId: cmd.agentId,
    by: cmd.agentId,
    ...(cmd.interactionId ? { forInteraction: cmd.interactionId } : {}),
  });
  return ok({ caseId });
};

export const updateCase: Handler<CommandOf<'crm_update_case'>> = (ctx, cmd) => {
  const by = actor(ctx, cmd.agentId, 'crmEdit');
  if (!by.ok) return by;
  const found = findCase(ctx, cmd.caseId);
  if (!found.ok) return found;
  const k = found.value;
  const changes: CaseChanges = {};
  if (cmd.subject !== undefined) {
    const subject = checkSubject(cmd.subject);
    if (!subject.ok) return subject;
    if (subject.value !== k.subject) changes.subject = subject.value;
  }
  if (cmd.status !== undefined) {
    if (!CASE_STATUSES.includes(cmd.status)) return invalid('status', `is open or closed, not "${String(cmd.status)}".`);
    if (cmd.status !== k.status) changes.status = cmd.status;
  }
  if (cmd.customerId === null) {
    if (k.customerId) changes.customerId = null;
  } else if (cmd.customerId !== undefined) {
    const customer = findCustomer(ctx, cmd.customerId);
    if (!customer.ok) return customer;
    if (customer.value.id !== k.customerId) changes.customerId = customer.value.id;
  }
  if (Object.keys(changes).length) ctx.emit({ type: 'crm.case_updated', caseId: k.id, changes, by: cmd.agentId });
  return ok({ caseId: k.id });
};

export const addFollowUp: Handler<CommandOf<'crm_add_follow_up'>> = (ctx, cmd) => {
  const by = actor(ctx, cmd.agentId, 'crmEdit');
  if (!by.ok) return by;
  const found = findCase(ctx, cmd.caseId);
  if (!found.ok) return found;
  const text = checkBody('text', cmd.text, LIMITS.followUp);
  if (!text.ok) return text;
  const channel = cmd.channel ?? 'note';
  const direction = cmd.direction ?? 'internal';
  if (!FOLLOW_UP_CHANNELS.includes(channel)) return invalid('channel', `is one of ${FOLLOW_UP_CHANNELS.join(', ')}.`);
  if (!FOLLOW_UP_DIRECTIONS.includes(direction)) return invalid('direction', `is one of ${FOLLOW_UP_DIRECTIONS.join(', ')}.`);
  const followUp = { id: nextFollowUpId(ctx), caseId: found.value.id, channel, direction, text: text.value, agentId: cmd.agentId, at: ctx.now() };
  ctx.emit({ type: 'crm.follow_up_added', followUp, by: cmd.agentId });
  return ok({ caseId: found.value.id });
};

/**
 * The agent says whose interaction this is: one customer among several matches, or a case (its
 * customer comes with it). Its log goes there when it ends.
 */
export const linkInteraction: Handler<CommandOf<'crm_link'>> = (ctx, cmd) => {
  const by = actor(ctx, cmd.agentId);
  if (!by.ok) return by;
  const own = ownInteraction(ctx, cmd.agentId, cmd.interactionId);
  if (!own.ok) return own;
  if (cmd.customerId === undefined && cmd.caseId === undefined) return invalid('customerId', 'name a customer or a case.');
  const kase = cmd.caseId === undefined ? undefined : findCase(ctx, cmd.caseId);
  if (kase && !kase.ok) return kase;
  const customer = cmd.customerId === undefined ? undefined : findCustomer(ctx, cmd.customerId);
  if (customer && !customer.ok) return customer;
  const customerId = customer?.value.id ?? kase?.value.customerId;
  if (kase?.value.customerId && customerId !== kase.value.customerId)
    return fail('VALIDATION', `${kase.value.id} is another customer's case.`);
  ctx.emit({
    type: 'crm.interaction_linked',
    interactionId: own.value.id,
    ...(customerId ? { customerId } : {}),
    ...(kase ? { caseId: kase.value.id } : {}),
    by: cmd.agentId,
  });
  return ok({ ...(customerId ? { customerId } : {}), ...(kase ? { caseId: kase.value.id } : {}) });
};
