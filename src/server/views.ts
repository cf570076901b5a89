/** Builds the wire views of one agent from the engine's read models. */
import { noticeTargets, type Engine } from '../engine/index.js';
import type { AgentViewData } from '../protocol/index.js';

export function snapshotOf(engine: Engine, agentId: string, faqBaseUrl?: string): AgentViewData {
  const q = engine.queries;
  return {
    self: q.self(agentId)!,
    offer: q.offerOf(agentId) ?? null,
    work: q.workOf(agentId),
    queues: q.queuesOf(agentId),
    contacts: q.contactsOf(agentId),
    statusCodes: engine.tenant.config.statusCodes,
    agentChats: q.agentChatsOf(agentId),
    faq: q.faq(),
    notices: q.noticesOf(agentId),
    noticeGroups: noticeTargets(engine.tenant, agentId).map((id) => ({ id, name: engine.tenant.groups.get(id)?.name ?? id })),
    faqBaseUrl,
  };
}
