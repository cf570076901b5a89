/**
 * `agent-console switch --server URL`: the simulated switch in its own
 * process, driving a served tenant (`serve --telephony remote`) through the
 * ingress API (docs/ingress.md) — the same adapter the demo runs in-process,
 * over the wire. Customers' calls come from stdin commands (commands.ts) or
 * from simulated callers (callers.ts); every line it prints says what
 * happened (JSON lines with --json). Runs until SIGINT/SIGTERM; exits 3 when
 * the key is refused, 4 when the server takes no switch.
 */
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { SimulatedSwitch, SystemClock, type TelephonyRequest } from '../../engine/index.js';
import { CliError, UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { terminalSafe } from '../terminal-safe.js';
import { Callers } from '../switch/callers.js';
import { runSwitchCommand, switchHelp } from '../switch/commands.js';
import { runRemoteAdapter } from '../switch/remote-adapter.js';
import type { Posted } from '../switch/reporter.js';

export interface SwitchFlags {
  server: string;
  callsPerMinute: string;
  to: string[];
  talk: string;
  patience: string;
  json?: boolean;
  verbose?: boolean;
}

function seconds(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`${flag}: "${value}" is not a number of seconds`);
  return n;
}

function httpUrlOf(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new UsageError(`--server: "${server}" is not a URL (e.g. http://127.0.0.1:7300)`);
  }
  if (!/^(http|https|ws|wss):$/.test(url.protocol)) throw new UsageError(`--server: "${server}" is not an http(s):// or ws(s):// URL`);
  return url.origin.replace(/^ws/, 'http');
}

/** One line per thing that happened: text for a person, or JSON. */
function printer(json: boolean, write: (s: string) => void) {
  return (event: string, data: Record<string, unknown>, text: string) => write(json ? `${JSON.stringify({ event, ...data })}\n` : `${terminalSafe(text)}\n`);
}

function describeAnswer(p: Posted): [Record<string, unknown>, string] {
  const { report, body } = p;
  const leg = 'legId' in report ? report.legId : undefined;
  if (!body.ok) return [{ report: report.type, legId: leg, status: p.status, error: body.error }, `refused ${report.type}${leg ? ` ${leg}` : ''}: ${body.error?.code} ${body.error?.message ?? ''}`];
  const created = body.interactionId ? ` → ${body.interactionId}` : '';
  return [{ report: report.type, legId: leg, interactionId: body.interactionId }, `${report.type}${leg ? ` ${leg}` : ''}${created}`];
}

export async function runSwitch(flags: SwitchFlags): Promise<void> {
  const key = process.env.AGENT_CONSOLE_API_KEY;
  if (!key) throw new UsageError('the switch needs an API key with the create-work scope in AGENT_CONSOLE_API_KEY (agent-console apikey create --help)');
  const httpUrl = httpUrlOf(flags.server);
  const perMinute = seconds('--calls-per-minute', flags.callsPerMinute);
  const talkSec = seconds('--talk', flags.talk);
  const patienceSec = seconds('--patience', flags.patience);
  if (perMinute > 0 && !flags.to.length) throw new UsageError('--calls-per-minute needs --to NUMBER: the numbers callers dial');
  const print = printer(!!flags.json, (s) => process.stdout.write(s));

  const clock = new SystemClock();
  // Leg ids unique to this run: a restarted switch does not reuse the legs of the last one.
  const sim = new SimulatedSwitch(clock, { legPrefix: `SW-${randomBytes(3).toString('hex')}-` });
  const callers = new Callers(sim, clock, { perMinute, to: flags.to, talkSec, patienceSec });
  let refused: CliError | undefined;
  let stop: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const remote = runRemoteAdapter(sim, { httpUrl, key }, {
    connected: (tenant, legs) => print('connected', { server: httpUrl, tenant, legs: legs.length }, `connected to ${httpUrl} (tenant ${tenant}, ${legs.length} live legs)`),
    disconnected: (reason) => print('disconnected', { reason }, `disconnected (${reason}): reconnecting`),
    refused: (status, message) => {
      refused ??= new CliError(message, status === 401 || status === 403 ? EXIT.auth : EXIT.connection, status === 409 ? 'NO_SWITCH' : 'AUTH_FAILED');
      stop();
    },
    request: (r: TelephonyRequest) => {
      callers.onRequest(r);
      if (flags.verbose) print('request', { request: r }, `← ${r.op} ${JSON.stringify(r)}`);
    },
    answer: (p) => print('answer', ...describeAnswer(p)),
  });
  callers.start();

  const input = createInterface({ input: process.stdin, terminal: false });
  input.on('line', (line) => {
    const out = runSwitchCommand(sim, line);
    if (out) print('said', { line, out }, out);
  });
  if (!flags.json) process.stderr.write(`agent-console switch: type commands, one a line:\n${switchHelp()}\n`);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await stopped;
  input.close();
  callers.stop();
  remote.stop();
  if (refused) throw refused;
}
