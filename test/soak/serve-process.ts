/**
 * `agent-console serve` as a real process, for the soak and the reconnect
 * storm bench: started on a fixed port (so clients find it again after a
 * restart), "ready" when it prints its listening line, killed with SIGKILL
 * (no goodbye: the sockets die, nothing is flushed) or stopped with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/agent-console', import.meta.url));

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes of one machine. */
export const wallNow = (): number => performance.timeOrigin + performance.now();

export interface ServeOptions {
  tenantFile: string;
  dbFile: string;
  port: number;
  logFile: string;
  /** More `serve` flags (e.g. `['--durability', 'full']`). */
  args?: string[];
  /** Node flags (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  httpUrl: string;
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
export function startServe(options: ServeOptions): Promise<ServeProcess> {
  const spawnedAt = wallNow();
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), BIN, 'serve', '--tenant', options.tenantFile, '--db', options.dbFile, '--port', String(options.port), '--log', options.logFile, ...(options.args ?? [])],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } },
  );
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
