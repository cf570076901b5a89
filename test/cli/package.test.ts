/**
 * The package as a user installs it: `npm pack` (which builds dist/ through
 * `prepare`), then `npm install -g` of the tarball into a temporary prefix,
 * and the installed program run from a folder outside the repository, so
 * nothing of the checkout (sources, tsx, TypeScript, Ink in node_modules) can
 * stand in for what the tarball lacks.
 *
 * Packages come from npm's cache (filled by `npm ci`) or the registry. The
 * one native add-on, better-sqlite3, normally downloads a prebuilt binary
 * from GitHub; the test offers it the binary the checkout built, as a local
 * prebuild (prebuild-install's `npm_config_better_sqlite3_local_prebuilds`),
 * so the install needs no compiler and no network beyond the registry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../soak/serve-process.js';

const ROOT = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'ac-package-'));
const prefix = join(work, 'prefix');
const elsewhere = join(work, 'elsewhere');
const installed = join(prefix, 'lib', 'node_modules', 'agent-console');
const bin = join(prefix, 'bin', 'agent-console');
/** The caller's environment (network settings included), minus anything that could point back at the checkout. */
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|NODE_OPTIONS$|NODE_PATH$|INIT_CWD$)/i.test(k))),
  AGENT_CONSOLE_CONFIG_DIR: join(work, 'config'),
  AGENT_CONSOLE_DATA_DIR: join(work, 'data'),
};
const run = (args: string[], input?: string) => spawnSync(bin, args, { cwd: elsewhere, env, encoding: 'utf8', input, timeout: 20_000 });

let tarball = '';
let serve: ServeProcess | undefined;

beforeAll(() => {
  mkdirSync(elsewhere);
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, packed[0]!.filename);
  // The prebuilt add-on, named as prebuild-install looks for it.
  const prebuilds = join(work, 'prebuilds');
  mkdirSync(prebuilds);
  const sqliteVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { version: string }).version;
  const name = `better-sqlite3-v${sqliteVersion}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  execFileSync('tar', ['-czf', join(prebuilds, name), '-C', join(ROOT, 'node_modules/better-sqlite3'), 'build/Release/better_sqlite3.node']);
  execFileSync('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], {
    cwd: elsewhere,
    env: { ...env, npm_config_better_sqlite3_local_prebuilds: prebuilds },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}, 180_000);

afterAll(async () => {
  await serve?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball, installed with npm install -g', () => {
  it('holds the built program and what it reads, not the sources or the tests', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(files).toContain('package/dist/cli/main.js');
    expect(files).toContain('package/bin/agent-console');
    expect(files).toContain('package/fixtures/demo-tenant.json');
    expect(files).toContain('package/themes/default.json');
    expect(files).toContain('package/src/server/channels/webchat/static/chat.html');
    expect(files).toContain('package/dist/THIRD-PARTY-LICENSES.md');
    expect(files.filter((f) => /\.tsx?$/.test(f) || f.startsWith('package/test/') || f.startsWith('package/scripts/'))).toEqual([]);
  });

  it('installs only the runtime dependency, no build tool', () => {
    const modules = readdirSync(join(installed, 'node_modules'));
    expect(modules).toContain('better-sqlite3');
    for (const dev of ['tsx', 'typescript', 'esbuild', 'ink', 'react', 'zod', 'ws', 'commander', 'vitest']) expect(modules).not.toContain(dev);
  });

  it('answers --help and --version', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: agent-console/);
    expect(help.stdout).toMatch(/serve/);
    const version = run(['--version']);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('makes a password hash from a pipe', () => {
    const r = run(['hash-password'], 'secret\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^scrypt\$16384\$8\$1\$/);
  });

  it('serves the demo tenant it ships, with the web chat page, and stops cleanly', async () => {
    serve = await startServe({ bin, tenantFile: join(installed, 'fixtures/demo-tenant.json'), env, cwd: elsewhere });
    expect(((await (await fetch(`${serve.httpUrl}/healthz`)).json()) as { ok: boolean }).ok).toBe(true);
    const page = await fetch(`${serve.httpUrl}/chat`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/);
    expect((await fetch(`${serve.httpUrl}/chat.js`)).status).toBe(200);
    expect(await serve.stop()).toBe(0);
    serve = undefined;
  }, 30_000);
});
