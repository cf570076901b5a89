/**
 * The `agent-console` program: the console by default, and its helpers.
 * Only the command line is defined here; each command's action imports what
 * it runs when it runs (actions/), so `--help` or `config` load no engine,
 * no server and no Ink.
 */
import { Command, CommanderError } from 'commander';
import { registerConfig } from './commands/config.js';
import { registerConsole } from './commands/console.js';
import { registerCustomer } from './commands/customer.js';
import { registerHashPassword } from './commands/hash-password.js';
import { registerServe } from './commands/serve.js';
import { exitCodeOf } from './errors.js';
import { EXIT } from './exit-codes.js';
import { VERSION } from './version.js';

export { mapStackTraces } from './stack-traces.js';

export function buildProgram(): Command {
  const program = new Command('agent-console')
    .description('A terminal agent console for contact centers. With no options: an embedded demo.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError()
    .exitOverride();
  registerConsole(program);
  registerServe(program);
  registerHashPassword(program);
  registerConfig(program);
  registerCustomer(program);
  return program;
}

export async function main(argv = process.argv): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    process.stderr.write(`agent-console: ${(e as Error).message}\n`);
    return exitCodeOf(e);
  }
}
