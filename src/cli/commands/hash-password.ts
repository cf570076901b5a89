/** `agent-console hash-password`: makes a passwordHash for the tenant file. */
import type { Command } from 'commander';
import { hashPassword } from '../../server/index.js';
import { promptHidden } from '../prompt.js';

export function registerHashPassword(program: Command): void {
  program
    .command('hash-password')
    .description('print a scrypt hash for a tenant file (reads the password hidden, or one line from a pipe)')
    .action(async () => {
      const password = await promptHidden('Password: ');
      if (!password) throw new Error('empty password');
      process.stdout.write(`${await hashPassword(password)}\n`);
    });
}
