/**
 * THE list of engine modules, and the engine's tables assembled from it:
 * commands → handlers, events → reducers, the state and its snapshots, the
 * deadlines, the views (`engine.queries`) and the extension points. A new
 * medium (email, CRM…) is a new folder exporting one module object, and one
 * line in MODULES. The compiler checks that every command has a handler,
 * every event a reducer, every slice of the state an owner, and every
 * extension point a module that offers it.
 */
import { agents } from './agents/index.js';
import { toolRefusal } from './agents/tools.js';
import { chat } from './chat/index.js';
import { crm } from './crm/index.js';
import type { Ctx, Deadline, EngineModule, Handler, HookLists, ViewContext } from './kernel/module.js';
import type { Result } from './kernel/result.js';
import type { AnyCommand, CommandOutcome, CommandType, EngineEvent, EngineEventType, EngineHooks, EngineRecords, EngineState } from './kernel/types.js';
import { notices } from './notices/index.js';
import { phone } from './phone/index.js';
import { routing } from './routing/index.js';
import type { EventStore } from './store/store.js';
import type { Tenant } from './tenant/tenant.js';
import { work } from './work/index.js';

/** In this order: a module's deadlines, views and hook implementations come in this order too. */
export const MODULES = [agents, work, routing, chat, phone, notices, crm] as const;

type Module = (typeof MODULES)[number];
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type KeysOf<M, F extends string> = M extends { readonly [K in F]: infer T } ? keyof T : never;
type SliceKeysOf<M> = M extends { readonly state: { init(): infer S } } ? keyof S : never;
type PointsOf<M> = M extends { readonly extensionPoints: readonly (infer P)[] } ? P : never;
type ProjectionsOf<M> = M extends { readonly projection: { readonly name: infer N } } ? N : never;
/** Compiles only when `Missing` is empty; the error names what is missing. */
type Complete<Missing> = [Missing] extends [never] ? true : { missing: Missing };

const everyCommandHandled: Complete<Exclude<CommandType, KeysOf<Module, 'handlers'>>> = true;
const everyEventReduced: Complete<Exclude<EngineEventType, KeysOf<Module, 'reducers'>>> = true;
const everySliceOwned: Complete<Exclude<keyof EngineState, SliceKeysOf<Module>>> = true;
const everyHookOffered: Complete<Exclude<keyof EngineHooks, PointsOf<Module>>> = true;
const everyRecordKept: Complete<Exclude<keyof EngineRecords, ProjectionsOf<Module>>> = true;
void [everyCommandHandled, everyEventReduced, everySliceOwned, everyHookOffered, everyRecordKept];

/** Builds a table from every module's entries, refusing an entry two modules claim. */
function table<T>(what: string, entries: (m: EngineModule) => object | undefined): Map<string, T> {
  const result = new Map<string, T>();
  for (const m of MODULES as readonly EngineModule[])
    for (const [key, value] of Object.entries(entries(m) ?? {})) {
      if (result.has(key)) throw new Error(`${what} "${key}" is claimed by two modules (one is ${m.name})`);
      result.set(key, value as T);
    }
  return result;
}

const HANDLERS = table<Handler<AnyCommand>>('command', (m) => m.handlers);

/**
 * Runs a command's handler (a command no module handles is a bug: the server validates commands first),
 * unless the agent's status turns off the tool it uses (agents/tools.ts).
 */
export function handle(ctx: Ctx, command: AnyCommand): Result<CommandOutcome> {
  const handler = HANDLERS.get(command.type);
  if (!handler) throw new Error(`no module handles the command "${command.type}"`);
  return toolRefusal(ctx, command) ?? handler(ctx, command);
}

type AnyReducer = (s: EngineState, e: EngineEvent) => void;

/**
 * Event type → its reducers: first the modules that follow another module's event (in module
 * order), then the owner's, so a follower sees the state the event is about to change (an
 * ending interaction is still there).
 */
const REDUCERS = (() => {
  const owners = table<AnyReducer>('event', (m) => m.reducers);
  const all = new Map<string, AnyReducer>();
  for (const [type, own] of owners) {
    const followers = (MODULES as readonly EngineModule[]).flatMap((m) => (m.follows?.[type as EngineEventType] as AnyReducer | undefined) ?? []);
    all.set(type, followers.length === 0 ? own : (s, e) => {
      for (const f of followers) f(s, e);
      own(s, e);
    });
  }
  for (const m of MODULES as readonly EngineModule[])
    for (const type of Object.keys(m.follows ?? {}))
      if (!owners.has(type)) throw new Error(`${m.name} follows the event "${type}", which no module owns`);
  return all;
})();

/** The only way the state changes: at replay, and as a handler emits. */
export function applyEvent(state: EngineState, event: EngineEvent): void {
  const reduce = REDUCERS.get(event.type);
  if (!reduce) throw new Error(`event log holds an event no module knows: "${event.type}"`);
  reduce(state, event);
}

/** Each extension point with its implementations, in module order. */
export const HOOKS: HookLists = (() => {
  const lists: Record<string, unknown[]> = {};
  for (const m of MODULES as readonly EngineModule[]) for (const point of m.extensionPoints ?? []) lists[point] ??= [];
  for (const m of MODULES as readonly EngineModule[])
    for (const [point, hook] of Object.entries(m.hooks ?? {})) {
      if (!lists[point]) throw new Error(`${m.name} implements "${point}", which no module offers`);
      lists[point].push(hook);
    }
  return lists as unknown as HookLists;
})();

const slices = (MODULES as readonly EngineModule[]).flatMap((m) => m.state ?? []);

export function emptyState(): EngineState {
  return Object.assign({}, ...slices.map((s) => s.init())) as EngineState;
}

/** State → JSON for snapshots (Maps and Sets become arrays): the merge of every slice. */
export function serializeState(state: EngineState): object {
  return Object.assign({}, ...slices.map((s) => s.serialize(state))) as object;
}

export function deserializeState(raw: unknown): EngineState {
  return Object.assign({}, ...slices.map((s) => s.deserialize(raw as never))) as EngineState;
}

/** Every module's records, attached to the store (brought up to date with its log). */
export function openRecords(store: EventStore): EngineRecords {
  const records: Record<string, object> = {};
  for (const m of MODULES as readonly EngineModule[]) if (m.projection) records[m.projection.name] = store.attach(m.projection);
  return records as unknown as EngineRecords;
}

/**
 * The state as the store holds it: the latest snapshot, then the log after it; then each slice
 * settles what changed outside the log (the tenant file). `replayed`: events after the snapshot.
 */
export function restore(store: EventStore, tenant: Tenant): { state: EngineState; seq: number; replayed: number } {
  const snapshot = store.latestSnapshot();
  const state = snapshot ? deserializeState(snapshot.state) : emptyState();
  let seq = snapshot?.seq ?? 0;
  let replayed = 0;
  for (const e of store.readFrom(seq)) {
    applyEvent(state, e);
    seq = e.seq;
    replayed++;
  }
  for (const s of slices) s.restored?.(state, tenant);
  return { state, seq, replayed };
}

const interactionTimers = (MODULES as readonly EngineModule[]).flatMap((m) => m.deadlines?.interaction ?? []);
const agentTimers = (MODULES as readonly EngineModule[]).flatMap((m) => m.deadlines?.agent ?? []);

/** All the lists' deadlines in one (a loop: this runs for every interaction and agent a batch touches). */
function deadlinesOf(lists: readonly ((s: EngineState, id: string) => Deadline[])[], state: EngineState, id: string): Deadline[] {
  const all: Deadline[] = [];
  for (const list of lists) for (const deadline of list(state, id)) all.push(deadline);
  return all;
}

/** Every timer an interaction's state asks for. */
export const interactionDeadlines = (state: EngineState, id: string): Deadline[] => deadlinesOf(interactionTimers, state, id);
/** Every timer an agent's state asks for. */
export const agentDeadlines = (state: EngineState, id: string): Deadline[] => deadlinesOf(agentTimers, state, id);

type ViewsOf<M> = M extends { views: (vc: ViewContext) => infer V } ? V : never;

/** `engine.queries`: every module's views, and raw state access. */
export type Queries = UnionToIntersection<ViewsOf<Module>> & {
  /** Raw state access for invariant checks in tests and benchmarks, and for channels' lookups; do not mutate. */
  unsafeState(): EngineState;
  now(): number;
};

export function createQueries(vc: ViewContext): Queries {
  const views = table<unknown>('view', (m) => m.views?.(vc));
  return Object.assign(Object.fromEntries(views), { unsafeState: () => vc.state(), now: () => vc.clock.now() }) as Queries;
}
