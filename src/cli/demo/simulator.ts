/**
 * The demo's traffic: customers arriving on every inbound queue at an
 * adjustable rate (and giving up if they wait too long), and simulated
 * colleagues who log in, take breaks, accept offers, handle and wrap up
 * their work — so queue stats and contacts move on the demo agent's screen;
 * now and then a simulated supervisor broadcasts a notice to their groups.
 * Runs on the engine's Clock, so a test can drive it on a virtual clock.
 */
import { StoreUnavailableError, type Clock, type Engine, type EngineEvent, type Media, type TimerHandle } from '../../engine/index.js';
import { customerFor } from './people.js';
import { prng } from './prng.js';

export interface SimulatorOptions {
  /** Agents the simulator must never drive (the human at the console). */
  humans: string[];
  /** Arrivals per minute per inbound queue at rate 1. */
  arrivalsPerMinute?: number;
  /** Multiplies every arrival rate (the `--rate` flag). */
  rate?: number;
  seed?: number;
  /** Chat arrivals come from real customers (the web chat bots) instead of a bare engine `arrive`. */
  chatArrival?: (queueId: string) => void;
}

/** Seconds, as [min, max] ranges, for what colleagues and customers do. */
const PACE = {
  answer: [2, 8],
  handle: { inbound_phone: [40, 180], chat: [60, 240], email: [60, 200], voicemail: [20, 60], outbound_phone: [30, 120] },
  wrapUp: [3, 15],
  breakEvery: [120, 360],
  breakLength: [60, 300],
  /** How long a customer waits in queue before giving up; emails wait until answered. */
  patience: { inbound_phone: [60, 420], chat: [60, 420], voicemail: [600, 1800] } as Partial<Record<Media, readonly [number, number]>>,
  noticeEvery: [300, 1200],
} as const;

/**
 * Each medium's share of the arrival rate, so its queue stays as short as its
 * colleagues keep it: at the full rate, emails and voicemails (which never
 * gave up) piled up without end (41 voicemails waiting after 26 minutes of the
 * demo). The billing team clears emails at this rate. Voicemails come last in
 * their colleagues' routing (calls and chats first, by queue priority), so one
 * whose caller waited 10–30 minutes is withdrawn: they call back instead.
 */
const ARRIVAL_SHARE: Partial<Record<Media, number>> = { email: 0.3, voicemail: 0.15 };

/** What simulated supervisors tell their groups. */
const NOTICES = [
  { text: 'Queue volumes are up this hour: please keep breaks short.', priority: 'medium' },
  { text: 'Reminder: team huddle at the top of the hour.', priority: 'low' },
  { text: 'Billing system slow: take a callback number instead of holding.', priority: 'high' },
  { text: 'Great work today: average wait under a minute.', priority: 'low' },
] as const;

export class Simulator {
  private readonly rnd: () => number;
  private readonly timers = new Set<TimerHandle>();
  private readonly colleagues: string[];
  private unsubscribe?: () => void;
  private running = false;

  constructor(
    private readonly engine: Engine,
    private readonly clock: Clock,
    private readonly options: SimulatorOptions,
  ) {
    this.rnd = prng(options.seed ?? 7);
    this.colleagues = [...engine.tenant.agents.keys()].filter((id) => !options.humans.includes(id));
  }

  start(): void {
    this.running = true;
    this.unsubscribe = this.engine.subscribe((batch) => this.onEvents(batch));
    for (const id of this.colleagues) this.after(this.between(0, 20), () => this.comeOnline(id));
    for (const q of this.engine.tenant.config.queues) if (q.media !== 'outbound_phone') this.scheduleArrival(q.id);
    const supervisor = this.colleagues.find((id) => this.engine.tenant.agents.get(id)?.role === 'supervisor');
    if (supervisor) this.after(this.between(...PACE.noticeEvery), () => this.sendNotice(supervisor));
    this.reconcile();
  }

  stop(): void {
    this.running = false;
    this.unsubscribe?.();
    for (const t of this.timers) t.cancel();
    this.timers.clear();
  }

  /** After a restart: pick up the offers and work colleagues already hold. */
  private reconcile(): void {
    const q = this.engine.queries;
    for (const id of this.colleagues) {
      const offer = q.offerOf(id);
      if (offer) this.answer(id, offer.id);
      for (const w of q.workOf(id)) (w.phase === 'active' ? this.handle : this.wrapUp).call(this, id, w.id);
    }
  }

  private onEvents(batch: readonly EngineEvent[]): void {
    for (const e of batch) {
      if (e.type === 'interaction.offered' && this.colleagues.includes(e.agentId)) this.answer(e.agentId, e.interactionId);
      if (e.type === 'interaction.arrived' && e.queueId) this.customerPatience(e.interactionId);
      if (e.type === 'agent.status_changed' && e.cause === 'after_work' && this.colleagues.includes(e.agentId)) this.breakFor(e.agentId);
    }
  }

  private comeOnline(id: string): void {
    this.exec({ type: 'login', agentId: id });
    this.exec({ type: 'set_status', agentId: id, status: 'available' });
    this.after(this.between(...PACE.breakEvery), () => this.takeBreak(id));
  }

  /**
   * Breaks happen between contacts: a busy colleague asks for "after this one".
   * Three in five are case work off the queues (Working Offline) rather than
   * On Break, so there is often a colleague a call can be handed to (only
   * Available or Working Offline colleagues can take a consultation).
   */
  private takeBreak(id: string): void {
    const status = this.engine.queries.self(id)?.status;
    const target = this.rnd() < 0.6 ? 'working_offline' : 'on_break';
    const code = this.engine.tenant.config.statusCodes[target]?.at(target === 'on_break' ? 0 : -1)?.id;
    if (status === 'available' && !this.engine.queries.offerOf(id)) {
      this.exec({ type: 'set_status', agentId: id, status: target, code });
      this.breakFor(id);
    } else if (status === 'busy' || status === 'busy_stop_new') {
      // The break starts when the work ends (onEvents), and lasts its length from then.
      this.exec({ type: 'set_after_work', agentId: id, status: target, code });
    } else if (status === 'on_break' || status === 'working_offline') this.breakFor(id);
    else this.after(30, () => this.takeBreak(id));
  }

  private breakFor(id: string): void {
    this.after(this.between(...PACE.breakLength), () => this.backToWork(id));
  }

  private backToWork(id: string): void {
    const status = this.engine.queries.self(id)?.status;
    if (status === 'on_break' || status === 'working_offline') this.exec({ type: 'set_status', agentId: id, status: 'available' });
    this.after(this.between(...PACE.breakEvery), () => this.takeBreak(id));
  }

  private sendNotice(id: string): void {
    const n = NOTICES[Math.floor(this.rnd() * NOTICES.length)]!;
    this.exec({ type: 'broadcast_notice', agentId: id, text: n.text, priority: n.priority });
    this.after(this.between(...PACE.noticeEvery), () => this.sendNotice(id));
  }

  private answer(id: string, interactionId: string): void {
    this.after(this.between(...PACE.answer), () => {
      if (this.engine.queries.offerOf(id)?.id !== interactionId) return;
      if (this.exec({ type: 'accept', agentId: id, interactionId })) this.handle(id, interactionId);
    });
  }

  private handle(id: string, interactionId: string): void {
    const media = this.engine.queries.interaction(interactionId)?.media ?? 'inbound_phone';
    const [min, max] = PACE.handle[media];
    this.after(this.between(min, max), () => {
      const i = this.engine.queries.interaction(interactionId);
      if (!i || i.phase !== 'active') return this.wrapUp(id, interactionId);
      this.exec({ type: 'end_interaction', agentId: id, interactionId });
      this.wrapUp(id, interactionId);
    });
  }

  private wrapUp(id: string, interactionId: string): void {
    this.after(this.between(...PACE.wrapUp), () => {
      const i = this.engine.queries.interaction(interactionId);
      if (!i) return;
      const codes = i.codeLists.filter((l) => l.mandatory || this.rnd() < 0.5).map((l) => l.codes[Math.floor(this.rnd() * l.codes.length)]!.id);
      this.exec({ type: 'set_codes', agentId: id, interactionId, codes });
      if (i.phase === 'wrapup') this.exec({ type: 'wrap_up', agentId: id, interactionId });
    });
  }

  private scheduleArrival(queueId: string): void {
    const media = this.engine.tenant.queues.get(queueId)!.media;
    const perMinute = (this.options.arrivalsPerMinute ?? 1.5) * (this.options.rate ?? 1) * (ARRIVAL_SHARE[media] ?? 1);
    if (perMinute <= 0) return;
    // Exponential inter-arrival times: a Poisson process, bursts and lulls included.
    const gapSec = -Math.log(1 - this.rnd()) * (60 / perMinute);
    this.after(gapSec, () => {
      if (media === 'chat' && this.options.chatArrival) this.options.chatArrival(queueId);
      else this.exec({ type: 'arrive', queueId, customer: customerFor(media, this.rnd) });
      this.scheduleArrival(queueId);
    });
  }

  private customerPatience(interactionId: string): void {
    const media = this.engine.queries.interaction(interactionId)?.media;
    const patience = media && PACE.patience[media];
    if (!patience) return; // emails wait until answered
    this.after(this.between(...patience), () => {
      const now = this.engine.queries.interaction(interactionId);
      if (now?.phase === 'queued') this.exec({ type: 'customer_end', interactionId });
    });
  }

  private exec(command: Parameters<Engine['execute']>[0]): boolean {
    if (!this.running) return false;
    try {
      return this.engine.execute(command).ok;
    } catch (e) {
      if (e instanceof StoreUnavailableError) return false; // simulated traffic waits for the store like everyone
      throw e;
    }
  }

  private between(min: number, max: number): number {
    return min + this.rnd() * (max - min);
  }

  private after(seconds: number, fn: () => void): void {
    const handle = this.clock.at(this.clock.now() + seconds * 1000, () => {
      this.timers.delete(handle);
      if (this.running) fn();
    });
    this.timers.add(handle);
  }
}
