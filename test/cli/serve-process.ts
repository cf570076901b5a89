/** A real `agent-console serve` process for tests: started on a free loopback port, stopped with SIGTERM. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  /** ws://127.0.0.1:PORT */
  url: string;
  httpUrl: string;
  dir: string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `<bin> serve` with the demo tenant (or `tenant`) on a fresh database; resolves once it listens. */
export async function startServe(options: { bin?: string; tenant?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<ServeProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'ac-serve-'));
  const bin = options.bin ?? 'bin/agent-console';
  const tenant = options.tenant ?? 'fixtures/demo-tenant.json';
  const child = spawn(process.execPath, [bin, 'serve', '--tenant', tenant, '--db', join(dir, 'cc.db'), '--port', '0', '--log', join(dir, 'serve.log')], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: options.env ?? process.env,
    cwd: options.cwd,
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      const m = /listening on (ws:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code} before listening: ${out}${err}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    child,
    url,
    httpUrl: url.replace(/^ws/, 'http'),
    dir,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
