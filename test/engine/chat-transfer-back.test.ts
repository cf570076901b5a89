/**
 * A transferred interaction is never offered back to the agent who
 * transferred it (routing/offer-rules.ts), and the "nobody available"
 * warning does not count them.
 */
import { describe, expect, it } from 'vitest';
import { agent, baseTenant, harness } from './harness.js';

// a1 and a2 are both in the two chat queues: a1 transfers to the queue she is in herself.
const tenant = () =>
  baseTenant({
    agents: [
      agent('a1', { permissions: { maxConcurrentChats: 3 } }),
      agent('a2', { permissions: { maxConcurrentChats: 3 } }),
    ],
    queues: [
      { id: 'sales', name: 'Sales chat', media: 'chat', acceptTimeoutSec: 15, wrapUpSec: 10, agents: ['a1', 'a2'] },
      { id: 'support', name: 'Support chat', media: 'chat', acceptTimeoutSec: 15, wrapUpSec: 10, agents: ['a1', 'a2'] },
      { id: 'phone', name: 'Phone', media: 'inbound_phone', acceptTimeoutSec: 20, wrapUpSec: 30, agents: ['a1', 'a2'] },
      { id: 'phone2', name: 'Phone two', media: 'inbound_phone', acceptTimeoutSec: 20, wrapUpSec: 30, agents: ['a1', 'a2'] },
    ],
  });

function chatWith(h: ReturnType<typeof harness>, agentId: string, queueId = 'sales'): string {
  const { interactionId } = h.ok({ type: 'arrive', queueId, customer: { name: 'Priya' } });
  expect(h.offerOf(agentId)).toBe(interactionId);
  h.ok({ type: 'accept', agentId, interactionId: interactionId! });
  return interactionId!;
}

describe('a transfer never comes back to the agent who made it', () => {
  it('a chat transferred to a queue the agent is in waits for someone else, even while she could take more chats', () => {
    const h = harness(tenant());
    h.available('a1');
    const id = chatWith(h, 'a1');
    // a1 is Busy with one chat of three: ready for more chats in "support". She is the only one.
    const r = h.run({ type: 'transfer_chat', agentId: 'a1', interactionId: id, queueId: 'support' });
    expect(r.ok ? 'ok' : r.error.code).toBe('UNSTAFFED');
    expect(r.ok ? '' : r.error.message).toMatch(/Nobody else is available in Support chat/);
    const { interactionId: moved } = h.ok({ type: 'transfer_chat', agentId: 'a1', interactionId: id, queueId: 'support', force: true });
    expect(h.offerOf('a1')).toBeUndefined();
    expect(h.engine.queries.interaction(moved!)!.phase).toBe('queued');
    // Still not hers once her first chat is wrapped up and she is Available again.
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: id });
    expect(h.status('a1')).toBe('available');
    expect(h.offerOf('a1')).toBeUndefined();
    // A colleague becoming available takes it.
    h.available('a2');
    expect(h.offerOf('a2')).toBe(moved);
  });

  it('the warning counts the others only: a colleague ready for more chats staffs the queue', () => {
    const h = harness(tenant());
    h.available('a1', 'a2');
    const mine = chatWith(h, 'a1');
    chatWith(h, 'a2');
    // a2 is Busy with one chat but can take two more: the transfer goes through without a warning, to her.
    const { interactionId: moved } = h.ok({ type: 'transfer_chat', agentId: 'a1', interactionId: mine, queueId: 'support' });
    expect(h.offerOf('a2')).toBe(moved);
  });

  it('the agent still gets the work behind it in the same queue', () => {
    const h = harness(tenant());
    h.available('a1');
    const id = chatWith(h, 'a1');
    h.ok({ type: 'transfer_chat', agentId: 'a1', interactionId: id, queueId: 'support', force: true });
    h.ok({ type: 'wrap_up', agentId: 'a1', interactionId: id });
    const { interactionId: next } = h.ok({ type: 'arrive', queueId: 'support', customer: { name: 'Lee' } });
    // The transferred chat is older and still waits; the newer one is offered to a1.
    expect(h.offerOf('a1')).toBe(next);
  });

  it('the listing for transfers counts the others, not the asker', () => {
    const h = harness(tenant());
    h.available('a1');
    chatWith(h, 'a1');
    const support = (asker?: string) => h.engine.queries.allQueues(asker).find((q) => q.id === 'support')!.stats;
    expect(support('a1').others).toBe(0);
    h.available('a2');
    expect(support('a1').others).toBe(1);
    expect(support().others).toBeUndefined();
  });
});
