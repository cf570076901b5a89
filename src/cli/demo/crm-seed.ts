/**
 * The demo's CRM, loaded at its first start: the demo customers (most callers
 * and chatters are among them, so their record pops), some with past cases
 * and their history, and a few tasks for the demo agent. Entered through the
 * engine's own commands (an import, cases, follow-ups), as a supervisor would.
 */
import type { Command, Engine } from '../../engine/index.js';
import { DEMO_CUSTOMERS } from './people.js';
import { prng } from './prng.js';

const PAST = [
  { subject: 'Router keeps dropping the connection', notes: ['Reset the router remotely; asked to call back if it drops again.', 'Called back: stable for 3 days. Closing.'] },
  { subject: 'Billing address change', notes: ['Updated the billing address; confirmation email sent.'] },
  { subject: 'Upgrade to the Pro plan', notes: ['Quoted the Pro plan; the customer will think about it.', 'Customer accepted: upgrade scheduled for the 1st.'] },
  { subject: 'Late delivery of the new handset', notes: ['Carrier lost the parcel; a replacement is on its way.'] },
];

/** Loads the demo CRM unless it has customers already. `supervisor`: who enters it; `agent`: who gets the tasks. */
export function seedDemoCrm(engine: Engine, supervisor: string, agent: string): void {
  if (engine.queries.crmCounts().customers > 0) return;
  const run = (cmd: Command) => {
    const r = engine.execute(cmd);
    if (!r.ok) throw new Error(`demo CRM: ${cmd.type} refused: ${r.error.message}`);
    return r.value;
  };
  const rows = DEMO_CUSTOMERS.map((c) => ({ firstName: c.firstName, lastName: c.lastName, company: c.company, phones: [c.phone], emails: [c.email], account: c.account, address: c.address }));
  run({ type: 'crm_import', agentId: supervisor, rows });
  const rnd = prng(4242);
  for (let i = 0; i < DEMO_CUSTOMERS.length; i += 3) {
    const past = PAST[Math.floor(rnd() * PAST.length)]!;
    const customerId = `CUS-${String(i + 1).padStart(6, '0')}`;
    const { caseId } = run({ type: 'crm_open_case', agentId: supervisor, customerId, subject: past.subject });
    for (const text of past.notes) run({ type: 'crm_add_follow_up', agentId: supervisor, caseId: caseId!, text, channel: 'phone', direction: 'inbound' });
    if (past.notes.length > 1) run({ type: 'crm_update_case', agentId: supervisor, caseId: caseId!, status: 'closed' });
    else if (i % 9 === 0) run({ type: 'crm_create_task', agentId: supervisor, assigneeId: agent, caseId: caseId!, text: `Follow up: ${past.subject.toLowerCase()}` });
  }
}
