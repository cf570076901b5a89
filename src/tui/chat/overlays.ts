// The chat dialogs, as UI state (types only): FAQ search, the FAQ entry form
// and the transfer dialog. They join the console's Overlay union.
import type { QueueListing } from '../../protocol/index.js';
import type { ChatKey } from './chat-state.js';

export interface FaqFields { title: string; shortcut: string; category: string; body: string }
export const FAQ_FIELDS = ['title', 'shortcut', 'category', 'body'] as const satisfies readonly (keyof FaqFields)[];

export type ChatOverlay =
  /** FAQ search; `target` is the chat an answer is inserted into (null: browsing only). */
  | { kind: 'faq'; query: string; cursor: number; target: ChatKey | null; confirmDelete: string | null }
  | { kind: 'faqEdit'; id: string; isNew: boolean; fields: FaqFields; field: number; cursor: number; target: ChatKey | null }
  | {
    kind: 'chatTransfer'; interactionId: string; queues: readonly QueueListing[] | null; cursor: number;
    /** Typed to filter the queues (the guide: "rechercher et filtrer les files d'attente"). */
    query: string;
    /** pick a queue, confirm it, or confirm again after an UNSTAFFED warning. */
    step: 'pick' | 'confirm' | 'unstaffed'; queueId: string | null; warning: string | null;
  };
