/**
 * `agent-console apikey create|list|revoke` (alias `api-key`): keys for the server's HTTP API
 * (docs/ingress.md, docs/api.md), kept hashed in the tenant file; actions/api-key.ts does the work.
 * `api-key new` only prints a key and its entry, for a tenant file kept elsewhere.
 */
import type { Command } from 'commander';
import type { ApiKeyFlags, TenantKeyFlags } from '../actions/api-key.js';

const SCOPES = 'what it may do: create-work (calls, voicemails, callbacks, a switch), notices (platform notices)';

export function registerApiKey(program: Command): void {
  const apiKey = program
    .command('apikey')
    .alias('api-key')
    .description("keys for the server's HTTP API: a switch bringing in calls, the operator's tooling (docs/ingress.md)");
  apiKey
    .command('create')
    .description('make a key and add it (hashed) to the tenant file; prints the key, shown only once')
    .requiredOption('--tenant <file>', 'tenant file (JSON), rewritten in place')
    .requiredOption('--id <id>', 'a name for the key (who or what uses it), e.g. pbx or ops')
    .requiredOption('--scope <scope...>', SCOPES)
    .option('--json', 'print {"key", "id", "scopes"} as JSON')
    .action(async (flags: ApiKeyFlags & TenantKeyFlags) => (await import('../actions/api-key.js')).createApiKey(flags));
  apiKey
    .command('list')
    .description("the tenant file's keys: id, scopes, created, revoked (never the keys)")
    .requiredOption('--tenant <file>', 'tenant file (JSON)')
    .option('--json', 'print a JSON array')
    .action(async (flags: TenantKeyFlags) => (await import('../actions/api-key.js')).listApiKeys(flags));
  apiKey
    .command('revoke <id>')
    .description('revoke a key: a running serve refuses it from its next request, and after a restart')
    .requiredOption('--tenant <file>', 'tenant file (JSON), rewritten in place')
    .option('--json', 'print {"id", "revokedAt"} as JSON')
    .action(async (id: string, flags: TenantKeyFlags) => (await import('../actions/api-key.js')).revokeApiKey(id, flags));
  apiKey
    .command('new')
    .description('print a new key and the entry to add to a tenant file by hand (the file is not touched)')
    .requiredOption('--id <id>', 'a name for the key (who or what uses it), e.g. ops')
    .option('--scope <scope...>', SCOPES, ['notices'])
    .option('--json', 'print {"key", "entry"} as JSON')
    .action(async (flags: ApiKeyFlags) => (await import('../actions/api-key.js')).newApiKeyCommand(flags));
}
