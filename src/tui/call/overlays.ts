// The call dialogs, as UI state (types only). They join the console's Overlay
// union; each kind is a keymap screen (CALL_SCREENS in commands.ts).
import type { CallHistoryEntry, QueueListing } from '../../protocol/index.js';

export type TransferTab = 'agents' | 'queues' | 'external';
export const TRANSFER_TABS: readonly TransferTab[] = ['agents', 'queues', 'external'];
export const TRANSFER_TAB_LABELS: Record<TransferTab, string> = { agents: 'Agents', queues: 'Queues', external: 'External number' };

export type PhoneInput = 'voicePin' | 'workplacePin' | 'workplace';

/**
 * A number field that recalls numbers (the guide: the dial box, and a number "récemment composé"
 * when adding an external party): my call history, loaded when the dialog opens, and which of its
 * numbers Ctrl-R recalled last (-1: none).
 */
export interface Recall { history: readonly CallHistoryEntry[] | null; recall: number }

export type CallOverlay =
  /** Transfer (agents, queues, external) or add to a conference (agents, external). */
  | {
    kind: 'callTransfer'; purpose: 'transfer' | 'conference'; interactionId: string; tab: TransferTab;
    /** Filter on the Agents and Queues tabs. */
    query: string; number: string; cursor: number;
    queues: readonly QueueListing[] | null;
    /** A queue picked and waiting for Enter again; `force` after an UNSTAFFED warning. */
    confirm: { queueId: string; name: string; force: boolean } | null;
    error: string | null;
  } & Recall
  | {
    kind: 'dial'; number: string; cursor: number; error: string | null;
    /** Calling a CRM customer: the call is linked to them. */
    forCustomer?: { id: string; name: string };
  } & Recall
  | { kind: 'keypad'; interactionId: string; digits: string }
  | { kind: 'recordings'; interactionId: string; cursor: number }
  | { kind: 'participants'; interactionId: string; cursor: number }
  | { kind: 'phone'; cursor: number; error: string | null }
  /** A PIN or the new workplace phone, typed (Esc goes back to the phone settings). */
  | { kind: 'phoneInput'; purpose: PhoneInput; text: string; error: string | null };

export type CallOverlayKind = CallOverlay['kind'];
