/**
 * The ingress API (docs/ingress.md): how a switch, an IVR or the operator's
 * tooling brings work to a served tenant over HTTP — calls, voicemails,
 * callbacks, what happens on a call's legs, platform notices — and the
 * switch link, the WebSocket on which the server hands a remote switch the
 * engine's telephony requests. Bodies are validated here, strictly (an
 * unknown field is a mistake, not something to ignore). Versioned by path:
 * `/api/v1/`; a change that breaks a client is `/api/v2/`.
 */
import { z } from 'zod';
import type { LiveLeg, TelephonyRequest } from '../engine/index.js';
import { NOTICE_PRIORITIES } from '../engine/vocabulary.js';

export const INGRESS_VERSION = 1;
export const INGRESS_BASE = `/api/v${INGRESS_VERSION}`;
/** Bodies are small JSON objects: anything longer is refused unread. */
export const INGRESS_MAX_BODY = 16 * 1024;

const number = z.string().trim().min(1).max(40);
const name = z.string().trim().min(1).max(120);
const id = z.string().min(1).max(64);
/** A switch names its own legs (its channel ids): the engine adopts them. */
export const LEG_ID = /^[A-Za-z0-9._:@-]{1,64}$/;
const legId = z.string().regex(LEG_ID, '1–64 letters, digits or ._:@-');

/** What the CRM can pop the caller by (an IVR asked for an account or a case number). */
const crm = z.strictObject({
  email: z.string().max(254).optional(),
  account: z.string().max(64).optional(),
  caseNumber: z.string().max(64).optional(),
});

/** Where work goes: a number the customer dialed (the tenant's dialedNumbers), or a queue named outright. */
const destination = { to: number.optional(), queueId: id.optional() };

export const IngressBodies = {
  /** An inbound call: caller ID and the dialed number (or a queue, or an agent for DAR). */
  call: z.strictObject({
    legId: legId.optional(),
    from: number,
    name: name.optional(),
    ...destination,
    agentId: id.optional(),
    crm: crm.optional(),
  }),
  voicemail: z.strictObject({
    from: number,
    name: name.optional(),
    ...destination,
    durationSec: z.number().int().min(0).max(24 * 3600),
    /** Where the switch keeps the message (a URL, a file name, a media id): played back from it. */
    recording: z.string().min(1).max(2000),
    crm: crm.optional(),
  }),
  callback: z.strictObject({
    /** The number to call back. */
    number,
    name: name.optional(),
    ...destination,
    note: z.string().max(500).optional(),
    crm: crm.optional(),
  }),
  /** Something happened on a leg, as the switch saw it. */
  legEvent: z.discriminatedUnion('type', [
    z.strictObject({ type: z.enum(['ringing', 'answered', 'busy', 'no_answer', 'hung_up', 'held', 'resumed']) }),
    z.strictObject({ type: z.literal('failed'), reason: z.string().max(200).optional() }),
    z.strictObject({ type: z.literal('dtmf'), digits: z.string().regex(/^[0-9*#]{1,32}$/, '0–9, * and #, 1 to 32 of them') }),
    z.strictObject({ type: z.literal('recording'), state: z.enum(['on', 'paused', 'off']), reason: z.string().max(200).optional() }),
  ]),
  /** A platform notice: high priority unless told (the guide's low, medium, high, popup). */
  notice: z.strictObject({ text: z.string(), priority: z.enum(NOTICE_PRIORITIES).optional() }),
} as const;

export type IngressBody<K extends keyof typeof IngressBodies> = z.infer<(typeof IngressBodies)[K]>;

/** The switch link, server → switch: what the engine believes live (on every connect), then requests in order. */
export type SwitchLinkDown =
  /** `epoch` names this run of the server: request numbers start again at 1 when it changes. */
  | { type: 'hello'; v: typeof INGRESS_VERSION; tenant: string; epoch: string; legs: LiveLeg[] }
  | { type: 'request'; seq: number; request: TelephonyRequest };

/** Switch → server: a request is carried out (every one up to `seq`); the server resends what is not acknowledged after a reconnect. */
export const SwitchLinkUp = z.strictObject({ type: z.literal('ack'), seq: z.number().int().min(0) });
export type SwitchLinkUp = z.infer<typeof SwitchLinkUp>;
