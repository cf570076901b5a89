/** Work a switch brings in (phone/switch-work.ts): calls by dialed number or to a named agent, voicemails, callbacks; the far end's hold. */
import { describe, expect, it } from 'vitest';
import { parseTenant } from '../../src/engine/index.js';
import { CALLER, phoneHarness, phoneTenant, requests } from './phone-kit.js';

const NUMBERS = {
  dialedNumbers: [
    { number: '1-800-555-0100', queueId: 'phone', voicemailQueueId: 'vm', callbackQueueId: 'out' },
    { number: '+1 800 555 0200', queueId: 'sales' },
  ],
};

describe('work from the switch', () => {
  it('a call to a dialed number waits in its queue, with the caller and the CRM keys', () => {
    const h = phoneHarness(phoneTenant(NUMBERS));
    h.available('a1');
    const r = h.ok({ type: 'phone_incoming', legId: 'pbx-1', from: '510 555 1234', to: '+18005550100', name: 'Lee', crm: { account: 'AC-7' } });
    const offer = h.engine.queries.offerOf('a1')!;
    expect(offer.id).toBe(r.interactionId);
    expect(offer).toMatchObject({ queueId: 'phone', customer: { phone: '+15105551234', name: 'Lee', account: 'AC-7' } });
    expect(requests(h.sw, 'answer')).toEqual([{ op: 'answer', legId: 'pbx-1' }]);
  });

  it('a number nobody configured, or a call with two destinations, is refused and creates nothing', () => {
    const h = phoneHarness(phoneTenant(NUMBERS));
    const before = h.events.length;
    expect(h.code(h.run({ type: 'phone_incoming', legId: 'x1', from: CALLER, to: '+18005559999' }))).toBe('NOT_FOUND');
    expect(h.code(h.run({ type: 'phone_incoming', legId: 'x2', from: CALLER, to: '+18005550100', queueId: 'phone' }))).toBe('VALIDATION');
    expect(h.code(h.run({ type: 'phone_incoming', legId: 'x3', from: CALLER, agentId: 'nobody' }))).toBe('NOT_FOUND');
    expect(h.events.length).toBe(before);
  });

  it('a DAR call for a named agent, or to their direct access number in any form', () => {
    const h = phoneHarness(phoneTenant(NUMBERS));
    h.available('a4');
    const named = h.ok({ type: 'phone_incoming', legId: 'd1', from: CALLER, agentId: 'a4' });
    expect(h.engine.queries.offerOf('a4')).toMatchObject({ id: named.interactionId, direct: true });
    // a4 is busy with that offer: the next direct call goes to their voicemail.
    const dialed = h.ok({ type: 'phone_incoming', legId: 'd2', from: CALLER, to: '(510) 555-0104' });
    expect(h.engine.queries.interaction(dialed.interactionId!)).toMatchObject({ media: 'voicemail', direct: true });
  });

  it('a voicemail from the switch is offered in the dialed number’s voicemail queue and plays its recording', () => {
    const h = phoneHarness(phoneTenant(NUMBERS));
    h.available('a1');
    const r = h.ok({ type: 'phone_voicemail', from: CALLER, to: '+18005550100', durationSec: 42, recording: 'vm/2026/0001.wav' });
    expect(h.engine.queries.offerOf('a1')).toMatchObject({ id: r.interactionId, media: 'voicemail', queueId: 'vm' });
    h.ok({ type: 'accept', agentId: 'a1', interactionId: r.interactionId! });
    expect(requests(h.sw, 'play').at(-1)!.prompt).toEqual({ kind: 'voicemail', voicemailId: r.interactionId, recording: 'vm/2026/0001.wav' });
    expect(h.code(h.run({ type: 'phone_voicemail', from: CALLER, to: '+18005550200', durationSec: 1, recording: 'x' }))).toBe('NOT_FOUND');
  });

  it('a callback request waits in the outbound queue; accepting it dials the customer', () => {
    const h = phoneHarness(phoneTenant(NUMBERS));
    h.available('a2');
    const r = h.ok({ type: 'phone_callback', number: '510-555-7777', to: '+18005550100', name: 'Kim', note: 'after 5pm' });
    expect(h.engine.queries.offerOf('a2')).toMatchObject({ id: r.interactionId, media: 'outbound_phone', queueId: 'out', customer: { phone: '+15105557777' } });
    h.ok({ type: 'accept', agentId: 'a2', interactionId: r.interactionId! });
    expect(requests(h.sw, 'dial').at(-1)).toMatchObject({ to: '+15105557777', purpose: 'outbound' });
    h.seconds(4);
    expect(h.call(r.interactionId!).state).toBe('connected');
    expect(h.code(h.run({ type: 'phone_callback', number: 'not a number', queueId: 'out' }))).toBe('VALIDATION');
    expect(h.code(h.run({ type: 'phone_callback', number: CALLER, queueId: 'phone' }))).toBe('NOT_FOUND');
  });

  it('the far end holding its side is shown on the call, and asks nothing of the switch', () => {
    const h = phoneHarness(phoneTenant(NUMBERS));
    h.available('a1');
    const c = h.connected('a1');
    const sent = h.sw.requests.length;
    h.ok({ type: 'phone_leg_event', legId: c.legId, event: 'held' });
    expect(h.call(c.id).participants.find((p) => p.party === 'customer')!.farHeld).toBe(true);
    h.ok({ type: 'phone_leg_event', legId: c.legId, event: 'resumed' });
    expect(h.call(c.id).participants.find((p) => p.party === 'customer')!.farHeld).toBeUndefined();
    expect(h.sw.requests.length).toBe(sent);
  });

  it('the tenant file’s dialed numbers are checked: queues of the right media, no duplicates, no DAN', () => {
    const bad = phoneTenant({
      dialedNumbers: [
        { number: '+18005550100', queueId: 'vm' },
        { number: '1 800 555 0100', queueId: 'phone', callbackQueueId: 'nope' },
        { number: '5105550104', queueId: 'phone' },
        { number: 'abc', queueId: 'phone' },
      ],
    });
    expect(() => parseTenant(bad)).toThrow(/dialedNumbers\[3\]\.number/);
    const fixed = phoneTenant({ dialedNumbers: (bad as { dialedNumbers: unknown[] }).dialedNumbers.slice(0, 3) });
    expect(() => parseTenant(fixed)).toThrow(
      /dialedNumbers\[0\]\.queueId: queue "vm" is voicemail[\s\S]*dialedNumbers\[1\]\.callbackQueueId: unknown queue[\s\S]*listed twice[\s\S]*direct access number of "a4"/,
    );
  });
});
