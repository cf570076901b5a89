/**
 * Engine events → each agent's view events. Every agent gets only what
 * concerns them: their own status, offers and work; the stats of their
 * queues; the statuses of the contacts they can see. Queue stats are
 * coalesced (at most one update per queue per `statsCoalesceMs`) so a burst
 * of arrivals does not flood a slow client.
 */
import type { Engine, EngineEvent } from '../engine/index.js';
import type { ServerMessages } from '../protocol/index.js';
import type { AgentSessions } from './agent-sessions.js';

/** Where an agent's view events go: every session of theirs (their console and any script beside it). */
export interface SessionLookup {
  ofAgent(agentId: string): AgentSessions | undefined;
  groups(): Iterable<AgentSessions>;
}

type OfferReason = ServerMessages['offer']['reason'];

export class Fanout {
  private readonly queueWatchers = new Map<string, string[]>();
  /** Agents who see a group's members as contacts (its members, and its supervisors). */
  private readonly groupViewers = new Map<string, string[]>();
  private readonly queuesOfAgent = new Map<string, string[]>();
  /** Queue of each live queued interaction: an ended event no longer finds it in the state. */
  private readonly queueOfInteraction = new Map<string, string>();
  private dirtyQueues = new Set<string>();
  private flushTimer?: NodeJS.Timeout;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly engine: Engine,
    private readonly sessions: SessionLookup,
    private readonly statsCoalesceMs: number,
  ) {
    const t = engine.tenant;
    for (const q of t.config.queues) {
      this.queueWatchers.set(q.id, [...new Set([...q.agents, ...q.supervisors])]);
      for (const a of q.agents) this.queuesOfAgent.set(a, [...(this.queuesOfAgent.get(a) ?? []), q.id]);
    }
    for (const viewer of t.config.agents)
      for (const group of t.visibleGroups(viewer.id)) {
        const viewers = this.groupViewers.get(group) ?? [];
        viewers.push(viewer.id);
        this.groupViewers.set(group, viewers);
      }
    for (const i of engine.queries.unsafeState().interactions.values()) if (i.queueId) this.queueOfInteraction.set(i.id, i.queueId);
    this.unsubscribe = engine.subscribe((batch) => this.onBatch(batch));
  }

  close(): void {
    this.unsubscribe();
    clearTimeout(this.flushTimer);
  }

  private onBatch(events: readonly EngineEvent[]): void {
    const selves = new Set<string>();
    const offers = new Map<string, OfferReason>();
    /** Agents whose offer is the same one, changed (sent again). */
    const offerUpdates = new Set<string>();
    const work = new Map<string, string>(); // interactionId → agentId
    const removed: { agentId: string; interactionId: string; reason: string }[] = [];
    let faqChanged = false;
    for (const e of events) {
      switch (e.type) {
        case 'agent.status_changed':
        case 'agent.logged_in':
        case 'agent.logged_out':
        case 'agent.after_work_set':
          selves.add(e.agentId);
          for (const q of this.queuesOfAgent.get(e.agentId) ?? []) this.dirtyQueues.add(q);
          break;
        case 'agent.queue_toggled':
          this.dirtyQueues.add(e.queueId);
          break;
        case 'interaction.arrived':
          if (e.queueId) {
            this.dirtyQueues.add(e.queueId);
            this.queueOfInteraction.set(e.interactionId, e.queueId);
          }
          break;
        case 'interaction.offered':
          offers.set(e.agentId, undefined);
          // Offered again after a timeout: the same id with a new deadline.
          offerUpdates.add(e.agentId);
          this.touchQueueOf(e.interactionId);
          break;
        case 'interaction.accepted':
          offers.set(e.agentId, 'accepted');
          work.set(e.interactionId, e.agentId);
          break;
        case 'interaction.declined':
          offers.set(e.agentId, e.reason === 'rejected' ? 'rejected' : e.reason);
          this.touchQueueOf(e.interactionId);
          break;
        case 'interaction.customer_ended':
        case 'interaction.wrap_up_overdue':
        case 'interaction.codes_set':
        case 'interaction.notes_set': {
          const agentId = this.ownerOf(e.interactionId);
          if (agentId) work.set(e.interactionId, agentId);
          break;
        }
        case 'chat.customer_away': {
          // The offer or the chat shows whether its customer is connected.
          const agentId = this.ownerOf(e.interactionId);
          if (!agentId) break;
          if (this.engine.queries.unsafeState().interactions.get(e.interactionId)?.phase === 'offered') {
            offers.set(agentId, undefined);
            offerUpdates.add(agentId);
          } else work.set(e.interactionId, agentId);
          break;
        }
        case 'chat.message': {
          const agentId = this.ownerOf(e.interactionId);
          const session = agentId ? this.sessions.ofAgent(agentId) : undefined;
          if (session?.sentWork.has(e.interactionId)) session.push('chat_message', { interactionId: e.interactionId, message: e.message });
          break;
        }
        case 'agent_chat.message':
          this.sessions.ofAgent(e.agentId)?.push('agent_chat', { with: e.to, message: e.message });
          this.sessions.ofAgent(e.to)?.push('agent_chat', { with: e.agentId, message: e.message });
          break;
        case 'faq.saved':
        case 'faq.deleted':
          faqChanged = true;
          break;
        case 'notice.broadcast':
          this.sendNotice(e.notice.id, e.notice.groups, e.notice.from);
          break;
        case 'notice.read':
          for (const id of e.noticeIds) this.sendNoticeTo(e.agentId, id);
          break;
        case 'crm.interaction_logged':
          if (e.agentId) this.sessions.ofAgent(e.agentId)?.push('crm_logged', { interactionId: e.interactionId, caseId: e.followUp.caseId, customerId: e.customerId, mode: e.mode });
          break;
        case 'crm.interaction_linked':
        case 'crm.customer_created':
        case 'crm.case_opened': {
          // Whose the interaction is changed: its screen pop with it.
          const interactionId = e.type === 'crm.interaction_linked' ? e.interactionId : e.forInteraction;
          const agentId = interactionId ? this.ownerOf(interactionId) : undefined;
          if (interactionId && agentId) work.set(interactionId, agentId);
          break;
        }
        case 'interaction.ended': {
          // A customer who gave up while waiting changes the queue's stats.
          const queueId = this.queueOfInteraction.get(e.interactionId);
          this.queueOfInteraction.delete(e.interactionId);
          if (queueId && !e.agentId) this.dirtyQueues.add(queueId);
          if (e.agentId) {
            offers.set(e.agentId, 'abandoned');
            removed.push({ agentId: e.agentId, interactionId: e.interactionId, reason: e.reason });
          }
          break;
        }
        default:
          if (e.type.startsWith('phone.')) this.phoneChanged(e, selves, work);
      }
    }
    // Work first, status last: the status is the consequence (work ended → Available), so a
    // console never shows "Available" beside an interaction that is already gone.
    this.sendOffers(offers, offerUpdates);
    for (const [interactionId, agentId] of work) {
      const view = this.engine.queries.interaction(interactionId);
      const session = this.sessions.ofAgent(agentId);
      if (!view || !session || view.phase === 'ended') continue;
      session.sentWork.add(interactionId);
      session.push('work', view);
    }
    for (const r of removed) {
      const session = this.sessions.ofAgent(r.agentId);
      if (session?.sentWork.delete(r.interactionId)) session.push('work_removed', { interactionId: r.interactionId, reason: r.reason });
    }
    this.sendSelves(selves);
    // A colleague's offer came or went: the consoles that list them say whether a call can reach them.
    for (const agentId of offers.keys()) if (!selves.has(agentId)) this.sendContact(agentId);
    if (faqChanged) {
      const entries = this.engine.queries.faq();
      const json = JSON.stringify({ entries });
      for (const agent of this.sessions.groups()) agent.push('faq', { entries }, json);
    }
    this.scheduleQueueFlush();
  }

  private sendSelves(agents: Set<string>): void {
    const q = this.engine.queries;
    for (const agentId of agents) {
      const self = q.self(agentId);
      if (!self) continue;
      this.sessions.ofAgent(agentId)?.push('self', self);
      this.sendContact(agentId);
    }
  }

  /** The agent as their colleagues list them, to every console that does. */
  private sendContact(agentId: string): void {
    const contact = this.engine.queries.contact(agentId);
    if (!contact) return;
    const json = JSON.stringify(contact); // once for every viewer
    for (const viewer of this.groupViewers.get(contact.group) ?? [])
      if (viewer !== agentId) this.sessions.ofAgent(viewer)?.push('contact', contact, json);
  }

  /** A new notice to every recipient online (offline ones get it in their login snapshot). */
  private sendNotice(noticeId: string, groups: readonly string[], from: string | undefined): void {
    const agentsOfGroup = this.engine.tenant.agentsOfGroup;
    const recipients = groups.flatMap((g) => agentsOfGroup.get(g) ?? []).filter((id) => id !== from);
    const first = recipients.find((id) => this.sessions.ofAgent(id));
    const view = first && this.engine.queries.notice(noticeId, first);
    const json = view && JSON.stringify(view); // unread for every recipient: serialized once
    for (const agentId of recipients) if (view) this.sessions.ofAgent(agentId)?.push('notice', view, json);
    if (from) this.sendNoticeTo(from, noticeId);
  }

  private sendNoticeTo(agentId: string, noticeId: string): void {
    const session = this.sessions.ofAgent(agentId);
    const view = session && this.engine.queries.notice(noticeId, agentId);
    if (view) session.push('notice', view);
  }

  private sendOffers(offers: Map<string, OfferReason>, updated: ReadonlySet<string>): void {
    for (const [agentId, reason] of offers) {
      const session = this.sessions.ofAgent(agentId);
      if (!session) continue;
      const offer = this.engine.queries.offerOf(agentId) ?? null;
      if ((offer?.id ?? null) === session.sentOffer && !updated.has(agentId)) continue;
      session.sentOffer = offer?.id ?? null;
      session.push('offer', { offer, reason: offer ? undefined : reason });
    }
  }

  /** Flushes queue stats now (used when congested clients catch up, and by tests). */
  flushQueues(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const dirty = this.dirtyQueues;
    this.dirtyQueues = new Set();
    for (const queueId of dirty)
      for (const agentId of this.queueWatchers.get(queueId) ?? []) {
        const session = this.sessions.ofAgent(agentId);
        const view = session && this.engine.queries.queueOf(agentId, queueId);
        if (view) session.push('queue', view);
      }
  }

  private scheduleQueueFlush(): void {
    if (this.dirtyQueues.size === 0 || this.flushTimer) return;
    if (this.statsCoalesceMs <= 0) return this.flushQueues();
    this.flushTimer = setTimeout(() => this.flushQueues(), this.statsCoalesceMs);
  }

  private touchQueueOf(interactionId: string): void {
    const queueId = this.engine.queries.interaction(interactionId)?.queueId;
    if (queueId) this.dirtyQueues.add(queueId);
  }

  /** A call changed: every agent working on it gets their interaction again. An agent's phone profile changed: their self view. */
  private phoneChanged(e: EngineEvent, selves: Set<string>, work: Map<string, string>): void {
    if (!('interactionId' in e)) {
      if ('agentId' in e && e.agentId) selves.add(e.agentId);
      return;
    }
    const agents = this.engine.queries.unsafeState().agents;
    for (const id of this.engine.queries.callInteractions(e.interactionId)) {
      const agentId = this.ownerOf(id);
      if (agentId && agents.get(agentId)?.work.has(id)) work.set(id, agentId);
    }
  }

  private ownerOf(interactionId: string): string | undefined {
    return this.engine.queries.unsafeState().interactions.get(interactionId)?.agentId;
  }
}
