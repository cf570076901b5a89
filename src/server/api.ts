/**
 * The server's HTTP API (docs/api.md, docs/ingress.md), beside the agents'
 * WebSocket on the same port: work from a switch (calls, voicemails,
 * callbacks, what happens on legs) and platform notices. Every call passes
 * the same doors in the same order — method, API key and scope, rate limit,
 * body size and JSON, schema, Idempotency-Key — then runs one engine command
 * and answers once it is durable. A refusal at any door creates nothing.
 */
import type { IncomingMessage } from 'node:http';
import { commandOfReport, StoreUnavailableError, type Command, type Engine, type ErrorCode } from '../engine/index.js';
import { IngressBodies, INGRESS_BASE, INGRESS_MAX_BODY } from '../protocol/ingress.js';
import { ApiKeys, type KeySource } from './api-keys.js';
import { ENDPOINTS, LEG_EVENTS_PATH, type Endpoint } from './ingress/endpoints.js';
import { apiError, fail, readJson, type ApiError } from './ingress/http-json.js';
import { Idempotency } from './ingress/idempotency.js';
import { sendJson, type Route } from './http.js';
import type { Logger } from './logger.js';
import { TokenBucket } from './rate-limit.js';

export interface ApiOptions {
  /** Where the keys come from (default: the tenant's, as loaded). `serve` reads the tenant file again when it changes. */
  keys?: KeySource;
  /** Requests per second per key, with bursts (default 50/s, bursts of 100). */
  rate?: { perSecond: number; burst: number };
}

export const DEFAULT_API_RATE = { perSecond: 50, burst: 100 };

/** HTTP statuses of the engine's refusals. */
const ENGINE_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_PERMITTED: 403,
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  INVALID_TRANSITION: 409,
  CAPACITY_REACHED: 409,
  CODE_REQUIRED: 409,
  DISABLED_IN_STATUS: 409,
  UNSTAFFED: 409,
  DUPLICATE: 409,
};

type Answer = { status: number; body: Record<string, unknown> } | ApiError;

export function apiKeysOf(engine: Engine, options: ApiOptions = {}): ApiKeys {
  return new ApiKeys(options.keys ?? (() => engine.tenant.config.apiKeys));
}

export function apiRoutes(engine: Engine, log: Logger, keys: ApiKeys, rate = DEFAULT_API_RATE): Record<string, Route> {
  const buckets = new Map<string, TokenBucket>();
  const idempotency = new Idempotency<Answer>();
  const report = (r: Parameters<typeof commandOfReport>[0]) => commandOfReport(r, engine.queries.unsafeState());

  const execute = async (e: Endpoint, command: Command, keyId: string, commandId: string | undefined): Promise<Answer> => {
    try {
      const result = await engine.executeDurable(command, commandId ? { commandId } : {});
      if (!result.ok) return apiError(ENGINE_STATUS[result.error.code] ?? 409, result.error.code, result.error.message);
      // One line per piece of work or notice that came in (leg events are the switch's chatter: debug).
      log(e.status === 201 ? 'info' : 'debug', `api: ${command.type}`, { key: keyId, interactionId: result.value.interactionId });
      return { status: e.status, body: { ok: true, ...e.answer(result.value, command) } };
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      const retry = Math.max(1, Math.ceil(err.retryAfterMs / 1000));
      return apiError(503, 'STORE_UNAVAILABLE', `The server cannot save now (${err.reason}): nothing was done; try again.`, { 'retry-after': String(retry) });
    }
  };

  const handle = async (req: IncomingMessage, e: Endpoint, legId: string | undefined): Promise<Answer> => {
    if (req.method !== 'POST') return apiError(405, 'BAD_REQUEST', 'Use POST.', { allow: 'POST' });
    const key = keys.check(req, e.scope);
    if (!key.ok) return apiError(key.status, key.code, key.message, key.status === 401 ? { 'www-authenticate': 'Bearer' } : undefined);
    const bucket = buckets.get(key.id) ?? buckets.set(key.id, new TokenBucket(rate.perSecond, rate.burst)).get(key.id)!;
    const wait = bucket.take();
    if (wait) return apiError(429, 'RATE_LIMITED', `Too many requests for the key "${key.id}": slow down.`, { 'retry-after': String(Math.ceil(wait / 1000)) });
    const raw = await readJson(req, INGRESS_MAX_BODY);
    if (!raw.ok) return raw.error;
    const parsed = IngressBodies[e.body].safeParse(raw.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return apiError(400, 'BAD_REQUEST', `${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    const idem = Idempotency.keyOf(req.headers['idempotency-key']);
    if (!idem.ok) return idem.error;
    const command = e.command(parsed.data as never, { legId, keyId: key.id, idempotencyKey: idem.key }, report);
    if (!command) return apiError(404, 'NOT_FOUND', 'That call is not one the engine follows.');
    if (!idem.key) return execute(e, command, key.id, undefined);
    const scope = `${key.id} ${req.url ?? ''}`;
    return idempotency.run(scope, idem.key, parsed.data, () => execute(e, command, key.id, `api:${scope}:${idem.key}`), (conflict) => conflict);
  };

  const route =
    (e: Endpoint, legIdOf: (path: string) => string | undefined = () => undefined): Route =>
    (req, res) =>
      void (async () => {
        const legId = legIdOf(new URL(req.url ?? '/', 'http://x').pathname);
        if (e.body === 'legEvent' && !legId) return fail(res, apiError(404, 'NOT_FOUND', `POST ${INGRESS_BASE}/legs/{legId}/events`));
        const answer = await handle(req, e, legId);
        if ('code' in answer) return fail(res, answer);
        sendJson(res, answer.status, answer.body);
      })().catch((err: unknown) => {
        log('error', 'api call failed', { error: (err as Error)?.stack ?? String(err) });
        if (!res.headersSent) fail(res, apiError(500, 'SERVER_ERROR', 'The server could not handle this call.'));
      });

  const legIdOf = (path: string) => {
    const m = LEG_EVENTS_PATH.exec(path);
    try {
      return m ? decodeURIComponent(m[1]!) : undefined;
    } catch {
      return undefined; // a malformed %-escape names no leg
    }
  };
  return Object.fromEntries(Object.entries(ENDPOINTS).map(([path, e]) => [`${INGRESS_BASE}/${path}`, route(e, path.endsWith('/') ? legIdOf : undefined)]));
}
