/**
 * The shape of an engine module: one concept of the domain (agents, work,
 * chat, phone, notices…) with everything it owns. modules.ts lists the
 * modules and assembles the engine's tables from them; engine.ts runs them.
 *
 *  - handlers:  command type → handler. A handler validates against the
 *               state first and emits only once the command will succeed,
 *               so a refused command changes nothing.
 *  - reducers:  event type → reducer, the only code that mutates the state.
 *  - follows:   reducers for other modules' events its slice follows (they
 *               run before the owner's: the state is still as it was).
 *  - state:     its slice of the state: a fresh one, and to and from a snapshot.
 *  - deadlines: the timers its state asks for, per interaction and per agent.
 *  - views:     read models, merged into `engine.queries`.
 *  - projection: records too large for memory, kept as tables beside the
 *               log in the store (read through `ctx.records`).
 *  - extensionPoints: the EngineHooks its own handlers and views run.
 *  - hooks:     what it does at other modules' extension points.
 */
import type { Clock } from './clock.js';
import { ok, type Result } from './result.js';
import type { Projection } from '../store/store.js';
import type { Tenant } from '../tenant/tenant.js';
import type {
  AnyCommand,
  CommandOf,
  CommandOutcome,
  CommandType,
  EngineEvent,
  EngineEventBody,
  EngineEventType,
  EngineHooks,
  EngineRecords,
  EngineState,
  EventOf,
} from './types.js';

/** Each extension point with the implementations of every module taking part, in module order. */
export type HookLists = { readonly [K in keyof EngineHooks]: readonly EngineHooks[K][] };

/** A queue's live figures, from the router. */
export interface QueueStats {
  available: number;
  waiting: number;
  /** Epoch ms of the longest-waiting interaction's arrival, if any wait. */
  oldestArrival?: number;
  /** Asked for one agent (transfers): agents other than them who could take its work now (routing/offer-rules.ts). */
  others?: number;
}

/** What a command handler works with. */
export interface Ctx {
  readonly state: EngineState;
  /** Records kept beside the log (committed ones: what this command emitted is not in them yet). */
  readonly records: EngineRecords;
  readonly tenant: Tenant;
  now(): number;
  /** Applies the event to the state at once and adds it to this command's batch. */
  emit(event: EngineEventBody): void;
  /** Live queue stats from the router; with `asker`, `others` counts who else could take its work (transfers warn about unstaffed queues). */
  queueStats(queueId: string, asker?: string): QueueStats | undefined;
  readonly hooks: HookLists;
}

export type Handler<C> = (ctx: Ctx, cmd: C) => Result<CommandOutcome>;
/** A complete handler table for a module's commands. */
export type HandlersOf<C extends AnyCommand> = { [T in C['type']]: Handler<Extract<C, { type: T }>> };

export type Reducer<T extends EngineEventType> = (s: EngineState, e: EventOf<T> & { ts: number }) => void;
/** A complete reducer table for a module's events. */
export type ReducersOf<E extends EngineEventBody> = { [T in E['type']]: Reducer<T> };

export const done = (): Result<CommandOutcome> => ok({});

/** What a view works with (read-only). */
export interface ViewContext {
  state(): EngineState;
  readonly records: EngineRecords;
  readonly tenant: Tenant;
  readonly clock: Clock;
  queueStats(queueId: string, asker?: string): QueueStats | undefined;
  /** Stored events of one interaction (transcripts). */
  history(interactionId: string): EngineEvent[];
  readonly hooks: HookLists;
}

/** One timer: its key (unique while armed), when it fires (none: disarmed), and the command it runs. */
export type Deadline = [key: string, at: number | undefined, command: AnyCommand];

/** A module's slice of the state. A snapshot is the merge of every slice's `serialize`. */
export interface StateSlice<S extends object = object> {
  init(): Partial<EngineState>;
  serialize(s: EngineState): S;
  /** `raw`: the whole snapshot (older snapshots may lack this slice's keys). */
  deserialize(raw: S): Partial<EngineState>;
  /** After a restore (snapshot and log tail applied), before anything runs. */
  restored?(s: EngineState, tenant: Tenant): void;
}

export interface EngineModule {
  readonly name: string;
  readonly state?: StateSlice;
  readonly handlers?: { readonly [T in CommandType]?: Handler<CommandOf<T>> };
  readonly reducers?: { readonly [T in EngineEventType]?: Reducer<T> };
  readonly follows?: { readonly [T in EngineEventType]?: Reducer<T> };
  readonly deadlines?: {
    interaction?(s: EngineState, interactionId: string): Deadline[];
    agent?(s: EngineState, agentId: string): Deadline[];
  };
  readonly views?: (vc: ViewContext) => object;
  readonly projection?: Projection<object>;
  readonly extensionPoints?: readonly (keyof EngineHooks)[];
  readonly hooks?: Partial<EngineHooks>;
}

/** Keeps the module's exact type (its views become `engine.queries` methods). */
export const defineModule = <const M extends EngineModule>(m: M): M => m;
