/**
 * `agent-console serve` as a real process, for the tests and benches that
 * need one (the soak, the reconnect storm, the terminal and command-line
 * tests, the installed package): "ready" when it prints its listening line;
 * killed with SIGKILL (no goodbye: the sockets die, nothing is flushed) or
 * stopped with SIGTERM. By default: this checkout's program, the demo
 * tenant, a new database and log in a temporary folder, a free port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/agent-console', import.meta.url));
const DEMO_TENANT = fileURLToPath(new URL('../../fixtures/demo-tenant.json', import.meta.url));

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes of one machine. */
export const wallNow = (): number => performance.timeOrigin + performance.now();

export interface ServeOptions {
  /** Default: the demo tenant. */
  tenantFile?: string;
  /** Default: cc.db in `dir`. */
  dbFile?: string;
  /** Default 0: the kernel picks a free port. */
  port?: number;
  /** Default: serve.log in `dir`. */
  logFile?: string;
  /** Where the default database and log go; default a new temporary folder. */
  dir?: string;
  /** More `serve` flags (e.g. `['--durability', 'full']`). */
  args?: string[];
  /** Node flags (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  /** The program: default this checkout's bin/agent-console (an installed one for the package test). */
  bin?: string;
  /** Default: this process's, with NODE_ENV=production. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  httpUrl: string;
  /** The folder of the default database and log. */
  dir: string;
  logFile: string;
  /** When the listening line arrived (`wallNow()`): the server is ready. */
  readyAt: number;
  /** When the process was spawned (`wallNow()`). */
  spawnedAt: number;
  exited: Promise<number | null>;
  /** SIGKILL, as a crash or an operator's kill -9; resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM: a graceful stop; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** A port nothing listens on right now (the kernel's pick, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts `serve` and resolves once it listens; rejects (with its stderr) if it exits first. */
export function startServe(options: ServeOptions = {}): Promise<ServeProcess> {
  const spawnedAt = wallNow();
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'ac-serve-'));
  const logFile = options.logFile ?? join(dir, 'serve.log');
  const args = ['serve', '--tenant', options.tenantFile ?? DEMO_TENANT, '--db', options.dbFile ?? join(dir, 'cc.db'), '--port', String(options.port ?? 0), '--log', logFile];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.bin ?? BIN, ...args, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.env ?? { ...process.env, NODE_ENV: 'production' },
    cwd: options.cwd,
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d));
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /listening on (wss?):\/\/(\S+)/.exec(out);
      if (!m) return;
      const readyAt = wallNow();
      out = '';
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      const scheme = m[1] === 'wss' ? 'https' : 'http';
      resolve({
        child,
        url: `${m[1]}://${m[2]}`,
        httpUrl: `${scheme}://${m[2]}`,
        dir,
        logFile,
        readyAt,
        spawnedAt,
        exited,
        kill9: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await exited;
        },
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`serve exited (${code}) before listening: ${err.trim().slice(-2000)}`)));
  });
}
