/**
 * Tasks: an agent notes something to do (for themselves or a colleague),
 * with a due date, about a case or a customer; the assignee, the creator or
 * a supervisor of the assignee's group updates it.
 */
import type { Ctx, Handler } from '../../kernel/module.js';
import { fail, invalid, ok, type Result } from '../../kernel/result.js';
import type { CommandOf } from '../../kernel/types.js';
import type { TaskChanges } from '../events.js';
import { checkBody, checkDue, LIMITS } from '../fields.js';
import type { TaskRecord } from '../records.js';
import { actor, findCase, findCustomer, nextTaskId } from '../steps.js';

function checkAssignee(ctx: Ctx, assigneeId: string): Result<string> {
  return ctx.tenant.agents.has(assigneeId) ? ok(assigneeId) : invalid('assigneeId', `there is no agent "${assigneeId}".`);
}

/** The assignee, the creator, or a supervisor of the assignee's group. */
function mayChange(ctx: Ctx, agentId: string, t: TaskRecord): boolean {
  if (agentId === t.assigneeId || agentId === t.createdBy) return true;
  const me = ctx.tenant.agents.get(agentId)!;
  const group = ctx.tenant.agents.get(t.assigneeId)?.group;
  return me.role === 'supervisor' && group !== undefined && ctx.tenant.visibleGroups(agentId).has(group);
}

export const createTask: Handler<CommandOf<'crm_create_task'>> = (ctx, cmd) => {
  const by = actor(ctx, cmd.agentId, 'crmEdit');
  if (!by.ok) return by;
  const text = checkBody('text', cmd.text, LIMITS.task);
  if (!text.ok) return text;
  const due = cmd.due === undefined ? undefined : checkDue(cmd.due);
  if (due && !due.ok) return due;
  const assignee = checkAssignee(ctx, cmd.assigneeId ?? cmd.agentId);
  if (!assignee.ok) return assignee;
  const kase = cmd.caseId === undefined ? undefined : findCase(ctx, cmd.caseId);
  if (kase && !kase.ok) return kase;
  const customer = cmd.customerId === undefined ? undefined : findCustomer(ctx, cmd.customerId);
  if (customer && !customer.ok) return customer;
  const customerId = customer?.value.id ?? kase?.value.customerId;
  const now = ctx.now();
  const task: TaskRecord = {
    id: nextTaskId(ctx),
    text: text.value,
    assigneeId: assignee.value,
    ...(due ? { due: due.value } : {}),
    done: false,
    ...(kase ? { caseId: kase.value.id } : {}),
    ...(customerId ? { customerId } : {}),
    createdBy: cmd.agentId,
    createdAt: now,
    updatedAt: now,
  };
  ctx.emit({ type: 'crm.task_created', task, by: cmd.agentId });
  return ok({ taskId: task.id });
};

export const updateTask: Handler<CommandOf<'crm_update_task'>> = (ctx, cmd) => {
  const by = actor(ctx, cmd.agentId, 'crmEdit');
  if (!by.ok) return by;
  const t = typeof cmd.taskId === 'string' ? ctx.records.crm.task(cmd.taskId) : undefined;
  if (!t) return fail('NOT_FOUND', `There is no task ${String(cmd.taskId)}.`);
  if (!mayChange(ctx, cmd.agentId, t)) return fail('NOT_PERMITTED', `Only ${t.assigneeId}, who created it, or their supervisor can change ${t.id}.`);
  const changes: TaskChanges = {};
  if (cmd.text !== undefined) {
    const text = checkBody('text', cmd.text, LIMITS.task);
    if (!text.ok) return text;
    changes.text = text.value;
  }
  if (cmd.due === null) changes.due = null;
  else if (cmd.due !== undefined) {
    const due = checkDue(cmd.due);
    if (!due.ok) return due;
    changes.due = due.value;
  }
  if (cmd.done !== undefined) changes.done = !!cmd.done;
  if (cmd.assigneeId !== undefined) {
    const assignee = checkAssignee(ctx, cmd.assigneeId);
    if (!assignee.ok) return assignee;
    changes.assigneeId = assignee.value;
  }
  if (Object.keys(changes).length) ctx.emit({ type: 'crm.task_updated', taskId: t.id, changes, by: cmd.agentId });
  return ok({ taskId: t.id });
};
