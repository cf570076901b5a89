/** The routing step after every command: each decision the router can make now becomes an offer. */
import type { Ctx } from '../kernel/module.js';
import type { Router } from './router.js';

export function route(ctx: Ctx, router: Router): void {
  for (let decision = router.next(); decision; decision = router.next()) {
    const i = ctx.state.interactions.get(decision.interactionId)!;
    const timeoutSec = i.queueId
      ? ctx.tenant.queues.get(i.queueId)!.acceptTimeoutSec
      : ctx.tenant.config.directRouting.acceptTimeoutSec;
    ctx.emit({ type: 'interaction.offered', interactionId: i.id, agentId: decision.agentId, deadline: ctx.now() + timeoutSec * 1000 });
  }
}
