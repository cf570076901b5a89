/**
 * Broadcast notices: who may address whom (an agent their own group, a
 * supervisor any of the groups they supervise and their own, the platform
 * everyone), reading and acknowledging them.
 */
import { done, type Ctx, type Handler } from '../kernel/module.js';
import { fail } from '../kernel/result.js';
import type { CommandOf } from '../kernel/types.js';
import type { Tenant } from '../tenant/tenant.js';
import { MAX_NOTICE_TEXT, NOTICE_MAX_AGE_MS, type BroadcastNotice } from './state.js';
import { noticeReaches } from './views.js';

/** The groups an agent may send a notice to: their own; a supervisor, theirs too. */
export function noticeTargets(tenant: Tenant, agentId: string): string[] {
  const a = tenant.agents.get(agentId);
  if (!a) return [];
  return a.role === 'supervisor' ? [...tenant.visibleGroups(agentId)] : [a.group];
}

function emitNotice(ctx: Ctx, notice: Omit<BroadcastNotice, 'id' | 'at'>): void {
  const full = { ...notice, id: `N-${ctx.state.notices.next}`, at: ctx.now() };
  ctx.emit({ type: 'notice.broadcast', agentId: notice.from, notice: full });
}

function checkText(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  return t.length > MAX_NOTICE_TEXT ? undefined : t;
}

export const broadcastNotice: Handler<CommandOf<'broadcast_notice'>> = (ctx, cmd) => {
  if (!ctx.tenant.agents.has(cmd.agentId)) return fail('NOT_FOUND', `There is no agent "${cmd.agentId}".`);
  const text = checkText(cmd.text);
  if (!text) return fail('VALIDATION', `A notice is 1 to ${MAX_NOTICE_TEXT} characters.`);
  const allowed = noticeTargets(ctx.tenant, cmd.agentId);
  const groups = cmd.groups ? [...new Set(cmd.groups)] : allowed;
  if (!groups.length) return fail('VALIDATION', 'Pick at least one group.');
  const refused = groups.filter((g) => !allowed.includes(g));
  if (refused.length) {
    const names = allowed.map((g) => ctx.tenant.groups.get(g)?.name ?? g).join(', ');
    return fail('NOT_PERMITTED', `You can send notices only to ${allowed.length > 1 ? 'your groups' : 'your own group'} (${names}), not to ${refused.join(', ')}.`);
  }
  emitNotice(ctx, { from: cmd.agentId, text, priority: cmd.priority, groups, platform: false });
  return done();
};

/** A platform change (from the operator's tooling): every group, high priority unless told, with the red alert bar. */
export const platformNotice: Handler<CommandOf<'platform_notice'>> = (ctx, cmd) => {
  const text = checkText(cmd.text);
  if (!text) return fail('VALIDATION', `A notice is 1 to ${MAX_NOTICE_TEXT} characters.`);
  emitNotice(ctx, { text, priority: cmd.priority ?? 'high', groups: [...ctx.tenant.groups.keys()], platform: true });
  return done();
};

export const readNotices: Handler<CommandOf<'read_notices'>> = (ctx, cmd) => {
  if (!ctx.tenant.agents.has(cmd.agentId)) return fail('NOT_FOUND', `There is no agent "${cmd.agentId}".`);
  const read = ctx.state.notices.read.get(cmd.agentId);
  const mine = new Map(ctx.state.notices.list.map((n) => [n.id, n]));
  const unknown = cmd.noticeIds.filter((id) => {
    const n = mine.get(id);
    return !n || n.at <= ctx.now() - NOTICE_MAX_AGE_MS || !noticeReaches(ctx.tenant, n, cmd.agentId);
  });
  if (unknown.length) return fail('NOT_FOUND', `No such notice for you: ${unknown.join(', ')} (notices go after 7 days).`);
  const fresh = [...new Set(cmd.noticeIds)].filter((id) => !read?.has(id));
  if (fresh.length) ctx.emit({ type: 'notice.read', agentId: cmd.agentId, noticeIds: fresh });
  return done();
};
