/**
 * `agent-console customer chat`: the command line (the action, with the
 * customer chat client, is in actions/customer.ts).
 */
import type { Command } from 'commander';
import type { CustomerChatFlags } from '../actions/customer.js';

export function registerCustomer(program: Command): void {
  const customer = program.command('customer').description('customer-side helpers, for scripts and tests');
  customer
    .command('chat')
    .description('chat as a customer: stdin lines are messages; prints agent lines, notices, typing and queue position; exits 0 when the chat ends')
    .requiredOption('--server <url>', 'the server: its ws:// or http:// URL (the /customer endpoint is derived)')
    .requiredOption('--name <name>', 'your name (1–80 characters)')
    .option('--email <address>', 'email address, for the screen pop')
    .option('--account <n>', 'account number, for the screen pop')
    .option('--case <n>', 'case number, for the screen pop')
    .option('--queue <id>', 'chat queue id (default: the first chat queue)')
    .option('--stay', 'when stdin ends, stay until the agent ends the chat instead of leaving')
    .action(async (flags: CustomerChatFlags) => {
      const { customerChat } = await import('../actions/customer.js');
      process.exitCode = await customerChat(flags, process.stdin, process.stdout, process.stderr);
    });
}
