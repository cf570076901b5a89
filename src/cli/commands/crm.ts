/**
 * `agent-console crm import|export`: a center loads the customers it already
 * has from a CSV file, or takes them out, through a running server as an
 * agent with the crmImport permission (a secondary session: the agent's
 * console, if any, stays as it is). The actions are in actions/crm.ts.
 */
import type { Command } from 'commander';

function crmOptions(command: Command): Command {
  return command
    .option('--server <url>', 'the server (ws:// or wss://)')
    .option('--agent <name>', 'an agent with the crmImport permission; the password is read from AGENT_CONSOLE_PASSWORD, else prompted')
    .option('--profile <name>', 'a server profile from the settings (config get servers)')
    .option('--json', 'print the outcome as JSON')
    .option('--timeout <seconds>', 'give up (exit 4) when the server does not answer a request by then', '30');
}

function action(name: 'import' | 'export') {
  return async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const { runCrmCommand } = await import('../actions/crm.js');
    process.exitCode = await runCrmCommand(name, command.args[0], command.optsWithGlobals());
  };
}

export function registerCrm(program: Command): void {
  const crm = program.command('crm').description('the local CRM: load customers from a CSV file, or export them');
  crmOptions(
    crm
      .command('import <file>')
      .description(
        'add the customers of a CSV file (- reads stdin). The header names the columns: first_name, last_name, company, email, phone, account, address, notes (several emails or phones in one cell: separate them with ;). Bad rows are reported by line and field; the good ones are kept; a row whose email or phone a customer already has is skipped.',
      ),
  ).action(action('import'));
  crmOptions(crm.command('export [file]').description('write every customer as CSV to the file (default: stdout), in the columns import reads')).action(action('export'));
}
