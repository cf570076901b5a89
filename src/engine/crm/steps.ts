/**
 * Steps the CRM handlers share: who is acting (and may they), finding the
 * records a command names (merged customers followed), numbering new ones.
 */
import { hasPermission, PERMISSION_LABELS, type Permission } from '../agents/permissions.js';
import type { Ctx } from '../kernel/module.js';
import { fail, invalid, ok, type Result } from '../kernel/result.js';
import type { Interaction } from '../work/state.js';
import { findOwnWork } from '../work/steps.js';
import { CASE_PREFIX, CUSTOMER_PREFIX, FOLLOW_UP_PREFIX, recordNumber, TASK_PREFIX, type CaseRecord, type CustomerRecord } from './records.js';

/**
 * The acting agent, holding `permission` if one is needed. Records need no login: a script's
 * secondary session (an import, an export) acts for an agent who is not at their console.
 */
export function actor(ctx: Ctx, agentId: string, permission?: Permission): Result<string> {
  const agent = ctx.tenant.agents.get(agentId);
  if (!agent) return fail('NOT_FOUND', `There is no agent "${agentId}".`);
  if (permission && !hasPermission(agent, permission))
    return fail('NOT_PERMITTED', `You do not have the permission to ${PERMISSION_LABELS[permission]}.`);
  return ok(agentId);
}

export function findCustomer(ctx: Ctx, customerId: unknown, field = 'customerId'): Result<CustomerRecord> {
  if (typeof customerId !== 'string' || customerId === '') return invalid(field, 'name a customer.');
  const c = ctx.records.crm.customer(customerId);
  return c ? ok(c) : fail('NOT_FOUND', `There is no customer ${customerId}.`);
}

export function findCase(ctx: Ctx, caseId: unknown): Result<CaseRecord> {
  if (typeof caseId !== 'string' || caseId === '') return invalid('caseId', 'name a case.');
  const k = ctx.records.crm.caseRecord(caseId);
  return k ? ok(k) : fail('NOT_FOUND', `There is no case ${caseId}.`);
}

/** An interaction the agent holds (active or in wrap-up). */
export function ownInteraction(ctx: Ctx, agentId: string, interactionId: string): Result<Interaction> {
  const agent = ctx.state.agents.get(agentId);
  return agent ? findOwnWork(ctx, agent, interactionId) : fail('NOT_FOUND', `Interaction ${interactionId} is not one of yours in progress.`);
}

export const nextCustomerId = (ctx: Ctx): string => recordNumber(CUSTOMER_PREFIX, ctx.state.crm.next.customer);
export const nextCaseId = (ctx: Ctx): string => recordNumber(CASE_PREFIX, ctx.state.crm.next.case);
export const nextTaskId = (ctx: Ctx): string => recordNumber(TASK_PREFIX, ctx.state.crm.next.task);
export const nextFollowUpId = (ctx: Ctx): string => `${FOLLOW_UP_PREFIX}-${ctx.state.crm.next.followUp}`;

/** "Same email or phone as Olivia Brown (CUS-000012)" — and the records, for a merge. */
export function duplicateOf(found: { id: string; name: string }[], what = 'This customer'): Result<never> {
  const names = found.slice(0, 3).map((d) => `${d.name} (${d.id})`).join(', ');
  return {
    ok: false,
    error: {
      code: 'DUPLICATE',
      message: `${what} has the same email or phone as ${names}${found.length > 3 ? ` and ${found.length - 3} more` : ''}: merge into it, or confirm to keep both.`,
      duplicates: found.map((d) => ({ id: d.id, name: d.name })),
    },
  };
}

