/**
 * Wires a TelephonyAdapter to an engine. Outbound: every committed batch of
 * events is turned into requests (effects.ts) queued in an outbox and
 * handed to the adapter in order — synchronously while the adapter answers
 * synchronously, one at a time once it returns promises. Inbound: every
 * report becomes an engine command, so the log holds every outcome. After
 * a restart the adapter is told which legs the log says are live.
 */
import type { Result } from '../../kernel/result.js';
import type { AnyCommand, Command, CommandOutcome, EngineEvent, EngineState } from '../../kernel/types.js';
import { StoreUnavailableError } from '../../store-recovery.js';
import type { LiveLeg, TelephonyAdapter, TelephonyReport, TelephonyRequest } from './adapter.js';
import { requestsOf } from './effects.js';

type SwitchCommand = Extract<AnyCommand, { type: 'phone_incoming' | 'phone_voicemail' | 'phone_callback' | 'phone_leg_event' }>;

export interface TelephonyBridge {
  /** Requests waiting for the adapter (a slow, promise-returning adapter lets them queue). */
  readonly pending: number;
  detach(): void;
}

export interface BridgeOptions {
  log?: (level: 'warn' | 'error', message: string, data?: Record<string, unknown>) => void;
}

/** Requests whose failure means the leg is gone (the engine is told it failed). */
const LEG_OPS: ReadonlySet<TelephonyRequest['op']> = new Set(['dial', 'answer', 'bridge', 'hold', 'unhold', 'mute', 'unmute', 'dtmf', 'play']);

/** What the bridge needs of the engine. */
export interface BridgedEngine {
  execute(command: Command): Result<CommandOutcome>;
  subscribe(listener: (events: readonly EngineEvent[]) => void): () => void;
  readonly queries: { unsafeState(): EngineState };
}

export function attachTelephony(engine: BridgedEngine, adapter: TelephonyAdapter, options: BridgeOptions = {}): TelephonyBridge {
  const log = options.log ?? (() => {});
  const outbox: TelephonyRequest[] = [];
  let draining = false;
  let waiting = false;
  let stopped = false;

  const send = (command: Command): void => {
    if (stopped) return;
    let result: Result<CommandOutcome>;
    try {
      result = engine.execute(command);
    } catch (e) {
      // The store cannot be written (already reported once by the engine's health): the report is lost.
      if (!(e instanceof StoreUnavailableError)) throw e;
      return log('warn', `telephony: ${command.type} lost, the store is unavailable`, { reason: e.reason });
    }
    if (!result.ok) log('warn', `telephony: ${command.type} refused`, { code: result.error.code, message: result.error.message });
  };

  const failed = (request: TelephonyRequest, error: unknown): void => {
    const message = error instanceof Error ? error.message : String(error);
    log('error', `telephony: ${adapter.name} failed ${request.op}`, { request, message });
    const legId = 'legId' in request ? request.legId : request.op === 'bridge' ? request.legIds.at(-1) : undefined;
    if (legId && LEG_OPS.has(request.op)) send({ type: 'phone_leg_event', legId, event: 'failed', reason: message });
  };

  const drain = (): void => {
    if (draining || waiting) return;
    draining = true;
    try {
      while (outbox.length && !stopped && !waiting) {
        const request = outbox.shift()!;
        let result: void | Promise<void>;
        try {
          result = adapter.execute(request);
        } catch (e) {
          failed(request, e);
          continue;
        }
        if (result && typeof (result as Promise<void>).then === 'function') {
          // Keep the order: nothing else goes out until this one settles.
          waiting = true;
          (result as Promise<void>).then(
            () => resume(),
            (e: unknown) => {
              failed(request, e);
              resume();
            },
          );
        }
      }
    } finally {
      draining = false;
    }
  };
  const resume = (): void => {
    waiting = false;
    drain();
  };

  const unsubscribe = engine.subscribe((batch) => {
    for (const e of batch) outbox.push(...requestsOf(e));
    drain();
  });
  adapter.start((report) => {
    const command = toCommand(report, engine.queries.unsafeState());
    if (command) send(command);
  });
  adapter.restore?.(liveLegs(engine.queries.unsafeState()));

  return {
    get pending() {
      return outbox.length;
    },
    detach() {
      stopped = true;
      unsubscribe();
      adapter.stop();
    },
  };
}

/** The engine command a switch report becomes (undefined: it names a call the engine does not follow). */
export function toCommand(r: TelephonyReport, state: EngineState): SwitchCommand | undefined {
  switch (r.type) {
    case 'incoming': {
      const { type: _, ...rest } = r;
      return { type: 'phone_incoming', ...rest };
    }
    case 'voicemail': {
      const { type: _, ...rest } = r;
      return { type: 'phone_voicemail', ...rest };
    }
    case 'callback': {
      const { type: _, ...rest } = r;
      return { type: 'phone_callback', ...rest };
    }
    case 'dtmf':
      return { type: 'phone_leg_event', legId: r.legId, event: 'dtmf', digits: r.digits };
    case 'recording': {
      const legId = state.phone.calls.get(r.callId)?.legs[0]?.id;
      return legId ? { type: 'phone_leg_event', legId, event: 'recording', recording: r.state, reason: r.reason } : undefined;
    }
    case 'failed':
      return { type: 'phone_leg_event', legId: r.legId, event: 'failed', reason: r.reason };
    default:
      return { type: 'phone_leg_event', legId: r.legId, event: r.type };
  }
}

/** Every leg the engine's state says is live: call legs, voice connections, PIN calls still ringing. */
export function liveLegs(state: EngineState): LiveLeg[] {
  const legs: LiveLeg[] = [];
  for (const call of state.phone.calls.values())
    for (const l of call.legs)
      if (!l.session && l.state !== 'offered')
        legs.push({ legId: l.id, callId: call.id, party: l.party, state: l.state, number: l.number, held: l.held, muted: l.muted });
  for (const p of state.phone.agents.values()) {
    if (p.voice) legs.push({ legId: p.voice.legId, party: 'voice_session', state: p.voice.state, number: undefined });
    if (p.pending?.state === 'calling') legs.push({ legId: p.pending.legId, party: 'validation', state: 'calling', number: p.pending.workplace.value });
  }
  return legs;
}
