/**
 * Reaching a server as an agent, for the console and the one-shot commands:
 * where (--server, or a --profile from the settings), who (--agent), the
 * password (AGENT_CONSOLE_PASSWORD, else asked without echo, or one line from
 * a pipe), and a refusal turned into a message and an exit code.
 */
import { EngineClient, type EngineClientOptions } from '../../client/client.js';
import { CliError, UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { promptHidden } from '../prompt.js';

export interface ServerFlags {
  server?: string;
  agent?: string;
  profile?: string;
  /** A PEM file of the certificate (or its authority) to trust for wss:// (a self-signed server). */
  ca?: string;
}

export interface Target {
  url: string;
  agent: string;
}

/** The server and agent the flags name; the settings are read only for a --profile. */
export async function targetOf(flags: ServerFlags): Promise<Target> {
  let url = flags.server;
  let agent = flags.agent;
  if (flags.profile) {
    const { openSettings } = await import('../config.js');
    const profile = openSettings().get('servers')[flags.profile];
    if (!profile) throw new UsageError(`no server profile "${flags.profile}" (see: agent-console config get servers)`);
    url ??= profile.url;
    agent ??= profile.agent;
  }
  if (!url) throw new UsageError('--server or --profile is required');
  if (!agent) throw new UsageError('--agent is required with --server');
  if (!/^wss?:\/\//.test(url)) throw new UsageError(`--server: "${url}" is not a ws:// or wss:// URL`);
  return { url, agent };
}

/** The socket's TLS options: `--ca FILE` trusted beside the system's authorities. */
export async function tlsOptionsOf(flags: ServerFlags): Promise<{ ca?: Buffer }> {
  if (!flags.ca) return {};
  const { readFileSync } = await import('node:fs');
  try {
    return { ca: readFileSync(flags.ca) };
  } catch (e) {
    throw new UsageError(`--ca: cannot read "${flags.ca}": ${(e as Error).message}`);
  }
}

export async function passwordFor(agent: string): Promise<string> {
  return process.env.AGENT_CONSOLE_PASSWORD ?? (await promptHidden(`Password for ${agent}: `));
}

/** Exit codes of the reasons a server refuses a connection (the rest are 1). */
const CONNECT_EXIT: Record<string, number> = {
  AUTH_FAILED: EXIT.auth,
  LOCKED_OUT: EXIT.auth,
  VERSION_MISMATCH: EXIT.connection,
  UNREACHABLE: EXIT.connection,
  // tls-errors.ts: a certificate not trusted, expired, for another host; no TLS there.
  TLS_UNTRUSTED: EXIT.connection,
  TLS_EXPIRED: EXIT.connection,
  TLS_WRONG_HOST: EXIT.connection,
  TLS_NOT_TLS: EXIT.connection,
};

/** Connects and logs in (`before` sees the client first); a refusal becomes a CliError with the exit code it deserves. */
export async function connect(options: EngineClientOptions, before?: (client: EngineClient) => void): Promise<EngineClient> {
  const client = new EngineClient(options);
  before?.(client);
  try {
    await client.connect();
    return client;
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'SERVER_ERROR';
    throw new CliError((e as Error).message, CONNECT_EXIT[code] ?? EXIT.error, code);
  }
}
