/**
 * THE agent status rulebook: every legal status change, and what causes it.
 * "Can an agent go from Busy to On Break?" — look it up here: only when their
 * work ends (`work_ended`), never by hand.
 *
 * Causes:
 *  - `agent`      the agent asked for it (status codes may be required)
 *  - `login`      a successful login
 *  - `logout`     the agent logs out, or is logged out after a lost connection
 *  - `accept`     the agent accepted an offer
 *  - `reject`     the agent rejected an offer (per-media result, see work/offer-outcomes)
 *  - `timeout`    an offer was not answered in time
 *  - `work_ended` the agent's last interaction ended (wrap-up done) and no
 *                 status after work was set: Available, the default
 *  - `after_work` the agent's last interaction ended and the status after
 *                 work applies (the agent's choice, or an offer rejected or
 *                 missed while busy, or the status an outbound call was dialled
 *                 from — `AfterWork.by` says which)
 *  - `stop_new`   the agent pressed Stop New while handling chats
 *  - `resume`     the agent pressed Resume
 *  - `voice_connected` the persistent voice connection opened while the agent
 *                 was still in the On Break of their login: the guide's
 *                 persistent-mode flow ("Votre statut passe automatiquement à
 *                 Disponible"); a break the agent chose is left alone
 */
import type { Media, Status } from '../tenant/schema.js';
import { STATUS_LABELS } from './labels.js';

export type StatusCause =
  | 'agent'
  | 'login'
  | 'logout'
  | 'accept'
  | 'reject'
  | 'timeout'
  | 'work_ended'
  | 'after_work'
  | 'stop_new'
  | 'resume'
  | 'voice_connected';

type Table = Record<Status, Partial<Record<Status, readonly StatusCause[]>>>;

export const STATUS_TRANSITIONS: Table = {
  logged_out: {
    on_break: ['login'],
  },
  on_break: {
    available: ['agent', 'voice_connected'],
    working_offline: ['agent'],
    logged_out: ['agent', 'logout'],
    // Direct agent routing reaches an agent whatever their status.
    busy: ['accept'],
  },
  available: {
    // A rejected chat goes to On Break (work/offer-outcomes.ts).
    on_break: ['agent', 'timeout', 'reject'],
    working_offline: ['agent', 'reject'],
    logged_out: ['agent', 'logout'],
    busy: ['accept'],
  },
  working_offline: {
    available: ['agent'],
    on_break: ['agent'],
    logged_out: ['agent', 'logout'],
    busy: ['accept'],
  },
  busy: {
    busy_stop_new: ['stop_new', 'reject', 'timeout'],
    available: ['work_ended', 'after_work'],
    on_break: ['after_work'],
    working_offline: ['after_work'],
  },
  busy_stop_new: {
    busy: ['resume'],
    available: ['work_ended', 'after_work'],
    on_break: ['after_work'],
    working_offline: ['after_work'],
  },
};

/** Who set the status after work: the agent, an offer rejected or missed while busy, or dialling out from that status. */
export type AfterWorkBy = 'agent' | 'reject' | 'timeout' | 'dial';

/** An offer a status change is about (rejected, missed). */
export interface OfferRef {
  media: Media;
  queueId?: string;
}

/** The status to take when the current work ends: the one set for after work, else Available. */
export function statusAfterWork(agent: { afterWork?: { status: Status } }): Status {
  return agent.afterWork?.status ?? 'available';
}

/** Statuses in which new offers are routed (Busy only for more chats, see capacity). */
export const RECEIVES_OFFERS: ReadonlySet<Status> = new Set<Status>(['available', 'busy']);

/** Statuses in which the agent is working (no manual status change). */
export const WORKING: ReadonlySet<Status> = new Set<Status>(['busy', 'busy_stop_new']);

/**
 * The console's tools each status turns off, refused by the engine whatever
 * the console shows. On Break: "L'accès à toutes les fonctions est désactivé.
 * Le panneau de contrôle devient indisponible" — the control panel's tools
 * (colleague chat, dialing, sending notices, editing the FAQ) are off; the
 * status change, a direct call's offer, reading notices and the CRM's
 * display panel stay. Logged out: nothing works, findAgent says so first.
 */
export type Tool = 'agent_chat' | 'dial' | 'notices' | 'faq_edit';

export const TOOLS_OFF: Readonly<Partial<Record<Status, readonly Tool[]>>> = {
  on_break: ['agent_chat', 'dial', 'notices', 'faq_edit'],
};

export const TOOL_LABELS: Readonly<Record<Tool, string>> = {
  agent_chat: 'chatting with colleagues',
  dial: 'dialing',
  notices: 'sending notices',
  faq_edit: 'editing the FAQ',
};

/** Why the status turns the tool off, in words (the engine's refusal, the console's greyed hint); undefined when it is on. */
export function toolOffReason(status: Status, tool: Tool): string | undefined {
  if (!TOOLS_OFF[status]?.includes(tool)) return undefined;
  return `You are ${STATUS_LABELS[status]}: ${TOOL_LABELS[tool]} is off. Go Available or Working Offline to use it.`;
}

export function canTransition(from: Status, to: Status, cause: StatusCause): boolean {
  return STATUS_TRANSITIONS[from][to]?.includes(cause) ?? false;
}

/** The targets an agent may pick by hand from `from` (drives the console's status menu). */
export function manualTargets(from: Status): Status[] {
  return (Object.entries(STATUS_TRANSITIONS[from]) as [Status, StatusCause[]][])
    .filter(([, causes]) => causes.includes('agent'))
    .map(([to]) => to);
}
