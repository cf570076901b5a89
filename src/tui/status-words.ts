// Why the status is what it is, in words: the engine sends the cause of every
// status change (agents/transitions.ts) and the status after work; this says
// them as a sentence (the message line, when it changes) and as a tag (the
// status bar, while it lasts). The rule itself stays the engine's.
import type { AfterWorkBy, AgentSelfView, OfferRefView, StatusCause } from '../protocol/index.js';
import { MEDIA_LABELS, STATUS_LABELS } from './labels.js';

type Self = Pick<AgentSelfView, 'status' | 'statusChange' | 'afterWork' | 'statusAfterWork'>;

/** "an inbound call offer (Support — Phone)", with its article. */
const offerWords = (o: OfferRefView | undefined): string => {
  const what = o ? `${MEDIA_LABELS[o.media].toLowerCase()} offer${o.queueName ? ` (${o.queueName})` : ''}` : 'offer';
  return `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}`;
};

/** Why the status after work is set, after "because". */
const AFTER_WORK_BY: Record<AfterWorkBy, (o: OfferRefView | undefined) => string> = {
  agent: () => 'you chose it',
  reject: (o) => `you rejected ${offerWords(o)} while busy`,
  timeout: (o) => `you missed ${offerWords(o)} while busy`,
  dial: () => 'you dialled out from there',
};

const SENTENCES: Record<StatusCause, ((self: Self) => string) | null> = {
  agent: null,
  accept: null,
  login: (s) => `Logged in: ${STATUS_LABELS[s.status]} until you choose a status (s).`,
  logout: () => 'Logged out: your connection was lost for too long.',
  reject: (s) => `You rejected ${offerWords(s.statusChange?.offer)}: ${rule(s)}`,
  timeout: (s) => `You missed ${offerWords(s.statusChange?.offer)}: ${rule(s)}`,
  work_ended: (s) => `Your work ended: ${STATUS_LABELS[s.status]}, the default after work.`,
  after_work: (s) => `Your work ended: ${STATUS_LABELS[s.status]}, because ${AFTER_WORK_BY[s.statusChange?.by ?? 'agent'](s.statusChange?.offer)}.`,
  stop_new: () => 'Stop New: no new chat offers until you resume (p).',
  resume: () => 'Chat offers resumed.',
  voice_connected: () => 'Voice connected: you are Available, ready for calls.',
};

/** What a rejected or missed offer did: now, or once the work in progress ends. */
function rule(s: Self): string {
  if (s.status === 'busy_stop_new' && s.afterWork) return `no new chats now, then ${STATUS_LABELS[s.afterWork.status]} once your work ends (s changes it).`;
  return `that puts you ${STATUS_LABELS[s.status]}. Press s when you are ready again.`;
}

/** The sentence for the last status change, or null when it needs none (the agent's own choice). */
export function statusChangeWords(self: Self): string | null {
  const cause = self.statusChange?.cause;
  const say = cause ? SENTENCES[cause] : null;
  return say ? say(self) : null;
}

const TAGS: Partial<Record<StatusCause, string>> = {
  reject: 'offer rejected',
  timeout: 'offer missed',
  work_ended: 'work done',
  after_work: 'after work',
  logout: 'connection lost',
};

/** A few words beside the status in the status bar, while the status lasts. */
export function statusTag(self: Self): string | null {
  const cause = self.statusChange?.cause;
  return (cause && TAGS[cause]) ?? null;
}

/** While working: the status the work will end in, and why. Null otherwise. */
export function afterWorkWords(self: Self): string | null {
  if (self.status !== 'busy' && self.status !== 'busy_stop_new') return null;
  const next = STATUS_LABELS[self.statusAfterWork];
  return self.afterWork
    ? `After work: ${next}, because ${AFTER_WORK_BY[self.afterWork.by](self.afterWork.offer)}.`
    : `After work: ${next}, the default.`;
}

/** Why an offer went away without the agent answering it, when it needs saying. */
export const OFFER_GONE: Partial<Record<string, string>> = {
  abandoned: 'The offer was withdrawn: the customer left before it was answered.',
  connection_lost: 'The offer went back to its queue: your connection was lost.',
};
