/** The real `agent-console serve` process: listens, answers /healthz, stops cleanly, refuses bad input with exit 2. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServe } from '../soak/serve-process.js';
import { runCli } from './run-cli.js';

describe('agent-console serve', () => {
  it('listens, answers /healthz, and exits 0 on SIGTERM', async () => {
    const serve = await startServe();
    const health = (await (await fetch(`${serve.httpUrl}/healthz`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    expect(await serve.stop()).toBe(0);
  }, 30_000);

  it('refuses a bad tenant file with exit code 2 and names the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ac-serve-'));
    const tenant = join(dir, 'bad.json');
    writeFileSync(tenant, JSON.stringify({ id: 't', name: 'T', groups: [{ id: 'g', name: 'G' }], agents: [], queues: [] }));
    const r = await runCli(['serve', '--tenant', tenant, '--db', join(dir, 'x.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/agents/);
  }, 30_000);

  it('refuses an unknown --durability with exit code 2', async () => {
    const r = await runCli(['serve', '--tenant', 'fixtures/demo-tenant.json', '--db', ':memory:', '--durability', 'sometimes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--durability: "sometimes" is not one of normal, full/);
  }, 30_000);

  it('refuses a bad port with exit code 2', async () => {
    const r = await runCli(['serve', '--tenant', 'fixtures/demo-tenant.json', '--db', ':memory:', '--port', 'http']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port/);
  }, 30_000);
});
