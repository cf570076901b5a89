/** CRM on the wire: customers, cases, follow-ups, tasks, links, merges and imports, with their door permissions. */
import type { CrmMessageType } from '../../protocol/index.js';
import type { WireQuery } from '../queries.js';
import type { CommandRules } from './rule.js';

export const CRM_WIRE_COMMANDS: CommandRules<Exclude<CrmMessageType, WireQuery>> = {
  crm_create_customer: {
    permission: 'crmEdit',
    toEngine: (agentId, d) => ({ type: 'crm_create_customer', agentId, customer: d.customer, force: d.force, into: d.into, interactionId: d.interactionId }),
  },
  crm_update_customer: {
    permission: 'crmEdit',
    toEngine: (agentId, d) => ({ type: 'crm_update_customer', agentId, customerId: d.customerId, changes: d.changes, force: d.force }),
  },
  crm_merge_customers: { permission: 'crmMerge', toEngine: (agentId, d) => ({ type: 'crm_merge_customers', agentId, customerId: d.customerId, mergeId: d.mergeId }) },
  crm_open_case: {
    permission: 'crmEdit',
    toEngine: (agentId, d) => ({ type: 'crm_open_case', agentId, customerId: d.customerId, subject: d.subject, interactionId: d.interactionId }),
  },
  crm_update_case: {
    permission: 'crmEdit',
    toEngine: (agentId, d) => ({ type: 'crm_update_case', agentId, caseId: d.caseId, subject: d.subject, status: d.status, customerId: d.customerId }),
  },
  crm_add_follow_up: {
    permission: 'crmEdit',
    toEngine: (agentId, d) => ({ type: 'crm_add_follow_up', agentId, caseId: d.caseId, text: d.text, channel: d.channel, direction: d.direction }),
  },
  crm_create_task: {
    permission: 'crmEdit',
    toEngine: (agentId, d) => ({ type: 'crm_create_task', agentId, text: d.text, due: d.due, assigneeId: d.assigneeId, caseId: d.caseId, customerId: d.customerId }),
  },
  crm_update_task: {
    permission: 'crmEdit',
    toEngine: (agentId, d) => ({ type: 'crm_update_task', agentId, taskId: d.taskId, text: d.text, due: d.due, done: d.done, assigneeId: d.assigneeId }),
  },
  // Any agent says whose their interaction is: the log is saved whatever their permissions.
  crm_link: { toEngine: (agentId, d) => ({ type: 'crm_link', agentId, interactionId: d.interactionId, customerId: d.customerId, caseId: d.caseId }) },
  crm_import: { permission: 'crmImport', toEngine: (agentId, d) => ({ type: 'crm_import', agentId, rows: d.rows, lines: d.lines }) },
};
