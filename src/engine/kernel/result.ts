/**
 * Commands never throw for a user mistake: they return a Result. A thrown
 * exception from the engine always means a bug or a broken store.
 */

/** Every way a command can be refused. Stable strings: they travel on the wire. */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'NOT_PERMITTED'
  | 'INVALID_TRANSITION'
  | 'INVALID_STATE'
  | 'CAPACITY_REACHED'
  | 'CODE_REQUIRED'
  /** The agent's status turns this tool off (On Break: colleague chat, dialing, notices, FAQ edits). */
  | 'DISABLED_IN_STATUS'
  | 'VALIDATION'
  /** A transfer target queue has nobody available: confirm (force) to send it anyway. */
  | 'UNSTAFFED'
  /** A CRM record would duplicate another (same email or phone): merge into it, or confirm (force). */
  | 'DUPLICATE';

export interface EngineError {
  code: ErrorCode;
  /** A sentence an agent or an admin understands. */
  message: string;
  /** VALIDATION: the field at fault (`emails[1]`, `phones`...). */
  field?: string;
  /** DUPLICATE: the records it would duplicate (id and name), to offer a merge. */
  duplicates?: { id: string; name: string }[];
}

/**
 * `commit`: a refusal that still records what it caused (a wrong PIN counts
 * towards the limit); the engine commits the events emitted before it.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: EngineError; commit?: true };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string): { ok: false; error: EngineError } => ({
  ok: false,
  error: { code, message },
});

/** A VALIDATION refusal naming its field (the message starts with it too). */
export const invalid = (field: string, message: string): { ok: false; error: EngineError } => ({
  ok: false,
  error: { code: 'VALIDATION', message: `${field}: ${message}`, field },
});

/** A refusal whose events are kept (see `commit` above). */
export const refuseAfter = (code: ErrorCode, message: string): { ok: false; error: EngineError; commit: true } => ({
  ok: false,
  error: { code, message },
  commit: true,
});
