// The call dialogs, as UI state (types only). They join the console's Overlay
// union; each kind is a keymap screen (CALL_SCREENS in commands.ts).
import type { CallHistoryEntry, QueueListing } from '../../protocol/index.js';

export type TransferTab = 'agents' | 'queues' | 'external';
export const TRANSFER_TABS: readonly TransferTab[] = ['agents', 'queues', 'external'];
export const TRANSFER_TAB_LABELS: Record<TransferTab, string> = { agents: 'Agents', queues: 'Queues', external: 'External number' };

export type PhoneInput = 'voicePin' | 'workplacePin' | 'workplace';

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
  }
  | {
    kind: 'dial'; number: string; cursor: number; error: string | null;
    /** My call history (loaded when the dialog opens) and which of its numbers Ctrl-R recalled (-1: none). */
    history: readonly CallHistoryEntry[] | null; recall: number;
    /** Calling a CRM customer: the call is linked to them. */
    forCustomer?: { id: string; name: string };
  }
  | { kind: 'keypad'; interactionId: string; digits: string }
  | { kind: 'recordings'; interactionId: string; cursor: number }
  | { kind: 'participants'; interactionId: string; cursor: number }
  | { kind: 'phone'; cursor: number; error: string | null }
  /** A PIN or the new workplace phone, typed (Esc goes back to the phone settings). */
  | { kind: 'phoneInput'; purpose: PhoneInput; text: string; error: string | null };

export type CallOverlayKind = CallOverlay['kind'];
