/** Errors the program turns into exit codes (exit-codes.ts), without loading the layers that throw them. */
import { EXIT } from './exit-codes.js';

/** Bad command-line usage: exit 2, with the message. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Errors that mean "fix your command line or your files": ours, and the
 * engine's TenantError (a bad tenant file). Matched by name, so that telling
 * them apart loads no engine.
 */
const USAGE_ERRORS: ReadonlySet<string> = new Set(['UsageError', 'TenantError']);

export function exitCodeOf(e: unknown): number {
  return USAGE_ERRORS.has((e as Error)?.name) ? EXIT.usage : EXIT.error;
}
