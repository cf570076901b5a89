// Linear mode's news: what changed between two views of the engine, said as
// plain sentences a screen reader reads out ("Offer: chat from Olivia Brown,
// Sales — Chat, 20 seconds. Press a to accept."). One rule per kind of news,
// each comparing the previous view with the next; the first view is not news
// (the summary says where things stand). Views are SafeViews: every string
// is already sanitized.
import type { ChatMessage, InteractionView, NoticeView } from '../../protocol/index.js';
import { MEDIA_LABELS, STATUS_LABELS } from '../labels.js';
import { senderOf } from '../notices/items.js';
import { customerLine } from '../panes/offer.js';
import type { SafeView } from '../safe-view.js';

export interface NewsContext {
  /** Server time now (local clock + the view's clockOffset). */
  serverNow: number;
  /** The keys to say for accepting and rejecting the offer (rejecting: none without the permission). */
  offerKeys: { accept: string; reject: string | null };
}

type Rule = (prev: SafeView, next: SafeView, c: NewsContext) => string[];

/** Ends with a full stop unless it already ends a sentence. */
const sentence = (s: string): string => (/[.!?…]$/.test(s) ? s : `${s}.`);

/** "chat", "inbound call": the medium inside a sentence. */
const medium = (i: InteractionView): string => MEDIA_LABELS[i.media].toLowerCase();

/** Who the interaction is with: the customer's name, else what identifies them. */
export function customerName(i: InteractionView): string {
  return i.customer.name ?? i.customer.phone ?? i.customer.email ?? 'an unknown customer';
}

/** The screen pop's details besides the name: "acct 1234, re: Router". */
function customerDetails(i: InteractionView): string {
  const line = customerLine({ ...i.customer, name: undefined });
  return line === 'unknown customer' || !i.customer.name ? '' : ` (${line.replaceAll(' · ', ', ')})`;
}

const queueOf = (i: InteractionView): string => i.queueName ?? (i.direct ? 'direct' : 'no queue');

/** "chat with Olivia Brown, Sales — Chat". */
export const interactionWords = (i: InteractionView): string => `${medium(i)} with ${customerName(i)}, ${queueOf(i)}`;

/** The offer sentence. */
export function offerWords(o: InteractionView, c: NewsContext): string {
  const secs = o.offerDeadline === undefined ? null : Math.max(0, Math.floor((o.offerDeadline - c.serverNow) / 1000));
  const keys = `Press ${c.offerKeys.accept} to accept${c.offerKeys.reject ? `, ${c.offerKeys.reject} to reject` : ''}.`;
  const whisper = o.whisper ? ` ${sentence(`Whisper: ${o.whisper}`)}` : '';
  return `Offer: ${medium(o)} from ${customerName(o)}${customerDetails(o)}, ${queueOf(o)}${secs === null ? '' : `, ${secs} seconds`}.${whisper} ${keys}`;
}

const offer: Rule = (prev, next, c) => (next.offer && next.offer.id !== prev.offer?.id ? [offerWords(next.offer, c)] : []);

const status: Rule = (prev, next) => {
  const a = prev.self;
  const b = next.self;
  if (!b || (a && a.status === b.status && a.statusCode === b.statusCode)) return [];
  const reason = b.statusCode ? next.statusCodes[b.status]?.find((s) => s.id === b.statusCode)?.label ?? b.statusCode : undefined;
  return [`Status: ${STATUS_LABELS[b.status]}${reason ? ` (${reason})` : ''}.`];
};

const connection: Rule = (prev, next) => {
  const a = prev.connection;
  const b = next.connection;
  if (a.state === b.state) return [];
  switch (b.state) {
    case 'online': return ['Connected.'];
    case 'reconnecting': return a.state === 'online' ? [`Connection lost (${b.reason}); reconnecting.`] : [];
    case 'offline': return [`Offline: ${b.reason}.`];
    case 'connecting': return [];
  }
};

/** A chat line as said: who, then the text (further lines of a message each on their own line). */
export function messageLines(m: ChatMessage, who: string): string[] {
  const [first = '', ...rest] = m.text.split('\n');
  return [`${who}: ${first}`, ...rest.map((l) => `  ${l}`)];
}

function speaker(m: ChatMessage, v: SafeView, customer: string): string {
  if (m.from === 'customer') return customer;
  if (m.from === 'system') return 'Note';
  if (m.agentId === v.self?.id) return 'You';
  return v.contacts.find((x) => x.id === m.agentId)?.displayName ?? m.agentId ?? 'Agent';
}

const codeLabel = (w: InteractionView, id: string): string =>
  w.codeLists.flatMap((l) => l.codes).find((c) => c.id === id)?.label ?? id;

/** Codes chosen and cleared (the agent's Space, or a colleague's change). */
function codeNews(p: InteractionView, w: InteractionView): string[] {
  return [
    ...w.codes.filter((c) => !p.codes.includes(c)).map((c) => `Code chosen: ${codeLabel(w, c)}.`),
    ...p.codes.filter((c) => !w.codes.includes(c)).map((c) => `Code cleared: ${codeLabel(w, c)}.`),
  ];
}

/** The caller holds the call from their side (their phone's hold key, as the switch reports it). */
const callerHolds = (c: NonNullable<InteractionView['call']>): boolean => c.participants.some((x) => x.party === 'customer' && !!x.farHeld);

/** Interactions taken, ended, finished; their calls' state; customers leaving; chat lines. */
const work: Rule = (prev, next) => {
  const before = new Map(prev.work.map((w) => [w.id, w]));
  const out: string[] = [];
  for (const w of next.work) {
    const p = before.get(w.id);
    if (!p) out.push(`${w.media === 'outbound_phone' ? 'Calling' : 'Accepted'}: ${interactionWords(w)}.`);
    else {
      if (p.call && w.call && p.call.state !== w.call.state && w.call.state !== 'ended') out.push(`Call with ${customerName(w)}: ${w.call.state}.`);
      if (p.call && w.call && p.call.held !== w.call.held) out.push(`Call with ${customerName(w)}: ${w.call.held ? 'on hold' : 'resumed'}.`);
      if (p.call && w.call && p.call.muted !== w.call.muted) out.push(`You are ${w.call.muted ? 'muted' : 'no longer muted'}.`);
      if (p.call && w.call && callerHolds(p.call) !== callerHolds(w.call)) out.push(`${customerName(w)} ${callerHolds(w.call) ? 'put the call on hold' : 'is back on the line'}.`);
      if (!p.chat?.customerLeft && w.chat?.customerLeft) out.push(`${customerName(w)} left the chat.`);
      if (p.phase !== 'wrapup' && w.phase === 'wrapup') out.push(`Wrap-up: ${interactionWords(w)}.`);
      if (p.codes !== w.codes) out.push(...codeNews(p, w));
    }
    const seen = p?.chat?.messages.length ?? 0;
    for (const m of w.chat?.messages.slice(seen) ?? []) out.push(...messageLines(m, speaker(m, next, customerName(w))));
  }
  const now = new Set(next.work.map((w) => w.id));
  for (const w of prev.work) if (!now.has(w.id)) out.push(`Done: ${interactionWords(w)}.`);
  return out;
};

/** Colleague chats: lines from colleagues (the agent's own come back as sent). */
const agentChats: Rule = (prev, next) => {
  const seen = new Map(prev.agentChats.map((c) => [c.with, c.messages.length]));
  return next.agentChats.flatMap((c) => {
    const name = next.contacts.find((x) => x.id === c.with)?.displayName ?? c.with;
    return c.messages.slice(seen.get(c.with) ?? 0).flatMap((m) => messageLines(m, m.agentId === next.self?.id ? `You to ${name}` : `${name} (colleague chat)`));
  });
};

const noticeWords = (n: NoticeView): string =>
  `${n.priority === 'popup' ? 'Pop-up notice' : `Notice, ${n.priority}`} from ${senderOf(n)}: ${n.text.replace(/\s+/g, ' ')}`;

const notices: Rule = (prev, next) => {
  const known = new Set(prev.notices.map((n) => n.id));
  // Newest first in the view: said oldest first.
  return next.notices.filter((n) => !known.has(n.id) && n.from !== next.self?.id).reverse().map(noticeWords);
};

const queues: Rule = (prev, next) => {
  const before = new Map(prev.queues.map((q) => [q.id, q.enabled]));
  return next.queues.flatMap((q) => {
    const was = before.get(q.id);
    return was !== undefined && was !== q.enabled ? [`Queue ${q.name}: ${q.enabled ? 'enabled' : 'disabled'}.`] : [];
  });
};

/** In the order they are said: the link first, then the agent's status, then the work. */
const RULES: readonly Rule[] = [connection, status, offer, work, agentChats, notices, queues];

/** What changed from `prev` to `next`, as sentences. */
export function viewNews(prev: SafeView, next: SafeView, c: NewsContext): string[] {
  if (prev === next) return [];
  return RULES.flatMap((r) => r(prev, next, c));
}
