/**
 * docs/ingress.md's curl examples run as written: each `curl` block, in order, against a real
 * `serve` with the demo tenant (the address swapped for the test server's), answers ok.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../soak/serve-process.js';

const hasCurl = spawnSync('curl', ['--version']).status === 0;
let serve: ServeProcess | undefined;
let key: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ac-ingress-docs-'));
  const tenantFile = join(dir, 'tenant.json');
  copyFileSync('fixtures/demo-tenant.json', tenantFile);
  // The doc's own line for the key (in the test's folder).
  const made = spawnSync('sh', ['-c', `node ${process.cwd()}/bin/agent-console apikey create --tenant tenant.json --id pbx --scope create-work | head -1`], { cwd: dir, encoding: 'utf8' });
  key = made.stdout.trim();
  serve = await startServe({ dir, tenantFile, args: ['--telephony', 'remote'] });
}, 60_000);

afterAll(async () => {
  await serve?.stop();
});

const blocks = [...readFileSync('docs/ingress.md', 'utf8').matchAll(/```sh\n(curl[\s\S]*?)```/g)].map((m) => m[1]!);

describe.skipIf(!hasCurl)('docs/ingress.md', () => {
  it('has curl examples for calls, DAR, leg events, voicemails and callbacks', () => {
    const all = blocks.join('\n');
    for (const path of ['/api/v1/calls', '/api/v1/legs/pbx-1001/events', '/api/v1/voicemails', '/api/v1/callbacks']) expect(all).toContain(path);
    expect(all).toContain('"agentId":"ana"');
    expect(key).toMatch(/^ac_/);
  });

  it('every curl example runs as written and is answered ok', () => {
    for (const block of blocks) {
      const script = block.replaceAll('http://127.0.0.1:7300', serve!.httpUrl);
      const ran = spawnSync('sh', ['-c', script], { env: { ...process.env, AGENT_CONSOLE_API_KEY: key }, encoding: 'utf8' });
      expect(ran.status, ran.stderr).toBe(0);
      const answers = ran.stdout.trim().split(/(?<=\})(?=\{)/);
      expect(answers.length).toBe(script.match(/^curl /gm)!.length);
      for (const a of answers) expect(JSON.parse(a), `${block}\n→ ${a}`).toMatchObject({ ok: true });
    }
  });
});
