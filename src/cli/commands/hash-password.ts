/** `agent-console hash-password`: makes a passwordHash for the tenant file. */
import type { Command } from 'commander';

export function registerHashPassword(program: Command): void {
  program
    .command('hash-password')
    .description('print a scrypt hash for a tenant file (reads the password hidden, or one line from a pipe)')
    .action(async () => (await import('../actions/hash-password.js')).hashPasswordCommand());
}
