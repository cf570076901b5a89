/** JSON in and out for the HTTP API: typed refusals, bodies read with a size cap. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http.js';

export type ApiError = { status: number; code: string; message: string; headers?: Record<string, string> };

export function apiError(status: number, code: string, message: string, headers?: Record<string, string>): ApiError {
  return { status, code, message, ...(headers ? { headers } : {}) };
}

/** Every refusal is `{"ok":false,"error":{"code","message"}}`; nothing was done. */
export function fail(res: ServerResponse, e: ApiError): void {
  for (const [k, v] of Object.entries(e.headers ?? {})) res.setHeader(k, v);
  // An unread body (too large) must not be taken for the next request on this connection.
  if (e.status === 413) res.setHeader('connection', 'close');
  sendJson(res, e.status, { ok: false, error: { code: e.code, message: e.message } });
}

export function readJson(req: IncomingMessage, maxBytes: number): Promise<{ ok: true; value: unknown } | { ok: false; error: ApiError }> {
  return new Promise((resolve) => {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      return resolve({ ok: false, error: apiError(415, 'BAD_REQUEST', 'Send JSON (content-type: application/json).') });
    let size = 0;
    const chunks: Buffer[] = [];
    const tooLarge = () => resolve({ ok: false, error: apiError(413, 'TOO_LARGE', `Bodies are limited to ${maxBytes} bytes.`) });
    if (Number(req.headers['content-length']) > maxBytes) return tooLarge();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge(); // the rest is read and dropped (the answer closes the connection)
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > maxBytes) return;
      try {
        resolve({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        resolve({ ok: false, error: apiError(400, 'NOT_JSON', 'The body is not valid JSON.') });
      }
    });
  });
}
