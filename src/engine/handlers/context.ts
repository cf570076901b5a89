/**
 * What a command handler works with, and the steps several handlers share
 * (status changes, declines, the end of work). A handler validates first and
 * emits only once the command is known to succeed, so a refused command
 * changes nothing.
 */
import type { AnyCommand, CommandOutcome } from '../commands.js';
import type { EngineEventBody } from '../events.js';
import { fail, ok, type Result } from '../result.js';
import type { AgentState, EngineState, Interaction } from '../state.js';
import { canTransition, WORKING, type StatusCause } from '../status/transitions.js';
import { OFFER_OUTCOMES } from '../routing/offer-outcomes.js';
import type { Status } from '../tenant/schema.js';
import type { Tenant } from '../tenant/tenant.js';
import { STATUS_LABELS } from '../status/labels.js';

export interface Ctx {
  readonly state: EngineState;
  readonly tenant: Tenant;
  now(): number;
  /** Applies the event to the state at once and adds it to this command's batch. */
  emit(event: EngineEventBody): void;
  /** Live queue stats from the router (transfers warn about unstaffed queues). */
  queueStats(queueId: string): { available: number; waiting: number } | undefined;
}

export type Handler<C extends AnyCommand> = (ctx: Ctx, cmd: C) => Result<CommandOutcome>;

export const done = (): Result<CommandOutcome> => ok({});

export function findAgent(ctx: Ctx, agentId: string): Result<AgentState> {
  if (!ctx.tenant.agents.has(agentId)) return fail('NOT_FOUND', `There is no agent "${agentId}".`);
  const a = ctx.state.agents.get(agentId);
  if (!a || !a.loggedIn) return fail('INVALID_STATE', `Agent "${agentId}" is not logged in.`);
  return ok(a);
}

/** An interaction the agent holds (accepted, not ended). Another agent's work is NOT_FOUND to them. */
export function findOwnWork(ctx: Ctx, agent: AgentState, interactionId: string): Result<Interaction> {
  const i = ctx.state.interactions.get(interactionId);
  if (!i || !agent.work.has(interactionId))
    return fail('NOT_FOUND', `Interaction ${interactionId} is not one of yours in progress.`);
  return ok(i);
}

/** Changes status through the table; a refused automatic change is a bug, not a user error. */
export function transition(ctx: Ctx, agent: AgentState, to: Status, cause: StatusCause, code?: string): void {
  if (agent.status === to && cause !== 'agent') return;
  if (!canTransition(agent.status, to, cause))
    throw new Error(`status table forbids ${agent.status} → ${to} (${cause}) for ${agent.id}`);
  ctx.emit({ type: 'agent.status_changed', agentId: agent.id, from: agent.status, to, cause, code });
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

/**
 * An offer goes back to the head of its queue (never lost); the agent's
 * status follows the per-media outcome table. An agent still working on
 * chats goes to Stop New and takes the outcome status when the work ends.
 */
export function decline(ctx: Ctx, i: Interaction, agent: AgentState, reason: 'rejected' | 'timeout' | 'connection_lost'): void {
  ctx.emit({ type: 'interaction.declined', interactionId: i.id, agentId: agent.id, reason });
  // A direct call nobody answered goes to the agent's voicemail.
  if (i.directAgentId && i.media === 'inbound_phone') ctx.emit({ type: 'interaction.to_voicemail', interactionId: i.id });
  const cause: StatusCause = reason === 'rejected' ? 'reject' : 'timeout';
  const outcome = reason === 'rejected' ? OFFER_OUTCOMES.rejected[i.media] : OFFER_OUTCOMES.timeout;
  if (agent.status === 'available') transition(ctx, agent, outcome, cause);
  else if (WORKING.has(agent.status)) {
    if (agent.status === 'busy') transition(ctx, agent, 'busy_stop_new', cause);
    ctx.emit({ type: 'agent.after_work_set', agentId: agent.id, status: outcome });
  }
  // On Break / Working Offline agents reached by direct routing keep their status.
}

/** Once an agent's last interaction ends, they leave Busy (or are logged out if their connection is gone). */
export function finishWorkIfDone(ctx: Ctx, agentId: string | undefined): void {
  const agent = agentId ? ctx.state.agents.get(agentId) : undefined;
  if (!agent || agent.work.size > 0 || !WORKING.has(agent.status)) return;
  const next = agent.afterWork ?? { status: 'available' as Status, code: undefined };
  transition(ctx, agent, next.status, 'work_ended', next.code);
  if (agent.disconnectedUntil !== undefined && agent.disconnectedUntil <= ctx.now()) logOut(ctx, agent, 'connection_lost');
}

export function logOut(ctx: Ctx, agent: AgentState, reason: 'agent' | 'connection_lost'): void {
  // A persistent voice connection does not outlive the login.
  const voice = ctx.state.phone.agents.get(agent.id)?.voice;
  if (voice) ctx.emit({ type: 'phone.voice_dropped', agentId: agent.id, legId: voice.legId, reason: 'You logged out.', hangUp: true });
  transition(ctx, agent, 'logged_out', reason === 'agent' ? 'agent' : 'logout');
  ctx.emit({ type: 'agent.logged_out', agentId: agent.id, reason });
}

/** Mandatory code lists of the interaction's queue with no code chosen yet. */
export function missingMandatoryLists(ctx: Ctx, i: Interaction): string[] {
  return ctx.tenant
    .codeListsFor(i.queueId)
    .filter((l) => l.mandatory && !l.codes.some((c) => i.codes.includes(c.id)))
    .map((l) => l.name);
}

/** The wrap-up timer ran out: end, unless mandatory codes are missing (then it counts up). */
export function wrapUpDue(ctx: Ctx, i: Interaction): void {
  if (missingMandatoryLists(ctx, i).length) {
    if (!i.wrapUpOverdue) ctx.emit({ type: 'interaction.wrap_up_overdue', interactionId: i.id });
    return;
  }
  const agentId = i.agentId;
  ctx.emit({ type: 'interaction.ended', interactionId: i.id, reason: 'wrap_up_timer', agentId });
  finishWorkIfDone(ctx, agentId);
}

/** The customer side ends (either party): wrap-up starts with the queue's timer. */
export function startWrapUp(ctx: Ctx, i: Interaction, by: 'customer' | 'agent' | 'transfer'): void {
  const sec = i.queueId ? ctx.tenant.queues.get(i.queueId)!.wrapUpSec : ctx.tenant.config.directRouting.wrapUpSec;
  const wrapUpDeadline = ctx.now() + sec * 1000;
  ctx.emit({ type: 'interaction.customer_ended', interactionId: i.id, by, wrapUpDeadline });
  if (sec === 0) wrapUpDue(ctx, i);
}
