/** What every connection shares: the engine, sessions, throttles, options. */
import type { Engine } from '../engine/index.js';
import type { SessionKind } from '../protocol/index.js';
import type { LoginThrottle } from './auth.js';
import type { Logger } from './logger.js';
import type { Session } from './session.js';
import type { TypingRelay } from './typing.js';

export interface ServerTuning {
  heartbeatMs: number;
  helloTimeoutMs: number;
  /** Queue-stat updates are coalesced over this window (0 = send at once). */
  statsCoalesceMs: number;
}

/** What the session registry needs of a connection: to let go of its session and to close. */
export interface SessionLink {
  /** Stops serving the session (a takeover): nothing more is sent on this connection. */
  detach(): void;
  close(code: number, reason: string): void;
}

export interface SessionRegistry {
  /**
   * A new session for an agent whose password was checked. A primary one takes over the agent's
   * older primary; a secondary one takes nothing over (undefined: the agent holds too many).
   */
  open(agentId: string, connection: SessionLink, kind: SessionKind): Session | undefined;
  /** Moves a session to a new connection (resume), closing the old one. */
  adopt(session: Session, connection: SessionLink): void;
  byToken(token: string): Session | undefined;
  byAgent(agentId: string): Session | undefined;
  end(session: Session): void;
}

export interface ServerContext {
  engine: Engine;
  log: Logger;
  epoch: string;
  serverName: string;
  options: ServerTuning;
  throttle: LoginThrottle;
  sessions: SessionRegistry;
  verify(agentId: string, password: string): Promise<boolean>;
  typing: TypingRelay;
  sendSnapshot(session: Session): void;
}
