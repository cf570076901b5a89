/**
 * Customer channels (web chat, a terminal customer, later email and a
 * phone switch) plug into the gateway: they get the engine and the typing
 * relay, and add HTTP routes and WebSocket endpoints on the same port.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Engine } from '../engine/index.js';
import type { Route } from './http.js';
import type { Logger } from './logger.js';
import type { TypingRelay } from './typing.js';

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface ChannelApi {
  engine: Engine;
  typing: TypingRelay;
  log: Logger;
  /** The server's public http(s) base URL, known once it listens. */
  publicUrl(): string;
}

export interface AttachedChannel {
  routes?: Record<string, Route>;
  /** WebSocket endpoints by exact path (the agent endpoint takes every other path). */
  upgrades?: Record<string, UpgradeHandler>;
  close?(): void | Promise<void>;
}

export type ServerChannel = (api: ChannelApi) => AttachedChannel;
