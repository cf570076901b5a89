/**
 * The console against a `wss://` server whose certificate it cannot trust
 * (issue 23: it hung on a blank screen): the real binary in a real terminal
 * (tmux), a real `serve --tls-cert` with a self-signed certificate. The
 * answer comes at once — the TLS failure named, with its fix (`--ca FILE`),
 * exit 4 — and with `--ca` the same console logs in.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../soak/serve-process.js';
import { Tmux } from './tmux.js';

const hasTools = ['tmux', 'openssl'].every((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0);
const dir = mkdtempSync(join(tmpdir(), 'ac-tls-'));
const cert = join(dir, 'cert.pem');
let serve: ServeProcess | undefined;
let tmux: Tmux | undefined;

beforeAll(async () => {
  if (!hasTools) return;
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', cert, '-days', '2', '-subj', '/CN=agent-console test', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  serve = await startServe({ dir, args: ['--tls-cert', cert, '--tls-key', join(dir, 'key.pem')] });
}, 30_000);

afterEach(() => {
  tmux?.kill();
  tmux = undefined;
});

afterAll(async () => {
  await serve?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The console in a shell that prints its exit code. */
const consoleIn = (args: string[]): Tmux =>
  new Tmux(['sh', '-c', `node bin/agent-console ${args.join(' ')}; echo "console exited $?"; exec cat`], {
    cols: 80,
    rows: 24,
    cwd: process.cwd(),
    env: { AGENT_CONSOLE_PASSWORD: 'demo', AGENT_CONSOLE_CONFIG_DIR: join(dir, 'conf'), AGENT_CONSOLE_DATA_DIR: join(dir, 'data') },
  });

describe.skipIf(!hasTools)('a wss:// server with a self-signed certificate', () => {
  it('is named, with the fix (--ca FILE), and the console exits 4 at once rather than hanging', async () => {
    expect(serve!.url).toMatch(/^wss:\/\//);
    const t0 = Date.now();
    tmux = consoleIn(['--server', serve!.url, '--agent', 'chloe']);
    const end = await tmux.waitFor(/console exited \d+/, 'the exit', 15_000);
    expect(Date.now() - t0, 'well inside the 15 s bound: a TLS failure is not retried').toBeLessThan(10_000);
    expect(end).toMatch(/console exited 4/);
    expect(end.replace(/\n/g, '')).toMatch(/certificate is self-signed, and not trusted here\. If you trust this server, start the console with --ca FILE/);
  }, 30_000);

  it('with --ca and the server’s certificate, the same console logs in', async () => {
    tmux = consoleIn(['--server', serve!.url, '--agent', 'chloe', '--ca', cert]);
    await tmux.waitFor(/Chloé M\.\s+● /, 'Chloé’s console', 20_000);
    tmux.keys('q');
    await tmux.waitFor(/Quit, staying logged in/, 'the quit dialog');
    tmux.keys('y');
    expect(await tmux.waitFor(/console exited \d+/, 'the exit')).toMatch(/console exited 0/);
  }, 40_000);
});
