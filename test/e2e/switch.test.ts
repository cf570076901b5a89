/**
 * A served tenant takes a call from outside, end to end, every part a real process: `serve
 * --telephony remote`, the simulated switch as its own process (`agent-console switch`), a key
 * made with `agent-console apikey create`, the call created with curl-like requests (retried
 * under one Idempotency-Key: one call), the agent's console in a real pseudo-terminal (tmux)
 * accepting it, the caller's hold and keys shown there, and the switch hanging up.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../soak/serve-process.js';
import { Tmux } from './tmux.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
let dir: string;
let serve: ServeProcess | undefined;
let key: string;
const children: ChildProcessWithoutNullStreams[] = [];
let tmux: Tmux | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ac-e2e-switch-'));
  const tenantFile = join(dir, 'tenant.json');
  spawnSync('cp', ['fixtures/demo-tenant.json', tenantFile]);
  const made = spawnSync(process.execPath, ['bin/agent-console', 'apikey', 'create', '--tenant', tenantFile, '--id', 'pbx', '--scope', 'create-work', '--json'], { encoding: 'utf8' });
  key = (JSON.parse(made.stdout) as { key: string }).key;
  serve = await startServe({ dir, tenantFile, args: ['--telephony', 'remote'] });
}, 60_000);

afterAll(async () => {
  tmux?.kill();
  for (const c of children) c.kill('SIGTERM');
  await serve?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface SwitchLine {
  event: string;
  report?: string;
  legId?: string;
  interactionId?: string;
  out?: string;
  tenant?: string;
}

/** `agent-console switch --json`: its stdin, and a wait for the line that matches. */
function startSwitch(server: string, apiKey: string) {
  const child = spawn(process.execPath, ['bin/agent-console', 'switch', '--server', server, '--json'], { env: { ...process.env, AGENT_CONSOLE_API_KEY: apiKey } });
  children.push(child);
  const lines: SwitchLine[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout }).on('line', (l) => {
    lines.push(JSON.parse(l) as SwitchLine);
    for (const w of waiters) w();
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    say: (line: string) => child.stdin.write(`${line}\n`),
    exited,
    stderr: () => stderr,
    line: (match: (l: SwitchLine) => boolean, label: string) =>
      new Promise<SwitchLine>((resolve, reject) => {
        const check = () => {
          const hit = lines.find(match);
          if (!hit) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        };
        const timer = setTimeout(() => reject(new Error(`switch: timed out waiting for ${label}; got ${JSON.stringify(lines)} ${stderr}`)), 15_000);
        waiters.add(check);
        check();
      }),
  };
}

function postCall(body: unknown, idempotencyKey: string): Promise<Response> {
  return fetch(`${serve!.httpUrl}/api/v1/calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(body),
  });
}

describe.skipIf(!hasTmux)('a served tenant with a switch in its own process', () => {
  it('a call made through the API is accepted in the console; the caller holds, presses keys, and the switch hangs up', async () => {
    const sw = startSwitch(serve!.httpUrl, key);
    expect((await sw.line((l) => l.event === 'connected', 'the switch link')).tenant).toBe('acme');

    tmux = new Tmux(['node', 'bin/agent-console', '--server', serve!.url, '--agent', 'ana'], {
      cols: 120,
      rows: 30,
      cwd: process.cwd(),
      env: { AGENT_CONSOLE_PASSWORD: 'demo', AGENT_CONSOLE_CONFIG_DIR: join(dir, 'conf'), AGENT_CONSOLE_DATA_DIR: join(dir, 'data') },
    });
    await tmux.waitFor(/Ana L\..*On Break/, 'logged in', 20_000);
    tmux.keys('s');
    await tmux.waitFor(/─ Change status/, 'status menu');
    tmux.keys('Enter');
    await tmux.waitFor(/Ana L\..*● Available/, 'Available');

    // The switch's request times out and it retries: one call.
    const call = { from: '+1 510 555 7788', to: '+1 800 555 0100', name: 'Lee Park', crm: { account: 'AC-1001' } };
    const first = (await (await postCall(call, 'pbx-7788-1')).json()) as { interactionId: string; legId: string };
    const retry = (await (await postCall(call, 'pbx-7788-1')).json()) as { interactionId: string; legId: string };
    expect(retry).toEqual(first);

    await tmux.waitFor(/OFFER.*Support — Phone[\s\S]*Lee Park/, 'the offer in the console');
    tmux.keys('a');
    await tmux.waitFor(/Ana L\..*● Busy[\s\S]*Call · connected/, 'the call connected');

    sw.say(`hold ${first.legId}`);
    sw.say(`dtmf ${first.legId} 42#`);
    await tmux.waitFor(/caller holds · keys 42#/, 'the caller’s hold and keys');
    sw.say(`hangup ${first.legId}`);
    expect(await sw.line((l) => l.report === 'hung_up' && l.legId === first.legId, 'the hang-up reported')).toMatchObject({ event: 'answer' });
    const screen = await tmux.waitFor(/wrap-up/, 'wrap-up after the caller hung up');
    expect(screen).toMatch(/Call · ended/);
    expect(readFileSync(serve!.logFile, 'utf8')).toMatch(/"switch connected"/);
  }, 120_000);

  it('a wrong key is refused (exit 3); a server driving calls itself takes no switch (exit 4)', async () => {
    const wrong = startSwitch(serve!.httpUrl, 'ac_not-a-key');
    expect(await wrong.exited).toBe(3);
    expect(wrong.stderr()).toMatch(/not known or was revoked/);
    const own = await startServe({ dir: mkdtempSync(join(dir, 'own-')) });
    try {
      const refused = startSwitch(own.httpUrl, key);
      expect(await refused.exited).toBe(4);
      expect(refused.stderr()).toMatch(/--telephony remote/);
    } finally {
      await own.stop();
    }
  }, 60_000);
});
