/** What consoles read of the CRM: search, a customer, a case, my tasks, export pages; and the screen pop of an interaction. */
import type { ViewContext } from '../kernel/module.js';
import type { Interaction } from '../work/state.js';
import type { InteractionView } from '../work/views.js';
import { popOf } from './pop.js';
import type { CaseView, CrmSearchResult, CustomerRecord, CustomerView, HistoryEntry, TaskRecord } from './records.js';

/** The screen-pop part of an interaction's view (offers and work). */
export function addCrmPart(vc: ViewContext, i: Interaction, view: InteractionView): void {
  view.crm = popOf(vc.records.crm, vc.state(), vc.tenant, i);
}

export function crmViews(vc: ViewContext) {
  const records = vc.records.crm;
  return {
    /** Customers and cases matching `text` in any column (case and accents ignored), as you type. */
    crmSearch(text: string, limit = 20): CrmSearchResult {
      return records.search(text, Math.max(1, Math.min(limit, 100)));
    },

    /** A customer with their cases, open tasks and possible duplicates. */
    crmCustomer(customerId: string): CustomerView | undefined {
      const c = records.customer(customerId);
      if (!c) return undefined;
      const duplicates = records.sharingKeys(c, c.id).flatMap((d) => {
        const other = records.customer(d.id);
        return other ? [records.summary(other)] : [];
      });
      return { ...c, cases: records.casesOf(c.id), tasks: records.openTasksOfCustomer(c.id), duplicates };
    },

    /** A case with its customer, its history (follow-ups and logs, oldest first) and its tasks. */
    crmCase(caseId: string): CaseView | undefined {
      const k = records.caseRecord(caseId);
      if (!k) return undefined;
      const customer = k.customerId ? records.customer(k.customerId) : undefined;
      return { ...k, ...(customer ? { customer: records.summary(customer) } : {}), followUps: records.followUpsOf(k.id), tasks: records.tasksOfCase(k.id) };
    },

    /** History: the agent's past calls, chats and voicemails (their logs: codes, notes, transcript), newest first, searched as you type. */
    crmHistory(agentId: string, text = '', limit = 100): HistoryEntry[] {
      return records.history(agentId, text, Math.max(1, Math.min(limit, 500)));
    },

    /** Tasks assigned to the agent: open ones by due date (done ones after, when asked). */
    crmTasks(agentId: string, includeDone = false): TaskRecord[] {
      return records.tasksOf(agentId, includeDone);
    },

    /** Customers in id order after `afterId` (export). */
    crmExport(afterId: string | undefined, limit: number): CustomerRecord[] {
      return records.page(afterId, Math.max(1, Math.min(limit, 5000)));
    },

    crmCounts: (): { customers: number; cases: number } => records.counts(),
  };
}
