// What an EngineClient is given (its options) and what its commands answer,
// beside the reconnect policy: the client's contract, apart from its machinery.
import type WebSocket from 'ws';
import type { AckResult, ClientMessageType, SessionKind, WireError } from '../protocol/index.js';
import type { BackoffOptions } from './backoff.js';

export type CommandResult = ({ ok: true } & AckResult) | { ok: false; error: WireError };

export interface EngineClientOptions {
  url: string;
  agent: string;
  password: string;
  clientName?: string;
  /**
   * 'secondary' for a script beside the agent's console: it never takes the
   * console over and never logs the agent in or out (docs/protocol.md).
   */
  kind?: SessionKind;
  /**
   * false: connect() fails (code UNREACHABLE) when the first connection cannot
   * be made, instead of retrying until it can. Later losses still reconnect.
   */
  retryFirstConnect?: boolean;
  /**
   * The first connection is retried (with backoff) for at most this long;
   * then connect() fails with UNREACHABLE and the last error. A TLS failure
   * (tls-errors.ts) fails at once: retrying cannot help. Absent: no bound.
   */
  connectTimeoutMs?: number;
  backoff?: Partial<BackoffOptions>;
  heartbeatMs?: number;
  /** Extra options for the ws constructor (TLS CA, headers...). */
  wsOptions?: WebSocket.ClientOptions;
}

export interface PendingCommand {
  id: string;
  type: ClientMessageType;
  data: unknown;
  resolve(result: CommandResult): void;
}

/**
 * Reconnect delays: 250 ms doubling, capped at 2 s, each drawn at random in the upper half. The low
 * cap keeps a restarted server's agents back within about 2 s of it being ready (a resume costs the
 * server well under a millisecond, no password check); the jitter spreads their arrivals over that
 * window instead of all at once (bench/storm.bench.ts).
 */
export const RECONNECT_BACKOFF: BackoffOptions = { baseMs: 250, maxMs: 2_000 };
