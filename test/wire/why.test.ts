/**
 * The causes reach the console over the wire: the `self` view says why the
 * status changed (with the offer it was about) and what comes after work;
 * list_queues says who else could take a transfer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { rig, until, type Rig } from './helpers.js';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

describe('why, on the wire', () => {
  it('a rejected call: the self view says reject, the queue, and Working Offline', async () => {
    r = await rig();
    const a1 = await r.client('a1');
    await a1.setStatus('available');
    const arrival = r.engine.execute({ type: 'arrive', queueId: 'phone', customer: { name: 'Lee' } });
    const id = arrival.ok ? arrival.value.interactionId! : '';
    await until(a1, (v) => v.offer?.id === id, 'offer');
    expect((await a1.reject(id)).ok).toBe(true);
    const v = await until(a1, (x) => x.self?.status === 'working_offline', 'working offline');
    expect(v.self!.statusChange).toEqual({ cause: 'reject', from: 'available', offer: { media: 'inbound_phone', queueName: 'Phone' } });
    expect(v.offerEndReason).toBe('rejected');
  });

  it('while busy, the self view carries the status after work, and changing it is seen at once', async () => {
    r = await rig();
    const a1 = await r.client('a1');
    await a1.setStatus('available');
    const arrival = r.engine.execute({ type: 'arrive', queueId: 'phone', customer: { name: 'Lee' } });
    const id = arrival.ok ? arrival.value.interactionId! : '';
    await until(a1, (v) => v.offer?.id === id, 'offer');
    await a1.accept(id);
    await until(a1, (v) => v.self?.status === 'busy' && v.self.statusAfterWork === 'available', 'busy, Available after work');
    await a1.setAfterWork('on_break');
    const v = await until(a1, (x) => x.self?.statusAfterWork === 'on_break', 'On Break after work');
    expect(v.self!.afterWork).toEqual({ status: 'on_break', by: 'agent' });
  });

  it('list_queues counts the others who could take a transfer, not me', async () => {
    r = await rig();
    const a1 = await r.client('a1');
    await a1.setStatus('available');
    const phoneQueue = async () => {
      const r = await a1.listQueues();
      return r.ok ? r.queues?.find((q) => q.id === 'phone') : undefined;
    };
    const mine = await phoneQueue();
    expect(mine?.stats).toMatchObject({ available: 1, others: 0 });
    const a2 = await r.client('a2');
    await a2.setStatus('available');
    const both = await phoneQueue();
    expect(both?.stats).toMatchObject({ available: 2, others: 1 });
  });
});
