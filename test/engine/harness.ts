/** A small tenant and an engine on a virtual clock, for rule-by-rule tests. */
import { openEngine, parseTenant, VirtualClock, type Engine, type EngineEvent, type Command, type CommandOutcome } from '../../src/engine/index.js';
import type { TenantConfig } from '../../src/engine/index.js';

type DeepPartialTenant = Partial<Omit<TenantConfig, 'agents' | 'queues'>> & {
  agents?: Record<string, unknown>[];
  queues?: Record<string, unknown>[];
};

export const agent = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  firstName: id,
  lastName: 'Test',
  displayName: id.toUpperCase(),
  group: 'g1',
  passwordHash: 'x',
  ...extra,
});

export function baseTenant(overrides: DeepPartialTenant = {}): unknown {
  return {
    id: 't',
    name: 'Test tenant',
    groups: [
      { id: 'g1', name: 'Group 1' },
      { id: 'g2', name: 'Group 2' },
    ],
    agents: [
      agent('a1', { permissions: { rejectOffers: true, maxConcurrentChats: 6 } }),
      agent('a2', { permissions: { maxConcurrentChats: 2 } }),
      agent('a3', { group: 'g2', directAccessNumber: '5105550100' }),
    ],
    queues: [
      { id: 'phone', name: 'Phone', media: 'inbound_phone', priority: 50, acceptTimeoutSec: 20, wrapUpSec: 30, agents: ['a1', 'a2', 'a3'] },
      { id: 'vip', name: 'VIP phone', media: 'inbound_phone', priority: 90, acceptTimeoutSec: 20, wrapUpSec: 30, agents: ['a1'] },
      {
        id: 'chat', name: 'Chat', media: 'chat', acceptTimeoutSec: 15, wrapUpSec: 10, agents: ['a1', 'a2'],
        codeLists: [
          { id: 'reason', name: 'Reason', mandatory: true, codes: [{ id: 'sales', label: 'Sales' }, { id: 'help', label: 'Help' }] },
          { id: 'extra', name: 'Extra', codes: [{ id: 'upsell', label: 'Upsell' }] },
        ],
      },
      { id: 'email', name: 'Email', media: 'email', acceptTimeoutSec: 30, wrapUpSec: 60, agents: ['a1', 'a2'] },
    ],
    ...overrides,
  };
}

export interface Harness {
  engine: Engine;
  clock: VirtualClock;
  events: EngineEvent[];
  run(cmd: Command): ReturnType<Engine['execute']>;
  /** Runs and asserts success, returning the outcome. */
  ok(cmd: Command): CommandOutcome;
  status(agentId: string): string;
  offerOf(agentId: string): string | undefined;
  available(...agentIds: string[]): void;
  seconds(n: number): void;
}

export function harness(tenant: unknown = baseTenant(), dbFile = ':memory:', clock = new VirtualClock()): Harness {
  const engine = openEngine({ tenant: parseTenant(tenant), dbFile, clock });
  const events: EngineEvent[] = [];
  engine.subscribe((batch) => events.push(...batch));
  const h: Harness = {
    engine,
    clock,
    events,
    run: (cmd) => engine.execute(cmd),
    ok(cmd) {
      const r = engine.execute(cmd);
      if (!r.ok) throw new Error(`${cmd.type} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
    status: (id) => engine.queries.self(id)!.status,
    offerOf: (id) => engine.queries.offerOf(id)?.id,
    available(...ids) {
      for (const agentId of ids) {
        h.ok({ type: 'login', agentId });
        h.ok({ type: 'set_status', agentId, status: 'available' });
      }
    },
    seconds: (n) => clock.advance(n * 1000),
  };
  return h;
}
