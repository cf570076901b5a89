/**
 * Customers: create (duplicates by email or phone are refused, to be merged
 * or confirmed), edit, merge two into one, import many. Every field passes
 * fields.ts first: nothing is saved half-valid.
 */
import type { Handler } from '../../kernel/module.js';
import { fail, ok, type Result } from '../../kernel/result.js';
import type { CommandOf } from '../../kernel/types.js';
import { applyCustomerChanges, checkCustomerChanges, CUSTOMER_TEXT_FIELDS, EMPTY_CUSTOMER, type CustomerInput } from '../fields.js';
import { MAX_IMPORT_ROWS } from '../commands.js';
import type { CustomerFields, CustomerRecord } from '../records.js';
import { actor, duplicateOf, findCustomer, nextCustomerId, ownInteraction } from '../steps.js';

/** A new customer's fields from a form or a row: checked, normalized, named. */
function newFields(input: CustomerInput): Result<CustomerFields> {
  const changes = checkCustomerChanges(input);
  return changes.ok ? applyCustomerChanges(EMPTY_CUSTOMER, changes.value) : changes;
}

/** What `extra` adds to `c` without overwriting it: blanks filled, emails and phones added, notes appended. */
function additions(c: CustomerRecord, extra: CustomerFields): Partial<CustomerFields> {
  const changes: Partial<CustomerFields> = {};
  for (const f of CUSTOMER_TEXT_FIELDS) if (!c[f] && extra[f]) changes[f] = extra[f];
  if (c.notes && extra.notes && !c.notes.includes(extra.notes)) changes.notes = `${c.notes}\n\n${extra.notes}`;
  const emails = [...new Set([...c.emails, ...extra.emails])];
  const phones = [...new Set([...c.phones, ...extra.phones])];
  if (emails.length > c.emails.length) changes.emails = emails;
  if (phones.length > c.phones.length) changes.phones = phones;
  return changes;
}

export const createCustomer: Handler<CommandOf<'crm_create_customer'>> = (ctx, cmd) => {
  const by = actor(ctx, cmd.agentId, 'crmEdit');
  if (!by.ok) return by;
  const fields = newFields(cmd.customer);
  if (!fields.ok) return fields;
  const interaction = cmd.interactionId ? ownInteraction(ctx, cmd.agentId, cmd.interactionId) : undefined;
  if (interaction && !interaction.ok) return interaction;
  if (cmd.into !== undefined) {
    const target = findCustomer(ctx, cmd.into, 'into');
    if (!target.ok) return target;
    const changes = additions(target.value, fields.value);
    if (Object.keys(changes).length) ctx.emit({ type: 'crm.customer_updated', customerId: target.value.id, changes, by: cmd.agentId });
    if (cmd.interactionId) ctx.emit({ type: 'crm.interaction_linked', interactionId: cmd.interactionId, customerId: target.value.id, by: cmd.agentId });
    return ok({ customerId: target.value.id });
  }
  const duplicates = ctx.records.crm.sharingKeys(fields.value);
  if (duplicates.length && !cmd.force) return duplicateOf(duplicates);
  const customerId = nextCustomerId(ctx);
  ctx.emit({ type: 'crm.customer_created', customerId, fields: fields.value, by: cmd.agentId, ...(cmd.interactionId ? { forInteraction: cmd.interactionId } : {}) });
  return ok({ customerId });
};

export const updateCustomer: Handler<CommandOf<'crm_update_customer'>> = (ctx, cmd) => {
  const by = actor(ctx, cmd.agentId, 'crmEdit');
  if (!by.ok) return by;
  const found = findCustomer(ctx, cmd.customerId);
  if (!found.ok) return found;
  const c = found.value;
  const changes = checkCustomerChanges(cmd.changes);
  if (!changes.ok) return changes;
  const merged = applyCustomerChanges(c, changes.value);
  if (!merged.ok) return merged;
  // Only what this edit adds can be a new duplicate (an old one is offered for merge on the record).
  const added = { emails: merged.value.emails.filter((e) => !c.emails.includes(e)), phones: merged.value.phones.filter((p) => !c.phones.includes(p)) };
  const duplicates = ctx.records.crm.sharingKeys(added, c.id);
  if (duplicates.length && !cmd.force) return duplicateOf(duplicates, c.id);
  if (Object.keys(changes.value).length) ctx.emit({ type: 'crm.customer_updated', customerId: c.id, changes: changes.value, by: cmd.agentId });
  return ok({ customerId: c.id });
};

export const mergeCustomers: Handler<CommandOf<'crm_merge_customers'>> = (ctx, cmd) => {
  const by = actor(ctx, cmd.agentId, 'crmMerge');
  if (!by.ok) return by;
  const keep = findCustomer(ctx, cmd.customerId);
  if (!keep.ok) return keep;
  const gone = findCustomer(ctx, cmd.mergeId, 'mergeId');
  if (!gone.ok) return gone;
  if (keep.value.id === gone.value.id) return fail('VALIDATION', `${cmd.customerId} and ${cmd.mergeId} are already one customer.`);
  ctx.emit({ type: 'crm.customer_merged', customerId: keep.value.id, mergedId: gone.value.id, by: cmd.agentId });
  return ok({ customerId: keep.value.id });
};

export const importCustomers: Handler<CommandOf<'crm_import'>> = (ctx, cmd) => {
  const by = actor(ctx, cmd.agentId, 'crmImport');
  if (!by.ok) return by;
  if (!Array.isArray(cmd.rows) || cmd.rows.length > MAX_IMPORT_ROWS) return fail('VALIDATION', `rows: 1 to ${MAX_IMPORT_ROWS} per command.`);
  const rejected: { line: number; field?: string; message: string }[] = [];
  // Keys of the rows created by this command: not in the store until it commits.
  const taken = new Map<string, string>();
  let created = 0;
  for (const [i, row] of cmd.rows.entries()) {
    const line = cmd.lines?.[i] ?? i + 1;
    const fields = newFields(row);
    if (!fields.ok) {
      rejected.push({ line, field: fields.error.field, message: fields.error.message });
      continue;
    }
    const keys = [...fields.value.emails, ...fields.value.phones];
    const inFile = keys.map((k) => taken.get(k)).find(Boolean);
    const stored = ctx.records.crm.sharingKeys(fields.value)[0];
    if (inFile || stored) {
      const field = fields.value.emails.some((e) => taken.has(e) || stored?.key === e) ? 'emails' : 'phones';
      rejected.push({ line, field, message: `same ${field === 'emails' ? 'email' : 'phone'} as ${inFile ?? `${stored!.name} (${stored!.id})`}: skipped.` });
      continue;
    }
    const customerId = nextCustomerId(ctx);
    ctx.emit({ type: 'crm.customer_created', customerId, fields: fields.value, by: cmd.agentId });
    for (const k of keys) taken.set(k, `line ${line} (${customerId})`);
    created++;
  }
  return ok({ imported: { created, rejected } });
};

