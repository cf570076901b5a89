/**
 * CRM commands: agents create and edit customers, cases, follow-ups and
 * tasks (by permission, permissions.ts), link an interaction to a record,
 * merge duplicates, import customers. Automatic interaction logs need no
 * command: they are saved as each handled interaction ends (log.ts).
 */
import type { CaseStatus, FollowUpChannel, FollowUpDirection } from './records.js';
import type { CustomerInput } from './fields.js';

export type CrmAgentCommand =
  /**
   * A new customer. Refused as DUPLICATE when an email or phone is another customer's, unless
   * `force`; `into`: add these details to that customer instead (the merge offered for a
   * duplicate). `interactionId`: created from that interaction's screen pop, and linked to it.
   */
  | { type: 'crm_create_customer'; agentId: string; customer: CustomerInput; force?: boolean; into?: string; interactionId?: string }
  | { type: 'crm_update_customer'; agentId: string; customerId: string; changes: CustomerInput; force?: boolean }
  /** `mergeId` joins `customerId` (the crmMerge permission). */
  | { type: 'crm_merge_customers'; agentId: string; customerId: string; mergeId: string }
  /** `interactionId`: the case is for that interaction (its log goes on it). */
  | { type: 'crm_open_case'; agentId: string; customerId?: string; subject: string; interactionId?: string }
  | { type: 'crm_update_case'; agentId: string; caseId: string; subject?: string; status?: CaseStatus; customerId?: string | null }
  | { type: 'crm_add_follow_up'; agentId: string; caseId: string; text: string; channel?: FollowUpChannel; direction?: FollowUpDirection }
  /** `assigneeId` defaults to the agent; `due` is `YYYY-MM-DD`. */
  | { type: 'crm_create_task'; agentId: string; text: string; due?: string; assigneeId?: string; caseId?: string; customerId?: string }
  | { type: 'crm_update_task'; agentId: string; taskId: string; text?: string; due?: string | null; done?: boolean; assigneeId?: string }
  /** Says whose the interaction is (one of several matches), or which case its log goes on. */
  | { type: 'crm_link'; agentId: string; interactionId: string; customerId?: string; caseId?: string }
  /**
   * Customers from a file (the crmImport permission): each good row is created, each bad one is
   * reported by its line and field (`lines`: each row's line in the file; else its place, from 1),
   * duplicates skipped.
   */
  | { type: 'crm_import'; agentId: string; rows: CustomerInput[]; lines?: number[] };

export type CrmCommand = CrmAgentCommand;

/** At most this many rows per import command (the CLI sends a file in batches). */
export const MAX_IMPORT_ROWS = 1000;

/** One refused row of an import. */
export interface ImportRejection {
  line: number;
  field?: string;
  message: string;
}

declare module '../kernel/types.js' {
  interface AgentCommands {
    crm: CrmAgentCommand;
  }
  interface CommandOutcome {
    customerId?: string;
    caseId?: string;
    taskId?: string;
    /** crm_import: how many rows were created, and why each other row was not. */
    imported?: { created: number; rejected: ImportRejection[] };
  }
}
