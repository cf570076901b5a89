/**
 * Steps other handlers share about an agent: finding them logged in, status
 * changes through the table, status codes, logging out.
 */
import type { Ctx } from '../kernel/module.js';
import { fail, ok, type Result } from '../kernel/result.js';
import type { Status } from '../tenant/schema.js';
import { STATUS_LABELS } from './labels.js';
import type { AgentState } from './state.js';
import { canTransition, type AfterWorkBy, type OfferRef, type StatusCause } from './transitions.js';

export function findAgent(ctx: Ctx, agentId: string): Result<AgentState> {
  if (!ctx.tenant.agents.has(agentId)) return fail('NOT_FOUND', `There is no agent "${agentId}".`);
  const a = ctx.state.agents.get(agentId);
  if (!a || !a.loggedIn) return fail('INVALID_STATE', `Agent "${agentId}" is not logged in.`);
  return ok(a);
}

/** Changes status through the table; a refused automatic change is a bug, not a user error. */
export function transition(
  ctx: Ctx, agent: AgentState, to: Status, cause: StatusCause, code?: string, why: { by?: AfterWorkBy; offer?: OfferRef } = {},
): void {
  if (agent.status === to && cause !== 'agent') return;
  if (!canTransition(agent.status, to, cause))
    throw new Error(`status table forbids ${agent.status} → ${to} (${cause}) for ${agent.id}`);
  ctx.emit({ type: 'agent.status_changed', agentId: agent.id, from: agent.status, to, cause, code, ...why });
}

/** Checks a status code against the tenant's list for that status. */
export function checkStatusCode(ctx: Ctx, status: Status, code: string | undefined): Result<void> {
  const codes = ctx.tenant.config.statusCodes[status];
  if (!codes) {
    if (code) return fail('VALIDATION', `${STATUS_LABELS[status]} takes no status code.`);
    return ok(undefined);
  }
  if (!code)
    return fail('CODE_REQUIRED', `Pick a reason for ${STATUS_LABELS[status]}: ${codes.map((c) => c.label).join(', ')}.`);
  if (!codes.some((c) => c.id === code))
    return fail('VALIDATION', `"${code}" is not a status code for ${STATUS_LABELS[status]}.`);
  return ok(undefined);
}

export function logOut(ctx: Ctx, agent: AgentState, reason: 'agent' | 'connection_lost'): void {
  for (const hook of ctx.hooks.loggingOut) hook(ctx, agent);
  transition(ctx, agent, 'logged_out', reason === 'agent' ? 'agent' : 'logout');
  ctx.emit({ type: 'agent.logged_out', agentId: agent.id, reason });
}
