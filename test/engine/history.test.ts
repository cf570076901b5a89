/**
 * History: an agent's past calls, chats and voicemails, from the automatic
 * interaction logs the CRM saves (one store of those facts): newest first,
 * only their own, searched by codes, notes, transcript, customer and queue,
 * and rebuilt from the event log like every CRM table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { crmHarness, type CrmHarness } from './crm-kit.js';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

/** a1 takes a call from a known customer and a chat from a stranger, with notes and codes. */
function shift(h: CrmHarness): { call: string; chat: string } {
  h.customer({ firstName: 'Olivia', lastName: 'Brown', phones: ['+15105551234'] }); // the caller (phone-kit's CALLER)
  h.ok({ type: 'set_status', agentId: 'a1', status: 'available' });
  const call = h.connected('a1').id;
  h.ok({ type: 'set_notes', agentId: 'a1', interactionId: call, notes: 'Wants a refund for order 7781' });
  h.ok({ type: 'set_codes', agentId: 'a1', interactionId: call, codes: ['refund'] });
  h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: call });
  h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: call });
  const { interactionId: chat } = h.ok({ type: 'arrive', queueId: 'chat', customer: { name: 'Sam' } });
  h.ok({ type: 'accept', agentId: 'a1', interactionId: chat! });
  const conversationId = h.engine.queries.interaction(chat!)!.chat!.conversationId;
  h.ok({ type: 'customer_chat', conversationId, text: 'Is the warehouse open on Sunday?' });
  h.ok({ type: 'end_interaction', agentId: 'a1', interactionId: chat! });
  h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: chat! });
  return { call, chat: chat! };
}

describe('History', () => {
  it("lists an agent's own past interactions newest first, with codes, notes and the customer; nobody else's", () => {
    const h = crmHarness();
    const { call, chat } = shift(h);
    const mine = h.engine.queries.crmHistory('a1');
    expect(mine.map((e) => e.log.interactionId)).toEqual([chat, call]);
    expect(mine[1]).toMatchObject({ customerName: 'Olivia Brown', log: { media: 'inbound_phone', codes: ['Refund'], queueName: 'Support — Phone' }, text: expect.stringMatching(/^Wants a refund for order 7781/) });
    expect(mine[0]).toMatchObject({ subject: 'Chat with Sam', log: { media: 'chat' }, text: expect.stringContaining('Sam: Is the warehouse open on Sunday?') });
    expect(h.engine.queries.crmHistory('a2')).toEqual([]);
  });

  it('is searched by every word, in any case and accent, across notes, codes, transcript, customer and queue', () => {
    const h = crmHarness();
    const { call, chat } = shift(h);
    const ids = (text: string) => h.engine.queries.crmHistory('a1', text).map((e) => e.log.interactionId);
    expect(ids('REFUND')).toEqual([call]);
    expect(ids('olivia 7781')).toEqual([call]);
    expect(ids('warehouse sunday')).toEqual([chat]);
    expect(ids('support')).toEqual([chat, call]);
    expect(ids('Sam')).toEqual([chat]);
    expect(ids('nowhere')).toEqual([]);
  });

  it('comes back whole after a restart, rebuilt from the log', () => {
    const dir = mkdtempSync(join(tmpdir(), 'history-'));
    dirs.push(dir);
    const db = join(dir, 'cc.db');
    const h = crmHarness(db);
    const { call, chat } = shift(h);
    h.engine.close();
    const again = crmHarness(db);
    expect(again.engine.queries.crmHistory('a1', 'refund').map((e) => e.log.interactionId)).toEqual([call]);
    expect(again.engine.queries.crmHistory('a1').map((e) => e.log.interactionId)).toEqual([chat, call]);
    again.engine.close();
  });
});
