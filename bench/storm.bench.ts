/**
 * Reconnect storm (issue 15): N agents (1,000 by default) logged in to a real
 * `agent-console serve` process with real password hashes, each through the
 * console's own `EngineClient` in a second process; then `kill -9` and a
 * restart on the same database. Measured from the moment the new server
 * prints its listening line ("ready"):
 *   - per client: back online, and its view complete (its last change; the
 *     storm runs without traffic) — p50, p99, max; the total is the last
 *     client's;
 *   - how many clients had to log in again (password check) instead of
 *     resuming, read from the server's log;
 *   - that every client's view equals the server's (read back from its
 *     durable log by a fresh engine);
 *   - the CPU time the restarted server and the clients' process spent from
 *     "ready" until every client settled (Linux): on a machine shared with
 *     other work the wall times stretch with the load, the CPU time does not;
 *   - the baseline, in the same run: N bare WebSocket connections opened and
 *     greeted (`hello` → `welcome`) at once on the same restarted server.
 * One JSON line per figure. `npm run bench -- storm`; BENCH_STORM_AGENTS
 * sets N; BENCH_STORM_PROFILE=dir writes a CPU profile of the last restarted server.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../src/protocol/index.js';
import { hashPassword } from '../src/server/passwords.js';
import { freePort, startServe, wallNow, type ServeProcess } from '../test/soak/serve-process.js';
import { serverViews, withLogCopy } from '../test/soak/log-views.js';
import type { Settled, ToStormClients } from './storm-clients.js';

const here = dirname(fileURLToPath(import.meta.url));
const PASSWORD = 'storm-password';

const out = (figure: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'storm', ...figure }));
const progress = (msg: string) => console.error(`  ${msg}`);
const round = (x: number, digits = 0) => Number(x.toFixed(digits));

const TICKS_PER_SECOND = 100; // USER_HZ: /proc counts CPU time in these on every Linux architecture Node runs on

/** CPU time (user + system, ms) a process has used so far, from /proc; undefined where there is none. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    // After "pid (name) ": state is field 3, utime 14 and stime 15.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU ms two processes (the server, the clients) use while `work` runs. */
async function cpuDuring<T>(pids: (number | undefined)[], work: () => Promise<T>): Promise<{ result: T; cpuMs: (number | undefined)[] }> {
  const before = pids.map(cpuMs);
  const result = await work();
  const cpu = pids.map((pid, i) => {
    const [a, b] = [before[i], cpuMs(pid)];
    return a === undefined || b === undefined ? undefined : round(b - a);
  });
  return { result, cpuMs: cpu };
}

function percentiles(samples: number[]): { p50: number; p99: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: round(at(0.5)), p99: round(at(0.99)), max: round(s[s.length - 1]!) };
}

/** N agents in groups of 50, one chat queue per group; every password hashed as `hash-password` does. */
async function stormTenant(n: number): Promise<{ tenant: unknown; agents: string[] }> {
  const passwordHash = await hashPassword(PASSWORD);
  const groups = Math.ceil(n / 50);
  const agents = Array.from({ length: n }, (_, i) => ({
    id: `ag${i}`,
    firstName: `Agent${i}`,
    lastName: 'Storm',
    displayName: `Agent ${i}`,
    group: `g${i % groups}`,
    passwordHash,
  }));
  return {
    agents: agents.map((a) => a.id),
    tenant: {
      id: 'storm',
      name: 'Storm tenant',
      groups: Array.from({ length: groups }, (_, g) => ({ id: `g${g}`, name: `Group ${g}` })),
      agents,
      queues: Array.from({ length: groups }, (_, g) => ({
        id: `chat${g}`,
        name: `Chat ${g}`,
        media: 'chat',
        agents: agents.filter((a) => a.group === `g${g}`).map((a) => a.id),
      })),
    },
  };
}

/** The clients' process with a request/answer helper over IPC. */
function clientsPeer(): { child: ChildProcess; ask<T>(m: ToStormClients): Promise<T> } {
  const child = fork(join(here, 'storm-clients.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 2, 2, 'ipc'] });
  const waiting: ((m: unknown) => void)[] = [];
  child.on('message', (m) => waiting.shift()?.(m));
  const ready = new Promise((resolve) => waiting.push(resolve));
  return {
    child,
    ask: async <T>(m: ToStormClients) => {
      await ready;
      const answer = new Promise<T>((resolve, reject) => {
        waiting.push(resolve as (m: unknown) => void);
        child.once('exit', (code) => reject(new Error(`storm clients exited (${code})`)));
      });
      child.send(m);
      return answer;
    },
  };
}

/** The baseline: N bare sockets open and get `welcome` for a `hello`, all at once. Per-socket ms and the total. */
async function bareGreetings(url: string, n: number): Promise<{ each: number[]; totalMs: number }> {
  const started = wallNow();
  const each = await Promise.all(
    Array.from(
      { length: n },
      (_, i) =>
        new Promise<number>((resolve, reject) => {
          const ws = new WebSocket(url, { perMessageDeflate: false });
          ws.on('open', () => ws.send(JSON.stringify({ v: 1, type: 'hello', id: `b${i}`, data: { protocol: PROTOCOL_VERSION } })));
          ws.on('message', (d: Buffer) => {
            if (!d.toString().includes('"welcome"')) return;
            resolve(wallNow() - started);
            ws.terminate();
          });
          ws.on('error', reject);
        }),
    ),
  );
  return { each, totalMs: wallNow() - started };
}

export default async function run(n = Number(process.env.BENCH_STORM_AGENTS ?? 1000)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ac-storm-'));
  const tenantFile = join(dir, 'tenant.json');
  const dbFile = join(dir, 'storm.db');
  const { tenant, agents } = await stormTenant(n);
  writeFileSync(tenantFile, JSON.stringify(tenant));
  const port = await freePort();
  const serveOptions = (log: string, nodeArgs: string[] = []) => ({ tenantFile, dbFile, port, logFile: join(dir, log), nodeArgs });
  let server: ServeProcess | undefined;
  let total = 0;
  const clients = clientsPeer();
  try {
    progress(`starting serve with ${n} agents`);
    server = await startServe(serveOptions('first.log'));
    progress(`logging in ${n} clients (real password hashes)`);
    const login = await clients.ask<{ ms: number }>({ cmd: 'connect', url: server.url, agents, password: PASSWORD });
    out({ figure: 'first login', agents: n, totalMs: round(login.ms) });

    // An immediate restart (a supervisor's), then one after 5 s down: the clients' backoff has grown meanwhile.
    for (const downMs of [0, 5000]) {
      await clients.ask({ cmd: 'arm' });
      progress(`kill -9, restart${downMs ? ` after ${downMs / 1000} s` : ''}`);
      const killedAt = wallNow();
      await server.kill9();
      if (downMs) await new Promise((r) => setTimeout(r, downMs));
      const log = `after-${downMs}.log`;
      const profile = process.env.BENCH_STORM_PROFILE;
      // The last restart's server: it is stopped, not killed, so its profile is written (it includes the baseline).
      server = await startServe(serveOptions(log, profile && downMs ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []));
      const { readyAt } = server;
      const { result: settled, cpuMs: cpu } = await cpuDuring([server.child.pid, clients.child.pid], () =>
        clients.ask<Settled>({ cmd: 'settle', quietMs: 1000, timeoutMs: 120_000 }),
      );
      const online = settled.online.filter((t) => t > 0).map((t) => t - readyAt);
      const complete = settled.lastChange.filter((t) => t > 0).map((t) => t - readyAt);
      const logins = readFileSync(join(dir, log), 'utf8').split('\n').filter((l) => l.includes('"msg":"login"')).length;

      progress('comparing every view with the server log');
      const { views } = await clients.ask<{ views: unknown[] }>({ cmd: 'views' });
      // As the views crossed IPC: JSON (fields holding undefined are left out).
      const expected = JSON.parse(JSON.stringify(await withLogCopy(tenantFile, dbFile, (engine) => serverViews(engine, agents)))) as unknown[];
      const mismatched = agents.filter((_, i) => !isDeepStrictEqual(views[i], expected[i]));
      total = Math.max(...complete);
      out({
        figure: 'storm',
        agents: n,
        downMs: round(readyAt - killedAt),
        resumedMs: { ...percentiles(complete), total: round(total) },
        onlineMs: percentiles(online),
        notBack: settled.missing.length,
        loggedInAgain: logins,
        viewsEqualToServer: n - mismatched.length,
        mismatched: mismatched.slice(0, 5),
        cpuMs: { server: cpu[0], clients: cpu[1] },
        target: { totalMs: '≤ 3000', met: settled.missing.length === 0 && mismatched.length === 0 && total <= 3000 },
        loadavg: loadavg().map((x) => round(x, 2)),
      });
    }

    progress(`baseline: ${n} bare sockets greeted at once`);
    const { result: bare, cpuMs: bareCpu } = await cpuDuring([server.child.pid], () => bareGreetings(server!.url, n));
    out({ figure: 'baseline: bare hello/welcome', agents: n, ...percentiles(bare.each), totalMs: round(bare.totalMs), cpuMs: { server: bareCpu[0] } });
    out({ figure: 'storm/baseline', total: round(total / bare.totalMs, 1) });
  } finally {
    await clients.ask({ cmd: 'stop' }).catch(() => undefined);
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run(Number(process.argv[2] ?? process.env.BENCH_STORM_AGENTS ?? 1000));
