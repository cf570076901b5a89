/** The shape of one wire command's rule: its door permission, and the engine command it becomes. */
import type { AgentCommand, Permission } from '../../engine/index.js';
import type { ClientData, ClientMessageType } from '../../protocol/index.js';
import type { WireQuery } from '../queries.js';

type SessionMessage = 'hello' | 'login' | 'resume' | 'ping' | 'pong' | 'logout';
/** Answered by the server from read models (see queries.ts), or relayed (typing). */
type NotEngineCommand = WireQuery | 'typing';
export type WireCommand = Exclude<ClientMessageType, SessionMessage | NotEngineCommand>;

export interface CommandRule<T extends WireCommand> {
  /** A permission the agent must hold, checked before the engine sees the command. */
  permission?: Permission;
  toEngine(agentId: string, data: ClientData<T>): AgentCommand;
}

/** A table of rules, one per wire command of `T`. */
export type CommandRules<T extends WireCommand> = { [K in T]: CommandRule<K> };
