/** The real `agent-console serve` process: listens, answers /healthz, stops cleanly, refuses bad input with exit 2. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = (args: string[]) => spawn(process.execPath, ['bin/agent-console', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });

describe('agent-console serve', () => {
  it('listens, answers /healthz, and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ac-serve-'));
    const child = cli(['serve', '--tenant', 'fixtures/demo-tenant.json', '--db', join(dir, 'cc.db'), '--port', '0', '--log', join(dir, 'log')]);
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d;
        const m = /listening on ws:\/\/(\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const health = (await (await fetch(`http://${url}/healthz`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 30_000);

  it('refuses a bad tenant file with exit code 2 and names the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ac-serve-'));
    const tenant = join(dir, 'bad.json');
    writeFileSync(tenant, JSON.stringify({ id: 't', name: 'T', groups: [{ id: 'g', name: 'G' }], agents: [], queues: [] }));
    const r = spawnSync(process.execPath, ['bin/agent-console', 'serve', '--tenant', tenant, '--db', join(dir, 'x.db')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/agents/);
  }, 30_000);

  it('refuses a bad port with exit code 2', () => {
    const r = spawnSync(process.execPath, ['bin/agent-console', 'serve', '--tenant', 'fixtures/demo-tenant.json', '--db', ':memory:', '--port', 'http'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--port/);
  }, 30_000);
});
