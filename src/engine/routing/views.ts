/** What a console shows of queues: the agent's queues with their live figures, and every queue (transfer dialogs). */
import type { QueueStats, ViewContext } from '../kernel/module.js';
import type { Media } from '../tenant/schema.js';

export interface QueueView {
  id: string;
  name: string;
  media: Media;
  priority: number;
  relation: 'member' | 'supervisor';
  enabled: boolean;
  stats: QueueStats;
}

export function routingViews(vc: ViewContext) {
  const { tenant } = vc;

  /** One queue as this agent sees it, or undefined if it is not theirs. */
  const queueOf = (agentId: string, queueId: string): QueueView | undefined => {
    const q = tenant.queues.get(queueId);
    if (!q) return undefined;
    const member = tenant.isMember(queueId, agentId);
    if (!member && !tenant.isSupervisor(queueId, agentId)) return undefined;
    return {
      id: q.id,
      name: q.name,
      media: q.media,
      priority: q.priority,
      relation: member ? 'member' : 'supervisor',
      enabled: member && !vc.state().agents.get(agentId)?.disabledQueues.has(q.id),
      stats: vc.queueStats(q.id)!,
    };
  };

  return {
    queueStats: (queueId: string): QueueStats | undefined => vc.queueStats(queueId),

    /** "My assigned queues": member queues and queues the agent supervises. */
    queuesOf(agentId: string): QueueView[] {
      return tenant.config.queues.flatMap((q) => queueOf(agentId, q.id) ?? []);
    },

    queueOf,

    /** Every queue with its stats (transfer dialogs list all queues of a media); with `asker`, who else could take its work. */
    allQueues(asker?: string): Omit<QueueView, 'relation' | 'enabled'>[] {
      return tenant.config.queues.map((q) => ({
        id: q.id,
        name: q.name,
        media: q.media,
        priority: q.priority,
        stats: vc.queueStats(q.id, asker)!,
      }));
    },
  };
}
