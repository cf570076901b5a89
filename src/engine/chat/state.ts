/** The chat slice: customer conversations, agent-to-agent chats, FAQ edits. */
import type { EngineState } from '../kernel/types.js';

/** DOMAIN.md: a chat message is at most 5,000 characters. */
export const MAX_CHAT_MESSAGE = 5000;

/** The guide: "L'agent doit être connecté pour que vous puissiez voir l'icône de chat." */
export const loggedOutChatReason = (name: string): string => `${name} is logged out: a chat reaches colleagues who are logged in.`;

/** One chat line. `from` says whose side wrote it; system lines are notices (transfers, ends). */
export interface ChatMessage {
  id: string;
  from: 'customer' | 'agent' | 'system';
  /** The agent who wrote it (agent lines) — their display name is looked up by the reader. */
  agentId?: string;
  text: string;
  ts: number;
  /** A customer's line: the id their client gave it (a resend is recognised, the echo matched to the line typed). */
  clientId?: string;
}

/** A customer chat conversation: its history travels with it across transfers. */
export interface Conversation {
  id: string;
  /** The interaction currently carrying the conversation. */
  interactionId: string;
  messages: ChatMessage[];
  customerLeft: boolean;
  /** The customer's connection dropped and they have not come back yet (the channel may still end it). */
  customerAway?: boolean;
  /**
   * Web chat: the hash (SHA-256, base64url) of the customer's resume token,
   * so the customer can resume after a server restart. Never the token itself.
   * Absent for conversations from older logs and for channels without one.
   */
  resumeKey?: string;
}

/** An FAQ answer: title, body in a small HTML subset, shortcut such as `\q`. */
export interface FaqEntry {
  id: string;
  title: string;
  body: string;
  shortcut?: string;
  category: string;
  link?: string;
}

declare module '../work/state.js' {
  interface Interaction {
    /**
     * Chat handed over by transfer: the conversation as it stood then. The first agent's wrap-up
     * shows this, whatever becomes of the conversation (it may end, and leave memory, first).
     */
    chatAtTransfer?: { messages: ChatMessage[]; customerLeft: boolean };
  }
}

/**
 * A web chat whose customer side has ended, kept by its resume key for a while so the customer can
 * still come back for the end of the transcript — across a server restart too.
 */
export interface EndedChat {
  conversationId: string;
  /** The interaction that carried it last (its transcript includes those before a transfer). */
  interactionId: string;
  queueId?: string;
  endedAt: number;
  reason: 'left' | 'agent_ended' | 'abandoned';
}

/** How long an ended web chat stays resumable (the channel keeps ended chats in memory as long). */
export const ENDED_CHAT_RETENTION_MS = 10 * 60_000;

declare module '../kernel/types.js' {
  interface EngineState {
    conversations: Map<string, Conversation>;
    /** By resume key, oldest first; none older than ENDED_CHAT_RETENTION_MS. */
    endedChats: Map<string, EndedChat>;
    /** Agent-to-agent chat history per pair ("a|b", ids sorted), most recent last, bounded. */
    agentChats: Map<string, ChatMessage[]>;
    /** FAQ entries edited in the console (null = deleted), over the tenant file's entries. */
    faqEdits: Map<string, FaqEntry | null>;
    nextMessage: number;
  }
}

/** Agent-to-agent messages kept in memory per pair (the log keeps them all). */
export const AGENT_CHAT_HISTORY = 200;

export function agentChatKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export interface SerializedChat {
  conversations?: Conversation[];
  endedChats?: [string, EndedChat][];
  agentChats?: [string, ChatMessage[]][];
  faqEdits?: [string, FaqEntry | null][];
  nextMessage?: number;
}

export const chatSlice = {
  init: () => ({
    conversations: new Map<string, Conversation>(),
    endedChats: new Map<string, EndedChat>(),
    agentChats: new Map<string, ChatMessage[]>(),
    faqEdits: new Map<string, FaqEntry | null>(),
    nextMessage: 1,
  }),
  serialize: (s: EngineState): SerializedChat => ({
    conversations: [...s.conversations.values()],
    endedChats: [...s.endedChats],
    agentChats: [...s.agentChats],
    faqEdits: [...s.faqEdits],
    nextMessage: s.nextMessage,
  }),
  deserialize: (raw: SerializedChat) => ({
    conversations: new Map((raw.conversations ?? []).map((c) => [c.id, c])),
    endedChats: new Map(raw.endedChats ?? []),
    agentChats: new Map(raw.agentChats ?? []),
    faqEdits: new Map(raw.faqEdits ?? []),
    nextMessage: raw.nextMessage ?? 1,
  }),
};
