/**
 * An agent's connection: lost, restored, and the end of its grace period.
 * Work in progress is never taken away silently: a pending offer goes back
 * to its queue; work stays with the agent.
 */
import { logOut } from '../agents/steps.js';
import { done, type Handler } from '../kernel/module.js';
import type { CommandOf } from '../kernel/types.js';
import { decline } from './steps.js';

export const connectionLost: Handler<CommandOf<'connection_lost'>> = (ctx, cmd) => {
  const a = ctx.state.agents.get(cmd.agentId);
  if (!a?.loggedIn || a.disconnectedUntil !== undefined) return done();
  const graceDeadline = ctx.now() + ctx.tenant.config.disconnectGraceSec * 1000;
  ctx.emit({ type: 'agent.disconnected', agentId: a.id, graceDeadline });
  return done();
};

export const connectionRestored: Handler<CommandOf<'connection_restored'>> = (ctx, cmd) => {
  const a = ctx.state.agents.get(cmd.agentId);
  if (a?.loggedIn && a.disconnectedUntil !== undefined) ctx.emit({ type: 'agent.reconnected', agentId: a.id });
  return done();
};

/**
 * The grace period is over: a pending offer goes back to its queue; an agent
 * with no work is logged out. Work in progress is never taken away: it stays
 * with the agent, whose wrap-up timers keep running.
 */
export const graceExpired: Handler<CommandOf<'grace_expired'>> = (ctx, cmd) => {
  const a = ctx.state.agents.get(cmd.agentId);
  if (!a?.loggedIn || a.disconnectedUntil === undefined || a.disconnectedUntil > ctx.now()) return done();
  const offered = a.offer ? ctx.state.interactions.get(a.offer) : undefined;
  if (offered) decline(ctx, offered, a, 'connection_lost');
  if (a.work.size === 0) logOut(ctx, a, 'connection_lost');
  return done();
};
