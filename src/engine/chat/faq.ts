/** The FAQ knowledge base: the tenant file's entries, overlaid by edits made from consoles (by permission). */
import { hasPermission } from '../agents/permissions.js';
import { findAgent } from '../agents/steps.js';
import { done, type Handler } from '../kernel/module.js';
import { fail } from '../kernel/result.js';
import type { CommandOf, EngineState } from '../kernel/types.js';
import { FaqSchema } from '../tenant/schema.js';
import type { Tenant } from '../tenant/tenant.js';
import type { FaqEntry } from './state.js';

export function effectiveFaq(tenant: Tenant, state: EngineState): FaqEntry[] {
  const entries = new Map<string, FaqEntry>(tenant.config.faq.map((f) => [f.id, f]));
  for (const [id, edit] of state.faqEdits) {
    if (edit) entries.set(id, edit);
    else entries.delete(id);
  }
  return [...entries.values()];
}

export const saveFaq: Handler<CommandOf<'save_faq'>> = (ctx, cmd) => {
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

export const deleteFaq: Handler<CommandOf<'delete_faq'>> = (ctx, cmd) => {
  const agent = findAgent(ctx, cmd.agentId);
  if (!agent.ok) return agent;
  if (!hasPermission(ctx.tenant.agents.get(cmd.agentId)!, 'editFaq')) return fail('NOT_PERMITTED', 'You do not have the permission to edit the FAQ.');
  if (!effectiveFaq(ctx.tenant, ctx.state).some((f) => f.id === cmd.faqId)) return fail('NOT_FOUND', `There is no FAQ entry "${cmd.faqId}".`);
  ctx.emit({ type: 'faq.deleted', agentId: cmd.agentId, faqId: cmd.faqId });
  return done();
};
