/**
 * CRM events. Records themselves live in the store (store/projection.ts
 * applies these events to its tables in the same transaction as the log);
 * the in-memory slice keeps only counters and what live interactions are
 * linked to. `by`: the acting agent (none: the engine or an import).
 */
import type { CaseStatus, CustomerFields, FollowUpRecord, TaskRecord } from './records.js';

/** How the console shows an interaction's record (the queue's screen-pop setting, resolved). */
export type PopMode = 'view' | 'edit' | 'none';

export interface CaseChanges {
  subject?: string;
  status?: CaseStatus;
  /** null: the case belongs to nobody (yet). */
  customerId?: string | null;
  ownerId?: string;
}

export interface TaskChanges {
  text?: string;
  /** null clears the due date. */
  due?: string | null;
  done?: boolean;
  assigneeId?: string;
}

export type CrmEventBody =
  /** `forInteraction`: created from that interaction's screen pop (the new-record form), and linked to it. */
  | { type: 'crm.customer_created'; customerId: string; fields: CustomerFields; by?: string; forInteraction?: string }
  /** The fields given replace the record's ('' clears a text field). */
  | { type: 'crm.customer_updated'; customerId: string; changes: Partial<CustomerFields>; by: string }
  /** `mergedId` joins `customerId` (its blanks filled, emails and phones added, cases and tasks moved) and is gone. */
  | { type: 'crm.customer_merged'; customerId: string; mergedId: string; by: string }
  /** `forInteraction`: opened for that interaction (its log goes on it). */
  | { type: 'crm.case_opened'; caseId: string; customerId?: string; subject: string; ownerId?: string; by?: string; forInteraction?: string }
  | { type: 'crm.case_updated'; caseId: string; changes: CaseChanges; by: string }
  | { type: 'crm.follow_up_added'; followUp: FollowUpRecord; by: string }
  | { type: 'crm.task_created'; task: TaskRecord; by: string }
  | { type: 'crm.task_updated'; taskId: string; changes: TaskChanges; by: string }
  /** The agent said whose interaction this is (a pick among several matches, a case): its log goes there. */
  | { type: 'crm.interaction_linked'; interactionId: string; customerId?: string; caseId?: string; by: string }
  /** The automatic log of a handled interaction, saved as it ends (on `followUp.caseId`). */
  | { type: 'crm.interaction_logged'; interactionId: string; agentId?: string; customerId?: string; followUp: FollowUpRecord; mode: PopMode };

export type CrmEventType = CrmEventBody['type'];

declare module '../kernel/types.js' {
  interface EngineEvents {
    crm: CrmEventBody;
  }
}
