/** The validated tenant with the lookups the engine needs, indexed once. */
import { normalizeNumber } from '../phone/numbers.js';
import type { AgentConfig, CodeList, DialedNumberConfig, QueueConfig, TenantConfig } from './schema.js';

/** A dialed number as the switch may report it (any of DOMAIN.md's forms), in one form for lookups. */
export function numberKey(raw: string): string {
  const n = normalizeNumber(raw);
  return n.ok ? n.value : raw.trim();
}

export class Tenant {
  readonly agents = new Map<string, AgentConfig>();
  readonly queues = new Map<string, QueueConfig>();
  /** queue ids per agent, in tenant-file order. */
  readonly queuesOfAgent = new Map<string, string[]>();
  readonly agentByDirectNumber = new Map<string, string>();
  /** Direct access numbers and the tenant's dialed numbers by numberKey(), for calls reported by a switch. */
  readonly agentByDialedNumber = new Map<string, string>();
  readonly dialedNumbers = new Map<string, DialedNumberConfig>();
  readonly groups = new Map<string, TenantConfig['groups'][number]>();
  /** Agent ids per group (notices are addressed to groups). */
  readonly agentsOfGroup = new Map<string, string[]>();
  private readonly members = new Map<string, Set<string>>();
  /** Each agent's place in the tenant file. */
  private readonly agentOrder = new Map<string, number>();
  private readonly supervisors = new Map<string, Set<string>>();

  constructor(readonly config: TenantConfig) {
    for (const g of config.groups) {
      this.groups.set(g.id, g);
      this.agentsOfGroup.set(g.id, []);
    }
    for (const [i, a] of config.agents.entries()) {
      this.agents.set(a.id, a);
      this.agentOrder.set(a.id, i);
      this.agentsOfGroup.get(a.group)?.push(a.id);
      this.queuesOfAgent.set(a.id, []);
      if (a.directAccessNumber) {
        this.agentByDirectNumber.set(a.directAccessNumber, a.id);
        this.agentByDialedNumber.set(numberKey(a.directAccessNumber), a.id);
      }
    }
    for (const d of config.dialedNumbers) this.dialedNumbers.set(numberKey(d.number), d);
    for (const q of config.queues) {
      this.queues.set(q.id, q);
      this.members.set(q.id, new Set(q.agents));
      this.supervisors.set(q.id, new Set(q.supervisors));
      for (const a of q.agents) this.queuesOfAgent.get(a)?.push(q.id);
    }
  }

  /** O(1) membership checks: queues can hold thousands of agents. */
  isMember(queueId: string, agentId: string): boolean {
    return this.members.get(queueId)?.has(agentId) ?? false;
  }

  isSupervisor(queueId: string, agentId: string): boolean {
    return this.supervisors.get(queueId)?.has(agentId) ?? false;
  }

  /** Groups whose agents this agent sees as contacts: own group, plus supervised ones. */
  visibleGroups(agentId: string): Set<string> {
    const a = this.agents.get(agentId);
    if (!a) return new Set();
    return new Set([a.group, ...a.supervises]);
  }

  /**
   * The agents this agent sees as contacts, in tenant-file order: from the groups' member lists, not
   * a pass over every agent (each console's snapshot asks; 1,000 resuming at once would be 1,000,000 steps).
   */
  contactsOf(agentId: string): string[] {
    const groups = [...this.visibleGroups(agentId)];
    const ids = groups.flatMap((g) => this.agentsOfGroup.get(g) ?? []).filter((id) => id !== agentId);
    if (groups.length > 1) ids.sort((a, b) => this.agentOrder.get(a)! - this.agentOrder.get(b)!);
    return ids;
  }

  /** Can `viewer` see `target` as a contact (same group, or a group the viewer supervises)? */
  canSee(viewer: string, target: string): boolean {
    const t = this.agents.get(target);
    return !!t && viewer !== target && this.visibleGroups(viewer).has(t.group);
  }

  /** Agent-to-agent chat: within a group, or between a supervisor and the groups they supervise. */
  canChat(a: string, b: string): boolean {
    return this.canSee(a, b) || this.canSee(b, a);
  }

  /** Effective chat capacity: the agent's permission, never above the tenant limit. */
  maxChats(agentId: string): number {
    const a = this.agents.get(agentId);
    return Math.min(a?.permissions.maxConcurrentChats ?? 0, this.config.limits.maxConcurrentChats);
  }

  codeListsFor(queueId: string | undefined): CodeList[] {
    if (!queueId) return this.config.directRouting.codeLists;
    return this.queues.get(queueId)?.codeLists ?? [];
  }
}
