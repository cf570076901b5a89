/**
 * The phone part of the model-based test: random phone commands (controls,
 * transfers, conferences, dialing, and fake switch reports — there is no
 * switch in the model, so the test plays it), and the call invariants.
 * No PIN-drawing command is generated: twin engines must stay identical.
 */
import type { Command, Engine } from '../../src/engine/index.js';
import type { Rng, Step } from './model-step.js';

const LEG_EVENTS = ['ringing', 'answered', 'answered', 'answered', 'busy', 'no_answer', 'hung_up', 'hung_up', 'failed', 'dtmf'] as const;
const NUMBERS = ['5102592675', '+44 20 7946 0958', '510-555-0000', '12', '+1 415 555 9999'];

/** One random phone command, mostly aimed at live calls. */
export function randomPhoneStep(rng: Rng, engine: Engine, agentId: string): Step {
  const s = engine.queries.unsafeState();
  const calls = [...s.phone.calls.values()];
  const onCall = [...s.agents.values()].flatMap((a) =>
    [...a.work].filter((id) => s.phone.links.get(id)?.callId).map((id) => ({ agentId: a.id, interactionId: id })),
  );
  const hosts = onCall.filter((w) => s.phone.calls.get(s.phone.links.get(w.interactionId)!.callId!)?.interactionId === w.interactionId);
  const consulting = hosts.filter((w) => {
    const c = s.phone.calls.get(s.phone.links.get(w.interactionId)!.callId!)!;
    return c.consult?.legId && c.legs.some((l) => l.id === c.consult!.legId && l.state === 'connected');
  });
  const pool = consulting.length && rng.chance(0.5) ? consulting : hosts.length && rng.chance(0.7) ? hosts : onCall;
  const who = pool.length && rng.chance(0.9) ? rng.pick(pool) : { agentId, interactionId: `IX-${rng.int(40)}` };
  const legs = calls.flatMap((c) => c.legs.map((l) => l.id));
  const legId = () => (legs.length && rng.chance(0.9) ? rng.pick(legs) : `L-${rng.int(30)}`);
  // Colleagues who could join a call now (most targets), and anyone (some refusals).
  const free = [...s.agents.values()].filter((a) => a.loggedIn && !a.offer && !a.work.size && (a.status === 'available' || a.status === 'working_offline'));
  const target = () =>
    rng.chance(0.6)
      ? { agentId: free.length && rng.chance(0.8) ? rng.pick(free).id : rng.pick(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']) }
      : rng.chance(0.3)
        ? { queueId: rng.pick(['vip', 'phone', 'chat', 'nope']) }
        : { number: rng.pick(NUMBERS) };
  const cmds: [number, () => Command][] = [
    [8, () => ({ type: 'phone_transfer', ...who, to: target(), mode: rng.pick(['warm', 'warm', 'cold'] as const), force: rng.chance(0.5) })],
    [4, () => {
      const to = target();
      return { type: 'phone_conference_add', ...who, to: 'queueId' in to ? { number: '5102592675' } : to };
    }],
    [consulting.length ? 40 : 3, () => ({ type: 'phone_complete', ...(consulting.length && rng.chance(0.9) ? rng.pick(consulting) : who) })],
    [2, () => ({ type: 'phone_cancel_consult', ...who })],
    [2, () => ({ type: 'phone_leave', ...who })],
    [1, () => ({ type: 'phone_end_all', ...who })],
    [2, () => ({ type: 'phone_remove', ...who, legId: legId() })],
    [3, () => ({ type: 'phone_hold', ...who, held: rng.chance(0.5), legId: rng.chance(0.7) ? undefined : legId() })],
    [2, () => ({ type: 'phone_mute', ...who, muted: rng.chance(0.5), legId: rng.chance(0.7) ? undefined : legId() })],
    [2, () => ({ type: 'phone_record', ...who, action: rng.pick(['start', 'pause', 'resume'] as const) })],
    [1, () => ({ type: 'phone_dtmf', ...who, digits: rng.pick(['1', '#', 'x']) })],
    [1, () => ({ type: 'phone_play', ...who, recordingId: 'r' })],
    [1, () => ({ type: 'voicemail_email', ...who })],
    [3, () => ({ type: 'phone_dial', agentId, number: rng.pick(NUMBERS), code: rng.pick([undefined, 'o1', 'zz']) })],
    [10, () => ({ type: 'phone_leg_event', legId: legId(), event: rng.pick(LEG_EVENTS), digits: '5' })],
    [3, () =>
      rng.chance(0.7)
        ? { type: 'phone_incoming', legId: `X-${rng.int(60)}`, from: rng.pick(NUMBERS), queueId: rng.pick(['vip', 'phone', 'chat']) }
        : { type: 'phone_incoming', legId: `X-${rng.int(60)}`, from: '5102592675', directNumber: rng.pick(['100', '200', '999']) }],
  ];
  let roll = rng.next() * cmds.reduce((n, [w]) => n + w, 0);
  for (const [w, make] of cmds) {
    roll -= w;
    if (roll < 0) return { kind: 'cmd', cmd: make() };
  }
  return { kind: 'cmd', cmd: cmds[0]![1]() };
}

/** Deadlines the phone module arms timers for (the generator jumps to them). */
export function phoneDeadlines(engine: Engine): number[] {
  const s = engine.queries.unsafeState();
  const out: number[] = [];
  for (const c of s.phone.calls.values()) for (const l of c.legs) if (l.ringDeadline !== undefined) out.push(l.ringDeadline);
  for (const p of s.phone.agents.values()) for (const t of [p.voice?.deadline, p.pending?.deadline]) if (t !== undefined) out.push(t);
  return out;
}

/** Calls are consistent with interactions, legs, agents and capacity. */
export function checkPhone(engine: Engine, now: number, settledTime: boolean, fail: (msg: string) => void): void {
  const s = engine.queries.unsafeState();
  const onLegs = new Map<string, string>();
  for (const [id, link] of s.phone.links) {
    if (!s.interactions.has(id)) fail(`phone link of ${id}, which is not live`);
    if (link.callId && !s.phone.calls.has(link.callId)) fail(`${id} links to unknown call ${link.callId}`);
  }
  for (const call of s.phone.calls.values()) {
    const host = s.interactions.get(call.interactionId);
    if (!host) {
      fail(`call ${call.id} hosted by ${call.interactionId}, which is not live`);
      continue;
    }
    if (s.phone.links.get(host.id)?.callId !== call.id) fail(`host ${host.id} is not linked to its call ${call.id}`);
    if (host.phase === 'wrapup') fail(`call ${call.id} still live while its host ${host.id} wraps up`);
    const waiting = host.phase === 'queued' || host.phase === 'offered';
    if (waiting !== (call.state === 'waiting')) fail(`call ${call.id} is ${call.state} but its host ${host.id} is ${host.phase}`);
    if (call.recording !== 'off' && !call.legs.some((l) => l.party === 'agent' || l.party === 'consultee'))
      fail(`call ${call.id} records with no agent on it`);
    for (const l of call.legs) {
      if (!l.session && JSON.stringify(s.phone.legs.get(l.id)) !== JSON.stringify({ callId: call.id })) fail(`leg ${l.id} of ${call.id} missing from the leg index`);
      if (settledTime && l.ringDeadline !== undefined && l.ringDeadline <= now) fail(`leg ${l.id} rings past its deadline`);
      if (!l.agentId) continue;
      const other = onLegs.get(l.agentId);
      if (other) fail(`${l.agentId} is on two call legs: ${other} and ${l.id}`);
      onLegs.set(l.agentId, l.id);
      const i = l.interactionId ? s.interactions.get(l.interactionId) : undefined;
      if (!i || i.phase !== 'active' || i.agentId !== l.agentId) fail(`leg ${l.id} of ${l.agentId} belongs to ${l.interactionId} (${i?.phase}, held by ${i?.agentId})`);
      if (l.interactionId && s.phone.links.get(l.interactionId)?.callId !== call.id) fail(`${l.interactionId} on ${call.id} is not linked to it`);
      if (l.session && s.phone.agents.get(l.agentId)?.voice?.legId !== l.id) fail(`session leg ${l.id} is not ${l.agentId}'s voice connection`);
    }
    const consult = call.consult;
    if (consult?.legId && !call.legs.some((l) => l.id === consult.legId)) fail(`call ${call.id} consults a missing leg ${consult.legId}`);
    if (consult && 'interactionId' in consult.target) {
      const t = s.interactions.get(consult.target.interactionId);
      const ok = t && ((t.phase === 'offered' && t.agentId === consult.target.agentId) || (t.phase === 'active' && consult.legId));
      if (!ok) fail(`call ${call.id} consults ${consult.target.interactionId}, which is ${t?.phase}`);
    }
  }
  for (const [legId, owner] of s.phone.legs) {
    if ('callId' in owner) {
      if (!s.phone.calls.get(owner.callId)?.legs.some((l) => l.id === legId)) fail(`leg index has ${legId} on ${owner.callId}, which lacks it`);
    } else {
      const p = s.phone.agents.get(owner.agentId);
      if (p?.voice?.legId !== legId && p?.pending?.legId !== legId) fail(`leg index has ${legId} for ${owner.agentId}, who lacks it`);
    }
  }
  // Every live phone interaction someone works on is on its call, or has left it (wrap-up).
  for (const i of s.interactions.values()) {
    const link = s.phone.links.get(i.id);
    if (i.phase === 'wrapup' && link?.callId) fail(`${i.id} wraps up but is still on call ${link.callId}`);
    if (i.phase === 'active' && (i.media === 'inbound_phone' || i.media === 'outbound_phone' || i.media === 'voicemail') && !link?.callId)
      fail(`${i.id} is an active ${i.media} with no call`);
  }
  for (const [agentId, p] of s.phone.agents) {
    if (!settledTime) continue;
    for (const t of [p.voice?.deadline, p.pending?.deadline]) if (t !== undefined && t <= now) fail(`${agentId}: a phone deadline passed without its timer`);
  }
}
