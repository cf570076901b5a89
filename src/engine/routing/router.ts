/**
 * Routing as data structures, not scans. Per queue: a heap of waiting
 * interactions by arrival, and a heap of agents ready for it by (load, idle
 * since). Per agent: a heap of DAR work waiting for them. The router is
 * derived from the state (rebuilt on restore) and only answers "what should be
 * offered next?"; the engine turns each answer into an `interaction.offered`
 * event. Invariant after `next()` returns undefined: no queue has both
 * waiting work and a ready agent it may be offered to (offer-rules.ts).
 */
import { canBeOffered, routingLoad } from '../agents/capacity.js';
import type { QueueStats } from '../kernel/module.js';
import type { EngineState } from '../kernel/types.js';
import type { Interaction } from '../work/state.js';
import type { Tenant } from '../tenant/tenant.js';
import { IndexedHeap } from './indexed-heap.js';
import { mayOffer } from './offer-rules.js';

type ReadyKey = readonly [load: number, idleSince: number, tie: string];
const readyLess = (a: ReadyKey, b: ReadyKey) =>
  a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];
const arrivalLess = (a: number, b: number) => a < b;

export interface Decision {
  interactionId: string;
  agentId: string;
}

export class Router {
  private waiting = new Map<string, IndexedHeap<number>>();
  private ready = new Map<string, IndexedHeap<ReadyKey>>();
  /** Assigned, logged-in, enabled agents in status Available: the queue stat. */
  private available = new Map<string, Set<string>>();
  private direct = new Map<string, IndexedHeap<number>>();
  private dirtyAgents = new Set<string>();
  private dirtyQueues = new Set<string>();

  constructor(
    private readonly state: EngineState,
    private readonly tenant: Tenant,
  ) {
    for (const q of tenant.queues.keys()) {
      this.waiting.set(q, new IndexedHeap(arrivalLess));
      this.ready.set(q, new IndexedHeap(readyLess));
      this.available.set(q, new Set());
    }
    for (const i of state.interactions.values()) this.refreshInteraction(i);
    for (const a of state.agents.values()) this.refreshAgent(a.id);
  }

  /** Re-files an interaction after any change to it. */
  refreshInteraction(i: Interaction): void {
    const heap = i.directAgentId ? this.directHeap(i.directAgentId) : i.queueId ? this.waiting.get(i.queueId) : undefined;
    if (!heap) return;
    if (i.phase === 'queued') {
      heap.set(i.id, i.arrivalSeq);
      if (i.directAgentId) this.dirtyAgents.add(i.directAgentId);
      else this.dirtyQueues.add(i.queueId!);
    } else heap.delete(i.id);
  }

  /** Re-files an agent in the ready and available sets of their queues. */
  refreshAgent(agentId: string): void {
    const agent = this.state.agents.get(agentId);
    const queues = this.tenant.queuesOfAgent.get(agentId) ?? [];
    let anyReady = false;
    for (const q of queues) {
      const config = this.tenant.queues.get(q)!;
      const enabled = !!agent && !agent.disabledQueues.has(q);
      const eligible = enabled && canBeOffered(agent, config.media, this.state, this.tenant);
      const ready = this.ready.get(q)!;
      if (eligible) {
        ready.set(agentId, [routingLoad(agent), agent.idleSince, agentId]);
        anyReady = true;
      } else ready.delete(agentId);
      const avail = this.available.get(q)!;
      if (enabled && agent.loggedIn && agent.status === 'available') avail.add(agentId);
      else avail.delete(agentId);
    }
    if (anyReady || (agent && this.direct.get(agentId)?.size)) this.dirtyAgents.add(agentId);
  }

  /** The next offer to make, or undefined when routing is settled. */
  next(): Decision | undefined {
    for (const agentId of this.dirtyAgents) {
      this.dirtyAgents.delete(agentId);
      const decision = this.bestWorkFor(agentId);
      if (decision) return decision;
    }
    for (const q of this.dirtyQueues) {
      const decision = this.pairIn(q);
      if (decision) return decision;
      this.dirtyQueues.delete(q);
    }
    return undefined;
  }

  /** The queue's head for its best ready agent allowed to take it; when the
   *  only ready agent transferred the head away, the next work they may take. */
  private pairIn(queueId: string): Decision | undefined {
    const waiting = this.waiting.get(queueId);
    const ready = this.ready.get(queueId);
    const head = waiting?.peek();
    if (!waiting || !ready || !head || ready.size === 0) return undefined;
    const agentId = ready.firstWhere((a) => this.mayOffer(head, a));
    if (agentId) return { interactionId: head, agentId };
    const only = ready.peek()!;
    const other = waiting.firstWhere((i) => this.mayOffer(i, only));
    return other ? { interactionId: other, agentId: only } : undefined;
  }

  private mayOffer(interactionId: string, agentId: string): boolean {
    return mayOffer(this.state.interactions.get(interactionId), agentId);
  }

  /** Live figures of a queue; with `asker`, also how many others could take its work now. */
  stats(queueId: string, asker?: string): QueueStats | undefined {
    const waiting = this.waiting.get(queueId);
    if (!waiting) return undefined;
    const head = waiting.peek();
    return {
      waiting: waiting.size,
      available: this.available.get(queueId)!.size,
      oldestArrival: head ? this.state.interactions.get(head)?.arrivedAt : undefined,
      ...(asker === undefined ? {} : { others: this.takers(queueId, asker) }),
    };
  }

  /**
   * Agents other than `except` who could take the queue's work now: Available
   * ones, and busy ones still ready for more (chats). Counted on demand (a
   * transfer dialog, a transfer), never per routing decision.
   */
  private takers(queueId: string, except: string): number {
    const takers = new Set(this.available.get(queueId));
    for (const a of this.ready.get(queueId)!) takers.add(a);
    takers.delete(except);
    return takers.size;
  }

  /** Queued interaction ids of a queue, longest waiting first (for pull lists; O(n log n)). */
  waitingIn(queueId: string): string[] {
    const heap = this.waiting.get(queueId);
    if (!heap) return [];
    return [...heap].sort((a, b) => this.state.interactions.get(a)!.arrivalSeq - this.state.interactions.get(b)!.arrivalSeq);
  }

  private bestWorkFor(agentId: string): Decision | undefined {
    const agent = this.state.agents.get(agentId);
    if (!agent) return undefined;
    const direct = this.direct.get(agentId)?.peek();
    // DAR work nobody answered waits as voicemail for its agent, ahead of queue work.
    if (direct && canBeOffered(agent, 'voicemail', this.state, this.tenant)) return { interactionId: direct, agentId };
    let best: { id: string; priority: number; arrival: number } | undefined;
    for (const q of this.tenant.queuesOfAgent.get(agentId) ?? []) {
      if (!this.ready.get(q)!.has(agentId)) continue;
      const heap = this.waiting.get(q)!;
      const head = heap.firstWhere((i) => this.mayOffer(i, agentId));
      if (!head) continue;
      const priority = this.tenant.queues.get(q)!.priority;
      const arrival = heap.keyOf(head)!;
      if (!best || priority > best.priority || (priority === best.priority && arrival < best.arrival))
        best = { id: head, priority, arrival };
    }
    return best && { interactionId: best.id, agentId };
  }

  private directHeap(agentId: string): IndexedHeap<number> {
    let heap = this.direct.get(agentId);
    if (!heap) this.direct.set(agentId, (heap = new IndexedHeap(arrivalLess)));
    return heap;
  }

  /** For the invariant checks in tests. */
  isReady(agentId: string, queueId: string): boolean {
    return this.ready.get(queueId)?.has(agentId) ?? false;
  }
}

