/** What a console (and a web chat channel) sees of chats: conversations, agent-to-agent chats, the FAQ. */
import type { ViewContext } from '../kernel/module.js';
import type { Interaction, InteractionPhase } from '../work/state.js';
import type { InteractionView } from '../work/views.js';
import { effectiveFaq } from './faq.js';
import { agentChatKey, ENDED_CHAT_RETENTION_MS, type ChatMessage, type EndedChat, type FaqEntry } from './state.js';
import { transcriptOf } from './transcript.js';

/** Chats: the conversation so far (including what came before a transfer). */
export interface ChatView {
  conversationId: string;
  messages: ChatMessage[];
  customerLeft: boolean;
  /** The customer's connection dropped; they may come back (web chat grace period). */
  customerAway?: boolean;
  transferredFrom?: { agentId: string; displayName: string; queueName?: string };
}

declare module '../work/views.js' {
  interface InteractionView {
    chat?: ChatView;
  }
}

/** Agent-to-agent conversation with one colleague. */
export interface AgentChatView {
  with: string;
  messages: ChatMessage[];
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

/** The chat part of an interaction's view. */
export function addChatPart(vc: ViewContext, i: Interaction, view: InteractionView): void {
  if (!i.conversationId) {
    view.chat = undefined;
    return;
  }
  const conversation = i.chatAtTransfer ?? vc.state().conversations.get(i.conversationId);
  const from = i.transferredFrom;
  view.chat = {
    conversationId: i.conversationId,
    messages: conversation?.messages ?? [],
    customerLeft: conversation?.customerLeft ?? true,
    ...(!i.chatAtTransfer && vc.state().conversations.get(i.conversationId)?.customerAway ? { customerAway: true } : {}),
    transferredFrom: from && {
      agentId: from.agentId,
      displayName: vc.tenant.agents.get(from.agentId)?.displayName ?? from.agentId,
      queueName: from.queueId ? vc.tenant.queues.get(from.queueId)?.name : undefined,
    },
  };
}

export function chatViews(vc: ViewContext) {
  /** Every live conversation that has a resume key, with its key (a web chat channel adopts them at start). */
  function* resumableChats(): Iterable<[resumeKey: string, chat: ResumableChat]> {
    const state = vc.state();
    for (const c of state.conversations.values()) {
      if (!c.resumeKey || c.customerLeft) continue;
      const i = state.interactions.get(c.interactionId);
      if (!i || (i.phase !== 'queued' && i.phase !== 'offered' && i.phase !== 'active')) continue;
      yield [c.resumeKey, { conversationId: c.id, interactionId: i.id, queueId: i.queueId, phase: i.phase, agentId: i.agentId, transferred: !!i.transferredFrom }];
    }
  }

  return {
    /** The FAQ knowledge base as it stands (tenant file + edits). */
    faq(): FaqEntry[] {
      return effectiveFaq(vc.tenant, vc.state());
    },

    /** Every agent-to-agent conversation this agent has in memory. */
    agentChatsOf(agentId: string): AgentChatView[] {
      const chats: AgentChatView[] = [];
      for (const [key, messages] of vc.state().agentChats) {
        const [a, b] = key.split('|') as [string, string];
        if (a === agentId || b === agentId) chats.push({ with: a === agentId ? b : a, messages });
      }
      return chats;
    },

    agentChat(agentId: string, other: string): ChatMessage[] {
      return vc.state().agentChats.get(agentChatKey(agentId, other)) ?? [];
    },

    /**
     * The live conversation whose resume key (the hash of the customer's token)
     * is `resumeKey`: not once the customer side has ended (wrap-up, left, or
     * the conversation is over and gone).
     */
    resumableChat(resumeKey: string): ResumableChat | undefined {
      if (!resumeKey) return undefined;
      for (const [key, chat] of resumableChats()) if (key === resumeKey) return chat;
      return undefined;
    },

    resumableChats,

    /** A web chat whose customer side ended less than ENDED_CHAT_RETENTION_MS ago, by its resume key. */
    endedChat(resumeKey: string): EndedChat | undefined {
      const ended = resumeKey ? vc.state().endedChats.get(resumeKey) : undefined;
      return ended && ended.endedAt > vc.clock.now() - ENDED_CHAT_RETENTION_MS ? ended : undefined;
    },

    /**
     * The durable chat transcript of an interaction, read from the log: its own
     * messages and those of the interactions it was transferred from.
     */
    transcript(interactionId: string): ChatMessage[] {
      return transcriptOf((id) => vc.history(id), interactionId);
    },
  };
}
