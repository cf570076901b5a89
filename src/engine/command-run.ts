/**
 * Running one command into the engine's state: the handler validates against
 * the current state and emits events, each applied to the state as it is
 * emitted (so later steps see it) and numbered after the work's last
 * sequence number; routing then emits the offers the change made possible.
 * Nothing here is committed: the work records what the commands touched so
 * the engine re-arms only those timers once it commits.
 */
import type { Ctx } from './kernel/module.js';
import type { Result } from './kernel/result.js';
import type { CommandOutcome, EngineEvent, EngineEventBody, EngineRecords, EngineState } from './kernel/types.js';
import * as modules from './modules.js';
import { route } from './routing/route.js';
import type { Router } from './routing/router.js';
import type { Tenant } from './tenant/tenant.js';

/** What the commands run since the last commit touched, and the last sequence number they used. */
export interface Work {
  seq: number;
  interactions: Set<string>;
  agents: Set<string>;
}

export type Run = (ctx: Ctx) => Result<CommandOutcome>;

/** What a command runs against: the live state, the committed records, the router kept in step with the state. */
export interface RunEnv {
  state: EngineState;
  records: EngineRecords;
  tenant: Tenant;
  router: Router;
  now: number;
}

export function newWork(seq: number): Work {
  return { seq, interactions: new Set(), agents: new Set() };
}

/**
 * Validates and applies one command, then routes: its events are applied to the state (not yet
 * committed) and numbered after `work.seq`, which moves past them. Throws if a handler emitted
 * events and then failed (a bug: the state would hold half a command).
 */
export function runCommand(env: RunEnv, fn: Run, work: Work): { result: Result<CommandOutcome>; batch: EngineEvent[] } {
  const { state, router, now } = env;
  const batch: EngineEvent[] = [];
  const ctx: Ctx = {
    state,
    records: env.records,
    tenant: env.tenant,
    hooks: modules.HOOKS,
    now: () => now,
    queueStats: (queueId, asker) => router.stats(queueId, asker),
    emit: (body: EngineEventBody) => {
      const event = { ...body, seq: work.seq + batch.length + 1, ts: now } as EngineEvent;
      const ids = body as { interactionId?: string; agentId?: string };
      // Held across apply: an ending interaction leaves the map but must leave the router too.
      const before = ids.interactionId ? state.interactions.get(ids.interactionId) : undefined;
      modules.applyEvent(state, event);
      const interaction = before ?? (ids.interactionId ? state.interactions.get(ids.interactionId) : undefined);
      batch.push(event);
      if (interaction) {
        work.interactions.add(interaction.id);
        router.refreshInteraction(interaction);
        if (interaction.agentId) work.agents.add(interaction.agentId);
      }
      for (const agentId of [ids.agentId, interaction?.agentId]) {
        if (!agentId) continue;
        work.agents.add(agentId);
        router.refreshAgent(agentId);
      }
    },
  };
  const result = fn(ctx);
  if (!result.ok && !result.commit) {
    if (batch.length) throw new Error(`handler emitted events and then failed: ${result.error.message}`);
    return { result, batch };
  }
  route(ctx, router);
  work.seq += batch.length;
  return { result, batch };
}
