/** A tenant and helpers for CRM tests: queues with each screen-pop mode, agents with and without CRM permissions. */
import { expect } from 'vitest';
import type { Command, EngineEvent, Result } from '../../src/engine/index.js';
import { agent, baseTenant } from './harness.js';
import { phoneHarness, type PhoneHarness } from './phone-kit.js';

/**
 * a1: merges and imports, records calls. a2: may not edit the CRM. a3: plain agent (another group).
 * Queues: phone (auto), phone-view, phone-edit, phone-none, chat (auto, a code list), vm, out.
 */
export function crmTenant(): unknown {
  const q = (id: string, media: string, extra: Record<string, unknown> = {}) => ({ id, name: id, media, acceptTimeoutSec: 20, wrapUpSec: 30, agents: ['a1', 'a2'], ...extra });
  return baseTenant({
    agents: [
      agent('a1', { permissions: { crmMerge: true, crmImport: true, recording: 'start_pause', rejectOffers: true } }),
      agent('a2', { permissions: { crmEdit: false } }),
      agent('a3', { group: 'g2' }),
      agent('s1', { role: 'supervisor', supervises: ['g2'] }),
    ],
    queues: [
      q('phone', 'inbound_phone', {
        name: 'Support — Phone',
        codeLists: [{ id: 'why', name: 'Reason', codes: [{ id: 'refund', label: 'Refund' }, { id: 'info', label: 'Information' }] }],
      }),
      q('phone-view', 'inbound_phone', { screenPop: 'view' }),
      q('phone-edit', 'inbound_phone', { screenPop: 'edit' }),
      q('phone-none', 'inbound_phone', { screenPop: 'none' }),
      q('chat', 'chat', { name: 'Support — Chat' }),
      q('vm', 'voicemail', { name: 'Voicemail' }),
      q('out', 'outbound_phone'),
    ],
  });
}

export interface CrmHarness extends PhoneHarness {
  /** Creates a customer as a1 and returns its id. */
  customer(fields: Record<string, unknown>): string;
  /** Runs a command expected to fail and returns its error. */
  refused(cmd: Command): Extract<Result<unknown>, { ok: false }>['error'];
  logs(): Extract<EngineEvent, { type: 'crm.interaction_logged' }>[];
}

export function crmHarness(dbFile = ':memory:'): CrmHarness {
  const h = phoneHarness(crmTenant(), dbFile) as CrmHarness;
  for (const id of ['a1', 'a2', 's1']) h.ok({ type: 'login', agentId: id });
  h.customer = (fields) => h.ok({ type: 'crm_create_customer', agentId: 'a1', customer: fields }).customerId!;
  h.refused = (cmd) => {
    const r = h.run(cmd);
    expect(r.ok, `${cmd.type} should be refused`).toBe(false);
    return (r as Extract<typeof r, { ok: false }>).error;
  };
  h.logs = () => h.ofType('crm.interaction_logged');
  return h;
}
