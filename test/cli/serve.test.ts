/** The real `agent-console serve` process: listens, answers /healthz, stops cleanly, refuses bad input with exit 2. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServe } from '../soak/serve-process.js';

describe('agent-console serve', () => {
  it('listens, answers /healthz, and exits 0 on SIGTERM', async () => {
    const serve = await startServe();
    const health = (await (await fetch(`${serve.httpUrl}/healthz`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    expect(await serve.stop()).toBe(0);
  }, 30_000);

  it('refuses a bad tenant file with exit code 2 and names the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ac-serve-'));
    const tenant = join(dir, 'bad.json');
    writeFileSync(tenant, JSON.stringify({ id: 't', name: 'T', groups: [{ id: 'g', name: 'G' }], agents: [], queues: [] }));
    const r = spawnSync(process.execPath, ['bin/agent-console', 'serve', '--tenant', tenant, '--db', join(dir, 'x.db')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/agents/);
  }, 30_000);

  it('refuses an unknown --durability with exit code 2', () => {
    const r = spawnSync(process.execPath, ['bin/agent-console', 'serve', '--tenant', 'fixtures/demo-tenant.json', '--db', ':memory:', '--durability', 'sometimes'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--durability: "sometimes" is not one of normal, full/);
  }, 30_000);

  it('refuses a bad port with exit code 2', () => {
    const r = spawnSync(process.execPath, ['bin/agent-console', 'serve', '--tenant', 'fixtures/demo-tenant.json', '--db', ':memory:', '--port', 'http'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--port/);
  }, 30_000);
});
