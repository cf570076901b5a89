/**
 * One-shot commands for scripts and key bindings in other tools (like
 * kubectl or gh): each logs in as the agent in a secondary session (beside
 * the agent's console, never taking it over), does one thing, prints the
 * result (JSON with --json) and exits with a code (README: 0 ok, 1 refused or
 * failed, 2 usage, 3 credentials, 4 unreachable). `events` streams the
 * agent's view events instead. The actions are in actions/agent.ts.
 */
import type { Command } from 'commander';

/** What every command acting as an agent takes: where, who, how to print, how long to wait (`who`, `timeout`: another command's words and default). */
export function agentOptions(command: Command, o: { who?: string; timeout?: string } = {}): Command {
  return command
    .option('--server <url>', 'the server (ws:// or wss://)')
    .option('--agent <name>', `${o.who ?? 'the agent'}; the password is read from AGENT_CONSOLE_PASSWORD, else prompted`)
    .option('--profile <name>', 'a server profile from the settings (config get servers)')
    .option('--ca <file>', 'with a wss:// server: trust this certificate (PEM; a self-signed server, or a private authority)')
    .option('--json', 'print JSON (one object; one line per event for `events`)')
    .option('--timeout <seconds>', 'give up (exit 4) when the server has not answered by then', o.timeout ?? '10');
}

/** Runs a one-shot command: `name` in actions/agent.ts, with the command's arguments and every option given (before or after it). */
function oneShot(name: string) {
  return async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const { runAgentCommand } = await import('../actions/agent.js');
    process.exitCode = await runAgentCommand(name, command.args, command.optsWithGlobals());
  };
}

export function registerAgentCommands(program: Command): void {
  agentOptions(program.command('whoami').description('print who you are logged in as on the server, and your status')).action(oneShot('whoami'));

  const status = program.command('status').description('your status');
  agentOptions(status.command('set <status>').description('change your status: available, on_break, working_offline, logged_out'))
    .option('--reason <code>', 'the reason (status code), where the status needs one')
    .action(oneShot('status set'));

  const queue = program.command('queue').description('your queues');
  agentOptions(queue.command('enable <queue>').description('take work from one of your queues again (its id or name)')).action(oneShot('queue enable'));
  agentOptions(queue.command('disable <queue>').description('stop taking work from one of your queues (its id or name)')).action(oneShot('queue disable'));

  const offer = program.command('offer').description('the offer waiting for you');
  agentOptions(offer.command('accept [id]').description('accept the offer (if given, only if it is this interaction)')).action(oneShot('offer accept'));
  agentOptions(offer.command('reject [id]').description('reject the offer (needs the reject permission)')).action(oneShot('offer reject'));

  agentOptions(program.command('wrapup').description('finish the wrap-up of your interaction in wrap-up, adding codes first'))
    .option('--code <code...>', 'a disposition code to add (its id; repeatable)')
    .option('--interaction <id>', 'which interaction, when several are in wrap-up')
    .action(oneShot('wrapup'));

  const notice = program.command('notice').description('broadcast notices');
  agentOptions(notice.command('send <text>').description('send a notice to your group (a supervisor: to any of theirs); --platform: to everyone, as the operator'))
    .option('--priority <p>', 'low, medium, high or popup (blocks the recipients until they acknowledge); default low, high with --platform')
    .option('--group <id...>', 'only these groups (default: every group you may address)')
    .option('--platform', 'a platform notice to every agent (red alert bar), with the operator API key in AGENT_CONSOLE_API_KEY')
    .action(oneShot('notice send'));

  agentOptions(program.command('events').description("stream your view events until interrupted: a snapshot, then every change (--json: one JSON object per line, as the server sends them)")).action(
    oneShot('events'),
  );
}
