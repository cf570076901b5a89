/**
 * Phone over the wire: a warm transfer between two consoles (EngineClient)
 * with the simulated switch, the call view kept up to date by fan-out; and
 * every phone command's ack and typed error, with the door permissions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { attachTelephony, SimulatedSwitch } from '../../src/engine/index.js';
import type { AnyServerEnvelope } from '../../src/protocol/index.js';
import { PHONE_MESSAGES } from '../../src/protocol/phone-messages.js';
import { WIRE_COMMANDS, type WireCommand } from '../../src/server/commands/index.js';
import { phoneTenant } from '../engine/phone-kit.js';
import { rawLogin, rig, RawClient, until, wireTenant, type Rig } from './helpers.js';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const covered = new Set<string>();

async function phoneRig(): Promise<{ r: Rig; sw: SimulatedSwitch }> {
  const t = phoneTenant() as Record<string, unknown>;
  const tenant = await wireTenant({ agents: t.agents, queues: t.queues, outboundCodes: t.outboundCodes, directRouting: t.directRouting, phone: t.phone } as never);
  const rr = await rig({}, tenant);
  const sw = new SimulatedSwitch(rr.clock);
  attachTelephony(rr.engine, sw);
  return { r: rr, sw };
}

async function ok(c: RawClient, type: string, data: unknown = {}): Promise<AnyServerEnvelope> {
  const reply = await c.cmd(type, data);
  expect(reply, `${type} ${JSON.stringify(data)}`).toMatchObject({ type: 'ack' });
  covered.add(`${type}:ack`);
  return reply;
}

async function fails(c: RawClient, type: string, data: unknown, code: string): Promise<AnyServerEnvelope> {
  const reply = await c.cmd(type, data);
  expect(reply, `${type} ${JSON.stringify(data)}`).toMatchObject({ type: 'error', data: { code, message: expect.any(String) } });
  covered.add(`${type}:error`);
  return reply;
}

const result = (f: AnyServerEnvelope) => (f.type === 'ack' ? f.data.result : undefined);

describe('phone over the wire', () => {
  it('a warm transfer between two consoles; each view follows the call', async () => {
    const { r: rr, sw } = await phoneRig();
    r = rr;
    const ana = await rr.client('a1');
    const bo = await rr.client('a6');
    await ana.setStatus('available');
    await bo.setStatus('working_offline');
    sw.incomingCall({ from: '+15105551234', queueId: 'phone', name: 'Lee' });
    const offered = await until(ana, (v) => v.offer?.media === 'inbound_phone', 'offer');
    const id = offered.offer!.id;
    expect(offered.offer!.call).toMatchObject({ state: 'waiting' });
    expect((await ana.accept(id)).ok).toBe(true);
    let v = await until(ana, (x) => x.work.some((w) => w.id === id && w.call?.state === 'connected'), 'connected');
    expect(v.work[0]!.call).toMatchObject({ whisper: 'Support line', role: 'host', held: false, recording: 'off' });
    await ana.record(id, 'start');
    await ana.mute(id, true);
    v = await until(ana, (x) => x.work[0]?.call?.recording === 'on' && x.work[0].call.muted, 'recording and muted');
    const transfer = await ana.transferCall(id, { agentId: 'a6' }, 'warm');
    expect(transfer).toMatchObject({ ok: true, interactionId: expect.stringMatching(/^IX-/) });
    const theirs = transfer.ok ? transfer.interactionId! : '';
    await until(ana, (x) => x.work[0]?.call?.held === true && x.work[0].call.consult?.state === 'offered', 'customer held');
    const boOffer = await until(bo, (x) => x.offer?.id === theirs, 'consult offer');
    expect(boOffer.offer!.call).toMatchObject({ role: 'participant' });
    await bo.accept(theirs);
    await until(ana, (x) => x.work[0]?.call?.consult?.state === 'connected', 'consult connected');
    await ana.completeConsult(id);
    v = await until(ana, (x) => x.work.find((w) => w.id === id)?.phase === 'wrapup', 'my wrap-up');
    expect(v.work.find((w) => w.id === id)!.call).toMatchObject({ state: 'ended', notice: { text: expect.stringMatching(/transferred to A6/) } });
    const bv = await until(bo, (x) => x.work.some((w) => w.id === theirs && w.call?.role === 'host'), 'they host');
    expect(bv.work.find((w) => w.id === theirs)!.call).toMatchObject({ held: false, recording: 'on' });
    await ana.wrapUp(id);
    await until(ana, (x) => x.self?.status === 'available' && x.work.length === 0, 'resumed');
    // Hanging up ends the call on the switch; they wrap up.
    sw.hangUp(sw.liveLegs().find((l) => l.number === '+15105551234')!.id);
    await until(bo, (x) => x.work[0]?.phase === 'wrapup', 'their wrap-up');
    // Each console asks for its own call history: the caller is in both.
    for (const c of [ana, bo]) {
      const history = await c.callHistory();
      expect(history).toMatchObject({ ok: true, calls: [{ direction: 'inbound', kind: 'call', number: '+15105551234', name: 'Lee' }] });
    }
  });

  it('every phone command: ack and typed error; door permissions', async () => {
    const { r: rr, sw } = await phoneRig();
    r = rr;
    const a1 = await rawLogin(rr.server.url, 'a1');
    const a2 = await rawLogin(rr.server.url, 'a2');
    const a3 = await rawLogin(rr.server.url, 'a3');
    const a6 = await rawLogin(rr.server.url, 'a6');
    await ok(a1, 'set_status', { status: 'available' });
    sw.incomingCall({ from: '+15105551234', queueId: 'phone' });
    const offer = await a1.next((f) => f.type === 'offer' && !!f.data.offer);
    const id = offer.type === 'offer' ? offer.data.offer!.id : '';
    await ok(a1, 'accept', { interactionId: id });

    await ok(a1, 'phone_mute', { interactionId: id, muted: true });
    await fails(a1, 'phone_mute', { interactionId: 'IX-404', muted: true }, 'NOT_FOUND');
    await ok(a1, 'phone_hold', { interactionId: id, held: true });
    await fails(a1, 'phone_hold', { interactionId: id, held: true }, 'INVALID_STATE');
    await fails(a1, 'phone_hold', { interactionId: id }, 'BAD_FRAME');
    await ok(a1, 'phone_hold', { interactionId: id, held: false });
    await ok(a1, 'phone_dtmf', { interactionId: id, digits: '1#' });
    await fails(a1, 'phone_dtmf', { interactionId: id, digits: '1a' }, 'VALIDATION');
    await ok(a1, 'phone_record', { interactionId: id, action: 'start' });
    await fails(a6, 'phone_record', { interactionId: id, action: 'start' }, 'NOT_PERMITTED'); // at the door
    await ok(a1, 'phone_play', { interactionId: id, recordingId: 'greet' });
    await fails(a1, 'phone_play', { interactionId: id, recordingId: 'nope' }, 'NOT_FOUND');
    await fails(a1, 'phone_complete', { interactionId: id }, 'INVALID_STATE');
    await fails(a1, 'phone_cancel_consult', { interactionId: id }, 'INVALID_STATE');
    await fails(a1, 'phone_transfer', { interactionId: id, to: { queueId: 'empty' } }, 'UNSTAFFED');
    await fails(a1, 'phone_transfer', { interactionId: id, to: { number: '555-12' } }, 'VALIDATION');
    await ok(a1, 'phone_transfer', { interactionId: id, to: { number: '+14155551212' } });
    await ok(a1, 'phone_cancel_consult', { interactionId: id });
    await ok(a6, 'set_status', { status: 'working_offline' });
    const added = await ok(a1, 'phone_conference_add', { interactionId: id, to: { agentId: 'a6' } });
    await fails(a1, 'phone_conference_add', { interactionId: id, to: { number: '+14155551212' } }, 'INVALID_STATE');
    const theirs = result(added)!.interactionId!;
    await ok(a6, 'accept', { interactionId: theirs });
    await ok(a1, 'phone_complete', { interactionId: id });
    await fails(a6, 'phone_end_all', { interactionId: theirs }, 'INVALID_STATE'); // not the host
    const legs = rr.engine.queries.interaction(id)!.call!.participants;
    await fails(a1, 'phone_remove', { interactionId: id, legId: legs.find((p) => p.me)!.legId }, 'INVALID_STATE'); // the host
    await ok(a1, 'phone_remove', { interactionId: id, legId: legs.find((p) => p.agentId === 'a6')!.legId });
    await fails(a6, 'phone_leave', { interactionId: theirs }, 'INVALID_STATE'); // already off the call
    await ok(a1, 'phone_transfer', { interactionId: id, to: { number: '+14155551212' } });
    rr.clock.advance(3000);
    await ok(a1, 'phone_complete', { interactionId: id });
    await fails(a1, 'phone_leave', { interactionId: 'IX-404' }, 'NOT_FOUND');
    await fails(a1, 'phone_end_all', { interactionId: id }, 'INVALID_STATE'); // wrapping up, off the call

    // A second call: leave (alone with the customer, it ends), then a voicemail.
    await ok(a2, 'set_status', { status: 'available' });
    sw.incomingCall({ from: '+15105550111', queueId: 'phone' });
    const second = await a2.next((f) => f.type === 'offer' && !!f.data.offer);
    const id2 = second.type === 'offer' ? second.data.offer!.id : '';
    await ok(a2, 'accept', { interactionId: id2 });
    await ok(a2, 'phone_leave', { interactionId: id2 });
    await ok(a2, 'wrap_up', { interactionId: id2 });
    await fails(a2, 'voicemail_email', { interactionId: id2 }, 'NOT_FOUND');
    await ok(a1, 'wrap_up', { interactionId: id });
    await ok(a2, 'set_status', { status: 'on_break' });
    rr.engine.execute({ type: 'arrive', queueId: 'vm', customer: {} });
    const vm = await a1.next((f) => f.type === 'offer' && f.data.offer?.media === 'voicemail');
    const vmId = vm.type === 'offer' ? vm.data.offer!.id : '';
    await ok(a1, 'accept', { interactionId: vmId });
    await ok(a1, 'voicemail_email', { interactionId: vmId });
    await fails(a1, 'phone_transfer', { interactionId: vmId, to: { agentId: 'a6' } }, 'INVALID_STATE');
    await ok(a1, 'phone_end_all', { interactionId: vmId });

    // Outbound, with the sticky code.
    await ok(a2, 'set_status', { status: 'working_offline' });
    await fails(a2, 'phone_dial', { number: '510.259.2675', code: 'followup' }, 'VALIDATION');
    const dialed = await ok(a2, 'phone_dial', { number: '1(510)259-2675', code: 'followup' });
    expect(rr.engine.queries.interaction(result(dialed)!.interactionId!)).toMatchObject({ media: 'outbound_phone', customer: { phone: '+15102592675' } });

    // Profile: connection mode and workplace phone (Working Offline + permission, PIN by phone).
    await fails(a2, 'phone_set_mode', { mode: 'persistent' }, 'NOT_PERMITTED');
    await fails(a2, 'phone_change_workplace', { kind: 'phone', value: '5105557777' }, 'NOT_PERMITTED');
    await ok(a3, 'set_status', { status: 'working_offline' });
    await ok(a3, 'phone_set_mode', { mode: 'persistent' }); // dials the voice connection at once
    await fails(a1, 'phone_connect_voice', {}, 'INVALID_STATE'); // on-demand
    rr.clock.advance(3000);
    // The phone hangs up before the PIN is entered: "Retry to connect" calls again.
    sw.hangUp(sw.liveLegs().find((l) => l.number === '+15105550103')!.id);
    await a3.next((f) => f.type === 'self' && f.data.phone?.voice === 'off');
    await ok(a3, 'phone_connect_voice', {});
    rr.clock.advance(3000);
    const pin = sw.lastPinTo('+15105550103')!;
    await fails(a3, 'phone_voice_pin', { pin: pin === '0000' ? '1111' : '0000' }, 'VALIDATION');
    await ok(a3, 'phone_voice_pin', { pin });
    await a3.next((f) => f.type === 'self' && f.data.phone?.voice === 'connected');
    expect(a3.frames.some((f) => /"pin"/.test(JSON.stringify(f.data)))).toBe(false); // the PIN never goes on the wire
    await ok(a3, 'phone_change_workplace', { kind: 'sip', value: 'sip:a3@pbx.example.com' });
    rr.clock.advance(3000);
    const wpin = sw.lastPinTo('sip:a3@pbx.example.com')!;
    await fails(a3, 'phone_validate_workplace', { pin: wpin === '0000' ? '1111' : '0000' }, 'VALIDATION');
    await ok(a3, 'phone_validate_workplace', { pin: wpin });
    await a3.next((f) => f.type === 'self' && f.data.phone?.workplace?.value === 'sip:a3@pbx.example.com');
    for (const c of [a1, a2, a3, a6]) c.close();
  });

  it('covers every phone message (ack and error) and its door permission', () => {
    for (const t of Object.keys(PHONE_MESSAGES)) {
      expect(covered.has(`${t}:ack`), `${t} ack`).toBe(true);
      expect(covered.has(`${t}:error`), `${t} error`).toBe(true);
    }
    const needing = (Object.keys(PHONE_MESSAGES) as WireCommand[]).filter((t) => WIRE_COMMANDS[t].permission);
    expect(needing.sort()).toEqual(['phone_change_workplace', 'phone_record', 'phone_set_mode']);
  });
});
