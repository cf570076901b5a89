/** Errors the program turns into exit codes (exit-codes.ts), without loading the layers that throw them. */
import { EXIT } from './exit-codes.js';

/** An error that knows its exit code; `code` is the server's error code when it has one (for --json). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Bad command-line usage: exit 2, with the message. */
export class UsageError extends CliError {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super(message, EXIT.usage, 'USAGE');
  }
}

/**
 * Errors that mean "fix your command line or your files" besides ours: the
 * engine's TenantError (a bad tenant file). Matched by name, so that telling
 * it apart loads no engine.
 */
const USAGE_ERRORS: ReadonlySet<string> = new Set(['TenantError']);

export function exitCodeOf(e: unknown): number {
  if (e instanceof CliError) return e.exitCode;
  return USAGE_ERRORS.has((e as Error)?.name) ? EXIT.usage : EXIT.error;
}
