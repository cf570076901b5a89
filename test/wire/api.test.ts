/** The operator's HTTP API (docs/api.md): API keys from the tenant file, platform notices, typed refusals. */
import { afterEach, describe, expect, it } from 'vitest';
import { newApiKey } from '../../src/server/api-keys.js';
import { rig, until, wireTenant, type Rig } from './helpers.js';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const { key, hash } = newApiKey();

async function withKey(): Promise<Rig> {
  const tenant = (await wireTenant()) as Record<string, unknown>;
  return rig({}, { ...tenant, apiKeys: [{ id: 'ops', hash, scopes: ['notices'] }] });
}

function post(path: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${r!.server.httpUrl}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
}

describe('POST /api/v1/notices', () => {
  it('with a key of the notices scope: a platform notice reaches every agent online', async () => {
    r = await withKey();
    const a1 = await r.client('a1');
    const a3 = await r.client('a3'); // another group
    const res = await post('/api/v1/notices', JSON.stringify({ text: 'Billing is down until 14:00' }), { authorization: `Bearer ${key}` });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ ok: true });
    for (const c of [a1, a3]) {
      const v = await until(c, (x) => x.notices.some((n) => n.platform), 'the platform notice');
      expect(v.notices[0]).toMatchObject({ platform: true, priority: 'high', text: 'Billing is down until 14:00' });
    }
  });

  it('takes the guide’s priorities (high unless told): a pop-up platform notice', async () => {
    r = await withKey();
    const a1 = await r.client('a1');
    const res = await post('/api/v1/notices', JSON.stringify({ text: 'Failover in 5 minutes', priority: 'popup' }), { authorization: `Bearer ${key}` });
    expect(res.status).toBe(201);
    const v = await until(a1, (x) => x.notices.some((n) => n.platform), 'the platform notice');
    expect(v.notices[0]).toMatchObject({ platform: true, priority: 'popup' });
  });

  it('refuses a missing or unknown key (401, WWW-Authenticate), and sends nothing', async () => {
    r = await withKey();
    const attempts: Record<string, string>[] = [{}, { authorization: `Bearer ${newApiKey().key}` }, { authorization: key }];
    for (const headers of attempts) {
      const res = await post('/api/v1/notices', JSON.stringify({ text: 'x' }), headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('AUTH_FAILED');
    }
    expect(r.engine.queries.unsafeState().notices.list).toHaveLength(0);
  });

  it('refuses what is not a notice, with a typed error', async () => {
    r = await withKey();
    const auth = { authorization: `Bearer ${key}` };
    const cases: [Promise<Response>, number, string][] = [
      [fetch(`${r.server.httpUrl}/api/v1/notices`, { headers: auth }), 405, 'BAD_REQUEST'],
      [post('/api/v1/notices', 'text=hi', { ...auth, 'content-type': 'text/plain' }), 415, 'BAD_REQUEST'],
      [post('/api/v1/notices', '{"text":', auth), 400, 'NOT_JSON'],
      [post('/api/v1/notices', '{"message":"hi"}', auth), 400, 'BAD_REQUEST'],
      [post('/api/v1/notices', '{"text":"   "}', auth), 400, 'VALIDATION'],
      [post('/api/v1/notices', JSON.stringify({ text: 'x'.repeat(1001) }), auth), 400, 'VALIDATION'],
      [post('/api/v1/notices', JSON.stringify({ text: 'x'.repeat(20_000) }), auth), 413, 'TOO_LARGE'],
      [post('/api/v1/notices', JSON.stringify({ text: 'x', priority: 'urgent' }), auth), 400, 'BAD_REQUEST'],
    ];
    for (const [response, status, code] of cases) {
      const res = await response;
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    expect(r.engine.queries.unsafeState().notices.list).toHaveLength(0);
  });

  it('a tenant file with a malformed key hash is refused with the field named', async () => {
    const tenant = (await wireTenant()) as Record<string, unknown>;
    await expect(rig({}, { ...tenant, apiKeys: [{ id: 'ops', hash: 'plain-text-key', scopes: ['notices'] }] })).rejects.toThrow(/apiKeys\[0\]\.hash/);
  });
});
