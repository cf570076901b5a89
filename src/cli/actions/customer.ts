/**
 * `agent-console customer chat`: a customer's web chat from a terminal, for
 * scripts and tests. Each stdin line is a message; agent lines, notices,
 * typing and the queue position are printed one per line. Ends (exit 0)
 * when the chat ends; when stdin closes the customer leaves (unless --stay).
 * Agent text is untrusted here too: control and bidi characters are removed
 * before anything reaches the terminal.
 */
import { createInterface } from 'node:readline';
import { CustomerChatClient, CustomerChatError, customerUrl, type CustomerChatEvent } from '../../client/customer-chat.js';
import type { CustomerMessage } from '../../protocol/customer-chat.js';
import { inlineText } from '../../protocol/rich-text-plain.js';
import type { Block } from '../../protocol/rich-text.js';
import { UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { terminalSafe } from '../terminal-safe.js';

export interface CustomerChatFlags {
  server: string;
  name: string;
  email?: string;
  account?: string;
  case?: string;
  queue?: string;
  stay?: boolean;
}

/** Each block kind's lead in a plain terminal line. */
const LEAD: Record<Block['kind'], (b: Block) => string> = {
  p: () => '',
  h: () => '',
  li: (b) => `  ${b.level ? `${b.level}.` : '-'} `,
  quote: () => '> ',
  dt: () => '',
  dd: () => '    ',
  hr: () => '----',
};

function plain(blocks: Block[]): string {
  return blocks
    .map((b) => {
      const text = b.inlines.map((i) => (i.href && i.href !== i.text ? `${inlineText(i)} <${i.href}>` : inlineText(i))).join('');
      // Every line of a quote is quoted.
      return LEAD[b.kind](b) + (b.kind === 'quote' ? text.replace(/\n/g, '\n> ') : text);
    })
    .join('\n');
}

function clock(ts: number): string {
  return new Date(ts).toTimeString().slice(0, 5);
}

/**
 * Lines for the events of one chat. The connection is told once per outage:
 * lost (with why) when it drops, not again at every retry, and back when it is.
 */
export function eventFormatter(): (e: CustomerChatEvent) => string | undefined {
  let down = false;
  return (e) => {
    if (e.type !== 'connection') return formatEvent(e);
    const was = down;
    down = e.state === 'reconnecting';
    if (e.state === 'reconnecting') return was ? undefined : `* connection lost, reconnecting (${e.reason ?? ''})`;
    return e.state === 'online' && was ? '* connection back' : undefined;
  };
}

function formatEvent(e: Exclude<CustomerChatEvent, { type: 'connection' }>): string | undefined {
  switch (e.type) {
    case 'joined':
      return `* chat started in ${e.queue.name} (${e.conversationId})`;
    case 'position':
      return `* you are in the queue (position ${e.position})`;
    case 'agent_joined':
      return e.transferred ? `* ${e.displayName} has taken over the chat` : `* ${e.displayName} joined the chat`;
    case 'transferred':
      return `* transferring you to ${e.queue.name}…`;
    case 'typing':
      return e.typing ? '* the agent is typing…' : undefined;
    case 'message':
      return formatMessage(e.message);
    case 'ended':
      return `* the chat has ended (${e.reason.replace('_', ' ')})`;
    case 'error':
      return `! ${e.code}: ${e.message}`;
    default:
      return undefined;
  }
}

function formatMessage(m: CustomerMessage): string | undefined {
  if (m.from === 'customer') return undefined; // the customer typed it: no echo
  if (m.from === 'system') return `* ${m.text}`;
  return `[${clock(m.ts)}] ${m.agentName ?? 'Agent'}: ${m.blocks ? plain(m.blocks) : m.text}`;
}

export async function customerChat(flags: CustomerChatFlags, input: NodeJS.ReadableStream, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  try {
    customerUrl(flags.server);
  } catch (e) {
    throw new UsageError(`--server: ${(e as Error).message}`);
  }
  const client = new CustomerChatClient({ url: flags.server, name: flags.name, email: flags.email, account: flags.account, caseNumber: flags.case, queue: flags.queue });
  const format = eventFormatter();
  client.subscribe((e) => {
    const line = format(e);
    if (line) (e.type === 'error' ? err : out).write(terminalSafe(line).replace(/\n/g, '\n    ') + '\n');
  });
  const ended = new Promise<void>((resolve) => client.subscribe((e) => (e.type === 'ended' || (e.type === 'connection' && e.state === 'closed')) && resolve()));
  try {
    await client.start();
  } catch (e) {
    err.write(`agent-console: ${terminalSafe((e as Error).message)}\n`);
    return e instanceof CustomerChatError && e.code !== 'CLOSED' ? EXIT.usage : EXIT.connection;
  }
  const lines = createInterface({ input, terminal: false });
  const sends: Promise<unknown>[] = [];
  lines.on('line', (line) => {
    if (client.ended) return;
    if (line === '/leave' || line === '/quit') return void client.leave();
    if (!line.trim()) return;
    client.typing(false);
    sends.push(client.send(line).catch((e: Error) => err.write(`! not sent: ${terminalSafe(e.message)}\n`)));
  });
  lines.on('close', () => {
    // Leave once every line typed so far has been delivered.
    if (!flags.stay) void Promise.allSettled(sends).then(() => client.leave());
  });
  const interrupt = () => void client.leave();
  process.once('SIGINT', interrupt);
  await ended;
  process.off('SIGINT', interrupt);
  lines.close();
  client.close();
  return EXIT.ok;
}
