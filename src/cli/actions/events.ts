/**
 * `agent-console events`: the agent's view events as they happen, from a
 * secondary session (the console keeps its own): first a snapshot, then each
 * change. --json prints each event as the server sent it, one JSON object
 * per line (`{type, seq, ts, data}`), for jq, dashboards and tests in other
 * languages; otherwise one readable line per event. A lost connection is
 * resumed (or a fresh snapshot follows), noted on stderr; SIGINT or SIGTERM
 * ends it with exit 0.
 */
import type { ViewEventEnvelope } from '../../protocol/server-messages.js';
import { CliError, UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { terminalSafe } from '../terminal-safe.js';
import { connect, passwordFor, targetOf } from './connect.js';
import type { AgentFlags } from './one-shot.js';

const time = (ts: number) => new Date(ts).toTimeString().slice(0, 8);

/** One readable line per event type: what changed, in a few words. */
const SUMMARY: { [T in ViewEventEnvelope['type']]: (data: Extract<ViewEventEnvelope, { type: T }>['data']) => string } = {
  snapshot: (d) => `${d.self.id} ${d.self.status}${d.self.statusCode ? ` (${d.self.statusCode})` : ''}, ${d.work.length} interaction(s), offer ${d.offer?.id ?? 'none'}`,
  self: (d) => `status ${d.status}${d.statusCode ? ` (${d.statusCode})` : ''}${d.loggedIn ? '' : ', logged out'}`,
  offer: (d) => (d.offer ? `${d.offer.id} ${d.offer.media} from ${d.offer.customer.name} in ${d.offer.queueName}` : `withdrawn (${d.reason ?? 'gone'})`),
  work: (d) => `${d.id} ${d.media} ${d.phase}${d.codes.length ? ` codes ${d.codes.join(',')}` : ''}`,
  work_removed: (d) => `${d.interactionId} ${d.reason}`,
  queue: (d) => `${d.id} ${d.enabled ? 'on' : 'off'}, waiting ${d.stats.waiting}, available ${d.stats.available}`,
  contact: (d) => `${d.id} ${d.status}`,
  chat_message: (d) => `${d.interactionId} ${d.message.from}: ${d.message.text}`,
  agent_chat: (d) => `with ${d.with} ${d.message.from}: ${d.message.text}`,
  faq: (d) => `${d.entries.length} entries`,
  notice: (d) => `${d.priority}${d.platform ? ' platform' : ''} from ${d.fromName ?? 'the platform'}: ${d.text}`,
  crm_logged: (d) => `${d.interactionId} logged on ${d.caseId}${d.customerId ? ` (${d.customerId})` : ''}`,
};

function line(event: ViewEventEnvelope): string {
  const summary = (SUMMARY[event.type] as (data: unknown) => string)(event.data);
  return `${time(event.ts)} ${event.type} ${terminalSafe(summary).replace(/\n/g, ' / ')}`;
}

export async function streamEvents(flags: AgentFlags): Promise<number> {
  const seconds = Number(flags.timeout);
  if (!(seconds > 0)) throw new UsageError(`--timeout: "${flags.timeout}" is not a number of seconds`);
  const { url, agent } = await targetOf(flags);
  const password = await passwordFor(agent);
  const write = (event: ViewEventEnvelope) => process.stdout.write(`${flags.json ? JSON.stringify(event) : line(event)}\n`);
  const client = await Promise.race([
    // Listening from the start: the first event is the login's snapshot.
    connect({ url, agent, password, clientName: 'agent-console events', kind: 'secondary', retryFirstConnect: false }, (c) => c.onEvent(write)),
    new Promise<never>((_, reject) => setTimeout(() => reject(new CliError(`${url} did not answer within ${seconds} s`, EXIT.connection, 'TIMEOUT')), seconds * 1000).unref()),
  ]);
  let state = client.getView().connection.state;
  const unsubscribe = client.subscribe((view) => {
    if (view.connection.state === state) return;
    state = view.connection.state;
    const reason = 'reason' in view.connection ? `: ${view.connection.reason}` : '';
    process.stderr.write(`agent-console: ${terminalSafe(`connection ${state}${reason}`)}\n`);
  });
  return new Promise<number>((resolve) => {
    const stop = () => {
      unsubscribe();
      client.close('events stopped');
      resolve(EXIT.ok);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // stdout closed (the reader of a pipe went away: `| head`): nothing left to do.
    process.stdout.once('error', stop);
  });
}
