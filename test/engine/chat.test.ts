import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agent, baseTenant, harness } from './harness.js';

const chatTenant = (extra: Record<string, unknown> = {}) =>
  baseTenant({
    agents: [
      agent('a1', { permissions: { rejectOffers: true, maxConcurrentChats: 6, editFaq: true } }),
      agent('a2', { permissions: { maxConcurrentChats: 6 } }),
      agent('a3', { group: 'g2' }),
      agent('boss', { group: 'g2', role: 'supervisor', supervises: ['g1'] }),
    ],
    queues: [
      { id: 'chat', name: 'Chat', media: 'chat', acceptTimeoutSec: 15, wrapUpSec: 10, agents: ['a1'] },
      { id: 'chat2', name: 'Chat two', media: 'chat', acceptTimeoutSec: 15, wrapUpSec: 10, agents: ['a2'] },
    ],
    faq: [{ id: 'hours', title: 'Opening hours', body: '<b>8am</b> to 7pm', shortcut: '\\q', category: 'General' }],
    ...extra,
  });

function openChat(h: ReturnType<typeof harness>, agentId = 'a1', queueId = 'chat') {
  const { interactionId } = h.ok({ type: 'arrive', queueId, customer: { name: 'Lee' } });
  h.ok({ type: 'accept', agentId, interactionId: interactionId! });
  return interactionId!;
}

describe('chat', () => {
  it('carries messages both ways, in order, on the conversation', () => {
    const h = harness(chatTenant());
    h.available('a1');
    const id = openChat(h);
    const conversationId = h.engine.queries.interaction(id)!.chat!.conversationId;
    h.ok({ type: 'customer_chat', conversationId, text: 'Hello?' });
    h.ok({ type: 'send_chat', agentId: 'a1', interactionId: id, text: 'Hi Lee, how can I help?' });
    const chat = h.engine.queries.interaction(id)!.chat!;
    expect(chat.messages.map((m) => [m.from, m.text])).toEqual([
      ['customer', 'Hello?'],
      ['agent', 'Hi Lee, how can I help?'],
    ]);
  });

  it('refuses empty, oversized, and closed-chat messages with clear errors', () => {
    const h = harness(chatTenant());
    h.available('a1');
    const id = openChat(h);
    const conversationId = h.engine.queries.interaction(id)!.chat!.conversationId;
    const code = (r: ReturnType<typeof h.run>) => (r.ok ? 'ok' : r.error.code);
    expect(code(h.run({ type: 'send_chat', agentId: 'a1', interactionId: id, text: '   ' }))).toBe('VALIDATION');
    expect(code(h.run({ type: 'send_chat', agentId: 'a1', interactionId: id, text: 'x'.repeat(5001) }))).toBe('VALIDATION');
    expect(code(h.run({ type: 'send_chat', agentId: 'a1', interactionId: id, text: 'x'.repeat(5000) }))).toBe('ok');
    h.ok({ type: 'customer_end', interactionId: id });
    expect(code(h.run({ type: 'send_chat', agentId: 'a1', interactionId: id, text: 'still there?' }))).toBe('INVALID_STATE');
    expect(code(h.run({ type: 'customer_chat', conversationId, text: 'me again' }))).toBe('NOT_FOUND');
  });

  it('up to six concurrent chats, never a seventh', () => {
    const h = harness(chatTenant());
    h.available('a1');
    for (let n = 0; n < 7; n++) h.ok({ type: 'arrive', queueId: 'chat', customer: { name: `C${n}` } });
    for (let n = 0; n < 6; n++) h.ok({ type: 'accept', agentId: 'a1', interactionId: h.offerOf('a1')! });
    expect(h.engine.queries.workOf('a1')).toHaveLength(6);
    expect(h.offerOf('a1')).toBeUndefined();
    expect(h.engine.queries.queueStats('chat')!.waiting).toBe(1);
  });

  it('transfer carries the history to the next agent, who sees from whom', () => {
    const h = harness(chatTenant());
    h.available('a1', 'a2');
    const id = openChat(h);
    const conversationId = h.engine.queries.interaction(id)!.chat!.conversationId;
    h.ok({ type: 'customer_chat', conversationId, text: 'I need billing' });
    const { interactionId: next } = h.ok({ type: 'transfer_chat', agentId: 'a1', interactionId: id, queueId: 'chat2' });
    // Ends on my side: I wrap up.
    expect(h.engine.queries.interaction(id)!.phase).toBe('wrapup');
    expect(h.offerOf('a2')).toBe(next);
    h.ok({ type: 'accept', agentId: 'a2', interactionId: next! });
    const chat = h.engine.queries.interaction(next!)!.chat!;
    expect(chat.transferredFrom).toMatchObject({ agentId: 'a1', displayName: 'A1', queueName: 'Chat' });
    expect(chat.messages.map((m) => m.from)).toEqual(['customer', 'system']);
    h.ok({ type: 'customer_chat', conversationId, text: 'thanks' });
    expect(h.engine.queries.interaction(next!)!.chat!.messages).toHaveLength(3);
    // The first agent wraps up and is free again; the conversation lives on with a2.
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: id });
    expect(h.status('a1')).toBe('available');
    h.ok({ type: 'customer_chat', conversationId, text: 'still here' });
    expect(h.engine.queries.interaction(next!)!.chat!.messages.at(-1)!.text).toBe('still here');
  });

  it("a chat transferred away keeps its whole transcript in the first agent's wrap-up, as it was at the transfer, across a restart", () => {
    const db = join(mkdtempSync(join(tmpdir(), 'ac-transfer-')), 'cc.db');
    const h = harness(chatTenant(), db);
    h.available('a1');
    const id = openChat(h);
    const conversationId = h.engine.queries.interaction(id)!.chat!.conversationId;
    h.ok({ type: 'customer_chat', conversationId, text: 'I need billing' });
    h.ok({ type: 'send_chat', agentId: 'a1', interactionId: id, text: 'Moving you there' });
    // Nobody in chat2: the customer waits there, and leaves before anyone takes it (the conversation is over).
    const { interactionId: next } = h.ok({ type: 'transfer_chat', agentId: 'a1', interactionId: id, queueId: 'chat2', force: true });
    const wrapUp = () => h.engine.queries.interaction(id)!.chat!;
    const atTransfer = structuredClone(wrapUp());
    expect(atTransfer.messages.map((m) => m.text)).toEqual(['I need billing', 'Moving you there', 'A1 transferred this chat to Chat two.']);
    h.ok({ type: 'customer_chat', conversationId, text: 'hello? anyone?' }); // not for a1: they handed it over
    h.ok({ type: 'customer_end', interactionId: next! });
    expect(h.engine.queries.interaction(id)!.phase).toBe('wrapup');
    expect(wrapUp()).toEqual(atTransfer);
    h.engine.close();
    const again = harness(chatTenant(), db);
    expect(again.engine.queries.interaction(id)!.chat).toEqual(atTransfer);
    again.engine.close();
  });

  it('warns before transferring to a queue with nobody available', () => {
    const h = harness(chatTenant());
    h.available('a1');
    const id = openChat(h);
    const r = h.run({ type: 'transfer_chat', agentId: 'a1', interactionId: id, queueId: 'chat2' });
    expect(r.ok ? 'ok' : r.error.code).toBe('UNSTAFFED');
    expect(h.engine.queries.interaction(id)!.phase).toBe('active');
    h.ok({ type: 'transfer_chat', agentId: 'a1', interactionId: id, queueId: 'chat2', force: true });
    expect(h.engine.queries.queueStats('chat2')!.waiting).toBe(1);
  });

  it('agent-to-agent chat only within the group, supervisors across theirs', () => {
    const h = harness(chatTenant());
    h.available('a1', 'a2', 'a3', 'boss');
    h.ok({ type: 'send_agent_chat', agentId: 'a1', to: 'a2', text: 'coffee?' });
    const r = h.run({ type: 'send_agent_chat', agentId: 'a1', to: 'a3', text: 'hi' });
    expect(r.ok ? 'ok' : r.error.code).toBe('NOT_PERMITTED');
    h.ok({ type: 'send_agent_chat', agentId: 'boss', to: 'a1', text: 'nice call' });
    h.ok({ type: 'send_agent_chat', agentId: 'a1', to: 'boss', text: 'thanks' });
    expect(h.engine.queries.agentChat('a1', 'boss').map((m) => m.text)).toEqual(['nice call', 'thanks']);
    // Agent chats never count against capacity and need no accept.
    expect(h.status('a1')).toBe('available');
  });

  it('a chat to a logged-out colleague is refused, saying so; once they log in it goes', () => {
    const h = harness(chatTenant());
    h.available('a1');
    const r = h.run({ type: 'send_agent_chat', agentId: 'a1', to: 'a2', text: 'coffee?' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: 'A2 is logged out: a chat reaches colleagues who are logged in.' } });
    expect(h.engine.queries.agentChat('a1', 'a2')).toEqual([]);
    h.ok({ type: 'login', agentId: 'a2' });
    h.ok({ type: 'send_agent_chat', agentId: 'a1', to: 'a2', text: 'coffee?' });
    h.ok({ type: 'logout', agentId: 'a2' });
    expect(h.run({ type: 'send_agent_chat', agentId: 'a1', to: 'a2', text: 'still there?' }).ok).toBe(false);
    expect(h.engine.queries.agentChat('a1', 'a2').map((m) => m.text)).toEqual(['coffee?']);
  });

  it('FAQ edits need the permission and survive a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ac-faq-'));
    const db = join(dir, 'faq.db');
    const h = harness(chatTenant(), db);
    h.available('a1', 'a2');
    const entry = { id: 'returns', title: 'Returns', body: 'Within <i>30 days</i>.', shortcut: '\\r', category: 'Orders' };
    const denied = h.run({ type: 'save_faq', agentId: 'a2', entry });
    expect(denied.ok ? 'ok' : denied.error.code).toBe('NOT_PERMITTED');
    const clash = h.run({ type: 'save_faq', agentId: 'a1', entry: { ...entry, shortcut: '\\Q' } });
    expect(clash.ok ? 'ok' : clash.error.code).toBe('VALIDATION');
    h.ok({ type: 'save_faq', agentId: 'a1', entry });
    h.ok({ type: 'delete_faq', agentId: 'a1', faqId: 'hours' });
    h.engine.close();
    const again = harness(chatTenant(), db);
    expect(again.engine.queries.faq().map((f) => f.id)).toEqual(['returns']);
    again.engine.close();
  });

  it('keeps the transcript durably, retrievable by interaction id after the end', () => {
    const h = harness(chatTenant());
    h.available('a1', 'a2');
    const id = openChat(h);
    const conversationId = h.engine.queries.interaction(id)!.chat!.conversationId;
    h.ok({ type: 'customer_chat', conversationId, text: 'one' });
    const { interactionId: next } = h.ok({ type: 'transfer_chat', agentId: 'a1', interactionId: id, queueId: 'chat2' });
    h.ok({ type: 'accept', agentId: 'a2', interactionId: next! });
    h.ok({ type: 'send_chat', agentId: 'a2', interactionId: next!, text: 'two' });
    h.ok({ type: 'end_interaction', agentId: 'a2', interactionId: next! });
    h.seconds(11);
    expect(h.engine.queries.interaction(next!)).toBeUndefined();
    expect(h.engine.queries.transcript(next!).map((m) => m.text)).toEqual(['one', 'A1 transferred this chat to Chat two.', 'two']);
  });
});
