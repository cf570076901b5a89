/**
 * The engine's open types. Each module adds what it owns — its slice of the
 * state, its events, its commands, the extension points it calls — to these
 * interfaces by declaration merging, in its own folder:
 *
 * ```ts
 * declare module '../kernel/types.js' {
 *   interface EngineState { phone: PhoneState }
 *   interface EngineEvents { phone: PhoneEventBody }
 *   interface AgentCommands { phone: PhoneAgentCommand }
 * }
 * ```
 *
 * So the kernel names no module, a module reads another's state without
 * importing it, and the whole (every event, every command) is known to the
 * compiler without a file that imports every module's types.
 */

/** The in-memory state: every module's slice (a projection of the event log; only reducers mutate it). */
export interface EngineState {}

/**
 * Records kept beside the log in the store, not in memory (see Projection in
 * store/store.ts): module name → its reader. Handlers read them to validate,
 * views to show them.
 */
export interface EngineRecords {}

/** Module name → the union of that module's event bodies. */
export interface EngineEvents {}

/** Module name → commands an agent sends (carrying the acting agent's id). */
export interface AgentCommands {}
/** Module name → commands from customer channel adapters (phone switch, web chat, email, operator tooling). */
export interface ChannelCommands {}
/** Module name → commands the server sends about an agent's connection. */
export interface SessionCommands {}
/** Module name → commands fired by the engine's own deadlines (not public). */
export interface TimerCommands {}

/**
 * Extension points: steps a module's handler (or view) runs and other modules
 * take part in. The module that runs a step declares its signature; the
 * modules that take part implement it in their module object.
 */
export interface EngineHooks {}

type ValuesOf<T> = T[keyof T];

export type EngineEventBody = ValuesOf<EngineEvents>;
export type EngineEventType = EngineEventBody['type'];
/** An event as stored and published: numbered without gaps, timestamped by the engine clock. */
export type EngineEvent = EngineEventBody & { seq: number; ts: number };
export type EventOf<T extends EngineEventType> = Extract<EngineEventBody, { type: T }>;

export type AgentCommand = ValuesOf<AgentCommands>;
export type ChannelCommand = ValuesOf<ChannelCommands>;
export type SessionCommand = ValuesOf<SessionCommands>;
export type TimerCommand = ValuesOf<TimerCommands>;
/** Every public command. */
export type Command = AgentCommand | SessionCommand | ChannelCommand;
export type AnyCommand = Command | TimerCommand;
export type CommandType = AnyCommand['type'];
export type CommandOf<T extends CommandType> = Extract<AnyCommand, { type: T }>;

/** What a successful command returns: the interaction id for arrivals, nothing otherwise. */
export interface CommandOutcome {
  interactionId?: string;
  /** A chat line just recorded (customer_chat). */
  messageId?: string;
}
