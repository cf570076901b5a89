// History on loopback (a real engine and its CRM store, the server, an
// EngineClient): the chat Ana handled is in her History with its codes and
// notes, found by a word of its transcript, and opens whole.
import { afterEach, describe, expect, it } from 'vitest';
import { loopback, until, type Loopback } from '../helpers/loopback.js';
import { KEY, renderConsole, type ConsoleHarness } from '../helpers/render.js';

let rig: Loopback | undefined;
let h: ConsoleHarness | undefined;
afterEach(async () => {
  h?.unmount();
  h = undefined;
  await rig?.close();
  rig = undefined;
});

describe('History on loopback', () => {
  it('a chat handled this shift: listed with its codes, found by its transcript, opened whole; nothing matches a word it lacks', async () => {
    rig = await loopback();
    const ana = rig.client;
    h = await renderConsole({ client: ana, now: Date.now() });
    expect((await ana.setStatus('available')).ok).toBe(true);
    const arrival = rig.engine.execute({ type: 'arrive', queueId: 'support-chat', customer: { name: 'Lee Walker' } } as never);
    const id = arrival.ok ? arrival.value.interactionId! : '';
    await until(ana, (v) => v.offer?.id === id, 'offer');
    expect((await ana.accept(id)).ok).toBe(true);
    const conversationId = (await until(ana, (v) => v.work[0]?.chat !== undefined)).work[0]!.chat!.conversationId;
    expect(rig.engine.execute({ type: 'customer_chat', conversationId, text: 'My invoice shows the wrong VAT number' } as never).ok).toBe(true);
    expect((await ana.sendChat(id, 'I have corrected it, a new invoice is on its way')).ok).toBe(true);
    expect((await ana.setNotes(id, 'Reissued invoice 4411')).ok).toBe(true);
    expect((await ana.setCodes(id, ['account', 'resolved'])).ok).toBe(true);
    expect((await ana.endInteraction(id)).ok).toBe(true);
    expect((await ana.wrapUp(id)).ok).toBe(true);
    await until(ana, (v) => v.crmLogged?.interactionId === id, 'the log');

    await h.press('H');
    await until(ana, () => true);
    await h.settle();
    const flat = () => h!.frame().replace(/[│\s]+/g, ' ');
    expect(flat()).toMatch(/History .*Search: ▌ .* › \d\d:\d\d Chat with Lee Walker Account access, Resolved · \d:\d\d/);
    await h.type('vat numb');
    await h.settle();
    expect(flat()).toMatch(/Search: vat numb▌ .* › \d\d:\d\d Chat with Lee Walker/);
    await h.press(KEY.enter);
    expect(flat()).toMatch(/\d\d:\d\d · Chat with Lee Walker · Support — Chat · case CAS-\d+ Reissued invoice 4411 Codes: Account access, Resolved/);
    expect(flat()).toContain('Lee Walker: My invoice shows the wrong VAT number');
    expect(flat()).toContain('Ana L.: I have corrected it, a new invoice is on its way');
    await h.press(KEY.esc);
    await h.type('x');
    await h.settle();
    expect(flat()).toContain('Nothing in your history matches "vat numbx".');
    await h.press(KEY.esc);
    expect(h.frame()).not.toContain('History');
  });
});
