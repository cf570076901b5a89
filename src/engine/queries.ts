/**
 * Read models over the state: what an agent's console shows. Plain data,
 * safe to serialize; the server turns them into wire views.
 */
import type { Clock } from './clock.js';
import { permissionsOf, type Permission } from './permissions.js';
import type { Router } from './routing/router.js';
import { agentChatKey } from './apply.js';
import { effectiveFaq } from './faq.js';
import type { ChatMessage, CustomerInfo, EngineState, FaqEntry, Interaction, InteractionPhase } from './state.js';
import type { CodeList, Media, Status } from './tenant/schema.js';
import type { Tenant } from './tenant/tenant.js';
import { noticesOf, noticeView, type NoticeView } from './notices/view.js';
import { callHistory, callInteractions, callView, phoneSelfView, type CallHistoryEntry, type CallView, type PhoneSelfView } from './phone/view.js';

export type { CallHistoryEntry, CallParticipantView, CallView, PhoneSelfView } from './phone/view.js';
export type { NoticeView } from './notices/view.js';

export interface QueueStats {
  available: number;
  waiting: number;
  /** Epoch ms of the longest-waiting interaction's arrival, if any wait. */
  oldestArrival?: number;
}

export interface QueueView {
  id: string;
  name: string;
  media: Media;
  priority: number;
  relation: 'member' | 'supervisor';
  enabled: boolean;
  stats: QueueStats;
}

export interface InteractionView {
  id: string;
  media: Media;
  queueId?: string;
  queueName?: string;
  direct: boolean;
  customer: CustomerInfo;
  phase: InteractionPhase;
  arrivedAt: number;
  offerDeadline?: number;
  acceptedAt?: number;
  customerEndedAt?: number;
  wrapUpDeadline?: number;
  wrapUpOverdue: boolean;
  codes: string[];
  notes: string;
  codeLists: CodeList[];
  whisper?: string;
  /** Chats: the conversation so far (including what came before a transfer). */
  chat?: {
    conversationId: string;
    messages: ChatMessage[];
    customerLeft: boolean;
    transferredFrom?: { agentId: string; displayName: string; queueName?: string };
  };
  /** Phone and voicemail: the call as this agent is on it (legs, mute, hold, recording, participants, whisper). */
  call?: CallView;
}

/** Agent-to-agent conversation with one colleague. */
export interface AgentChatView {
  with: string;
  messages: ChatMessage[];
}

export interface AgentSelfView {
  id: string;
  displayName: string;
  firstName: string;
  lastName: string;
  group: string;
  groupName: string;
  role: 'agent' | 'supervisor';
  supervises: string[];
  permissions: Permission[];
  maxChats: number;
  status: Status;
  statusCode?: string;
  statusSince: number;
  afterWork?: { status: Status; code?: string };
  loggedIn: boolean;
  /** Workplace phone, connection mode, my recordings, outbound codes. */
  phone?: PhoneSelfView;
}

/** A live web chat found by its resume key (see `resumableChat`). */
export interface ResumableChat {
  conversationId: string;
  /** The interaction carrying the conversation now (a transfer's new one). */
  interactionId: string;
  queueId?: string;
  /** queued or offered (the customer waits) or active (an agent holds it). */
  phase: InteractionPhase;
  agentId?: string;
  /** The current interaction came from a transfer. */
  transferred: boolean;
}

export interface ContactView {
  id: string;
  displayName: string;
  group: string;
  role: 'agent' | 'supervisor';
  status: Status;
  statusSince: number;
}

export class Queries {
  constructor(
    private readonly state: () => EngineState,
    private readonly tenant: Tenant,
    private readonly router: () => Router,
    private readonly clock: Clock,
  ) {}

  self(agentId: string): AgentSelfView | undefined {
    const c = this.tenant.agents.get(agentId);
    if (!c) return undefined;
    const a = this.state().agents.get(agentId);
    return {
      id: c.id,
      displayName: c.displayName,
      firstName: c.firstName,
      lastName: c.lastName,
      group: c.group,
      groupName: this.tenant.config.groups.find((g) => g.id === c.group)?.name ?? c.group,
      role: c.role,
      supervises: c.supervises,
      permissions: permissionsOf(c),
      maxChats: this.tenant.maxChats(c.id),
      status: a?.status ?? 'logged_out',
      statusCode: a?.statusCode,
      statusSince: a?.statusSince ?? 0,
      afterWork: a?.afterWork,
      loggedIn: a?.loggedIn ?? false,
      phone: phoneSelfView(this.state(), this.tenant, c.id),
    };
  }

  interaction(id: string): InteractionView | undefined {
    const i = this.state().interactions.get(id);
    return i && this.view(i);
  }

  /** The agent's pending offer, if any. */
  offerOf(agentId: string): InteractionView | undefined {
    const id = this.state().agents.get(agentId)?.offer;
    return id ? this.interaction(id) : undefined;
  }

  /** Interactions the agent holds (active or in wrap-up), oldest first. */
  workOf(agentId: string): InteractionView[] {
    const a = this.state().agents.get(agentId);
    return a ? [...a.work].map((id) => this.interaction(id)!).sort((x, y) => (x.acceptedAt ?? 0) - (y.acceptedAt ?? 0)) : [];
  }

  queueStats(queueId: string): QueueStats | undefined {
    return this.router().stats(queueId);
  }

  /** "My assigned queues": member queues and queues the agent supervises. */
  queuesOf(agentId: string): QueueView[] {
    return this.tenant.config.queues.flatMap((q) => this.queueOf(agentId, q.id) ?? []);
  }

  /** One queue as this agent sees it, or undefined if it is not theirs. */
  queueOf(agentId: string, queueId: string): QueueView | undefined {
    const q = this.tenant.queues.get(queueId);
    if (!q) return undefined;
    const member = this.tenant.isMember(queueId, agentId);
    if (!member && !this.tenant.isSupervisor(queueId, agentId)) return undefined;
    return {
      id: q.id,
      name: q.name,
      media: q.media,
      priority: q.priority,
      relation: member ? 'member' : 'supervisor',
      enabled: member && !this.state().agents.get(agentId)?.disabledQueues.has(q.id),
      stats: this.queueStats(q.id)!,
    };
  }

  /** Every queue with its stats (transfer dialogs list all queues of a media). */
  allQueues(): Omit<QueueView, 'relation' | 'enabled'>[] {
    return this.tenant.config.queues.map((q) => ({
      id: q.id,
      name: q.name,
      media: q.media,
      priority: q.priority,
      stats: this.queueStats(q.id)!,
    }));
  }

  /** Agents of the groups this agent sees (own group; supervised groups too). */
  contactsOf(agentId: string): ContactView[] {
    const groups = this.tenant.visibleGroups(agentId);
    return this.tenant.config.agents
      .filter((c) => groups.has(c.group) && c.id !== agentId)
      .map((c) => this.contact(c.id)!);
  }

  contact(agentId: string): ContactView | undefined {
    const c = this.tenant.agents.get(agentId);
    if (!c) return undefined;
    const a = this.state().agents.get(agentId);
    return {
      id: c.id,
      displayName: c.displayName,
      group: c.group,
      role: c.role,
      status: a?.status ?? 'logged_out',
      statusSince: a?.statusSince ?? 0,
    };
  }

  /** The FAQ knowledge base as it stands (tenant file + edits). */
  faq(): FaqEntry[] {
    return effectiveFaq(this.tenant, this.state());
  }

  /** Every agent-to-agent conversation this agent has in memory. */
  agentChatsOf(agentId: string): AgentChatView[] {
    const chats: AgentChatView[] = [];
    for (const [key, messages] of this.state().agentChats) {
      const [a, b] = key.split('|') as [string, string];
      if (a === agentId || b === agentId) chats.push({ with: a === agentId ? b : a, messages });
    }
    return chats;
  }

  agentChat(agentId: string, other: string): ChatMessage[] {
    return this.state().agentChats.get(agentChatKey(agentId, other)) ?? [];
  }

  /** Notices addressed to (or sent by) an agent, of the last 7 days, newest first. */
  noticesOf(agentId: string): NoticeView[] {
    return noticesOf(this.state(), this.tenant, agentId, this.clock.now());
  }

  /** One notice as `agentId` sees it (read or not). */
  notice(noticeId: string, agentId: string): NoticeView | undefined {
    const n = this.state().notices.list.find((x) => x.id === noticeId);
    return n && noticeView(this.state(), this.tenant, n, agentId);
  }

  /** The calls an agent took or made, newest first (dial from call history). */
  callHistory(agentId: string): CallHistoryEntry[] {
    return callHistory(this.state(), this.tenant, agentId);
  }

  /** Interactions on the same call as this one, this one included (fan-out of call changes). */
  callInteractions(interactionId: string): string[] {
    return callInteractions(this.state(), interactionId);
  }

  /**
   * The live conversation whose resume key (the hash of the customer's token)
   * is `resumeKey`: not once the customer side has ended (wrap-up, left, or
   * the conversation is over and gone).
   */
  resumableChat(resumeKey: string): ResumableChat | undefined {
    if (!resumeKey) return undefined;
    for (const [key, chat] of this.resumableChats()) if (key === resumeKey) return chat;
    return undefined;
  }

  /** Every live conversation that has a resume key, with its key (a web chat channel adopts them at start). */
  *resumableChats(): Iterable<[resumeKey: string, chat: ResumableChat]> {
    const state = this.state();
    for (const c of state.conversations.values()) {
      if (!c.resumeKey || c.customerLeft) continue;
      const i = state.interactions.get(c.interactionId);
      if (!i || (i.phase !== 'queued' && i.phase !== 'offered' && i.phase !== 'active')) continue;
      yield [c.resumeKey, { conversationId: c.id, interactionId: i.id, queueId: i.queueId, phase: i.phase, agentId: i.agentId, transferred: !!i.transferredFrom }];
    }
  }

  /** Raw state access for invariant checks in tests and benchmarks; do not mutate. */
  unsafeState(): EngineState {
    return this.state();
  }

  now(): number {
    return this.clock.now();
  }

  private view(i: Interaction): InteractionView {
    const q = i.queueId ? this.tenant.queues.get(i.queueId) : undefined;
    return {
      id: i.id,
      media: i.media,
      queueId: i.queueId,
      queueName: q?.name,
      direct: !!i.directAgentId,
      customer: i.customer,
      phase: i.phase,
      arrivedAt: i.arrivedAt,
      offerDeadline: i.offerDeadline,
      acceptedAt: i.acceptedAt,
      customerEndedAt: i.customerEndedAt,
      wrapUpDeadline: i.wrapUpDeadline,
      wrapUpOverdue: !!i.wrapUpOverdue,
      codes: i.codes,
      notes: i.notes,
      codeLists: this.tenant.codeListsFor(i.queueId),
      whisper: q?.whisper,
      chat: i.conversationId ? this.chatOf(i) : undefined,
      call: callView(this.state(), this.tenant, i),
    };
  }

  private chatOf(i: Interaction): InteractionView['chat'] {
    const conversation = this.state().conversations.get(i.conversationId!);
    const from = i.transferredFrom;
    return {
      conversationId: i.conversationId!,
      messages: conversation?.messages ?? [],
      customerLeft: conversation?.customerLeft ?? true,
      transferredFrom: from && {
        agentId: from.agentId,
        displayName: this.tenant.agents.get(from.agentId)?.displayName ?? from.agentId,
        queueName: from.queueId ? this.tenant.queues.get(from.queueId)?.name : undefined,
      },
    };
  }
}
