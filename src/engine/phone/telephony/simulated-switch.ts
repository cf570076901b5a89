/**
 * A phone switch with no audio, for the demo and the tests. It keeps legs,
 * bridges, holds, mutes, recordings and what was played to whom, and
 * reports outcomes with realistic timings on the injected Clock (tests use
 * VirtualClock): a dialed leg rings, then answers after a delay, or is
 * busy, or never answers (no-answer after a timeout), or fails; a caller
 * can hang up at any time. Behaviour is scripted per number:
 *
 *   ends in 0000 → busy · ends in 9999 → never answers · ends in 8888 → fails
 *   anything else → answers after `answerDelayMs`
 *
 * `script(number, behaviour)` overrides it for one number (tests).
 */
import type { Clock, TimerHandle } from '../../kernel/clock.js';
import type { Prompt } from '../events.js';
import type { LiveLeg, RecordAction, TelephonyAdapter, TelephonyReport, TelephonyRequest } from './adapter.js';

export type Behaviour =
  | { kind: 'answer'; afterMs?: number; /** the far end hangs up this long after answering */ hangUpAfterMs?: number }
  | { kind: 'busy' }
  | { kind: 'no_answer' }
  | { kind: 'fail' };

export interface SimulatedSwitchOptions {
  ringingAfterMs?: number;
  answerDelayMs?: number;
  busyAfterMs?: number;
  /** The switch gives up on an unanswered leg after this long (the engine has its own deadline too). */
  noAnswerMs?: number;
  /** How long a prompt takes before `thenHangUp` ends the leg. */
  promptMs?: number;
  /** How the switch names callers' legs (`SW-1`, `SW-2`...): a switch in its own process makes it unique to its run. */
  legPrefix?: string;
}

export interface SimLeg {
  id: string;
  /** Dialed number or SIP URI; a caller's number for incoming legs. */
  number?: string;
  direction: 'in' | 'out';
  state: 'ringing' | 'connected' | 'ended';
  callId?: string;
  held: boolean;
  muted: boolean;
  prompts: Prompt[];
  dtmf: string;
}

export class SimulatedSwitch implements TelephonyAdapter {
  readonly name = 'simulated-switch';
  /** Every request received, in order (for tests and the demo's log). */
  readonly requests: TelephonyRequest[] = [];
  readonly recordings = new Map<string, 'on' | 'paused' | 'off'>();
  readonly mailboxes: { voicemailId: string; legId: string; mailbox: { agentId: string } | { queueId: string } }[] = [];
  readonly emails: { voicemailId: string; email: string }[] = [];
  private readonly legs = new Map<string, SimLeg>();
  private readonly bridges = new Map<string, Set<string>>();
  private readonly scripts = new Map<string, Behaviour>();
  private readonly timers = new Map<string, TimerHandle[]>();
  private report: (e: TelephonyReport) => void = () => {};
  private nextIncoming = 1;
  private readonly o: Required<SimulatedSwitchOptions>;

  constructor(
    private readonly clock: Clock,
    options: SimulatedSwitchOptions = {},
  ) {
    this.o = { ringingAfterMs: 100, answerDelayMs: 3000, busyAfterMs: 500, noAnswerMs: 25_000, promptMs: 2000, legPrefix: 'SW-', ...options };
  }

  start(report: (e: TelephonyReport) => void): void {
    this.report = report;
  }

  stop(): void {
    for (const handles of this.timers.values()) for (const h of handles) h.cancel();
    this.timers.clear();
    this.report = () => {};
  }

  /** Sets how one number behaves when dialed. */
  script(number: string, behaviour: Behaviour): void {
    this.scripts.set(number, behaviour);
  }

  behaviourOf(number: string): Behaviour {
    const scripted = this.scripts.get(number);
    if (scripted) return scripted;
    if (number.endsWith('0000')) return { kind: 'busy' };
    if (number.endsWith('9999')) return { kind: 'no_answer' };
    if (number.endsWith('8888')) return { kind: 'fail' };
    return { kind: 'answer' };
  }

  // ---- the customer's side (driven by tests and the demo) ----

  /**
   * A customer calls in: the number they dialed (`to`: the tenant's dialed numbers or a direct
   * access number), or where the IVR sent them (a queue, a direct access number, an agent). Returns the leg id.
   */
  incomingCall(call: { from: string; name?: string; to?: string; queueId?: string; directNumber?: string; agentId?: string }): string {
    const id = `${this.o.legPrefix}${this.nextIncoming++}`;
    this.legs.set(id, { id, number: call.from, direction: 'in', state: 'ringing', held: false, muted: false, prompts: [], dtmf: '' });
    this.report({ type: 'incoming', legId: id, ...call });
    return id;
  }

  /** The party on this leg hangs up. */
  hangUp(legId: string): void {
    const leg = this.legs.get(legId);
    if (!leg || leg.state === 'ended') return;
    this.end(leg);
    this.report({ type: 'hung_up', legId });
  }

  /** The party on this leg holds the call from their side (their phone's hold key), or takes it off hold. */
  farHold(legId: string, held: boolean): void {
    this.report({ type: held ? 'held' : 'resumed', legId });
  }

  /** The IVR's voicemail recorded a message (for the dialed number's voicemail queue, or a named one). */
  voicemailLeft(message: { from: string; name?: string; to?: string; queueId?: string; durationSec: number; recording: string }): void {
    this.report({ type: 'voicemail', ...message });
  }

  /** A caller asked the IVR to be called back on `number`. */
  callbackRequested(request: { number: string; name?: string; to?: string; queueId?: string; note?: string }): void {
    this.report({ type: 'callback', ...request });
  }

  /** The party on this leg presses keys. */
  pressDigits(legId: string, digits: string): void {
    this.report({ type: 'dtmf', legId, digits });
  }

  /** The switch's recording of a call changes by itself (a fault, a policy). */
  recordingChanged(callId: string, state: 'on' | 'paused' | 'off', reason?: string): void {
    this.recordings.set(callId, state);
    this.report({ type: 'recording', callId, state, reason });
  }

  // ---- observation ----

  leg(legId: string): SimLeg | undefined {
    return this.legs.get(legId);
  }

  /** Live legs (not ended), oldest first. */
  liveLegs(): SimLeg[] {
    return [...this.legs.values()].filter((l) => l.state !== 'ended');
  }

  /** The live legs dialed to (or calling from) a number. */
  legsOf(number: string): SimLeg[] {
    return this.liveLegs().filter((l) => l.number === number);
  }

  /** Legs joined in a call's conversation. */
  bridgeOf(callId: string): string[] {
    return [...(this.bridges.get(callId) ?? [])];
  }

  /** The last PIN played to a number (what the agent heard on their phone). */
  lastPinTo(number: string): string | undefined {
    const legs = [...this.legs.values()].filter((l) => l.number === number).reverse();
    for (const l of legs) {
      const pin = [...l.prompts].reverse().find((p) => p.kind === 'pin');
      if (pin?.kind === 'pin') return pin.digits;
    }
    return undefined;
  }

  // ---- requests from the engine ----

  execute(r: TelephonyRequest): void {
    this.requests.push(r);
    switch (r.op) {
      case 'dial':
        return this.dial(r.legId, r.to, r.callId);
      case 'answer':
        this.adopt(r.legId).state = 'connected';
        return;
      case 'hang_up':
        return this.end(this.adopt(r.legId));
      case 'bridge': {
        const bridge = this.bridges.get(r.callId) ?? new Set<string>();
        this.bridges.set(r.callId, bridge);
        for (const id of r.legIds) {
          bridge.add(id);
          this.adopt(id).callId = r.callId;
        }
        return;
      }
      case 'unbridge':
        this.bridges.get(r.callId)?.delete(r.legId);
        return;
      case 'hold':
      case 'unhold':
        this.adopt(r.legId).held = r.op === 'hold';
        return;
      case 'mute':
      case 'unmute':
        this.adopt(r.legId).muted = r.op === 'mute';
        return;
      case 'dtmf':
        this.adopt(r.legId).dtmf += r.digits;
        return;
      case 'play': {
        const leg = this.adopt(r.legId);
        leg.prompts.push(r.prompt);
        if (r.thenHangUp) this.after(leg.id, this.o.promptMs, () => this.end(leg));
        return;
      }
      case 'record':
        this.recordings.set(r.callId, RECORDING_AFTER[r.action]);
        return;
      case 'voicemail_deposit':
        this.mailboxes.push({ voicemailId: r.voicemailId, legId: r.legId, mailbox: r.mailbox });
        return this.end(this.adopt(r.legId));
      case 'voicemail_email':
        this.emails.push({ voicemailId: r.voicemailId, email: r.email });
        return;
      case 'release':
        // The engine no longer follows these legs: they talk on until someone hangs up, unreported.
        for (const id of r.legIds) this.cancelTimers(id);
        this.bridges.delete(r.callId);
        return;
    }
  }

  /**
   * Re-attaches to the legs the engine believes live (after its restart, or a switch link's
   * reconnect): legs this switch still has are left as they are, legs it has ended are reported
   * hung up, legs it never knew are adopted.
   */
  restore(legs: LiveLeg[]): void {
    for (const l of legs) {
      const known = this.legs.get(l.legId);
      if (known?.state === 'ended') this.report({ type: 'hung_up', legId: l.legId });
      if (known) continue;
      const leg = this.adopt(l.legId);
      Object.assign(leg, { number: l.number ?? leg.number, callId: l.callId, held: !!l.held, muted: !!l.muted });
      if (l.callId && l.state === 'connected') this.bridges.set(l.callId, (this.bridges.get(l.callId) ?? new Set()).add(l.legId));
      // A leg that was ringing when the engine stopped rings on.
      if ((l.state === 'ringing' || l.state === 'calling') && l.number) {
        leg.state = 'ringing';
        this.play(leg, this.behaviourOf(l.number));
      } else leg.state = 'connected';
    }
  }

  private dial(legId: string, to: string, callId?: string): void {
    const leg: SimLeg = { id: legId, number: to, direction: 'out', state: 'ringing', callId, held: false, muted: false, prompts: [], dtmf: '' };
    this.legs.set(legId, leg);
    this.play(leg, this.behaviourOf(to));
  }

  /** Schedules what a ringing leg does. */
  private play(leg: SimLeg, b: Behaviour): void {
    const id = leg.id;
    if (b.kind === 'fail') return this.after(id, 0, () => this.finish(leg, { type: 'failed', legId: id, reason: 'unreachable number' }));
    this.after(id, this.o.ringingAfterMs, () => leg.state === 'ringing' && this.report({ type: 'ringing', legId: id }));
    if (b.kind === 'busy') return this.after(id, this.o.busyAfterMs, () => this.finish(leg, { type: 'busy', legId: id }));
    if (b.kind === 'no_answer') return this.after(id, this.o.noAnswerMs, () => this.finish(leg, { type: 'no_answer', legId: id }));
    this.after(id, b.afterMs ?? this.o.answerDelayMs, () => {
      if (leg.state !== 'ringing') return;
      leg.state = 'connected';
      this.report({ type: 'answered', legId: id });
      if (b.hangUpAfterMs !== undefined) this.after(id, b.hangUpAfterMs, () => this.hangUp(id));
    });
  }

  private finish(leg: SimLeg, report: TelephonyReport): void {
    if (leg.state !== 'ringing') return;
    this.end(leg);
    this.report(report);
  }

  private end(leg: SimLeg): void {
    leg.state = 'ended';
    this.cancelTimers(leg.id);
    if (leg.callId) this.bridges.get(leg.callId)?.delete(leg.id);
  }

  /** A leg the switch did not know (a call that reached the engine without it): adopted as connected. */
  private adopt(legId: string): SimLeg {
    let leg = this.legs.get(legId);
    if (!leg) this.legs.set(legId, (leg = { id: legId, direction: 'in', state: 'connected', held: false, muted: false, prompts: [], dtmf: '' }));
    return leg;
  }

  private after(legId: string, ms: number, fn: () => void): void {
    const handle = this.clock.at(this.clock.now() + ms, fn);
    this.timers.set(legId, [...(this.timers.get(legId) ?? []), handle]);
  }

  private cancelTimers(legId: string): void {
    for (const h of this.timers.get(legId) ?? []) h.cancel();
    this.timers.delete(legId);
  }
}

const RECORDING_AFTER: Record<RecordAction, 'on' | 'paused' | 'off'> = { start: 'on', pause: 'paused', resume: 'on', stop: 'off' };
