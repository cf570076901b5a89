/**
 * The server's HTTP API for the operator's tooling (docs/api.md), beside the
 * agents' WebSocket on the same port. Every call needs an API key with the
 * call's scope. Today: POST /api/v1/notices, a platform notice to every agent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../engine/index.js';
import { ApiKeys } from './api-keys.js';
import { sendJson, type Route } from './http.js';
import type { Logger } from './logger.js';

/** Bodies are small JSON objects: anything longer is refused unread. */
const MAX_BODY = 16 * 1024;

type ApiError = { status: number; code: string; message: string };

function fail(res: ServerResponse, e: ApiError, headers: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  // An unread body (too large) must not be taken for the next request on this connection.
  if (e.status === 413) res.setHeader('connection', 'close');
  sendJson(res, e.status, { ok: false, error: { code: e.code, message: e.message } });
}

function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; error: ApiError }> {
  return new Promise((resolve) => {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      return resolve({ ok: false, error: { status: 415, code: 'BAD_REQUEST', message: 'Send JSON (content-type: application/json).' } });
    let size = 0;
    const chunks: Buffer[] = [];
    const tooLarge = () => resolve({ ok: false, error: { status: 413, code: 'TOO_LARGE', message: `Bodies are limited to ${MAX_BODY} bytes.` } });
    if (Number(req.headers['content-length']) > MAX_BODY) return tooLarge();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooLarge(); // the rest is read and dropped (the answer closes the connection)
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY) return;
      try {
        resolve({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        resolve({ ok: false, error: { status: 400, code: 'NOT_JSON', message: 'The body is not valid JSON.' } });
      }
    });
  });
}

export function apiRoutes(engine: Engine, log: Logger): Record<string, Route> {
  const keys = new ApiKeys(engine.tenant.config.apiKeys);
  return {
    '/api/v1/notices': (req, res) =>
      void (async () => {
        if (req.method !== 'POST') return fail(res, { status: 405, code: 'BAD_REQUEST', message: 'POST a notice.' }, { allow: 'POST' });
        const key = keys.check(req, 'notices');
        if (!key.ok) return fail(res, key, key.status === 401 ? { 'www-authenticate': 'Bearer' } : {});
        const body = await readJson(req);
        if (!body.ok) return fail(res, body.error);
        const text = (body.value as { text?: unknown } | null)?.text;
        if (typeof text !== 'string') return fail(res, { status: 400, code: 'BAD_REQUEST', message: 'text: expected a string.' });
        const result = await engine.executeDurable({ type: 'platform_notice', text });
        if (!result.ok) return fail(res, { status: 400, code: result.error.code, message: result.error.message });
        log('info', 'platform notice', { key: key.id });
        sendJson(res, 201, { ok: true });
      })().catch((e: unknown) => {
        log('error', 'api call failed', { error: (e as Error)?.stack ?? String(e) });
        if (!res.headersSent) fail(res, { status: 500, code: 'SERVER_ERROR', message: 'The server could not handle this call.' });
      }),
  };
}
