// Call controls, the transfer dialog and the dial dialog, driven by keys
// against a real server, engine and simulated switch on loopback; checked on
// screen and in the engine's view of the call.
import { describe, expect, it } from 'vitest';
import { until } from '../helpers/loopback.js';
import { KEY } from '../helpers/render.js';
import { callSession, myCall, shows } from './session.js';

const s = callSession();
const ana = () => s.rig.clients.ana!;

describe('call controls on loopback', () => {
  it('mute, hold, record/pause/resume, keypad, play: each key acts and the state shows', async () => {
    await s.onACall();
    expect(s.h.frame()).toMatch(/Call · connected\s+0:0\d/);
    expect(s.h.frame()).toContain('Whisper: Support line: verify the account PIN first.');

    await s.h.press('m');
    await s.settleOn(ana(), (v) => myCall(v)?.muted === true, 'muted');
    expect(s.h.frame()).toContain('MUTED');
    await s.h.press('h');
    await s.settleOn(ana(), (v) => myCall(v)?.held === true, 'held');
    expect(s.h.frame()).toMatch(/MUTED · ON HOLD/);
    await s.h.press('h', 'm');
    await s.settleOn(ana(), (v) => myCall(v)?.held === false && myCall(v)?.muted === false, 'resumed and unmuted');
    expect(s.h.frame()).not.toMatch(/MUTED|ON HOLD/);

    // Ana may start and pause (start_pause).
    await s.h.press('r');
    await s.settleOn(ana(), (v) => myCall(v)?.recording === 'on', 'recording');
    expect(s.h.frame()).toContain('● REC');
    await s.h.press('r');
    await s.settleOn(ana(), (v) => myCall(v)?.recording === 'paused', 'paused');
    expect(s.h.frame()).toContain('REC paused');
    await s.h.press('r');
    await s.settleOn(ana(), (v) => myCall(v)?.recording === 'on', 'resumed');

    await s.h.press('#');
    expect(s.h.frame()).toContain('Keypad');
    await s.h.type('12a#');
    expect(s.h.frame()).toContain('Digits: 12a#');
    await s.h.press(KEY.enter);
    expect(s.h.frame()).toContain('Keypad digits are 0–9, * and #');
    await s.h.press(KEY.backspace, KEY.backspace, '#', KEY.enter);
    await s.h.settle();
    expect(s.h.frame()).toContain('Sent 12#.');

    // The demo agents have no recordings of their own (the fake-client bindings test plays one).
    await s.h.press('l');
    expect(s.h.frame()).toContain('You have no recordings to play.');
  });

  it('a start-only agent cannot pause; the engine state is unchanged', async () => {
    const h = await s.open(['ben']);
    const ben = s.rig.clients.ben!;
    await h.press('s', KEY.enter);
    await s.settleOn(ben, (v) => v.self?.status === 'available', 'available');
    s.rig.sw.incomingCall({ from: '+15105551234', queueId: 'support-phone', name: 'Lee Caller' });
    await s.settleOn(ben, (v) => v.offer !== null, 'offer');
    await h.press('a');
    await s.settleOn(ben, (v) => myCall(v)?.state === 'connected', 'connected');
    await h.press('r');
    await s.settleOn(ben, (v) => myCall(v)?.recording === 'on', 'recording');
    await h.press('r');
    expect(h.frame()).toContain('Your permission lets you start recordings, not pause them.');
    expect(myCall(ben.getView())?.recording).toBe('on');
  });

  it('end call → wrap-up', async () => {
    await s.onACall();
    await s.h.press('e');
    await s.settleOn(ana(), (v) => v.work[0]?.phase === 'wrapup', 'wrap-up');
    expect(s.h.frame()).toMatch(/Call · ended/);
    expect(s.h.frame()).toMatch(/wrap-up/);
  });
});

describe('transfer dialog on loopback', () => {
  it('Agents, warm: consult, the colleague accepts, complete', async () => {
    const id = await s.onACall({ ben: 'working_offline' });
    await s.h.press('t');
    expect(s.h.frame()).toMatch(/Transfer call[\s\S]*\[Agents\]\s+Queues\s+External number/);
    expect(s.h.frame()).toMatch(/Benjamin O\. · support\s+Working Offline/);
    await s.h.type('benj');
    await s.h.press(KEY.enter);
    const v = await s.settleOn(ana(), (x) => myCall(x)?.consult?.state === 'offered', 'consulting');
    expect(myCall(v)?.held).toBe(true);
    expect(s.h.frame()).toMatch(/Consulting Benjamin O\.: offered · f complete, b back/);
    const ben = s.rig.clients.ben!;
    const offer = await until(ben, (x) => x.offer !== null, 'consult offered');
    await ben.accept(offer.offer!.id);
    await s.settleOn(ana(), (x) => myCall(x)?.consult?.state === 'connected', 'consult connected');
    expect(s.h.frame()).toContain('Consulting Benjamin O.: on the line');
    await s.h.press('f');
    await s.settleOn(ana(), (x) => x.work.find((w) => w.id === id)?.phase === 'wrapup', 'my wrap-up');
    expect(s.h.frame()).toMatch(/transferred to Benjamin O\./);
    await until(ben, (x) => x.work[0]?.call?.role === 'host', 'ben hosts');
  });

  it('Agents, warm, declined: the customer comes back with a clear message', async () => {
    await s.onACall({ ben: 'working_offline' });
    await s.h.press('t');
    await s.h.type('benj');
    await s.h.press(KEY.enter);
    await s.settleOn(ana(), (x) => myCall(x)?.consult?.state === 'offered', 'consulting');
    const ben = s.rig.clients.ben!;
    const offer = await until(ben, (x) => x.offer !== null, 'consult offered');
    // Benjamin may not reject (no permission): the offer times out instead.
    void offer;
    s.rig.clock.advance(60_000);
    const v = await s.settleOn(ana(), (x) => !myCall(x)?.consult && myCall(x)?.held === false, 'consult ended');
    expect(myCall(v)?.notice?.text).toBeTruthy();
    expect(s.h.frame()).toContain(myCall(v)!.notice!.text.slice(0, 40));
    expect(s.h.frame()).toMatch(/Call · connected/);
  });

  it('Agents, cold: blind transfer, done when the colleague answers', async () => {
    const id = await s.onACall({ ben: 'working_offline' });
    await s.h.press('t');
    await s.h.type('benj');
    await s.h.press(KEY.ctrl('b'));
    await s.settleOn(ana(), (x) => myCall(x)?.consult?.blind === true, 'blind');
    expect(s.h.frame()).toMatch(/Transferring \(cold\) to Benjamin O\./);
    const ben = s.rig.clients.ben!;
    const offer = await until(ben, (x) => x.offer !== null, 'offered');
    await ben.accept(offer.offer!.id);
    await s.settleOn(ana(), (x) => x.work.find((w) => w.id === id)?.phase === 'wrapup', 'my wrap-up');
    await until(ben, (x) => x.work[0]?.call?.role === 'host', 'ben hosts');
  });

  it('Queues: listed with stats, confirm; UNSTAFFED asks again, then forces', async () => {
    const id = await s.onACall();
    await s.h.press('t', KEY.tab);
    await s.h.settle();
    expect(s.h.frame()).toContain('[Queues]');
    // Counts are of the others: never me (a call I transfer is never offered back to me).
    expect(s.h.frame()).toMatch(/Support — Phone\s+(\d+ avail|nobody else) · \d+ waiting · longest/);
    expect(s.h.frame()).toMatch(/Sales — Phone\s+nobody else · 0 waiting · longest —/);
    await s.h.type('sales');
    // Known unstaffed from the listing: the warning comes before anything is sent.
    await s.h.press(KEY.enter);
    expect(s.h.frame().replace(/[│\s]+/g, ' ')).toMatch(/Nobody else is available in Sales — Phone right now .* the caller will wait there\./);
    expect(s.h.frame()).toMatch(/Enter again transfers to Sales — Phone anyway/);
    expect(ana().getView().work[0]?.phase).toBe('active');
    await s.h.press(KEY.enter);
    await s.settleOn(ana(), (x) => x.work.find((w) => w.id === id)?.phase === 'wrapup', 'transferred, wrap-up');
    expect(s.h.frame()).toContain('Transferred to Sales — Phone.');
    const listed = await ana().listQueues();
    expect(listed.ok && listed.queues?.find((q) => q.id === 'sales-phone')?.stats.waiting).toBe(1);
  });

  it('External number: a bad number is refused before dialing; a good one is a warm invite, then complete', async () => {
    const id = await s.onACall();
    await s.h.press('t', KEY.shiftTab);
    expect(s.h.frame()).toContain('[External number]');
    await s.h.type('555-12');
    await s.h.press(KEY.enter);
    expect(s.h.frame()).toMatch(/"555-12" is not a valid phone number/);
    expect(myCall(ana().getView())?.consult).toBeUndefined();
    for (let i = 0; i < 6; i++) await s.h.press(KEY.backspace);
    await s.h.type('+1 415 555 1212');
    await s.h.press(KEY.enter);
    await s.settleOn(ana(), (x) => myCall(x)?.consult !== undefined, 'inviting');
    expect(s.h.frame()).toMatch(/Consulting \+14155551212/);
    s.rig.clock.advance(3_500);
    await s.settleOn(ana(), (x) => myCall(x)?.consult?.state === 'connected', 'answered');
    await s.h.press('f');
    await s.settleOn(ana(), (x) => x.work.find((w) => w.id === id)?.phase === 'wrapup', 'wrap-up');
  });
});

describe('dial dialog on loopback', () => {
  it('refuses a bad number before dialing; the last code is preselected next time', async () => {
    const h = await s.open(['ana']);
    await h.press('D');
    await h.type('5102592675');
    await h.press(KEY.enter);
    expect(h.frame().replace(/\s+/g, ' ')).toContain('You are On Break: dialing is off. Go Available or Working Offline to use it.');
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
    const v = await s.settleOn(ana(), (x) => x.work.some((w) => w.media === 'outbound_phone'), 'dialing');
    expect(v.self?.phone?.lastOutboundCode).toBe('callback');
    expect(h.frame()).toMatch(/Dialing \+15102592675 \(Scheduled callback\)/);
    expect(h.frame()).toMatch(/Outbound call · (dialing|connected)/);
    s.rig.clock.advance(3_500);
    await s.settleOn(ana(), (x) => x.work[0]?.call?.state === 'connected', 'answered');
    await h.press('e');
    await s.settleOn(ana(), (x) => x.work[0]?.phase === 'wrapup', 'wrap-up');

    await h.press('D');
    expect(h.frame()).toMatch(/› Scheduled callback/);
    await shows(h, /Ctrl-?R recalls a number from your calls \(1 call\):[\s\S]*→ \+15102592675 · \d\d:\d\d/i); // the call history arrives
    await h.press(KEY.ctrl('r'));
    expect(h.frame()).toContain('Number: +15102592675▌');
    await h.press(KEY.esc);
    expect(h.frame()).not.toContain('Number:');
  });

  it('recalls the number of a caller from the call history', async () => {
    const id = await s.onACall();
    await s.h.press('e');
    await s.settleOn(ana(), (x) => x.work[0]?.phase === 'wrapup', 'wrap-up');
    expect(await ana().setCodes(id, ['how-to'])).toMatchObject({ ok: true });
    expect(await ana().wrapUp(id)).toMatchObject({ ok: true });
    expect(await ana().setStatus('working_offline', 'meeting')).toMatchObject({ ok: true });
    await s.settleOn(ana(), (x) => x.work.length === 0 && x.self?.status === 'working_offline', 'free');
    await s.h.press('D');
    await shows(s.h, /← \+15105551234 Lee Caller · Support — Phone · \d\d:\d\d/);
    await s.h.press(KEY.ctrl('r'));
    expect(s.h.frame()).toMatch(/Number: \+15105551234▌[\s\S]*\(call 1 of 1\)[\s\S]*› ← \+15105551234 Lee Caller/);
    await s.h.press(KEY.enter);
    const v = await s.settleOn(ana(), (x) => x.work[0]?.media === 'outbound_phone', 'calling back');
    expect(v.work[0]!.customer.phone).toBe('+15105551234');
  });
});

describe('conference, voicemail and phone settings on loopback', () => {
  it('add an agent, merge, participants with host controls, leave', async () => {
    await s.onACall({ ben: 'working_offline' });
    await s.h.press('c');
    expect(s.h.frame()).toMatch(/Add to conference[\s\S]*\[Agents\]\s+External number/);
    await s.h.type('benj');
    await s.h.press(KEY.enter);
    await s.settleOn(ana(), (x) => myCall(x)?.consult?.purpose === 'conference', 'inviting');
    expect(s.h.frame()).toMatch(/Inviting Benjamin O\./);
    const ben = s.rig.clients.ben!;
    const offer = await until(ben, (x) => x.offer !== null, 'invited');
    await ben.accept(offer.offer!.id);
    await s.settleOn(ana(), (x) => myCall(x)?.consult?.state === 'connected', 'on the line');
    await s.h.press('f');
    await s.settleOn(ana(), (x) => myCall(x)?.conference === true && myCall(x)?.held === false, 'merged');
    expect(s.h.frame()).toMatch(/Conference: Benjamin O\. \(u participants\)/);

    await s.h.press('u');
    expect(s.h.frame()).toMatch(/Participants \(3\)[\s\S]*Customer Lee Caller[\s\S]*Me \(host\)[\s\S]*Benjamin O\./);
    await s.h.press('j', 'j', 'm');
    await s.settleOn(ana(), (x) => myCall(x)?.participants.find((p) => p.agentId === 'ben')?.muted === true, 'ben muted');
    expect(s.h.frame()).toMatch(/Benjamin O\. \(muted\)/);
    await s.h.press('k', 'r');
    await s.h.settle();
    expect(s.h.frame()).toMatch(/host|customer/i); // removing myself is refused by the engine, shown
    expect(myCall(ana().getView())?.participants).toHaveLength(3);
    await s.h.press(KEY.esc, 'L');
    await s.settleOn(ana(), (x) => x.work[0]?.phase === 'wrapup', 'I left');
    await until(ben, (x) => x.work[0]?.call?.role === 'host', 'ben hosts now');
  });

  it('voicemail: accepted, a copy emailed, no transfer', async () => {
    const h = await s.open(['ana']);
    await h.press('s', KEY.enter);
    await s.settleOn(ana(), (v) => v.self?.status === 'available', 'available');
    expect(s.rig.engine.execute({ type: 'arrive', queueId: 'support-voicemail', customer: { name: 'Vera' } } as never).ok).toBe(true);
    await s.settleOn(ana(), (v) => v.offer?.media === 'voicemail', 'voicemail offered');
    await h.press('a');
    await s.settleOn(ana(), (v) => v.work[0]?.call?.kind === 'voicemail', 'voicemail');
    expect(h.frame()).toContain('Voicemail ·');
    await h.press('t');
    expect(h.frame()).toContain('Not possible on a voicemail.');
    await h.press('v');
    await s.settleOn(ana(), (v) => v.work[0]?.call?.voicemailEmailed === true, 'emailed');
    expect(h.frame()).toContain('emailed');
    expect(s.rig.sw.emails).toHaveLength(1);
  });

  it('phone settings: change the workplace phone in Working Offline, validated by the PIN call', async () => {
    const h = await s.open(['ana']);
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
    await s.settleOn(ana(), (v) => v.self?.phone?.pendingWorkplace !== undefined, 'pending');
    expect(h.frame()).toMatch(/waiting for PIN: \+15102592675/);
    s.rig.clock.advance(3_500);
    await s.settleOn(ana(), (v) => v.self?.phone?.pendingWorkplace?.state === 'pin_sent', 'PIN sent');
    expect(h.frame()).toContain('Enter the PIN you heard (workplace phone)');
    await h.press(KEY.home, KEY.enter);
    await h.type(s.rig.sw.lastPinTo('+15102592675')!);
    await h.press(KEY.enter);
    await s.settleOn(ana(), (v) => v.self?.phone?.workplace?.value === '+15102592675', 'validated');
    expect(h.frame()).toContain('Workplace: +15102592675');
  });
});
