/**
 * CRM and directory client → server messages (spread into CLIENT_MESSAGES).
 * Shapes and sizes are checked here; the fields themselves (lengths, email
 * and phone formats, dates) by the engine, whose VALIDATION error names the
 * field (`emails[1]: ...`).
 */
import { z } from 'zod';
import { CASE_STATUSES, FOLLOW_UP_CHANNELS, FOLLOW_UP_DIRECTIONS, MAX_IMPORT_ROWS } from '../engine/vocabulary.js';

const id = z.string().min(1).max(64);
const text = z.string().max(10_000);
const list = z.array(z.string().max(300)).max(20);

/** A customer's fields as a form or an import row gives them ('' clears a field). */
export const CustomerInputSchema = z.object({
  firstName: text.optional(),
  lastName: text.optional(),
  company: text.optional(),
  emails: list.optional(),
  phones: list.optional(),
  account: text.optional(),
  address: text.optional(),
  notes: text.optional(),
});

export const CRM_MESSAGES = {
  crm_create_customer: z.object({ customer: CustomerInputSchema, force: z.boolean().optional(), into: id.optional(), interactionId: id.optional() }),
  crm_update_customer: z.object({ customerId: id, changes: CustomerInputSchema, force: z.boolean().optional() }),
  crm_merge_customers: z.object({ customerId: id, mergeId: id }),
  crm_open_case: z.object({ customerId: id.optional(), subject: z.string().max(1000), interactionId: id.optional() }),
  crm_update_case: z.object({ caseId: id, subject: z.string().max(1000).optional(), status: z.enum(CASE_STATUSES).optional(), customerId: id.nullable().optional() }),
  crm_add_follow_up: z.object({ caseId: id, text: z.string().max(20_000), channel: z.enum(FOLLOW_UP_CHANNELS).optional(), direction: z.enum(FOLLOW_UP_DIRECTIONS).optional() }),
  crm_create_task: z.object({ text: z.string().max(2000), due: z.string().max(20).optional(), assigneeId: id.optional(), caseId: id.optional(), customerId: id.optional() }),
  crm_update_task: z.object({
    taskId: id,
    text: z.string().max(2000).optional(),
    due: z.string().max(20).nullable().optional(),
    done: z.boolean().optional(),
    assigneeId: id.optional(),
  }),
  /** Says whose the interaction is (one of several matches), or which case its log goes on. */
  crm_link: z.object({ interactionId: id, customerId: id.optional(), caseId: id.optional() }),
  /** A batch of a file's rows; `lines`: each row's line in the file (errors name them). */
  crm_import: z.object({
    rows: z.array(CustomerInputSchema).min(1).max(MAX_IMPORT_ROWS),
    lines: z.array(z.number().int().min(1)).max(MAX_IMPORT_ROWS).optional(),
  }),
  /** Queries: answered in the ack's result, change nothing. */
  crm_search: z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(100).optional() }),
  crm_customer: z.object({ customerId: id }),
  crm_case: z.object({ caseId: id }),
  crm_tasks: z.object({ includeDone: z.boolean().optional() }).optional(),
  /** My past calls, chats and voicemails (their logs), newest first; `text` searches them. */
  history: z.object({ text: z.string().max(200).optional(), limit: z.number().int().min(1).max(500).optional() }).optional(),
  /** Customers in id order after `after` (the crmImport permission). */
  crm_export: z.object({ after: id.optional(), limit: z.number().int().min(1).max(5000).optional() }).optional(),
  /** Every agent of the tenant matching `text` in any column. */
  directory: z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(500).optional() }),
} as const;

export type CrmMessageType = keyof typeof CRM_MESSAGES;
