import { afterEach, describe, expect, it } from 'vitest';
import { rig, until, type Rig } from './helpers.js';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

describe('a shift over the wire', () => {
  it('login, offer, accept, codes, wrap-up', async () => {
    r = await rig();
    const a1 = await r.client('a1');
    expect(a1.getView().self?.status).toBe('on_break');
    expect(a1.getView().connection.state).toBe('online');
    expect((await a1.setStatus('available')).ok).toBe(true);
    await until(a1, (v) => v.self?.status === 'available', 'available');
    const arrival = r.engine.execute({ type: 'arrive', queueId: 'chat', customer: { name: 'Lee' } });
    expect(arrival.ok).toBe(true);
    const withOffer = await until(a1, (v) => v.offer !== null, 'offer');
    expect(withOffer.offer?.customer.name).toBe('Lee');
    const id = withOffer.offer!.id;
    expect(await a1.accept(id)).toEqual({ ok: true });
    await until(a1, (v) => v.work.length === 1 && v.self?.status === 'busy', 'busy with work');
    expect((await a1.endInteraction(id)).ok).toBe(true);
    const early = await a1.wrapUp(id);
    expect(early.ok ? '' : early.error.code).toBe('CODE_REQUIRED');
    expect((await a1.setCodes(id, ['help'])).ok).toBe(true);
    await until(a1, (v) => v.work[0]?.codes.includes('help') === true, 'codes');
    expect((await a1.wrapUp(id)).ok).toBe(true);
    await until(a1, (v) => v.work.length === 0 && v.self?.status === 'available', 'available again');
    const chat = a1.getView().queues.find((q) => q.id === 'chat')!;
    expect(chat.stats.waiting).toBe(0);
  });
});
