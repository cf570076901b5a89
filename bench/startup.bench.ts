/**
 * Start-up benchmark (issue 25): whole processes of the built program, as a
 * user starts them, each beside a baseline measured in the same run, in
 * turns (A B A B ...) so that a drift of the machine's speed hits both.
 *
 * Figures (JSON lines; medians over BENCH_STARTUP_RUNS runs, default 7,
 * after one warm-up run each):
 *  - help: `agent-console --help` to its exit, beside `node -e 0` (target ≤ 2×);
 *  - version, config_path: the same for two more commands that need no engine;
 *  - demo_first_status: `agent-console` (the embedded demo, a fresh process
 *    in a pseudo-terminal made by script(1), 120×40, TERM=xterm-256color, no
 *    CI) to the first frame showing the agent's name and status, beside a
 *    process that imports ink and react and exits (target ≤ 1.5×);
 *  - oneshot_whoami, oneshot_status_set: one-shot commands (a login, a
 *    command, its reply) against a `serve` on loopback started once, with the
 *    agent's console logged in beside them, beside `node -e 0` (target ≤ 3×).
 * Peak memory (peak_rss_mb): the process's own high-water mark (maxRSS read
 * at exit through a preloaded hook, in separate runs so the timed runs carry
 * no hook; VmHWM from /proc for the demo, read when its status shows).
 * The host's load average is printed with every figure. Benchmarks print
 * numbers; they never pass or fail.
 *
 * Runs dist/ through bin/agent-console, rebuilt first if a source is newer.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, isStale } from '../scripts/build.mjs';
import { EngineClient } from '../src/client/client.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin', 'agent-console');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 7);
const PEAK_HOOK = fileURLToPath(new URL('./startup-peak-rss.cjs', import.meta.url));
const out = (figure: Record<string, unknown>) => console.log(JSON.stringify(figure));
const progress = (msg: string) => console.error(`  ${msg}`);

/** A user's environment: not CI, a colour terminal, UTF-8. */
const USER_ENV: NodeJS.ProcessEnv = (() => {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8' };
  delete env.NODE_ENV;
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  delete env.NODE_OPTIONS;
  return env;
})();

interface Command {
  argv: string[];
  env?: NodeJS.ProcessEnv;
  /** Measured until this shows on the output (then the process is stopped), instead of until it exits. */
  until?: RegExp;
}

interface Sample {
  ms: number;
  peakMb?: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Strips escape sequences, so a marker can be matched on what a terminal shows. */
const visible = (s: string) => s.replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, '').replace(/\x1b\[[0-9;?<>=]*[ -/]*[@-~]/g, '').replace(/\x1b[()][0-9A-Za-z]/g, '');

/** One run: spawn to exit (or to the marker on screen, then SIGTERM to the whole group). */
function runOnce(cmd: Command, withPeakHook = false): Promise<Sample> {
  const peakFile = withPeakHook ? join(tmpdir(), `ac-peak-${process.pid}-${Math.random().toString(36).slice(2)}`) : undefined;
  const env = { ...USER_ENV, ...cmd.env, ...(peakFile ? { NODE_OPTIONS: `--require ${PEAK_HOOK}`, BENCH_PEAK_RSS_FILE: peakFile } : {}) };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd.argv[0]!, cmd.argv.slice(1), { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let text = '';
    let marked: Sample | undefined;
    const onData = (chunk: Buffer) => {
      if (!cmd.until || marked) return;
      text += chunk.toString('utf8');
      if (!cmd.until.test(visible(text))) return;
      marked = { ms: performance.now() - started, peakMb: peakOfTree(child.pid!) };
      process.kill(-child.pid!, 'SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timeout = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL');
      reject(new Error(`${cmd.argv.join(' ')}: no ${cmd.until ?? 'exit'} within 30 s; output:\n${visible(text).slice(-2000)}`));
    }, 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      clearTimeout(timeout);
      if (cmd.until) return marked ? resolve(marked) : reject(new Error(`${cmd.argv.join(' ')} exited (${code}) before ${cmd.until}:\n${visible(text).slice(-2000)}`));
      if (code !== 0) return reject(new Error(`${cmd.argv.join(' ')} exited with ${code}`));
      let peakMb: number | undefined;
      if (peakFile) {
        peakMb = Number(readFileSync(peakFile, 'utf8')) / 1024;
        rmSync(peakFile, { force: true });
      }
      resolve({ ms, peakMb });
    });
  });
}

/** The largest VmHWM (peak resident set) among a process and its descendants (the demo runs under script(1) and a shell). */
function peakOfTree(pid: number): number | undefined {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      /* gone */
    }
  }
  let peak: number | undefined;
  const visit = (p: number) => {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1]);
      if (kb) peak = Math.max(peak ?? 0, kb / 1024);
    } catch {
      /* gone */
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return peak;
}

/** A and its baseline B in turns, after one warm-up each; peak memory from separate runs with the hook. */
async function compare(name: string, a: Command, b: Command, baseline: string, target: { ratio: number; text: string }, extra: Record<string, unknown> = {}): Promise<void> {
  progress(name);
  await runOnce(a);
  await runOnce(b);
  const as: Sample[] = [];
  const bs: Sample[] = [];
  const pairs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const x = await runOnce(a);
    const y = await runOnce(b);
    as.push(x);
    bs.push(y);
    pairs.push(x.ms / y.ms);
  }
  const peaks = async (cmd: Command, samples: Sample[]) => {
    if (cmd.until) return median(samples.map((s) => s.peakMb ?? NaN));
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) runs.push((await runOnce(cmd, true)).peakMb ?? NaN);
    return median(runs);
  };
  const ms = median(as.map((s) => s.ms));
  const baseMs = median(bs.map((s) => s.ms));
  const ratio = median(pairs);
  out({
    bench: 'startup',
    figure: name,
    command: a.argv.join(' '),
    median_ms: round(ms),
    min_ms: round(Math.min(...as.map((s) => s.ms))),
    max_ms: round(Math.max(...as.map((s) => s.ms))),
    baseline,
    baseline_median_ms: round(baseMs),
    ratio: round(ratio, 2),
    target: target.text,
    met: ratio <= target.ratio,
    peak_rss_mb: round(await peaks(a, as)),
    baseline_peak_rss_mb: round(await peaks(b, bs)),
    runs: RUNS,
    loadavg_1m: round(loadavg()[0]!, 2),
    cpus: availableParallelism(),
    ...extra,
  });
}

const node = (...args: string[]): Command => ({ argv: [process.execPath, ...args] });
const agentConsole = (...args: string[]): Command => node(BIN, ...args);
/** In a pseudo-terminal of 120×40 (script(1) from util-linux), as on a user's terminal. */
const inTerminal = (argv: string[], until: RegExp, env?: NodeJS.ProcessEnv): Command => ({
  argv: ['script', '-qfec', `stty cols 120 rows 40; exec ${argv.map((a) => `'${a}'`).join(' ')}`, '/dev/null'],
  until,
  env,
});

export default async function startupBench(): Promise<void> {
  if (isStale()) await build();
  const nodeE0 = node('-e', '0');
  const data = mkdtempSync(join(tmpdir(), 'ac-startup-'));
  const env = { AGENT_CONSOLE_DATA_DIR: join(data, 'data'), AGENT_CONSOLE_CONFIG_DIR: join(data, 'config') };
  try {
    await compare('help', agentConsole('--help'), nodeE0, 'node -e 0', { ratio: 2, text: '≤ 2× node -e 0' });
    await compare('version', agentConsole('--version'), nodeE0, 'node -e 0', { ratio: 2, text: '≤ 2× node -e 0' });
    await compare('config_path', { ...agentConsole('config', 'path'), env }, nodeE0, 'node -e 0', { ratio: 2, text: '≤ 2× node -e 0 (no target in the issue)' });
    // The baseline imports both from node_modules, as the sources did, in React's production build (the one the console runs).
    const inkReact = { ...node('--input-type=module', '-e', "await import('ink'); await import('react');"), env: { NODE_ENV: 'production' } };
    const status = /Ana L\..*(Logged Out|On Break|Available|Busy|Working Offline)/;
    await compare('demo_first_status', inTerminal([process.execPath, BIN, '--theme', 'default'], status, env), inkReact, 'import ink + react (node_modules, production)', {
      ratio: 1.5,
      text: '≤ 1.5× importing ink and react',
    }, { terminal: '120x40', pty: 'script(1)' });
    await oneShots(nodeE0, env);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

/** One-shot commands against a `serve` on loopback, with the agent's console (an EngineClient) logged in beside them. */
async function oneShots(nodeE0: Command, env: NodeJS.ProcessEnv): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ac-startup-serve-'));
  const serve = spawn(process.execPath, [BIN, 'serve', '--tenant', 'fixtures/demo-tenant.json', '--db', join(dir, 'cc.db'), '--port', '0', '--log', join(dir, 'log')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let text = '';
      serve.stdout.on('data', (d: Buffer) => {
        text += d;
        const m = /listening on (ws:\/\/\S+)/.exec(text);
        if (m) resolve(m[1]!);
      });
      serve.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    const console = new EngineClient({ url, agent: 'ana', password: 'demo', clientName: 'startup bench console' });
    await console.connect();
    const target = ['--server', url, '--agent', 'ana'];
    const withPassword = (...args: string[]): Command => ({ ...agentConsole(...args, ...target), env: { ...env, AGENT_CONSOLE_PASSWORD: 'demo' } });
    const note = { note: 'login (scrypt on the server), one command, its reply; the server is another process on loopback' };
    await compare('oneshot_whoami', withPassword('whoami'), nodeE0, 'node -e 0', { ratio: 3, text: '≤ 3× node -e 0' }, note);
    await compare('oneshot_status_set', withPassword('status', 'set', 'on_break', '--reason', 'coffee'), nodeE0, 'node -e 0', { ratio: 3, text: '≤ 3× node -e 0' }, note);
    console.close();
  } finally {
    serve.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly: `npx tsx bench/startup.bench.ts` (npm run bench imports it instead).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await startupBench();
