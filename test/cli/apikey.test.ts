/**
 * `agent-console apikey create|list|revoke` against real `serve` processes: keys are stored hashed
 * in the tenant file, taken by a running server at once, revoked for good (from the next request,
 * and after a restart); a key of one tenant opens nothing of another.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../soak/serve-process.js';
import { runCli } from './run-cli.js';

const running: ServeProcess[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

const cli = (args: string[]) => runCli(args);

function tenantCopy(id: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ac-keys-')), 'tenant.json');
  const tenant = JSON.parse(readFileSync('fixtures/demo-tenant.json', 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...tenant, id, name: `Tenant ${id}` }));
  return file;
}

async function createKey(tenant: string, id: string, scope: string): Promise<string> {
  const made = await cli(['apikey', 'create', '--tenant', tenant, '--id', id, '--scope', scope, '--json']);
  expect(made.code, made.stderr).toBe(0);
  return (JSON.parse(made.stdout) as { key: string }).key;
}

async function serve(tenant: string, dir?: string): Promise<ServeProcess> {
  const s = await startServe({ tenantFile: tenant, dir });
  running.push(s);
  return s;
}

function call(s: ServeProcess, key: string, body: unknown = { from: '+15105551234', to: '+18005550100' }, path = '/api/v1/calls') {
  return fetch(`${s.httpUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('agent-console apikey', () => {
  it('create, list and revoke: hashed in the tenant file, live in a running serve, revoked for good', async () => {
    const tenant = tenantCopy('acme');
    const pbx = await createKey(tenant, 'pbx', 'create-work');
    const stored = readFileSync(tenant, 'utf8');
    expect(stored).not.toContain(pbx);
    expect(stored).toMatch(/"hash": "sha256\$/);
    const s = await serve(tenant);
    expect((await call(s, pbx)).status).toBe(201);

    // A key made while serve runs works at once.
    const ops = await createKey(tenant, 'ops', 'notices');
    expect((await call(s, ops, { text: 'Maintenance at 22:00' }, '/api/v1/notices')).status).toBe(201);
    const listed = await cli(['apikey', 'list', '--tenant', tenant, '--json']);
    const keys = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(keys.map((k) => [k.id, k.scopes, k.revokedAt])).toEqual([['pbx', ['create-work'], undefined], ['ops', ['notices'], undefined]]);
    expect(listed.stdout).not.toContain('sha256');
    expect((await cli(['apikey', 'create', '--tenant', tenant, '--id', 'pbx', '--scope', 'notices'])).code).toBe(2); // ids are not reused

    // Revoked: refused from the next request, without a restart...
    expect((await cli(['apikey', 'revoke', 'pbx', '--tenant', tenant])).code).toBe(0);
    const refused = await call(s, pbx);
    expect(refused.status).toBe(401);
    expect((await cli(['apikey', 'list', '--tenant', tenant])).stdout).toMatch(/pbx\s+create-work\s+\S+\s+revoked 20/);
    // ...and after one.
    expect(await s.stop()).toBe(0);
    running.length = 0;
    const again = await serve(tenant, s.dir);
    expect((await call(again, pbx)).status).toBe(401);
    expect((await call(again, ops, { text: 'Back' }, '/api/v1/notices')).status).toBe(201);
    expect((await cli(['apikey', 'revoke', 'nobody', '--tenant', tenant])).code).toBe(2);
  }, 60_000);

  it('a key opens only its own tenant: another tenant’s server refuses it, and its calls are out of reach', async () => {
    const [a, b] = [tenantCopy('tenant-a'), tenantCopy('tenant-b')];
    const [keyA, keyB] = [await createKey(a, 'pbx', 'create-work'), await createKey(b, 'pbx', 'create-work')];
    const [sa, sb] = [await serve(a), await serve(b)];
    expect((await call(sb, keyA)).status).toBe(401);
    const made = (await (await call(sa, keyA, { legId: 'a-leg-1', from: '+15105551234', to: '+18005550100' })).json()) as { interactionId: string };
    // Tenant B's key, on tenant B's server, cannot hang up tenant A's call...
    const hangUp = await call(sb, keyB, { type: 'hung_up' }, '/api/v1/legs/a-leg-1/events');
    expect(hangUp.status).toBe(404);
    // ...nor on tenant A's server.
    expect((await call(sa, keyB, { type: 'hung_up' }, '/api/v1/legs/a-leg-1/events')).status).toBe(401);
    // The call is still there: a repeat with A's key and the same leg is refused as a duplicate leg.
    const dup = (await (await call(sa, keyA, { legId: 'a-leg-1', from: '+15105551234', to: '+18005550100' })).json()) as { error: { message: string } };
    expect(dup.error.message).toMatch(/already on a call/);
    expect(made.interactionId).toMatch(/^IX-/);
  }, 60_000);
});
