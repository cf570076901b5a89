/** `agent-console switch`: the simulated switch as its own process (the action: actions/switch.ts). */
import type { Command } from 'commander';
import type { SwitchFlags } from '../actions/switch.js';

const collect = (value: string, all: string[]) => [...all, value];

export function registerSwitch(program: Command): void {
  program
    .command('switch')
    .description(
      'run the simulated phone switch as its own process, driving a served tenant (serve --telephony remote) through the ingress API; ' +
        'the API key (create-work scope) is read from AGENT_CONSOLE_API_KEY; stdin lines are callers’ actions (type help)',
    )
    .requiredOption('--server <url>', "the server's http(s):// (or ws(s)://) URL")
    .option('--calls-per-minute <n>', 'simulated callers dialing the --to numbers, per minute', '0')
    .option('--to <number>', 'a number simulated callers dial (repeat for several)', collect, [])
    .option('--talk <seconds>', 'a simulated caller talks about this long once an agent answers', '60')
    .option('--patience <seconds>', 'a simulated caller nobody answers hangs up after this long', '120')
    .option('--json', 'print what happens as JSON lines')
    .option('--verbose', "also print every request the engine sends the switch")
    .action(async (flags: SwitchFlags) => (await import('../actions/switch.js')).runSwitch(flags));
}
