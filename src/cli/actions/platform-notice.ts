/**
 * `agent-console notice send --platform TEXT`: a platform notice to every
 * agent (the red alert bar), sent as the operator through the server's HTTP
 * API with an API key that has the `notices` scope (AGENT_CONSOLE_API_KEY;
 * docs/api.md). No agent logs in for it.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { CliError, UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import type { AgentFlags, Outcome } from './one-shot.js';

/** Exit codes of the API's answers (README). */
const STATUS_EXIT: Record<number, number> = { 400: EXIT.usage, 401: EXIT.auth, 403: EXIT.auth, 413: EXIT.usage };

export async function sendPlatformNotice(text: string, flags: AgentFlags & { priority?: unknown }): Promise<Outcome> {
  const key = process.env.AGENT_CONSOLE_API_KEY;
  if (!key) throw new UsageError('a platform notice needs the operator API key in AGENT_CONSOLE_API_KEY (see agent-console apikey --help)');
  if (!flags.server) throw new UsageError('--server is required with --platform');
  if (!/^wss?:\/\//.test(flags.server)) throw new UsageError(`--server: "${flags.server}" is not a ws:// or wss:// URL`);
  const url = new URL('/api/v1/notices', flags.server.replace(/^ws/, 'http'));
  const priority = typeof flags.priority === 'string' ? flags.priority : undefined;
  const body = JSON.stringify({ text, ...(priority ? { priority } : {}) });
  const seconds = Number(flags.timeout);
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, timeout: seconds * 1000 },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${seconds} s`)));
    req.on('error', (e) => reject(new CliError(`cannot reach ${url.origin}: ${e.message}`, EXIT.connection, 'UNREACHABLE')));
    req.end(body);
  });
  let reply: { ok?: boolean; error?: { code: string; message: string } };
  try {
    reply = JSON.parse(answer.body) as typeof reply;
  } catch {
    throw new CliError(`${url.origin} answered ${answer.status} without JSON: is it an agent-console server?`, EXIT.connection, 'PROTOCOL');
  }
  if (!reply.ok) throw new CliError(reply.error?.message ?? `HTTP ${answer.status}`, STATUS_EXIT[answer.status] ?? EXIT.error, reply.error?.code);
  return { json: { platform: true, priority: priority ?? 'high' }, text: 'platform notice sent to every agent' };
}
