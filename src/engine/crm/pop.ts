/**
 * Screen pop: the customers an interaction's keys name — a case number, an
 * account number, the caller ID, an email address (the web chat's pre-chat
 * fields, the switch's caller ID) — and the record its log will go to:
 * what the agent linked, else the case named, else the only match. Read
 * from the store on each view, so a customer created mid-call pops at once.
 */
import type { EngineState } from '../kernel/types.js';
import type { Tenant } from '../tenant/tenant.js';
import type { CustomerInfo, Interaction } from '../work/state.js';
import type { PopMode } from './events.js';
import { accountKey, caseNumberKey, emailKey, phoneKey } from './fields.js';
import type { CustomerSummary } from './records.js';
import { threadOf } from './state.js';
import type { CrmReader } from './store/reader.js';

/** Matches listed in a pop (more are counted, not listed). */
export const MAX_POP_MATCHES = 5;

/** The CRM part of an interaction's view: what pops, and where its log goes. */
export interface CrmPop {
  /** view: show the record read-only; edit: open the form to complete; none: pop nothing. */
  mode: PopMode;
  /** The customer the log goes to: linked by the agent, or the only match. */
  customerId?: string;
  /** The case the log goes on: linked, named by the customer, or opened for this contact. */
  caseId?: string;
  /** Customers matching the keys, best key first (case, account, caller ID, email). */
  matches: CustomerSummary[];
  /** More customers matched than listed. */
  more: boolean;
  /** A case number given that no case has. */
  unknownCase?: string;
}

declare module '../work/views.js' {
  interface InteractionView {
    crm?: CrmPop;
  }
}

/** Customer ids the keys name, best key first, each once; and the case a case number names. */
export function matchKeys(records: CrmReader, info: CustomerInfo): { ids: string[]; caseId?: string; unknownCase?: string } {
  const ids: string[] = [];
  let caseId: string | undefined;
  let unknownCase: string | undefined;
  if (info.caseNumber) {
    const key = caseNumberKey(info.caseNumber);
    const k = key ? records.caseRecord(key) : undefined;
    if (k) {
      caseId = k.id;
      if (k.customerId) ids.push(k.customerId);
    } else unknownCase = info.caseNumber;
  }
  if (info.account) ids.push(...records.byKey('account', accountKey(info.account)));
  const phone = info.phone ? phoneKey(info.phone) : undefined;
  if (phone) ids.push(...records.byKey('phone', phone));
  if (info.email) ids.push(...records.byKey('email', emailKey(info.email)));
  return { ids: [...new Set(ids.map((id) => records.customer(id)?.id ?? id))], caseId, unknownCase };
}

/** Where an interaction's log goes, as things stand: the thread's link, else the keys' case and only customer. */
export function resolveRecord(records: CrmReader, state: EngineState, i: Interaction) {
  const matched = matchKeys(records, i.customer);
  const thread = threadOf(state, i.id);
  const caseId = thread?.caseId ?? matched.caseId;
  const caseCustomer = caseId && !thread?.customerId ? records.caseRecord(caseId)?.customerId : undefined;
  const customerId = thread?.customerId ?? caseCustomer ?? (matched.ids.length === 1 ? matched.ids[0] : undefined);
  return { ...matched, customerId, caseId };
}

/** The queue's screen-pop setting for this interaction, resolved for a known or a new customer. */
export function popMode(tenant: Tenant, i: Interaction, known: boolean): PopMode {
  const setting = (i.queueId ? tenant.queues.get(i.queueId)?.screenPop : tenant.config.directRouting.screenPop) ?? 'auto';
  return setting === 'auto' ? (known ? 'view' : 'edit') : setting;
}

export function popOf(records: CrmReader, state: EngineState, tenant: Tenant, i: Interaction): CrmPop {
  const r = resolveRecord(records, state, i);
  const matches = r.ids.slice(0, MAX_POP_MATCHES).flatMap((id) => {
    const c = records.customer(id);
    return c ? [records.summary(c)] : [];
  });
  return {
    mode: popMode(tenant, i, r.customerId !== undefined),
    ...(r.customerId ? { customerId: records.customer(r.customerId)?.id ?? r.customerId } : {}),
    ...(r.caseId ? { caseId: r.caseId } : {}),
    matches,
    more: r.ids.length > MAX_POP_MATCHES,
    ...(r.unknownCase ? { unknownCase: r.unknownCase } : {}),
  };
}
