/**
 * CRM: customers, cases, follow-ups, tasks — kept in the store beside the
 * log (store/), not in memory — with screen pops (pop.ts), automatic
 * interaction logs (log.ts) and search (store/search.ts).
 */
import { defineModule, type HandlersOf } from '../kernel/module.js';
import type { CrmCommand } from './commands.js';
import { addFollowUp, linkInteraction, openCase, updateCase } from './handlers/cases.js';
import { createCustomer, importCustomers, mergeCustomers, updateCustomer } from './handlers/customers.js';
import { createTask, updateTask } from './handlers/tasks.js';
import { logInteraction } from './log.js';
import { CRM_FOLLOWS, CRM_REDUCERS } from './reducers.js';
import { crmSlice } from './state.js';
import { crmProjection } from './store/projection.js';
import type { CrmReader } from './store/reader.js';
import { addCrmPart, crmViews } from './views.js';

declare module '../kernel/types.js' {
  interface EngineRecords {
    crm: CrmReader;
  }
}

const handlers: HandlersOf<CrmCommand> = {
  crm_create_customer: createCustomer,
  crm_update_customer: updateCustomer,
  crm_merge_customers: mergeCustomers,
  crm_import: importCustomers,
  crm_open_case: openCase,
  crm_update_case: updateCase,
  crm_add_follow_up: addFollowUp,
  crm_link: linkInteraction,
  crm_create_task: createTask,
  crm_update_task: updateTask,
};

export const crm = defineModule({
  name: 'crm',
  state: crmSlice,
  handlers,
  reducers: CRM_REDUCERS,
  follows: CRM_FOLLOWS,
  views: crmViews,
  projection: crmProjection,
  hooks: { wrappedUp: logInteraction, interactionView: addCrmPart },
});
