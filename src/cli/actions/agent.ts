/**
 * The one-shot commands (commands/agent.ts): log in as the agent in a
 * secondary session, run one command from the table below against the
 * agent's view, print what changed, close. Each entry checks what can be
 * checked locally first (a status name, a queue, a code: exit 2 with the
 * valid choices); the server's refusal is exit 1 with its message and code.
 */
import type { CommandResult, EngineClient } from '../../client/client.js';
import type { AgentView } from '../../client/view.js';
import { CliError, exitCodeOf, UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { terminalSafe } from '../terminal-safe.js';
import { connect, passwordFor, targetOf, tlsOptionsOf } from './connect.js';
import type { AgentFlags, Outcome } from './one-shot.js';

interface Run {
  client: EngineClient;
  view: () => AgentView;
  args: string[];
  flags: AgentFlags & Record<string, unknown>;
}

type OneShot = (run: Run) => Promise<Outcome>;

const STATUS_NAMES: Record<string, string> = {
  available: 'available',
  on_break: 'on_break',
  break: 'on_break',
  working_offline: 'working_offline',
  offline: 'working_offline',
  logged_out: 'logged_out',
};

/** The server's refusal: exit 1, its code kept for --json. */
function refused(result: CommandResult): asserts result is Extract<CommandResult, { ok: true }> {
  if (!result.ok) throw new CliError(result.error.message, EXIT.error, result.error.code);
}

function selfOf(view: AgentView) {
  const self = view.self!;
  return { agent: self.id, displayName: self.displayName, status: self.status, statusCode: self.statusCode ?? null, statusSince: self.statusSince };
}

const statusText = (view: AgentView) => `${view.self!.status}${view.self!.statusCode ? ` (${view.self!.statusCode})` : ''}`;

function queueNamed(view: AgentView, name: string) {
  const wanted = name.toLowerCase();
  const queue = view.queues.find((q) => q.relation === 'member' && (q.id.toLowerCase() === wanted || q.name.toLowerCase() === wanted));
  if (!queue)
    throw new UsageError(`"${name}" is not one of your queues; they are: ${view.queues.filter((q) => q.relation === 'member').map((q) => `${q.id} (${q.name})`).join(', ')}`);
  return queue;
}

function toggleQueue(enabled: boolean): OneShot {
  return async ({ client, view, args }) => {
    const queue = queueNamed(view(), args[0]!);
    refused(await client.toggleQueue(queue.id, enabled));
    return { json: { queue: queue.id, name: queue.name, enabled }, text: `${queue.name}: ${enabled ? 'enabled' : 'disabled'}` };
  };
}

function answerOffer(accept: boolean): OneShot {
  return async ({ client, view, args }) => {
    const offer = view().offer;
    if (!offer) throw new CliError('No offer is waiting for you.', EXIT.error, 'NOT_FOUND');
    if (args[0] && args[0] !== offer.id) throw new CliError(`The offer waiting is ${offer.id}, not ${args[0]}.`, EXIT.error, 'NOT_FOUND');
    refused(await (accept ? client.accept(offer.id) : client.reject(offer.id)));
    const what = `${offer.id} (${offer.media}, ${offer.queueName}, ${offer.customer.name})`;
    return { json: { interactionId: offer.id, media: offer.media, queue: offer.queueId, accepted: accept }, text: `${accept ? 'accepted' : 'rejected'} ${what}` };
  };
}

export const ONE_SHOTS: Record<string, OneShot> = {
  whoami: async ({ view }) => {
    const v = view();
    const self = v.self!;
    return {
      json: { ...selfOf(v), group: self.group, role: self.role, loggedIn: self.loggedIn, work: v.work.map((w) => w.id), offer: v.offer?.id ?? null },
      text: `${self.id} (${self.displayName}), ${self.role} in ${self.groupName}: ${statusText(v)}`,
    };
  },

  'status set': async ({ client, view, args, flags }) => {
    const status = STATUS_NAMES[args[0]!.toLowerCase().replace(/[- ]/g, '_')];
    if (!status) throw new UsageError(`"${args[0]}" is not a status you can set: available, on_break, working_offline, logged_out`);
    const reason = flags.reason as string | undefined;
    const codes = view().statusCodes[status as keyof AgentView['statusCodes']] ?? [];
    if (reason && !codes.some((c) => c.id === reason))
      throw new UsageError(codes.length ? `--reason: "${reason}" is not a reason for ${status}; they are: ${codes.map((c) => c.id).join(', ')}` : `--reason: ${status} takes no reason`);
    refused(await client.setStatus(status as never, reason));
    return { json: selfOf(view()), text: statusText(view()) };
  },

  'queue enable': toggleQueue(true),
  'queue disable': toggleQueue(false),
  'offer accept': answerOffer(true),
  'offer reject': answerOffer(false),

  wrapup: async ({ client, view, flags }) => {
    const inWrapUp = view().work.filter((w) => w.phase === 'wrapup');
    const wanted = flags.interaction as string | undefined;
    const work = wanted ? view().work.find((w) => w.id === wanted) : inWrapUp[0];
    if (wanted && !work) throw new CliError(`${wanted} is not one of your interactions.`, EXIT.error, 'NOT_FOUND');
    if (!work) throw new CliError('None of your interactions is in wrap-up.', EXIT.error, 'NOT_FOUND');
    if (!wanted && inWrapUp.length > 1) throw new UsageError(`several interactions are in wrap-up (${inWrapUp.map((w) => w.id).join(', ')}): name one with --interaction`);
    const added = (flags.code as string[] | undefined) ?? [];
    const known = work.codeLists.flatMap((l) => l.codes.map((c) => c.id));
    const unknown = added.filter((c) => !known.includes(c));
    if (unknown.length) throw new UsageError(`--code: ${unknown.join(', ')} not a code of ${work.id}; they are: ${known.join(', ')}`);
    const codes = [...new Set([...work.codes, ...added])];
    if (added.length) refused(await client.setCodes(work.id, codes));
    refused(await client.wrapUp(work.id));
    return { json: { interactionId: work.id, codes, ...selfOf(view()) }, text: `${work.id} wrapped up (${codes.join(', ') || 'no codes'}); now ${statusText(view())}` };
  },

  'notice send': async ({ client, view, args, flags }) => {
    const priority = (flags.priority as string | undefined) ?? 'low';
    const groups = flags.group as string[] | undefined;
    const allowed = view().noticeGroups;
    const unknown = (groups ?? []).filter((g) => !allowed.some((a) => a.id === g));
    if (unknown.length) throw new UsageError(`--group: you may not send to ${unknown.join(', ')}; you may send to: ${allowed.map((g) => g.id).join(', ')}`);
    refused(await client.broadcastNotice(args[0]!, priority as never, groups));
    const sent = view().notices.find((n) => n.from === view().self!.id && n.text === args[0]);
    return { json: { noticeId: sent?.id ?? null, priority, groups: groups ?? allowed.map((g) => g.id) }, text: `sent to ${(groups ?? allowed.map((g) => g.id)).join(', ')}` };
  },
};

/** Runs one one-shot command; prints its outcome or its error; resolves with the exit code. */
export async function runAgentCommand(name: string, args: string[], flags: AgentFlags & Record<string, unknown>): Promise<number> {
  try {
    if (name === 'events') return await (await import('./events.js')).streamEvents(flags);
    if (name === 'notice send' && flags.platform) return print(flags, await (await import('./platform-notice.js')).sendPlatformNotice(args[0]!, flags));
    return print(flags, await withTimeout(flags, (client) => explained(client, ONE_SHOTS[name]!({ client, view: () => client.getView(), args, flags })), name));
  } catch (e) {
    const code = e instanceof CliError ? e.code : undefined;
    if (flags.json) process.stdout.write(`${JSON.stringify({ ok: false, error: { code: code ?? 'ERROR', message: (e as Error).message } })}\n`);
    process.stderr.write(`agent-console: ${terminalSafe((e as Error).message)}${code && !(e instanceof UsageError) ? ` (${code})` : ''}\n`);
    return exitCodeOf(e);
  }
}

/** A refusal because the agent is logged out says where logging in happens: the console (a one-shot never logs anyone in). */
async function explained(client: EngineClient, outcome: Promise<Outcome>): Promise<Outcome> {
  try {
    return await outcome;
  } catch (e) {
    if (e instanceof CliError && e.code === 'INVALID_STATE' && client.getView().self?.loggedIn === false)
      throw new CliError(`${e.message} Log in with the console first (agent-console --server URL --agent NAME).`, e.exitCode, e.code);
    throw e;
  }
}

function print(flags: AgentFlags, outcome: Outcome): number {
  process.stdout.write(flags.json ? `${JSON.stringify({ ok: true, ...outcome.json })}\n` : `${terminalSafe(outcome.text)}\n`);
  return EXIT.ok;
}

/** Connects as a secondary session, runs `work`, closes; the whole within --timeout (else exit 4). */
async function withTimeout<T>(flags: AgentFlags, work: (client: EngineClient) => Promise<T>, name: string): Promise<T> {
  const seconds = Number(flags.timeout);
  if (!(seconds > 0)) throw new UsageError(`--timeout: "${flags.timeout}" is not a number of seconds`);
  const { url, agent } = await targetOf(flags);
  const wsOptions = await tlsOptionsOf(flags);
  const password = await passwordFor(agent);
  let client: EngineClient | undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CliError(`${url} did not answer within ${seconds} s`, EXIT.connection, 'TIMEOUT')), seconds * 1000);
  });
  try {
    return await Promise.race([
      (async () => {
        client = await connect({ url, agent, password, clientName: `agent-console ${name}`, kind: 'secondary', retryFirstConnect: false, wsOptions });
        return work(client);
      })(),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
    client?.close('done');
  }
}
