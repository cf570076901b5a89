/**
 * A colleague with an offer waiting cannot be brought into a call (capacity.ts
 * canJoinCall): the contact view says so, and the consoles that list them get
 * it when the offer comes and when it goes — so a transfer dialog greys them,
 * with why, before the agent types (issue 23).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { rig, until, type Rig } from './helpers.js';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

describe('a colleague’s offer, in the contacts', () => {
  it('the engine’s contact view and the colleague’s console follow the offer: set when it comes, gone once it is answered', async () => {
    r = await rig();
    const a1 = await r.client('a1');
    const a2 = await r.client('a2');
    await a2.setStatus('available');
    await until(a1, (v) => v.contacts.find((c) => c.id === 'a2')?.status === 'available', 'a2 available');
    expect(r.engine.queries.contact('a2')?.offerWaiting).toBeUndefined();
    const arrival = r.engine.execute({ type: 'arrive', queueId: 'email', customer: { name: 'Lee' } });
    const id = arrival.ok ? arrival.value.interactionId! : '';
    await until(a2, (v) => v.offer?.id === id, 'a2 offered');
    expect(r.engine.queries.contact('a2')?.offerWaiting).toBe(true);
    // Still Available: only the offer says a call cannot reach a2 now.
    const seen = await until(a1, (v) => v.contacts.find((c) => c.id === 'a2')?.offerWaiting === true, 'a1 sees the offer');
    expect(seen.contacts.find((c) => c.id === 'a2')?.status).toBe('available');
    // The offer goes (it times out: a2 goes On Break with it, and a1 learns both at once).
    r.clock.advance(31_000);
    const after = await until(a1, (v) => v.contacts.find((c) => c.id === 'a2')?.offerWaiting === undefined, 'a1 sees it gone');
    expect(r.engine.queries.contact('a2')?.offerWaiting).toBeUndefined();
    expect(after.contacts.find((c) => c.id === 'a2')?.status).toBe('on_break');
  });

  it('an offer a colleague accepts is gone from their contact too (they are Busy now)', async () => {
    r = await rig();
    const a1 = await r.client('a1');
    const a2 = await r.client('a2');
    await a2.setStatus('available');
    const arrival = r.engine.execute({ type: 'arrive', queueId: 'email', customer: { name: 'Kim' } });
    const id = arrival.ok ? arrival.value.interactionId! : '';
    await until(a1, (v) => v.contacts.find((c) => c.id === 'a2')?.offerWaiting === true, 'a1 sees the offer');
    expect((await a2.accept(id)).ok).toBe(true);
    const v = await until(a1, (x) => x.contacts.find((c) => c.id === 'a2')?.status === 'busy', 'a2 busy');
    expect(v.contacts.find((c) => c.id === 'a2')?.offerWaiting).toBeUndefined();
  });
});
