/**
 * The `agent-console` program: the console by default, and its helpers.
 * Only the command line is defined here; each command's action imports what
 * it runs when it runs (actions/), so `--help` or `config` load no engine,
 * no server and no Ink.
 */
import { Command, CommanderError } from 'commander';
import { registerAgentCommands } from './commands/agent.js';
import { registerApiKey } from './commands/api-key.js';
import { registerConfig } from './commands/config.js';
import { registerConsole } from './commands/console.js';
import { registerCrm } from './commands/crm.js';
import { registerCustomer } from './commands/customer.js';
import { registerHashPassword } from './commands/hash-password.js';
import { registerServe } from './commands/serve.js';
import { registerSwitch } from './commands/switch.js';
import { exitCodeOf } from './errors.js';
import { EXIT } from './exit-codes.js';
import { checkNpmKeptOptions } from './npm-kept-options.js';
import { VERSION } from './version.js';

export { mapStackTraces } from './stack-traces.js';

const HELP_AFTER = `
From scripts and other tools: one-shot commands act as an agent beside their console (never
taking it over) and print the result, JSON with --json; the password is read from
AGENT_CONSOLE_PASSWORD. For example:
  agent-console whoami --server ws://host:7300 --agent ana --json
  agent-console status set on_break --reason lunch --profile work
  agent-console offer accept --profile work
  agent-console events --json --profile work | jq -c 'select(.type == "offer")'

Exit codes: 0 ok, 1 refused or failed (the server's reason is printed), 2 bad usage or a bad
tenant/config file, 3 credentials refused or locked out, 4 server unreachable or protocol mismatch.`;

export function buildProgram(): Command {
  const program = new Command('agent-console')
    .description('A terminal agent console for contact centers. With no options: an embedded demo.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError()
    .exitOverride()
    // The console's own --server, --agent... would otherwise swallow `whoami --server`, `customer chat --server`.
    .enablePositionalOptions();
  registerConsole(program);
  registerServe(program);
  registerHashPassword(program);
  registerConfig(program);
  registerCustomer(program);
  registerAgentCommands(program);
  registerApiKey(program);
  registerSwitch(program);
  registerCrm(program);
  program.addHelpText('after', HELP_AFTER);
  return program;
}

export async function main(argv = process.argv): Promise<number> {
  try {
    checkNpmKeptOptions(process.env);
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    process.stderr.write(`agent-console: ${(e as Error).message}\n`);
    return exitCodeOf(e);
  }
}
