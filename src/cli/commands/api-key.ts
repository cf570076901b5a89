/** `agent-console api-key new`: a key for the operator's HTTP API (docs/api.md); actions/api-key.ts makes it. */
import type { Command } from 'commander';
import type { ApiKeyFlags } from '../actions/api-key.js';

export function registerApiKey(program: Command): void {
  const apiKey = program.command('api-key').description("keys for the server's HTTP API, for the operator's tooling (platform notices)");
  apiKey
    .command('new')
    .description('make a key: prints the key (shown once) and the entry to add to the tenant file\'s "apiKeys"')
    .requiredOption('--id <id>', 'a name for the key (who or what uses it), e.g. ops')
    .option('--scope <scope...>', 'what it may do: notices', ['notices'])
    .option('--json', 'print {"key", "entry"} as JSON')
    .action(async (flags: ApiKeyFlags) => (await import('../actions/api-key.js')).newApiKeyCommand(flags));
}
