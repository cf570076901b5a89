// Call controls, the transfer dialog and the dial dialog, driven by keys
// against a real server, engine and simulated switch on loopback; checked on
// screen and in the engine's view of the call.
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentView, EngineClient } from '../../../src/client/index.js';
import { until } from '../helpers/loopback.js';
import { KEY, renderConsole, type ConsoleHarness } from '../helpers/render.js';
import { phoneLoopback, type PhoneLoopback } from './loopback.js';

let rig: PhoneLoopback | undefined;
let h: ConsoleHarness | undefined;
afterEach(async () => {
  h?.unmount();
  h = undefined;
  await rig?.close();
  rig = undefined;
});

const ana = () => rig!.clients.ana!;
async function settleOn(client: EngineClient, predicate: (v: AgentView) => boolean, label: string): Promise<AgentView> {
  const v = await until(client, predicate, label);
  await h!.settle();
  return v;
}
const myCall = (v: AgentView) => v.work[0]?.call;

/** Ana Available, a call in support-phone, accepted by key; other agents as asked. */
async function onACall(others: Record<string, 'working_offline' | 'available'> = {}): Promise<string> {
  rig = await phoneLoopback(['ana', ...Object.keys(others)]);
  for (const [agent, status] of Object.entries(others)) {
    const r = await rig.clients[agent]!.setStatus(status, status === 'working_offline' ? 'meeting' : undefined);
    expect(r.ok, `${agent} ${status}`).toBe(true);
  }
  h = await renderConsole({ client: ana(), columns: 100, rows: 30, now: Date.now() });
  await h.press('s', KEY.enter);
  await settleOn(ana(), (v) => v.self?.status === 'available', 'available');
  rig.sw.incomingCall({ from: '+15105551234', queueId: 'support-phone', name: 'Lee Caller' });
  await settleOn(ana(), (v) => v.offer?.media === 'inbound_phone', 'offer');
  expect(h.frame()).toContain('Whisper: Support line: verify the account PIN first.');
  await h.press('a');
  const v = await settleOn(ana(), (x) => myCall(x)?.state === 'connected', 'connected');
  return v.work[0]!.id;
}

describe('call controls on loopback', () => {
  it('mute, hold, record/pause/resume, keypad, play: each key acts and the state shows', async () => {
    await onACall();
    expect(h!.frame()).toMatch(/Call · connected\s+0:0\d/);
    expect(h!.frame()).toContain('Whisper: Support line: verify the account PIN first.');

    await h!.press('m');
    await settleOn(ana(), (v) => myCall(v)?.muted === true, 'muted');
    expect(h!.frame()).toContain('MUTED');
    await h!.press('h');
    await settleOn(ana(), (v) => myCall(v)?.held === true, 'held');
    expect(h!.frame()).toMatch(/MUTED · ON HOLD/);
    await h!.press('h', 'm');
    await settleOn(ana(), (v) => myCall(v)?.held === false && myCall(v)?.muted === false, 'resumed and unmuted');
    expect(h!.frame()).not.toMatch(/MUTED|ON HOLD/);

    // Ana may start and pause (start_pause).
    await h!.press('r');
    await settleOn(ana(), (v) => myCall(v)?.recording === 'on', 'recording');
    expect(h!.frame()).toContain('● REC');
    await h!.press('r');
    await settleOn(ana(), (v) => myCall(v)?.recording === 'paused', 'paused');
    expect(h!.frame()).toContain('REC paused');
    await h!.press('r');
    await settleOn(ana(), (v) => myCall(v)?.recording === 'on', 'resumed');

    await h!.press('#');
    expect(h!.frame()).toContain('Keypad');
    await h!.type('12a#');
    expect(h!.frame()).toContain('Digits: 12a#');
    await h!.press(KEY.enter);
    expect(h!.frame()).toContain('Keypad digits are 0–9, * and #');
    await h!.press(KEY.backspace, KEY.backspace, '#', KEY.enter);
    await h!.settle();
    expect(h!.frame()).toContain('Sent 12#.');

    // The demo agents have no recordings of their own (the fake-client bindings test plays one).
    await h!.press('l');
    expect(h!.frame()).toContain('You have no recordings to play.');
  });

  it('a start-only agent cannot pause; the engine state is unchanged', async () => {
    rig = await phoneLoopback(['ben']);
    const ben = rig.clients.ben!;
    h = await renderConsole({ client: ben, columns: 100, rows: 30, now: Date.now() });
    await h.press('s', KEY.enter);
    await settleOn(ben, (v) => v.self?.status === 'available', 'available');
    rig.sw.incomingCall({ from: '+15105551234', queueId: 'support-phone', name: 'Lee Caller' });
    await settleOn(ben, (v) => v.offer !== null, 'offer');
    await h.press('a');
    await settleOn(ben, (v) => myCall(v)?.state === 'connected', 'connected');
    await h.press('r');
    await settleOn(ben, (v) => myCall(v)?.recording === 'on', 'recording');
    await h.press('r');
    expect(h.frame()).toContain('Your permission lets you start recordings, not pause them.');
    expect(myCall(ben.getView())?.recording).toBe('on');
  });

  it('end call → wrap-up', async () => {
    await onACall();
    await h!.press('e');
    await settleOn(ana(), (v) => v.work[0]?.phase === 'wrapup', 'wrap-up');
    expect(h!.frame()).toMatch(/Call · ended/);
    expect(h!.frame()).toMatch(/wrap-up/);
  });
});

describe('transfer dialog on loopback', () => {
  it('Agents, warm: consult, the colleague accepts, complete', async () => {
    const id = await onACall({ ben: 'working_offline' });
    await h!.press('t');
    expect(h!.frame()).toMatch(/Transfer call[\s\S]*\[Agents\]\s+Queues\s+External number/);
    expect(h!.frame()).toMatch(/Benjamin O\. · support\s+Working Offline/);
    await h!.type('benj');
    await h!.press(KEY.enter);
    const v = await settleOn(ana(), (x) => myCall(x)?.consult?.state === 'offered', 'consulting');
    expect(myCall(v)?.held).toBe(true);
    expect(h!.frame()).toMatch(/Consulting Benjamin O\.: offered · f complete, b back/);
    const ben = rig!.clients.ben!;
    const offer = await until(ben, (x) => x.offer !== null, 'consult offered');
    await ben.accept(offer.offer!.id);
    await settleOn(ana(), (x) => myCall(x)?.consult?.state === 'connected', 'consult connected');
    expect(h!.frame()).toContain('Consulting Benjamin O.: on the line');
    await h!.press('f');
    await settleOn(ana(), (x) => x.work.find((w) => w.id === id)?.phase === 'wrapup', 'my wrap-up');
    expect(h!.frame()).toMatch(/transferred to Benjamin O\./);
    await until(ben, (x) => x.work[0]?.call?.role === 'host', 'ben hosts');
  });

  it('Agents, warm, declined: the customer comes back with a clear message', async () => {
    await onACall({ ben: 'working_offline' });
    await h!.press('t');
    await h!.type('benj');
    await h!.press(KEY.enter);
    await settleOn(ana(), (x) => myCall(x)?.consult?.state === 'offered', 'consulting');
    const ben = rig!.clients.ben!;
    const offer = await until(ben, (x) => x.offer !== null, 'consult offered');
    // Benjamin may not reject (no permission): the offer times out instead.
    void offer;
    rig!.clock.advance(60_000);
    const v = await settleOn(ana(), (x) => !myCall(x)?.consult && myCall(x)?.held === false, 'consult ended');
    expect(myCall(v)?.notice?.text).toBeTruthy();
    expect(h!.frame()).toContain(myCall(v)!.notice!.text.slice(0, 40));
    expect(h!.frame()).toMatch(/Call · connected/);
  });

  it('Agents, cold: blind transfer, done when the colleague answers', async () => {
    const id = await onACall({ ben: 'working_offline' });
    await h!.press('t');
    await h!.type('benj');
    await h!.press(KEY.ctrl('b'));
    await settleOn(ana(), (x) => myCall(x)?.consult?.blind === true, 'blind');
    expect(h!.frame()).toMatch(/Transferring \(cold\) to Benjamin O\./);
    const ben = rig!.clients.ben!;
    const offer = await until(ben, (x) => x.offer !== null, 'offered');
    await ben.accept(offer.offer!.id);
    await settleOn(ana(), (x) => x.work.find((w) => w.id === id)?.phase === 'wrapup', 'my wrap-up');
    await until(ben, (x) => x.work[0]?.call?.role === 'host', 'ben hosts');
  });

  it('Queues: listed with stats, confirm; UNSTAFFED asks again, then forces', async () => {
    const id = await onACall();
    await h!.press('t', KEY.tab);
    await h!.settle();
    expect(h!.frame()).toContain('[Queues]');
    expect(h!.frame()).toMatch(/Support — Phone\s+\d+ available · \d+ waiting · longest/);
    expect(h!.frame()).toMatch(/Sales — Phone\s+0 available · 0 waiting · longest —/);
    await h!.type('sales');
    await h!.press(KEY.enter);
    expect(h!.frame()).toMatch(/Transfer to Sales — Phone\? Enter confirms/);
    await h!.press(KEY.enter);
    await h!.settle();
    expect(h!.frame()).toMatch(/Nobody is available in Sales — Phone\. Enter again transfers anyway/);
    expect(ana().getView().work[0]?.phase).toBe('active');
    await h!.press(KEY.enter);
    await settleOn(ana(), (x) => x.work.find((w) => w.id === id)?.phase === 'wrapup', 'transferred, wrap-up');
    expect(h!.frame()).toContain('Transferred to Sales — Phone.');
    const listed = await ana().listQueues();
    expect(listed.ok && listed.queues?.find((q) => q.id === 'sales-phone')?.stats.waiting).toBe(1);
  });

  it('External number: a bad number is refused before dialing; a good one is a warm invite, then complete', async () => {
    const id = await onACall();
    await h!.press('t', KEY.shiftTab);
    expect(h!.frame()).toContain('[External number]');
    await h!.type('555-12');
    await h!.press(KEY.enter);
    expect(h!.frame()).toMatch(/"555-12" is not a valid phone number/);
    expect(myCall(ana().getView())?.consult).toBeUndefined();
    for (let i = 0; i < 6; i++) await h!.press(KEY.backspace);
    await h!.type('+1 415 555 1212');
    await h!.press(KEY.enter);
    await settleOn(ana(), (x) => myCall(x)?.consult !== undefined, 'inviting');
    expect(h!.frame()).toMatch(/Consulting \+14155551212/);
    rig!.clock.advance(3_500);
    await settleOn(ana(), (x) => myCall(x)?.consult?.state === 'connected', 'answered');
    await h!.press('f');
    await settleOn(ana(), (x) => x.work.find((w) => w.id === id)?.phase === 'wrapup', 'wrap-up');
  });
});

describe('dial dialog on loopback', () => {
  it('refuses a bad number before dialing; the last code is preselected next time', async () => {
    rig = await phoneLoopback(['ana']);
    h = await renderConsole({ client: ana(), columns: 100, rows: 30, now: Date.now() });
    await h.press('D');
    await h.type('5102592675');
    await h.press(KEY.enter);
    expect(h.frame()).toContain('go Available or Working Offline to dial');
    await h.press(KEY.esc);
    expect((await ana().setStatus('working_offline', 'meeting')).ok).toBe(true);
    await h.press('D');
    expect(h.frame()).toMatch(/Dial[\s\S]*Number: ▌/);
    expect(h.frame()).toMatch(/› Customer follow-up/);
    await h.type('12345');
    await h.press(KEY.enter);
    expect(h.frame()).toMatch(/"12345" is not a valid phone number\. Use a US number/);
    expect(ana().getView().work).toHaveLength(0);
    for (let i = 0; i < 5; i++) await h.press(KEY.backspace);
    await h.type('510-259-2675');
    await h.press(KEY.down, KEY.down, KEY.enter);
    const v = await settleOn(ana(), (x) => x.work.some((w) => w.media === 'outbound_phone'), 'dialing');
    expect(v.self?.phone?.lastOutboundCode).toBe('callback');
    expect(h.frame()).toMatch(/Dialing \+15102592675 \(Scheduled callback\)/);
    expect(h.frame()).toMatch(/Outbound call · (dialing|connected)/);
    rig.clock.advance(3_500);
    await settleOn(ana(), (x) => x.work[0]?.call?.state === 'connected', 'answered');
    await h.press('e');
    await settleOn(ana(), (x) => x.work[0]?.phase === 'wrapup', 'wrap-up');

    await h.press('D');
    expect(h.frame()).toMatch(/› Scheduled callback/);
    expect(h.frame()).toContain('recalls: 510-259-2675');
    await h.press(KEY.ctrl('r'));
    expect(h.frame()).toContain('Number: 510-259-2675▌');
    await h.press(KEY.esc);
    expect(h.frame()).not.toContain('Number:');
  });
});

describe('conference, voicemail and phone settings on loopback', () => {
  it('add an agent, merge, participants with host controls, leave', async () => {
    await onACall({ ben: 'working_offline' });
    await h!.press('c');
    expect(h!.frame()).toMatch(/Add to conference[\s\S]*\[Agents\]\s+External number/);
    await h!.type('benj');
    await h!.press(KEY.enter);
    await settleOn(ana(), (x) => myCall(x)?.consult?.purpose === 'conference', 'inviting');
    expect(h!.frame()).toMatch(/Inviting Benjamin O\./);
    const ben = rig!.clients.ben!;
    const offer = await until(ben, (x) => x.offer !== null, 'invited');
    await ben.accept(offer.offer!.id);
    await settleOn(ana(), (x) => myCall(x)?.consult?.state === 'connected', 'on the line');
    await h!.press('f');
    await settleOn(ana(), (x) => myCall(x)?.conference === true && myCall(x)?.held === false, 'merged');
    expect(h!.frame()).toMatch(/Conference: Benjamin O\. \(u participants\)/);

    await h!.press('u');
    expect(h!.frame()).toMatch(/Participants \(3\)[\s\S]*Customer Lee Caller[\s\S]*Me \(host\)[\s\S]*Benjamin O\./);
    await h!.press('j', 'j', 'm');
    await settleOn(ana(), (x) => myCall(x)?.participants.find((p) => p.agentId === 'ben')?.muted === true, 'ben muted');
    expect(h!.frame()).toMatch(/Benjamin O\. \(muted\)/);
    await h!.press('k', 'r');
    await h!.settle();
    expect(h!.frame()).toMatch(/host|customer/i); // removing myself is refused by the engine, shown
    expect(myCall(ana().getView())?.participants).toHaveLength(3);
    await h!.press(KEY.esc, 'L');
    await settleOn(ana(), (x) => x.work[0]?.phase === 'wrapup', 'I left');
    await until(ben, (x) => x.work[0]?.call?.role === 'host', 'ben hosts now');
  });

  it('voicemail: accepted, a copy emailed, no transfer', async () => {
    rig = await phoneLoopback(['ana']);
    h = await renderConsole({ client: ana(), columns: 100, rows: 30, now: Date.now() });
    await h.press('s', KEY.enter);
    await settleOn(ana(), (v) => v.self?.status === 'available', 'available');
    expect(rig.engine.execute({ type: 'arrive', queueId: 'support-voicemail', customer: { name: 'Vera' } } as never).ok).toBe(true);
    await settleOn(ana(), (v) => v.offer?.media === 'voicemail', 'voicemail offered');
    await h.press('a');
    await settleOn(ana(), (v) => v.work[0]?.call?.kind === 'voicemail', 'voicemail');
    expect(h.frame()).toContain('Voicemail ·');
    await h.press('t');
    expect(h.frame()).toContain('Not possible on a voicemail.');
    await h.press('v');
    await settleOn(ana(), (v) => v.work[0]?.call?.voicemailEmailed === true, 'emailed');
    expect(h.frame()).toContain('emailed');
    expect(rig.sw.emails).toHaveLength(1);
  });

  it('phone settings: change the workplace phone in Working Offline, validated by the PIN call', async () => {
    rig = await phoneLoopback(['ana']);
    h = await renderConsole({ client: ana(), columns: 100, rows: 30, now: Date.now() });
    await h.press('P');
    expect(h.frame()).toMatch(/Phone settings[\s\S]*Workplace: this console[\s\S]*only in Working Offline/);
    await h.press('j', KEY.enter);
    expect(h.frame()).toContain('Change to Working Offline first');
    await h.press(KEY.esc);
    expect((await ana().setStatus('working_offline', 'meeting')).ok).toBe(true);
    await h.press('P', 'j', KEY.enter);
    expect(h.frame()).toContain('New workplace phone number or sip:user@host: ▌');
    await h.type('510-259-2675');
    await h.press(KEY.enter);
    await settleOn(ana(), (v) => v.self?.phone?.pendingWorkplace !== undefined, 'pending');
    expect(h.frame()).toMatch(/waiting for PIN: \+15102592675/);
    rig.clock.advance(3_500);
    await settleOn(ana(), (v) => v.self?.phone?.pendingWorkplace?.state === 'pin_sent', 'PIN sent');
    expect(h.frame()).toContain('Enter the PIN you heard (workplace phone)');
    await h.press(KEY.home, KEY.enter);
    await h.type(rig.sw.lastPinTo('+15102592675')!);
    await h.press(KEY.enter);
    await settleOn(ana(), (v) => v.self?.phone?.workplace?.value === '+15102592675', 'validated');
    expect(h.frame()).toContain('Workplace: +15102592675');
  });
});
