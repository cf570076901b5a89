/**
 * Every error code a client can receive. Engine refusals keep the engine's
 * codes; the rest belong to the wire.
 */
import type { ErrorCode as EngineErrorCode } from '../engine/index.js';

export type WireErrorCode =
  | EngineErrorCode
  | 'NOT_JSON'
  | 'BINARY'
  | 'TOO_LARGE'
  | 'BAD_FRAME'
  | 'UNKNOWN_TYPE'
  | 'VERSION_MISMATCH'
  | 'HELLO_REQUIRED'
  | 'NOT_AUTHENTICATED'
  | 'AUTH_FAILED'
  | 'LOCKED_OUT'
  | 'SESSION_UNKNOWN'
  | 'RATE_LIMITED'
  /** The server cannot save now (disk full, I/O error...): the command was not done; `retryAfterMs`. */
  | 'STORE_UNAVAILABLE'
  | 'SERVER_ERROR';

export interface WireError {
  code: WireErrorCode;
  message: string;
  /** For LOCKED_OUT, RATE_LIMITED and STORE_UNAVAILABLE: when to try again. */
  retryAfterMs?: number;
  /** For BAD_FRAME (and an engine's VALIDATION of a CRM field): which field was wrong. */
  field?: string;
  /** For DUPLICATE: the CRM records it would duplicate, to offer a merge. */
  duplicates?: { id: string; name: string }[];
}

/** WebSocket close codes (4000–4999 are ours). */
export const CLOSE = {
  normal: 1000,
  goingAway: 1001,
  policy: 1008,
  tooLarge: 1009,
  helloTimeout: 4000,
  takenOver: 4001,
  versionMismatch: 4002,
  abusive: 4003,
  heartbeat: 4004,
  loggedOut: 4005,
} as const;
