// Conference calls driven by keys on loopback (real server, engine and
// simulated switch, virtual clock): an external number invited, merged and
// controlled by the host; invitations that fail; End for all; the host's
// recording, playback and transfer on a conference. Checked on screen and in
// the engine's and the switch's view of the call.
import { describe, expect, it } from 'vitest';
import type { AgentView } from '../../../src/client/index.js';
import type { TenantConfig } from '../../../src/engine/index.js';
import { until } from '../helpers/loopback.js';
import { KEY, waitFor, type ConsoleHarness } from '../helpers/render.js';
import { callSession, myCall, shows, type Others, type SessionOptions } from './session.js';

const s = callSession();
const ana = () => s.rig.clients.ana!;
const EXT = '+14155551212';
const extOf = (v: AgentView) => myCall(v)?.participants.find((p) => p.party === 'external');

/** On a call, `c`, the External number tab, type the number, Enter: the customer waits on hold. */
async function inviteNumber(typed: string, number: string): Promise<void> {
  await s.h.press('c', KEY.tab);
  expect(s.h.frame()).toMatch(/Add to conference[\s\S]*Agents\s+\[External number\]/);
  await s.h.type(typed);
  expect(s.h.frame()).toContain(`Number: ${typed}▌`);
  await s.h.press(KEY.enter);
  const v = await s.settleOn(ana(), (x) => myCall(x)?.consult?.purpose === 'conference', 'inviting');
  expect(myCall(v)?.consult?.target).toEqual({ number });
  expect(myCall(v)?.held).toBe(true);
  expect(s.h.frame()).toMatch(/Call · connected · ON HOLD/);
  expect(s.h.frame()).toMatch(new RegExp(`Inviting \\${number}: (offered|ringing) · f merge, b back`));
  expect(s.h.frame()).not.toContain('Add to conference');
}

/** Ana on a call with the customer and EXT merged in. */
async function externalConference(): Promise<void> {
  await s.onACall();
  await inviteNumber('+1 415 555 1212', EXT);
  s.rig.clock.advance(3_500);
  await s.settleOn(ana(), (x) => myCall(x)?.consult?.state === 'connected', 'answered');
  expect(s.h.frame()).toContain(`Inviting ${EXT}: on the line · f merge, b back`);
  await s.h.press('f');
  const v = await s.settleOn(ana(), (x) => myCall(x)?.conference === true && !myCall(x)?.consult, 'merged');
  expect(myCall(v)?.held).toBe(false);
  expect(s.h.frame()).toContain(`Conference: ${EXT} (u participants)`);
  expect(s.h.frame()).toContain(`${EXT} joined the conference.`);
  expect(s.h.frame()).not.toMatch(/ON HOLD/);
}

/**
 * Ana hosts a conference with the customer and Benjamin (invited by key,
 * accepted by key on his own console, merged by key). Returns his console.
 */
async function agentConference(o: SessionOptions = {}, others: Others = {}): Promise<ConsoleHarness> {
  await s.onACall({ ben: 'working_offline', ...others }, o);
  const ben = s.rig.clients.ben!;
  const hb = await s.consoleOf('ben');
  await s.h.press('c');
  await s.h.type('benj');
  await s.h.press(KEY.enter);
  await s.settleOn(ben, (x) => x.offer !== null, 'invited');
  await hb.press('a');
  await s.settleOn(ana(), (x) => myCall(x)?.consult?.state === 'connected', 'on the line');
  expect(hb.frame()).toContain('Invited to join the conference.');
  await s.h.press('f');
  await s.settleOn(ana(), (x) => myCall(x)?.conference === true && myCall(x)?.held === false, 'merged');
  await s.settleOn(ben, (x) => myCall(x)?.conference === true, 'ben merged');
  expect(s.h.frame()).toContain('Conference: Benjamin O. (u participants)');
  expect(hb.frame()).toMatch(/Call · connected · participant/);
  return hb;
}

describe('external conference on loopback', () => {
  it('invite a number, it answers, merge; the participants list it; host mute, hold and remove act on its leg', async () => {
    await externalConference();
    const leg = () => s.rig.sw.legsOf(EXT)[0];
    const callId = myCall(ana().getView())!.callId!;
    expect(leg()).toMatchObject({ state: 'connected', callId });
    expect(s.rig.sw.bridgeOf(callId)).toContain(leg()!.id);

    await s.h.press('u');
    expect(s.h.frame()).toMatch(/Participants \(3\)[\s\S]*Customer Lee Caller · \+15105551234[\s\S]*Me \(host\)[\s\S]*\+14155551212/);
    expect(s.h.frame()).not.toContain(`${EXT} · ${EXT}`);
    await s.h.press('j', 'j');
    expect(s.h.frame()).toMatch(/› \+14155551212\s*│/);

    await s.h.press('m');
    await s.settleOn(ana(), (x) => extOf(x)?.muted === true, 'external muted');
    expect(leg()!.muted).toBe(true);
    expect(s.h.frame()).toMatch(/› \+14155551212 \(muted\)/);
    await s.h.press('h');
    await s.settleOn(ana(), (x) => extOf(x)?.held === true, 'external held');
    expect(leg()!.held).toBe(true);
    expect(s.h.frame()).toMatch(/› \+14155551212 \(on hold, muted\)/);
    await s.h.press('m', 'h');
    await s.settleOn(ana(), (x) => extOf(x)?.held === false && extOf(x)?.muted === false, 'external back');
    expect(leg()).toMatchObject({ held: false, muted: false });
    expect(s.h.frame()).toMatch(/› \+14155551212\s*│/);
    // The customer is not muted by the host: held instead (the engine says so on screen).
    await s.h.press('k', 'k', 'm');
    await shows(s.h, 'Put the customer on hold instead of muting them.');
    expect(myCall(ana().getView())?.participants.find((p) => p.party === 'customer')?.muted).toBe(false);

    await s.h.press('j', 'j', 'r');
    await s.settleOn(ana(), (x) => !extOf(x), 'external removed');
    expect(s.h.frame()).toMatch(/Participants \(2\)/);
    expect(s.h.frame()).not.toContain(EXT);
    expect(s.rig.sw.legsOf(EXT)).toEqual([]);
    await s.h.press(KEY.esc);
    expect(s.h.frame()).toContain(`${EXT} was removed from the call.`);
    expect(s.h.frame()).not.toMatch(/Conference:/);
    expect(s.h.frame()).toMatch(/Call · connected/);
    expect(myCall(ana().getView())).toMatchObject({ state: 'connected', conference: false, held: false });
  });

  it('the external party hangs up: the host is told on screen, the call goes on with the customer', async () => {
    await externalConference();
    s.rig.sw.hangUp(s.rig.sw.legsOf(EXT)[0]!.id);
    const v = await s.settleOn(ana(), (x) => !extOf(x), 'external gone');
    expect(myCall(v)).toMatchObject({ state: 'connected', conference: false, held: false });
    expect(s.h.frame()).toContain(`${EXT} left the call.`);
    expect(s.h.frame()).not.toMatch(/Conference:/);
    await s.h.press('u');
    expect(s.h.frame()).toMatch(/Participants \(2\)/);
    expect(s.h.frame()).not.toContain(EXT);
  });

  it.each([
    ['is busy', '+1 415 555 0000', '+14155550000', 600, 'the line is busy'],
    ['never answers', '+1 415 555 9999', '+14155559999', 25_000, 'there is no answer'],
    ['cannot be reached', '+1 415 555 8888', '+14155558888', 0, 'the call could not be placed'],
  ])('an invited number that %s comes back with a clear message, the customer resumed', async (_what, typed, number, ms, why) => {
    await s.onACall();
    await inviteNumber(typed, number);
    s.rig.clock.advance(ms);
    const v = await s.settleOn(ana(), (x) => !myCall(x)?.consult, 'invitation over');
    const text = `${number} could not join: ${why}. The customer is back with you.`;
    expect(myCall(v)).toMatchObject({ held: false, conference: false, state: 'connected', notice: { text, level: 'warning' } });
    expect(myCall(v)?.participants.map((p) => p.party)).toEqual(['customer', 'agent']);
    expect(s.h.frame()).toContain(text);
    expect(s.h.frame()).toMatch(/Call · connected\s/);
    expect(s.h.frame()).not.toMatch(/ON HOLD|Inviting/);
    const customer = myCall(v)!.participants.find((p) => p.party === 'customer')!;
    expect(s.rig.sw.leg(customer.legId)).toMatchObject({ state: 'connected', held: false });
    expect(s.rig.sw.legsOf(number)).toEqual([]);
  });

  it('a number the switch never reports on is given up at the ring deadline; b cancels an invitation by key', async () => {
    await s.onACall();
    s.rig.sw.script('+14155550101', { kind: 'answer', afterMs: 10 * 60_000 });
    await inviteNumber('4155550101', '+14155550101');
    s.rig.clock.advance(29_000);
    expect(s.rig.sw.legsOf('+14155550101')).toMatchObject([{ state: 'ringing' }]);
    s.rig.clock.advance(1_500);
    expect(s.rig.sw.legsOf('+14155550101')).toEqual([]);
    await s.settleOn(ana(), (x) => !myCall(x)?.consult, 'ring deadline');
    expect(s.h.frame()).toContain('+14155550101 could not join: there is no answer. The customer is back with you.');
    expect(myCall(ana().getView())?.held).toBe(false);

    await inviteNumber(EXT, EXT);
    await s.h.press('b');
    await s.settleOn(ana(), (x) => !myCall(x)?.consult && myCall(x)?.held === false, 'cancelled');
    expect(s.h.frame()).toContain(`You cancelled the call to ${EXT}: the customer is back with you.`);
    expect(s.rig.sw.legsOf(EXT)).toEqual([]);
  });
});

describe('End for all on loopback', () => {
  it('only the host may; the host ends it by key: everyone wraps up, on both consoles, and the switch has no live leg left', async () => {
    const hb = await agentConference();
    const ben = s.rig.clients.ben!;
    // Add an external party too, so every kind of leg is on the call.
    await inviteNumber(EXT, EXT);
    s.rig.clock.advance(3_500);
    await s.settleOn(ana(), (x) => myCall(x)?.consult?.state === 'connected', 'answered');
    await s.h.press('f');
    await s.settleOn(ana(), (x) => myCall(x)?.participants.length === 4 && !myCall(x)?.consult, 'four on the call');
    expect(s.h.frame()).toContain(`Conference: Benjamin O., ${EXT} (u participants)`);
    const callId = myCall(ana().getView())!.callId!;
    const legIds = myCall(ana().getView())!.participants.map((p) => p.legId);
    expect(s.rig.sw.liveLegs().filter((l) => l.callId === callId).length).toBeGreaterThanOrEqual(2);

    // Benjamin is not the host: his console shows the engine's refusal, nothing ends.
    await hb.press('u');
    expect(hb.frame()).toMatch(/Participants \(4\)[\s\S]*Only the host controls participants\./);
    await hb.press(KEY.esc, 'E');
    await shows(hb, 'Only the host can end the call for everyone: Leave instead.');
    expect(myCall(ben.getView())?.state).toBe('connected');

    await s.h.press('E');
    await s.settleOn(ana(), (x) => x.work[0]?.phase === 'wrapup', 'ana wraps up');
    await s.settleOn(ben, (x) => x.work[0]?.phase === 'wrapup', 'ben wraps up');
    for (const [who, c, h] of [['ana', ana(), s.h], ['ben', ben, hb]] as const) {
      expect(myCall(c.getView())?.state, who).toBe('ended');
      expect(h.frame(), who).toMatch(/Call · ended/);
      expect(h.frame(), who).toMatch(/wrap-up/);
      expect(h.frame(), who).not.toMatch(/Conference:|Call · connected/);
    }
    expect(s.h.frame()).toContain('Call ended for everyone.');
    // Each call block says why it ended (not the last "… joined the conference.").
    expect(s.h.frame()).toContain('You ended the call for everyone.');
    expect(hb.frame()).toContain('Ana L. ended the call for everyone.');
    expect(myCall(ben.getView())?.notice?.text).toBe('Ana L. ended the call for everyone.');
    expect(s.rig.sw.liveLegs().filter((l) => l.callId === callId || legIds.includes(l.id))).toEqual([]);
    expect(s.rig.sw.bridgeOf(callId)).toEqual([]);
    expect(s.rig.engine.queries.unsafeState().phone.calls.size).toBe(0);
  });
});

describe('host controls on a conference, on loopback', () => {
  const withRecordings = {
    tenant: (t: TenantConfig) => {
      for (const a of t.agents.filter((x) => x.id === 'ana' || x.id === 'ben'))
        a.phone = { use: 'phone', connectionMode: 'on_demand', recordings: [{ id: 'greet', name: 'Greeting' }, { id: 'hold', name: 'Please hold' }] };
    },
  };

  it('record: a participant may not start it; the host starts and pauses it for everyone', async () => {
    const hb = await agentConference();
    const ben = s.rig.clients.ben!;
    const callId = myCall(ana().getView())!.callId!;
    // Benjamin may start recordings (his permission), but he is not the host: the engine says so.
    await hb.press('r');
    await shows(hb, 'Only the host of the call can control the recording.');
    expect(myCall(ana().getView())?.recording).toBe('off');
    expect(s.rig.sw.recordings.get(callId)).toBeUndefined();

    await s.h.press('r');
    await s.settleOn(ana(), (x) => myCall(x)?.recording === 'on', 'recording');
    await s.settleOn(ben, (x) => myCall(x)?.recording === 'on', 'ben sees it');
    expect(s.rig.sw.recordings.get(callId)).toBe('on');
    expect(s.h.frame()).toContain('● REC');
    expect(hb.frame()).toContain('● REC');
    await s.h.press('r');
    await s.settleOn(ben, (x) => myCall(x)?.recording === 'paused', 'paused for ben');
    expect(s.rig.sw.recordings.get(callId)).toBe('paused');
    expect(s.h.frame()).toContain('REC paused');
    expect(hb.frame()).toContain('REC paused');
  });

  it('play: the host plays one of her recordings to the customer; a participant may not', async () => {
    const hb = await agentConference(withRecordings);
    const customerLeg = myCall(ana().getView())!.participants.find((p) => p.party === 'customer')!.legId;
    const prompts = () => s.rig.sw.leg(customerLeg)!.prompts.filter((p) => p.kind === 'recording');
    await hb.press('l');
    expect(hb.frame()).toMatch(/Play a recording[\s\S]*Greeting[\s\S]*Please hold/);
    await hb.press(KEY.enter);
    await shows(hb, 'Only the host of the call can play a recording.');
    expect(prompts()).toEqual([]);

    await s.h.press('l');
    expect(s.h.frame()).toMatch(/Play a recording[\s\S]*› Greeting[\s\S]*Please hold/);
    await s.h.press('j', KEY.enter);
    await shows(s.h, 'Playing "Please hold".');
    expect(prompts()).toEqual([{ kind: 'recording', agentId: 'ana', recordingId: 'hold', name: 'Please hold' }]);
    expect(s.h.frame()).not.toContain('Play a recording');
    expect(myCall(ana().getView())).toMatchObject({ conference: true, state: 'connected' });
  });

  it('transfer: not to a queue while others are on it; warm to a colleague, who hosts the conference then', async () => {
    const hb = await agentConference({}, { chloe: 'working_offline' });
    const [ben, chloe] = [s.rig.clients.ben!, s.rig.clients.chloe!];
    const id = ana().getView().work[0]!.id;
    await s.h.press('t', KEY.tab);
    await waitFor(() => /Sales — Phone\s+(\d+ avail|nobody else)/.test(s.h.frame()));
    await s.h.type('sales');
    await s.h.press(KEY.enter, KEY.enter);
    await shows(s.h, 'Others are on this conference: remove them or leave the call instead.');
    expect(s.h.frame()).toContain('[Queues]');
    expect(myCall(ana().getView())).toMatchObject({ conference: true, held: false });
    expect(myCall(ana().getView())?.consult).toBeUndefined();

    await s.h.press(KEY.esc, KEY.shiftTab);
    expect(s.h.frame()).toContain('[Agents]');
    for (let i = 0; i < 'sales'.length; i++) await s.h.press(KEY.backspace); // the filter is kept across tabs
    await s.h.type('chlo');
    await s.h.press(KEY.enter);
    await s.settleOn(ana(), (x) => myCall(x)?.consult?.purpose === 'transfer', 'consulting');
    expect(s.h.frame()).toMatch(/Consulting Chloé M\.: (offered|on the line) · f complete, b back/);
    const offer = await until(chloe, (x) => x.offer !== null, 'offered');
    await chloe.accept(offer.offer!.id);
    await s.settleOn(ana(), (x) => myCall(x)?.consult?.state === 'connected', 'chloe on the line');
    await s.h.press('f');
    await s.settleOn(ana(), (x) => x.work.find((w) => w.id === id)?.phase === 'wrapup', 'ana wraps up');
    expect(s.h.frame()).toMatch(/Call transferred to Chloé M\. Wrap up, then resume\./);
    expect(s.h.frame()).toMatch(/Call · ended/);

    const v = await until(chloe, (x) => myCall(x)?.role === 'host' && myCall(x)?.held === false, 'chloe hosts');
    expect(myCall(v)).toMatchObject({ state: 'connected', conference: true });
    expect(myCall(v)!.participants.map((p) => p.agentId ?? p.party).sort()).toEqual(['ben', 'chloe', 'customer']);
    await s.settleOn(ben, (x) => !myCall(x)?.participants.some((p) => p.agentId === 'ana'), 'ana gone for ben');
    expect(myCall(ben.getView())).toMatchObject({ state: 'connected', role: 'participant', conference: true });
    expect(hb.frame()).toMatch(/Conference: Chloé M\. \(u participants\)/);
    expect(hb.frame()).toMatch(/Call · connected · participant/);
  });
});
