/** `agent-console api-key new`. */
import { API_SCOPES } from '../../engine/tenant/schema.js';
import { newApiKey } from '../../server/api-keys.js';
import { UsageError } from '../errors.js';

export interface ApiKeyFlags {
  id: string;
  scope: string[];
  json?: boolean;
}

export function newApiKeyCommand(flags: ApiKeyFlags): void {
  const unknown = flags.scope.filter((s) => !(API_SCOPES as readonly string[]).includes(s));
  if (unknown.length) throw new UsageError(`--scope: ${unknown.join(', ')} is not a scope; scopes: ${API_SCOPES.join(', ')}`);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(flags.id)) throw new UsageError('--id: use 1–64 letters, digits, dot, dash or underscore');
  const { key, hash } = newApiKey();
  const entry = { id: flags.id, hash, scopes: [...new Set(flags.scope)] };
  process.stdout.write(
    flags.json
      ? `${JSON.stringify({ key, entry })}\n`
      : `${key}\n\nThe key is shown only now: give it to the tool that uses it (AGENT_CONSOLE_API_KEY).\nAdd this to the tenant file's "apiKeys", then restart serve:\n${JSON.stringify(entry)}\n`,
  );
}
