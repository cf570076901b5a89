/**
 * `agent-console crm import|export`: a center loads the customers it already
 * has from a CSV file, or takes them out, through a running server as an
 * agent with the crmImport permission (a secondary session: the agent's
 * console, if any, stays as it is). The actions are in actions/crm.ts.
 */
import type { Command } from 'commander';
import { agentOptions } from './agent.js';

/** A big file is many requests: each may take its time. */
const crmOptions = (command: Command): Command => agentOptions(command, { who: 'an agent with the crmImport permission', timeout: '30' });

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
