/**
 * CRM and directory queries (spread into WIRE_QUERIES): answered from the
 * engine's read models in the ack's result. Every agent of the tenant reads
 * the CRM; exporting it needs the crmImport permission.
 */
import { hasPermission, PERMISSION_LABELS, type Engine } from '../engine/index.js';
import type { ClientData } from '../protocol/index.js';
import type { QueryResult } from './query-result.js';

const notFound = (message: string): QueryResult => ({ ok: false, error: { code: 'NOT_FOUND', message } });

export const CRM_WIRE_QUERIES = {
  crm_search: (engine: Engine, _agentId: string, d: ClientData<'crm_search'>): QueryResult => ({ ok: true, result: { search: engine.queries.crmSearch(d.text, d.limit) } }),

  crm_customer: (engine: Engine, _agentId: string, d: ClientData<'crm_customer'>): QueryResult => {
    const customer = engine.queries.crmCustomer(d.customerId);
    return customer ? { ok: true, result: { customer } } : notFound(`There is no customer ${d.customerId}.`);
  },

  crm_case: (engine: Engine, _agentId: string, d: ClientData<'crm_case'>): QueryResult => {
    const kase = engine.queries.crmCase(d.caseId);
    return kase ? { ok: true, result: { case: kase } } : notFound(`There is no case ${d.caseId}.`);
  },

  /** My tasks. */
  crm_tasks: (engine: Engine, agentId: string, d: ClientData<'crm_tasks'>): QueryResult => ({ ok: true, result: { tasks: engine.queries.crmTasks(agentId, d?.includeDone) } }),

  /** My History: only my own interactions' logs. */
  history: (engine: Engine, agentId: string, d: ClientData<'history'>): QueryResult => ({ ok: true, result: { history: engine.queries.crmHistory(agentId, d?.text ?? '', d?.limit) } }),

  crm_export: (engine: Engine, agentId: string, d: ClientData<'crm_export'>): QueryResult => {
    if (!hasPermission(engine.tenant.agents.get(agentId)!, 'crmImport'))
      return { ok: false, error: { code: 'NOT_PERMITTED', message: `You do not have the permission to ${PERMISSION_LABELS.crmImport}.` } };
    return { ok: true, result: { customers: engine.queries.crmExport(d?.after, d?.limit ?? 1000) } };
  },

  directory: (engine: Engine, agentId: string, d: ClientData<'directory'>): QueryResult => ({ ok: true, result: { directory: engine.queries.directory(agentId, d.text, d.limit) } }),
} as const;
