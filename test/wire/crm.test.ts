/**
 * CRM over the wire: every CRM message's ack and typed error, the door
 * permissions (an agent without them never reaches the engine), field errors
 * and duplicates carried to the client, and a console's view of the screen
 * pop and the automatic log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/index.js';
import type { AnyServerEnvelope } from '../../src/protocol/index.js';
import { CRM_MESSAGES } from '../../src/protocol/crm-messages.js';
import { WIRE_COMMANDS, type WireCommand } from '../../src/server/commands/index.js';
import { crmTenant } from '../engine/crm-kit.js';
import { rawLogin, rig, RawClient, until, wireTenant, type Rig } from './helpers.js';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const covered = new Set<string>();

async function crmRig(): Promise<Rig> {
  const t = crmTenant() as Record<string, unknown>;
  return rig({}, await wireTenant({ agents: t.agents, queues: t.queues } as never));
}

async function ok(c: RawClient, type: string, data: unknown = {}): Promise<NonNullable<Extract<AnyServerEnvelope, { type: 'ack' }>['data']['result']>> {
  const reply = await c.cmd(type, data);
  expect(reply, `${type} ${JSON.stringify(data)}`).toMatchObject({ type: 'ack' });
  covered.add(`${type}:ack`);
  return (reply as Extract<AnyServerEnvelope, { type: 'ack' }>).data.result!;
}

async function fails(c: RawClient, type: string, data: unknown, code: string): Promise<Extract<AnyServerEnvelope, { type: 'error' }>['data']> {
  const reply = await c.cmd(type, data);
  expect(reply, `${type} ${JSON.stringify(data)}`).toMatchObject({ type: 'error', data: { code, message: expect.any(String) } });
  covered.add(`${type}:error`);
  return (reply as Extract<AnyServerEnvelope, { type: 'error' }>).data;
}

describe('CRM over the wire', () => {
  it('every message: an ack, and a typed error naming the field or the record', async () => {
    r = await crmRig();
    const a1 = await rawLogin(r.server.url, 'a1');
    const customer = { firstName: 'Olivia', lastName: 'Brown', emails: ['olivia@example.com'], phones: ['337-555-5827'] };
    const { customerId } = await ok(a1, 'crm_create_customer', { customer });
    expect(customerId).toBe('CUS-000001');
    const dup = await fails(a1, 'crm_create_customer', { customer: { lastName: 'B', emails: ['OLIVIA@example.com'] } }, 'DUPLICATE');
    expect(dup.duplicates).toEqual([{ id: customerId, name: 'Olivia Brown' }]);

    await ok(a1, 'crm_update_customer', { customerId, changes: { company: 'Acme' } });
    const bad = await fails(a1, 'crm_update_customer', { customerId, changes: { emails: ['nope'] } }, 'VALIDATION');
    expect(bad).toMatchObject({ field: 'emails[0]', message: 'emails[0]: "nope" is not an email address.' });

    const { caseId } = await ok(a1, 'crm_open_case', { customerId, subject: 'Refund' });
    await fails(a1, 'crm_open_case', { customerId: 'CUS-000404', subject: 'x' }, 'NOT_FOUND');
    await ok(a1, 'crm_update_case', { caseId, status: 'closed' });
    await fails(a1, 'crm_update_case', { caseId: 'CAS-000404', status: 'closed' }, 'NOT_FOUND');
    await ok(a1, 'crm_add_follow_up', { caseId, text: 'Called back.' });
    await fails(a1, 'crm_add_follow_up', { caseId, text: '   ' }, 'VALIDATION');
    const { taskId } = await ok(a1, 'crm_create_task', { text: 'Send the form', due: '2026-05-01', caseId });
    await fails(a1, 'crm_create_task', { text: 'x', due: 'tomorrow' }, 'VALIDATION');
    await ok(a1, 'crm_update_task', { taskId, done: true });
    await fails(a1, 'crm_update_task', { taskId: 'TSK-000404', done: true }, 'NOT_FOUND');
    const other = (await ok(a1, 'crm_create_customer', { customer: { lastName: 'Brown', emails: ['olivia@example.com'] }, force: true })).customerId!;
    await ok(a1, 'crm_merge_customers', { customerId, mergeId: other });
    await fails(a1, 'crm_merge_customers', { customerId, mergeId: customerId }, 'VALIDATION');
    const imported = await ok(a1, 'crm_import', { rows: [{ lastName: 'Ok' }, { lastName: 'Bad', phones: ['1'] }], lines: [2, 3] });
    expect(imported.imported).toMatchObject({ created: 1, rejected: [{ line: 3, field: 'phones[0]' }] });
    await fails(a1, 'crm_import', { rows: [] }, 'BAD_FRAME');

    expect((await ok(a1, 'crm_search', { text: 'olivia' })).search!.customers.map((c) => c.id)).toEqual([customerId]);
    await fails(a1, 'crm_search', { text: 5 }, 'BAD_FRAME');
    expect((await ok(a1, 'crm_customer', { customerId: other })).customer!.id).toBe(customerId);
    await fails(a1, 'crm_customer', { customerId: 'CUS-000404' }, 'NOT_FOUND');
    expect((await ok(a1, 'crm_case', { caseId })).case!.followUps.map((f) => f.text)).toEqual(['Called back.']);
    await fails(a1, 'crm_case', { caseId: 'CAS-000404' }, 'NOT_FOUND');
    expect((await ok(a1, 'crm_tasks', { includeDone: true })).tasks!.map((t) => t.id)).toEqual([taskId]);
    await fails(a1, 'crm_tasks', { includeDone: 'yes' }, 'BAD_FRAME');
    expect((await ok(a1, 'crm_export', { limit: 10 })).customers!.map((c) => c.lastName)).toEqual(['Brown', 'Ok']);
    await fails(a1, 'crm_export', { limit: 0 }, 'BAD_FRAME');
    // Every agent of the tenant, any column: a3 is in another group (no chat with them).
    const directory = (await ok(a1, 'directory', { text: 'group 2' })).directory!;
    expect(directory.entries.find((e) => e.id === 'a3')).toMatchObject({ groupName: 'Group 2', canChat: false, status: 'logged_out' });
    expect((await ok(a1, 'directory', { text: 'SUPERVISOR' })).directory).toMatchObject({ total: 1, entries: [{ id: 's1', canChat: true }] });
    await fails(a1, 'directory', { text: 'x'.repeat(201) }, 'BAD_FRAME');
  });

  it('door permissions: without them the engine never sees the command', async () => {
    r = await crmRig();
    const events: EngineEvent[] = [];
    r.engine.subscribe((b) => events.push(...b.filter((e) => e.type.startsWith('crm.'))));
    const a2 = await rawLogin(r.server.url, 'a2');
    const s1 = await rawLogin(r.server.url, 's1');
    const needing = (Object.keys(CRM_MESSAGES) as WireCommand[]).filter((t) => t in WIRE_COMMANDS && WIRE_COMMANDS[t].permission);
    expect(needing.sort()).toEqual(['crm_add_follow_up', 'crm_create_customer', 'crm_create_task', 'crm_import', 'crm_merge_customers', 'crm_open_case', 'crm_update_case', 'crm_update_customer', 'crm_update_task']);
    const data: Record<string, unknown> = {
      crm_add_follow_up: { caseId: 'CAS-000001', text: 'x' },
      crm_create_customer: { customer: { lastName: 'X' } },
      crm_create_task: { text: 'x' },
      crm_import: { rows: [{ lastName: 'X' }] },
      crm_merge_customers: { customerId: 'CUS-000001', mergeId: 'CUS-000002' },
      crm_open_case: { subject: 'x' },
      crm_update_case: { caseId: 'CAS-000001', status: 'closed' },
      crm_update_customer: { customerId: 'CUS-000001', changes: { notes: 'x' } },
      crm_update_task: { taskId: 'TSK-000001', done: true },
    };
    for (const type of needing) {
      // a2 may not edit the CRM; s1 edits but neither merges nor imports.
      const who = ['crm_merge_customers', 'crm_import'].includes(type) ? s1 : a2;
      const e = await fails(who, type, data[type], 'NOT_PERMITTED');
      expect(e.message).toMatch(/^You do not have the permission to /);
    }
    await fails(s1, 'crm_export', {}, 'NOT_PERMITTED');
    // Reading and linking need no permission.
    await ok(a2, 'crm_search', { text: 'anything' });
    await fails(a2, 'crm_link', { interactionId: 'IX-404', customerId: 'CUS-000001' }, 'NOT_FOUND');
    expect(events).toEqual([]);
  });

  it('a console sees the screen pop on its offer and work, and the log saved when the interaction ends', async () => {
    r = await crmRig();
    const rr = r;
    const a1 = await rr.client('a1');
    const created = await a1.createCustomer({ firstName: 'Lee', lastName: 'Park', emails: ['lee@example.com'] });
    const customerId = created.ok ? created.customerId! : '';
    await a1.setStatus('available');
    const arrival = rr.engine.execute({ type: 'arrive', queueId: 'chat', customer: { name: 'Lee', email: 'lee@example.com' } });
    const id = arrival.ok ? arrival.value.interactionId! : '';
    const offered = await until(a1, (v) => v.offer?.id === id, 'the offer');
    expect(offered.offer!.crm).toMatchObject({ mode: 'view', customerId, matches: [{ id: customerId, name: 'Lee Park' }] });
    await a1.accept(id);
    expect(await a1.linkInteraction(id, { customerId })).toMatchObject({ ok: true, customerId });
    covered.add('crm_link:ack');
    await a1.setNotes(id, 'Asked about delivery.');
    await a1.endInteraction(id);
    await a1.wrapUp(id);
    const v = await until(a1, (view) => view.crmLogged?.interactionId === id, 'the log');
    expect(v.crmLogged).toMatchObject({ customerId, mode: 'view', caseId: 'CAS-000001' });
    const kase = await a1.crmCase(v.crmLogged!.caseId);
    expect(kase.ok && kase.case!.followUps[0]!.text).toMatch(/^Asked about delivery\./);

    // History: my past interactions from their logs, searched; nobody else's.
    const mine = await a1.history();
    expect(mine.ok && mine.history).toEqual([expect.objectContaining({
      caseId: 'CAS-000001', customerName: 'Lee Park', subject: 'Chat with Lee', log: expect.objectContaining({ interactionId: id, media: 'chat', queueName: 'Support — Chat' }),
      text: expect.stringMatching(/^Asked about delivery\./),
    })]);
    covered.add('history:ack');
    const found = await a1.history('DELIVERY park');
    expect(found.ok && found.history).toHaveLength(1);
    const none = await a1.history('refund');
    expect(none.ok && none.history).toEqual([]);
    const a2 = await rawLogin(rr.server.url, 'a2');
    expect((await ok(a2, 'history', {})).history).toEqual([]);
    await fails(a2, 'history', { limit: 0 }, 'BAD_FRAME');
  });
});

describe('coverage', () => {
  it('every CRM message is exercised (ack and error)', () => {
    for (const t of Object.keys(CRM_MESSAGES)) {
      expect(covered.has(`${t}:ack`), `${t} ack`).toBe(true);
      expect(covered.has(`${t}:error`), `${t} error`).toBe(true);
    }
  });
});
