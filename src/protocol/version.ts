/**
 * The wire protocol version. Peers with a different MAJOR refuse each other
 * with a clear message; a MINOR adds optional fields and message types only.
 */
export const PROTOCOL_MAJOR = 1;
export const PROTOCOL_MINOR = 0;
export const PROTOCOL_VERSION = `${PROTOCOL_MAJOR}.${PROTOCOL_MINOR}`;

/** Limits both sides rely on. */
export const LIMITS = {
  /** Largest frame the server reads; bigger frames get TOO_LARGE. */
  maxFrameBytes: 256 * 1024,
  /** `hello` must arrive this soon after connecting. */
  helloTimeoutMs: 3000,
  heartbeatMs: 15_000,
  /** A peer silent for this many heartbeats is dead. */
  missedHeartbeats: 2,
} as const;
