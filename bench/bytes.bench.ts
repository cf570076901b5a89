/**
 * Low-bandwidth figure (issues 22 and 18): the bytes a thin client on SSH
 * receives. The real binary in a real pseudo-terminal (tmux, 80×24, a user's
 * environment: TERM=xterm-256color, UTF-8, no CI) against a real `serve`;
 * tmux's pipe-pane records every byte the console writes. A scripted shift:
 *
 *  1. idle with a status timer on screen (On Break, the wall clock): bytes a
 *     minute and per clock tick (BENCH_IDLE_SECONDS, default 60);
 *  2. Available, a customer chat arrives and is accepted, the customer writes;
 *  3. the agent types a 60-character reply one key at a time, each key just
 *     after a clock tick so that its window holds the key's frame alone:
 *     bytes per typed character;
 *  4. sends it, the customer answers, the agent ends the chat, picks the
 *     mandatory code and wraps up: bytes a minute over the whole shift.
 *
 * Three consoles run the same script in the same run, one after the other:
 * today's (bench/baseline.ts: Ink's incremental renderer; note that it drew
 * without colour, its bug), this one, and this one repainting the whole screen
 * every frame (AGENT_CONSOLE_FULL_REDRAW=1, the full-redraw baseline).
 * Targets at 80×24: idle ≤ 2 KB a minute, ≤ 40 B a tick, ≤ 30 B a typed character.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustomerChatClient, customerUrl } from '../src/client/customer-chat.js';
import { startServe } from '../test/soak/serve-process.js';
import { Tmux } from '../test/e2e/tmux.js';
import { BASELINE_REF, baselineTree, ROOT } from './baseline.js';

const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
const REPLY = 'Thanks Olivia, I can see the card was sent on Monday, sorry.';
const COLS = 80;
const ROWS = 24;

const out = (figure: Record<string, unknown>) => console.log(JSON.stringify(figure));
const progress = (msg: string) => console.error(`  ${msg}`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** Until `ms` past the next wall-clock second (the console's clock ticks on the second). */
const afterTick = (ms: number) => sleep(1000 - (Date.now() % 1000) + ms);
const mean = (xs: readonly number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)) * 10) / 10;
const quantile = (xs: readonly number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)] ?? NaN;

interface Run { mode: string; bin: string; cwd: string; env?: Record<string, string> }

async function shift(run: Run) {
  const dir = mkdtempSync(join(tmpdir(), 'ac-bench-bytes-'));
  // Each console against its own tree's server: an older console speaks the protocol of its day.
  const serve = await startServe({ dir, bin: run.bin, cwd: run.cwd });
  const tmux = new Tmux(['node', run.bin, '--server', serve.url, '--agent', 'ana'], {
    cols: COLS, rows: ROWS, cwd: run.cwd,
    env: { AGENT_CONSOLE_PASSWORD: 'demo', AGENT_CONSOLE_CONFIG_DIR: join(dir, 'conf'), AGENT_CONSOLE_DATA_DIR: join(dir, 'data'), ...run.env },
  });
  const customer = new CustomerChatClient({ url: customerUrl(serve.url), name: 'Olivia Nguyen', queue: 'support-chat' });
  try {
    await tmux.waitFor(/Ana L\..*On Break/, 'logged in', 30_000);
    await sleep(1500);
    const file = join(dir, 'bytes');
    tmux.recordBytes(file);
    const size = (): number => statSync(file, { throwIfNoEntry: false })?.size ?? 0;

    // 1. Idle with a status timer.
    progress(`${run.mode}: idle ${IDLE_SECONDS} s`);
    await afterTick(500);
    const idle0 = size();
    await sleep(IDLE_SECONDS * 1000);
    const idleBytes = size() - idle0;

    // 2. A chat.
    const shift0 = size();
    const t0 = Date.now();
    tmux.keys('s');
    await tmux.waitFor(/─ Change status/, 'status menu');
    tmux.keys('Enter');
    await tmux.waitFor(/Ana L\..*Available/, 'Available');
    await customer.start();
    await tmux.waitFor(/Olivia Nguyen/, 'the offer');
    tmux.keys('a');
    await tmux.waitFor(/Ana L\..*Busy/, 'Busy');
    for (const line of ['Hello, my new card has not arrived.', 'It was ordered three weeks ago.', 'Can you check?']) {
      await customer.send(line);
      await sleep(800);
    }
    await tmux.waitFor(/Can you check\?/, 'the customer’s lines');
    tmux.keys('Enter');
    await tmux.waitFor(/Send message|Stop writing/, 'the compose box');

    // 3. Typing: each key right after a tick; its window ends before the next tick.
    progress(`${run.mode}: typing ${REPLY.length} characters`);
    const perKey: number[] = [];
    for (const ch of REPLY) {
      await afterTick(150);
      const before = size();
      tmux.type(ch);
      await sleep(550);
      perKey.push(size() - before);
    }

    // 4. Send, an answer, end, disposition, wrap-up.
    tmux.keys('Enter');
    await customer.send('Great, thank you!');
    await tmux.waitFor(/thank you!/, 'the answer');
    tmux.keys('Escape');
    await sleep(300);
    tmux.keys('e');
    await tmux.waitFor(/wrap/i, 'wrap-up');
    tmux.keys('d');
    await tmux.waitFor(/\[ \] How-to question/, 'the codes');
    tmux.keys('Enter');
    await tmux.waitFor(/\[x\] How-to question/, 'code chosen');
    tmux.keys('w');
    await tmux.waitFor(/Ana L\..*Available/, 'Available again');
    await sleep(1000);
    const shiftBytes = size() - shift0;
    const shiftMinutes = (Date.now() - t0) / 60_000;
    return { idleBytes, perKey, shiftBytes, shiftMinutes };
  } finally {
    customer.close();
    tmux.kill();
    await serve.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function bytesBench(): Promise<void> {
  if (spawnSync('tmux', ['-V']).status !== 0) {
    out({ bench: 'bytes', skipped: 'tmux is not installed (apt-get install tmux): the figure needs a real pseudo-terminal' });
    return;
  }
  const runs: Run[] = [];
  const tree = baselineTree();
  if (tree) runs.push({ mode: `today (${BASELINE_REF})`, bin: join(tree, 'bin', 'agent-console'), cwd: tree });
  runs.push({ mode: 'screen', bin: 'bin/agent-console', cwd: ROOT });
  runs.push({ mode: 'screen-full', bin: 'bin/agent-console', cwd: ROOT, env: { AGENT_CONSOLE_FULL_REDRAW: '1' } });
  const results: Record<string, Record<string, number>> = {};
  for (const run of runs) {
    progress(`scripted shift at ${COLS}×${ROWS}: ${run.mode}`);
    const r = await shift(run);
    const figures = {
      idle_bytes_per_minute: Math.round((r.idleBytes / IDLE_SECONDS) * 60),
      bytes_per_tick: Math.round((r.idleBytes / IDLE_SECONDS) * 10) / 10,
      bytes_per_typed_char_mean: mean(r.perKey),
      bytes_per_typed_char_p90: quantile(r.perKey, 0.9),
      // The 60-character reply typed key by key: its bytes, and how long they take on a 56 kbit/s line.
      reply_bytes: r.perKey.reduce((a, b) => a + b, 0),
      reply_ms_at_56kbit: Math.round((r.perKey.reduce((a, b) => a + b, 0) * 8 * 1000) / 56_000),
      shift_bytes_per_minute: Math.round(r.shiftBytes / r.shiftMinutes),
      shift_bytes: r.shiftBytes,
      shift_minutes: Math.round(r.shiftMinutes * 100) / 100,
    };
    results[run.mode] = figures;
    out({
      bench: 'bytes', mode: run.mode, terminal: `${COLS}x${ROWS}`, loadavg_1m: Math.round(loadavg()[0]! * 100) / 100, idle_seconds: IDLE_SECONDS, ...figures,
      targets: { idle_bytes_per_minute: 2048, bytes_per_tick: 40, bytes_per_typed_char: 30 },
      met: figures.idle_bytes_per_minute <= 2048 && figures.bytes_per_tick <= 40 && figures.bytes_per_typed_char_mean <= 30,
    });
  }
  const shipped = results.screen!;
  for (const [mode, r] of Object.entries(results)) {
    if (mode === 'screen') continue;
    out({
      bench: 'bytes', figure: 'ratio', of: 'screen', over: mode, note: 'same script, same run (lower is better)',
      idle_bytes_per_minute: Math.round((shipped.idle_bytes_per_minute! / r.idle_bytes_per_minute!) * 1000) / 1000,
      bytes_per_typed_char: Math.round((shipped.bytes_per_typed_char_mean! / r.bytes_per_typed_char_mean!) * 1000) / 1000,
      shift_bytes_per_minute: Math.round((shipped.shift_bytes_per_minute! / r.shift_bytes_per_minute!) * 1000) / 1000,
    });
  }
}
