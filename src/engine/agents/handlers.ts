/** Agent presence: login, logout, status, status after work, queues, Stop New. */
import { chatLoad } from './capacity.js';
import { done, type Handler } from '../kernel/module.js';
import { fail } from '../kernel/result.js';
import type { CommandOf } from '../kernel/types.js';
import { STATUS_LABELS } from './labels.js';
import { checkStatusCode, findAgent, logOut, transition } from './steps.js';
import { canTransition, manualTargets, WORKING } from './transitions.js';

/** A session key is a hash in base64url (SHA-256: 43 characters), never the token itself. */
const SESSION_KEY = /^[A-Za-z0-9_-]{32,128}$/;

export const login: Handler<CommandOf<'login'>> = (ctx, cmd) => {
  if (!ctx.tenant.agents.has(cmd.agentId)) return fail('NOT_FOUND', `There is no agent "${cmd.agentId}".`);
  if (cmd.sessionKey !== undefined && !SESSION_KEY.test(cmd.sessionKey)) return fail('VALIDATION', 'sessionKey: a hash in base64url (32–128 characters).');
  const a = ctx.state.agents.get(cmd.agentId);
  if (a?.loggedIn) {
    // A second login (new console, or back within the grace period) keeps everything.
    if (a.disconnectedUntil !== undefined) ctx.emit({ type: 'agent.reconnected', agentId: a.id });
  } else {
    ctx.emit({ type: 'agent.logged_in', agentId: cmd.agentId });
    transition(ctx, ctx.state.agents.get(cmd.agentId)!, 'on_break', 'login');
    for (const hook of ctx.hooks.loggedIn) hook(ctx, cmd.agentId);
  }
  if (cmd.sessionKey) ctx.emit({ type: 'agent.session_started', agentId: cmd.agentId, sessionKey: cmd.sessionKey });
  return done();
};

export const logout: Handler<CommandOf<'logout'>> = (ctx, cmd) => {
  const found = findAgent(ctx, cmd.agentId);
  if (!found.ok) return found;
  const a = found.value;
  if (a.work.size > 0) return fail('INVALID_STATE', 'Finish your interactions before logging out.');
  if (a.offer) return fail('INVALID_STATE', 'An offer is waiting: accept or reject it first.');
  logOut(ctx, a, 'agent');
  return done();
};

export const setStatus: Handler<CommandOf<'set_status'>> = (ctx, cmd) => {
  const found = findAgent(ctx, cmd.agentId);
  if (!found.ok) return found;
  const a = found.value;
  if (cmd.status === 'logged_out') return logout(ctx, { type: 'logout', agentId: a.id });
  if (WORKING.has(a.status))
    return fail('INVALID_TRANSITION', 'You are busy: your status changes when your work ends (set your status after work instead).');
  if (a.status === cmd.status && a.statusCode === cmd.code) return done();
  if (a.status !== cmd.status && !canTransition(a.status, cmd.status, 'agent')) {
    const allowed = manualTargets(a.status).map((s) => STATUS_LABELS[s]).join(', ');
    return fail('INVALID_TRANSITION', `You cannot go from ${STATUS_LABELS[a.status]} to ${STATUS_LABELS[cmd.status]}; from here: ${allowed}.`);
  }
  if (a.offer) return fail('INVALID_STATE', 'An offer is waiting: accept or reject it first.');
  const code = checkStatusCode(ctx, cmd.status, cmd.code);
  if (!code.ok) return code;
  ctx.emit({ type: 'agent.status_changed', agentId: a.id, from: a.status, to: cmd.status, cause: 'agent', code: cmd.code });
  return done();
};

export const setAfterWork: Handler<CommandOf<'set_after_work'>> = (ctx, cmd) => {
  const found = findAgent(ctx, cmd.agentId);
  if (!found.ok) return found;
  if (cmd.status === null) {
    ctx.emit({ type: 'agent.after_work_set', agentId: cmd.agentId });
    return done();
  }
  if (!canTransition('busy', cmd.status, 'after_work'))
    return fail('INVALID_TRANSITION', `${STATUS_LABELS[cmd.status]} cannot follow the end of work.`);
  const code = checkStatusCode(ctx, cmd.status, cmd.code);
  if (!code.ok) return code;
  ctx.emit({ type: 'agent.after_work_set', agentId: cmd.agentId, status: cmd.status, code: cmd.code, by: 'agent' });
  return done();
};

export const toggleQueue: Handler<CommandOf<'toggle_queue'>> = (ctx, cmd) => {
  const found = findAgent(ctx, cmd.agentId);
  if (!found.ok) return found;
  if (!ctx.tenant.queuesOfAgent.get(cmd.agentId)?.includes(cmd.queueId))
    return fail('NOT_FOUND', `Queue "${cmd.queueId}" is not assigned to you.`);
  const enabled = !found.value.disabledQueues.has(cmd.queueId);
  if (enabled !== cmd.enabled)
    ctx.emit({ type: 'agent.queue_toggled', agentId: cmd.agentId, queueId: cmd.queueId, enabled: cmd.enabled });
  return done();
};

export const stopNew: Handler<CommandOf<'stop_new'>> = (ctx, cmd) => {
  const found = findAgent(ctx, cmd.agentId);
  if (!found.ok) return found;
  const a = found.value;
  if (a.status !== 'busy' || chatLoad(a, ctx.state) === 0)
    return fail('INVALID_TRANSITION', 'Stop New is for when you are busy with chats.');
  transition(ctx, a, 'busy_stop_new', 'stop_new');
  return done();
};

export const resume: Handler<CommandOf<'resume'>> = (ctx, cmd) => {
  const found = findAgent(ctx, cmd.agentId);
  if (!found.ok) return found;
  const a = found.value;
  if (a.status !== 'busy_stop_new') return fail('INVALID_TRANSITION', 'Resume is for when you pressed Stop New.');
  if (a.afterWork) ctx.emit({ type: 'agent.after_work_set', agentId: a.id });
  transition(ctx, a, 'busy', 'resume');
  return done();
};

