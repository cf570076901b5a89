/**
 * The ingress API's calls (docs/ingress.md), as data: for each path, the
 * scope a key needs, the body's schema, the engine command a valid body
 * becomes, and the answer. A switch's request is a switch report (the
 * telephony adapter boundary, docs/telephony.md) turned into its engine
 * command by the same function the in-process bridge uses.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ApiScope, Command, CommandOutcome, TelephonyReport } from '../../engine/index.js';
import { IngressBodies, INGRESS_BASE } from '../../protocol/ingress.js';

type Bodies = typeof IngressBodies;

export interface Call {
  /** Path parameters (the leg of `/legs/{legId}/events`). */
  legId?: string;
  /** The API key's id and the request's Idempotency-Key, if any (a leg id the server names is derived from them). */
  keyId: string;
  idempotencyKey?: string;
}

export type Reporter = (report: TelephonyReport) => Command | undefined;

export interface Endpoint<K extends keyof Bodies = keyof Bodies> {
  body: K;
  scope: ApiScope;
  /** 201 when the call creates something. */
  status: 200 | 201;
  /** `report`: a switch report's engine command (the bridge's mapping). */
  command(body: z.infer<Bodies[K]>, call: Call, report: Reporter): Command | undefined;
  answer(outcome: CommandOutcome, command: Command): Record<string, unknown>;
}

/** A switch that names no leg gets one; a retry under the same Idempotency-Key gets the same one. */
function legIdFor(call: Call): string {
  if (!call.idempotencyKey) return `api-${randomUUID()}`;
  return `api-${createHash('sha256').update(`${call.keyId}\u0000${call.idempotencyKey}`).digest('base64url').slice(0, 22)}`;
}

const created = (outcome: CommandOutcome) => ({ interactionId: outcome.interactionId });

const endpoint = <K extends keyof Bodies>(e: Endpoint<K>): Endpoint => e as unknown as Endpoint;

/** By path below INGRESS_BASE; `legs/` takes `{legId}/events`. */
export const ENDPOINTS: Record<string, Endpoint> = {
  calls: endpoint({
    body: 'call',
    scope: 'create-work',
    status: 201,
    command: (b, call, report) => report({ type: 'incoming', ...b, legId: b.legId ?? legIdFor(call) }),
    answer: (outcome, command) => ({ ...created(outcome), legId: (command as { legId: string }).legId }),
  }),
  voicemails: endpoint({
    body: 'voicemail',
    scope: 'create-work',
    status: 201,
    command: (b, _call, report) => report({ type: 'voicemail', ...b }),
    answer: created,
  }),
  callbacks: endpoint({
    body: 'callback',
    scope: 'create-work',
    status: 201,
    command: (b, _call, report) => report({ type: 'callback', ...b }),
    answer: created,
  }),
  'legs/': endpoint({
    body: 'legEvent',
    scope: 'create-work',
    status: 200,
    command: (b, call, report) =>
      b.type === 'recording'
        ? { type: 'phone_leg_event', legId: call.legId!, event: 'recording', recording: b.state, reason: b.reason }
        : report({ ...b, legId: call.legId! }),
    answer: () => ({}),
  }),
  notices: endpoint({
    body: 'notice',
    scope: 'notices',
    status: 201,
    command: (b) => ({ type: 'platform_notice', text: b.text, ...(b.priority ? { priority: b.priority } : {}) }),
    answer: () => ({}),
  }),
};

export const LEG_EVENTS_PATH = new RegExp(`^${INGRESS_BASE}/legs/([^/]+)/events$`);
