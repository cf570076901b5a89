/**
 * Simulated callers for `agent-console switch`: customers dial the given
 * numbers at random (a Poisson process at `perMinute`), wait for an agent
 * (hanging up after `patienceSec` if nobody answers), talk, and hang up
 * after about `talkSec`. Their calls go through the switch like any other.
 */
import type { Clock, SimulatedSwitch, TelephonyRequest, TimerHandle } from '../../engine/index.js';

export interface CallerOptions {
  perMinute: number;
  /** Numbers callers dial (the tenant's dialedNumbers or agents' direct access numbers). */
  to: string[];
  talkSec: number;
  patienceSec: number;
  rnd?: () => number;
}

export class Callers {
  /** Generated callers' legs: their patience timer until an agent is on the line. */
  private readonly waiting = new Map<string, TimerHandle>();
  private readonly timers = new Set<TimerHandle>();
  private readonly rnd: () => number;
  private running = false;

  constructor(
    private readonly sim: SimulatedSwitch,
    private readonly clock: Clock,
    private readonly o: CallerOptions,
  ) {
    this.rnd = o.rnd ?? Math.random;
  }

  start(): void {
    this.running = this.o.perMinute > 0 && this.o.to.length > 0;
    if (this.running) this.next();
  }

  stop(): void {
    this.running = false;
    for (const t of [...this.timers, ...this.waiting.values()]) t.cancel();
  }

  /** The switch carried out a request: a waiting caller joined to an agent talks, then hangs up. */
  onRequest(r: TelephonyRequest): void {
    if (r.op !== 'bridge' || r.purpose !== 'connect') return;
    for (const legId of r.legIds) {
      const patience = this.waiting.get(legId);
      if (!patience) continue;
      patience.cancel();
      this.waiting.delete(legId);
      this.after(this.o.talkSec * (0.5 + this.rnd()), () => this.sim.hangUp(legId));
    }
  }

  private next(): void {
    const gapSec = -Math.log(1 - this.rnd()) * (60 / this.o.perMinute);
    this.after(gapSec, () => {
      const to = this.o.to[Math.floor(this.rnd() * this.o.to.length)]!;
      const from = `+1510555${String(Math.floor(this.rnd() * 10_000)).padStart(4, '0')}`;
      const legId = this.sim.incomingCall({ from, to });
      const patience = this.clock.at(this.clock.now() + this.o.patienceSec * 1000, () => {
        this.waiting.delete(legId);
        this.sim.hangUp(legId);
      });
      this.waiting.set(legId, patience);
      this.next();
    });
  }

  private after(seconds: number, fn: () => void): void {
    const handle = this.clock.at(this.clock.now() + seconds * 1000, () => {
      this.timers.delete(handle);
      if (this.running) fn();
    });
    this.timers.add(handle);
  }
}
