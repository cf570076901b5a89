/**
 * The CRM's records: customers, their cases, the follow-ups on a case (an
 * interaction log is one), tasks. They live in the store beside the log
 * (store/), not in memory; these are their shapes as handlers, views and the
 * wire see them.
 */
import type { Media } from '../tenant/schema.js';

/** What an agent (or an import) says about a customer; every field optional, validated and normalized by fields.ts. */
export interface CustomerFields {
  firstName?: string;
  lastName?: string;
  company?: string;
  /** Lower-case, each at most once. */
  emails: string[];
  /** E.164 (`+15102592675`), each at most once. */
  phones: string[];
  account?: string;
  address?: string;
  notes?: string;
}

export interface CustomerRecord extends CustomerFields {
  /** `CUS-000042` */
  id: string;
  createdAt: number;
  updatedAt: number;
  createdBy?: string;
}

/** One line about a customer: search results, screen-pop matches, pick lists. */
export interface CustomerSummary {
  id: string;
  name: string;
  company?: string;
  phone?: string;
  email?: string;
  account?: string;
  openCases: number;
}

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface CaseRecord {
  /** `CAS-000123` */
  id: string;
  /** None while nobody has said whose it is (the log of an unknown caller). */
  customerId?: string;
  subject: string;
  status: CaseStatus;
  /** The agent who owns it. */
  ownerId?: string;
  createdAt: number;
  updatedAt: number;
}

export interface CaseSummary {
  id: string;
  subject: string;
  status: CaseStatus;
  customerId?: string;
  customerName?: string;
  ownerId?: string;
  updatedAt: number;
}

export const FOLLOW_UP_CHANNELS = ['phone', 'chat', 'email', 'voicemail', 'note'] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];
export const FOLLOW_UP_DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export type FollowUpDirection = (typeof FOLLOW_UP_DIRECTIONS)[number];

/** What an automatic interaction log records besides its Description. */
export interface InteractionLogDetail {
  interactionId: string;
  media: Media;
  queueId?: string;
  queueName?: string;
  /** From accept to the end of the customer side. */
  durationSec: number;
  /** The chosen codes' labels. */
  codes: string[];
  /** References of the call's recordings. */
  recordings: string[];
}

export interface FollowUpRecord {
  id: string;
  caseId: string;
  channel: FollowUpChannel;
  direction: FollowUpDirection;
  text: string;
  /** Who wrote it (none: the engine's own log of an interaction nobody claimed). */
  agentId?: string;
  at: number;
  /** Set on automatic interaction logs. */
  log?: InteractionLogDetail;
}

/**
 * One of an agent's past interactions (History): its automatic log on a case — when, the media,
 * queue, duration and codes (`log`), the Description with the notes and a chat's transcript (`text`).
 */
export interface HistoryEntry {
  followUpId: string;
  caseId: string;
  /** The case's subject. */
  subject: string;
  customerId?: string;
  customerName?: string;
  at: number;
  log: InteractionLogDetail;
  text: string;
}

export interface TaskRecord {
  /** `TSK-000007` */
  id: string;
  text: string;
  assigneeId: string;
  /** `YYYY-MM-DD` */
  due?: string;
  done: boolean;
  caseId?: string;
  customerId?: string;
  createdBy?: string;
  createdAt: number;
  updatedAt: number;
}

/** A customer with what the CRM pane shows beside the record. */
export interface CustomerView extends CustomerRecord {
  /** Newest first. */
  cases: CaseSummary[];
  /** Open tasks about this customer. */
  tasks: TaskRecord[];
  /** Other customers sharing an email address or a phone number: candidates for a merge. */
  duplicates: CustomerSummary[];
}

/** A case with its customer and its history. */
export interface CaseView extends CaseRecord {
  customer?: CustomerSummary;
  /** Oldest first (the latest at most MAX_HISTORY). */
  followUps: FollowUpRecord[];
  tasks: TaskRecord[];
}

export interface CrmSearchResult {
  customers: CustomerSummary[];
  cases: CaseSummary[];
  /** More of either matched than listed: type more to narrow. */
  more: boolean;
}

export const recordNumber = (prefix: string, n: number): string => `${prefix}-${String(n).padStart(6, '0')}`;
export const CUSTOMER_PREFIX = 'CUS';
export const CASE_PREFIX = 'CAS';
export const TASK_PREFIX = 'TSK';
/** Follow-ups are numbered without padding: `FU-42`. */
export const FOLLOW_UP_PREFIX = 'FU';

/** The number inside an id of this kind (`CAS-000123` → 123), if it is one. */
export function numberOf(prefix: string, id: string): number | undefined {
  const m = new RegExp(`^${prefix}-(\\d{1,12})$`).exec(id);
  return m ? Number(m[1]) : undefined;
}

/** "Olivia Brown", else the company, else the id. */
export function displayNameOf(c: Pick<CustomerRecord, 'id' | 'firstName' | 'lastName' | 'company'>): string {
  const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
  return name || c.company || c.id;
}
