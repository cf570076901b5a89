/**
 * One scripted console session for the console benchmarks (bench/tui.bench.ts,
 * bench/chat-console.bench.ts), run in a child process per render mode so that
 * RSS and CPU figures belong to one mode only:
 *
 *   node --import tsx bench/tui-session.ts <tui|chat> <incremental|full>
 *
 * It stands up the REAL stack in this process — engine (SQLite in memory,
 * system clock), WebSocket server on loopback, EngineClient logged in as
 * "ana" — and runs the real console (runConsole) into a fake terminal:
 * a Writable (isTTY, 120×40) that timestamps and counts every write, and a
 * Readable stdin (isTTY, setRawMode) that keys are pushed into one at a time.
 * Prints one JSON object (the raw figures) as its last stdout line.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable, Writable } from 'node:stream';
import { EngineClient, type AgentView } from '../src/client/index.js';
import { openEngine, parseTenant, SystemClock, type Engine } from '../src/engine/index.js';
import { hashPassword, startServer } from '../src/server/index.js';
import { runConsole } from '../src/tui/run.js';
import type { FrameRecord } from '../src/tui/screen/renderer.js';
import { detectCaps } from '../src/tui/screen/caps.js';
import { loadTheme } from '../src/tui/theme.js';
import { prng } from '../src/cli/demo/prng.js';

export const COLUMNS = 120;
export const ROWS = 40;
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 10);
const CHATS = Number(process.env.BENCH_CHATS ?? 6);
const MESSAGES = Number(process.env.BENCH_CHAT_MESSAGES ?? 2000);

const progress = (msg: string) => console.error(`    ${msg}`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- terminal

interface WriteRecord { t: number; bytes: number; data: string }

/** The terminal Ink draws on: counts bytes and timestamps every write. */
export class FakeTerminal extends Writable {
  isTTY = true;
  columns = COLUMNS;
  rows = ROWS;
  writes: WriteRecord[] = [];
  constructor() { super({ decodeStrings: false }); }
  override write(chunk: unknown, ...rest: unknown[]): boolean {
    const data = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    this.writes.push({ t: performance.now(), bytes: Buffer.byteLength(data), data });
    return (super.write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }
  override _write(_chunk: unknown, _enc: BufferEncoding, cb: (e?: Error | null) => void): void { cb(); }
  getColorDepth(): number { return 8; }
  hasColors(): boolean { return true; }
  bytesSince(t: number, until = Infinity): number {
    let n = 0;
    for (const w of this.writes) if (w.t >= t && w.t < until) n += w.bytes;
    return n;
  }
}

/** A keyboard: a raw-mode TTY stdin that the script pushes keys into. */
export class FakeKeyboard extends Readable {
  isTTY = true;
  isRaw = false;
  override _read(): void {}
  setRawMode(mode: boolean): this { this.isRaw = mode; return this; }
  ref(): this { return this; }
  unref(): this { return this; }
}

// Ink writes a frame as a few writes in one synchronous burst (synchronized-
// output brackets around the body): writes less than FRAME_GAP_MS apart are
// one frame.
const FRAME_GAP_MS = 2;
const SYNC_START = '\x1b[?2026h';
const SYNC_END = '\x1b[?2026l';
interface Frame { t: number; bytes: number; text: string }
function framesOf(writes: readonly WriteRecord[]): Frame[] {
  const frames: Frame[] = [];
  let last = -Infinity;
  for (const w of writes) {
    const cur = frames.at(-1);
    // A synchronized-output bracket holds its frame together whatever the gap.
    const joined = cur && (w.t - last < FRAME_GAP_MS || cur.text.endsWith(SYNC_START) || w.data === SYNC_END);
    if (cur && joined) { cur.bytes += w.bytes; cur.text += w.data; }
    else frames.push({ t: w.t, bytes: w.bytes, text: w.data });
    last = w.t;
  }
  return frames;
}

// A tiny screen model (text only, no colours): enough to tell whether a
// frame changed anything a user can see.
class Screen {
  grid: string[][] = Array.from({ length: ROWS }, () => []);
  row = 0;
  col = 0;
  /** Current SGR attributes: a cell is its attributes plus its character, so colour-only changes count. */
  attr = '';
  private fg = '';
  private bg = '';
  private flags = new Set<number>();
  private sgr(params: string): void {
    const p = params === '' ? [0] : params.split(';').map(Number);
    for (let i = 0; i < p.length; i++) {
      const n = p[i]!;
      if (n === 0) { this.fg = ''; this.bg = ''; this.flags.clear(); }
      else if (n === 38 || n === 48) {
        const len = p[i + 1] === 5 ? 2 : 4;
        const v = p.slice(i + 1, i + 1 + len).join(':');
        if (n === 38) this.fg = v; else this.bg = v;
        i += len;
      } else if ((n >= 30 && n <= 37) || (n >= 90 && n <= 97)) this.fg = String(n);
      else if ((n >= 40 && n <= 47) || (n >= 100 && n <= 107)) this.bg = String(n);
      else if (n === 39) this.fg = '';
      else if (n === 49) this.bg = '';
      else if (n === 22) { this.flags.delete(1); this.flags.delete(2); }
      else if (n >= 23 && n <= 29) this.flags.delete(n - 20);
      else this.flags.add(n);
    }
    this.attr = this.fg || this.bg || this.flags.size ? `\x1b[${this.fg}|${this.bg}|${[...this.flags].sort().join(',')}m` : '';
  }
  write(data: string): void {
    const re = /\x1b\[([?\d;]*)([A-Za-z])|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]|\n|\r|\x07|[^\x1b\n\r\x07]/gu;
    for (const m of data.matchAll(re)) {
      const t = m[0];
      if (m[2] !== undefined) this.csi(m[1]!, m[2]);
      else if (t === '\n') this.lf();
      else if (t === '\r') this.col = 0;
      else if (t.startsWith('\x1b') || t === '\x07') continue;
      else { (this.grid[this.row]!)[this.col] = this.attr + t; this.col++; }
    }
  }
  private lf(): void {
    if (this.row === ROWS - 1) { this.grid.shift(); this.grid.push([]); } else this.row++;
    this.col = 0;
  }
  private csi(params: string, final: string): void {
    if (params.startsWith('?')) return;
    if (final === 'm') { this.sgr(params); return; }
    const n = params === '' ? 1 : Math.max(1, Number(params.split(';')[0]) || 1);
    switch (final) {
      case 'A': this.row = Math.max(0, this.row - n); break;
      case 'B': this.row = Math.min(ROWS - 1, this.row + n); break;
      case 'E': this.row = Math.min(ROWS - 1, this.row + n); this.col = 0; break;
      case 'G': this.col = (params === '' ? 1 : Number(params)) - 1; break;
      case 'K': { const l = this.grid[this.row]!; if (params === '2') l.length = 0; else l.length = Math.min(l.length, this.col); break; }
      case 'J': if (params === '2' || params === '3') this.grid = Array.from({ length: ROWS }, () => []); else { this.grid[this.row]!.length = this.col; for (let r = this.row + 1; r < ROWS; r++) this.grid[r] = []; } break;
      case 'H': { const [r, c] = params.split(';').map(Number); this.row = (r || 1) - 1; this.col = (c || 1) - 1; break; }
      default: break;
    }
  }
  text(): string { return this.grid.map((l) => Array.from(l, (c) => c ?? ' ').join('').trimEnd()).join('\n'); }
  plain(): string { return this.text().replace(/\x1b\[[^m]*m/g, ''); }
}

// ---------------------------------------------------------------- tenant

async function tenant(): Promise<unknown> {
  const passwordHash = await hashPassword('bench');
  const colleagues = Array.from({ length: 200 }, (_, k) => ({
    id: `c${k}`, firstName: 'Colleague', lastName: `${k}`, displayName: `Colleague ${String(k).padStart(3, '0')}`,
    group: 'support', role: k % 25 === 0 ? 'supervisor' : 'agent', passwordHash, permissions: { maxConcurrentChats: 6 },
  }));
  const ana = {
    id: 'ana', firstName: 'Ana', lastName: 'Lima', displayName: 'Ana L.', group: 'support', role: 'agent', passwordHash,
    permissions: { rejectOffers: true, maxConcurrentChats: 6 },
  };
  const media = ['chat', 'inbound_phone', 'email', 'chat', 'voicemail', 'chat', 'inbound_phone', 'email', 'chat', 'chat'];
  const queues = media.map((m, k) => ({
    id: `q${k}`, name: `Queue ${k} ${m}`, media: m, priority: 50 + k, acceptTimeoutSec: 120, wrapUpSec: 120,
    // Only ana serves the queues: colleagues never take the offers she is sent.
    agents: ['ana'],
    codeLists: [{ id: 'reason', name: 'Contact reason', mandatory: true, codes: [{ id: 'a', label: 'Question' }, { id: 'b', label: 'Complaint' }] }],
  }));
  return {
    id: 'bench', name: 'Bench', limits: { maxConcurrentChats: 6 },
    groups: [{ id: 'support', name: 'Support' }],
    agents: [ana, ...colleagues],
    queues,
    statusCodes: { on_break: [{ id: 'lunch', label: 'Lunch' }], working_offline: [{ id: 'meeting', label: 'Meeting' }] },
  };
}

function until(client: EngineClient, ok: (v: AgentView) => boolean, label: string, ms = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ok(client.getView())) return resolve();
    const timer = setTimeout(() => { off(); reject(new Error(`timed out waiting for ${label}`)); }, ms);
    const off = client.subscribe((v) => { if (ok(v)) { clearTimeout(timer); off(); resolve(); } });
  });
}

// ---------------------------------------------------------------- stats

const quantile = (xs: readonly number[], q: number): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const r2 = (x: number): number => Math.round(x * 100) / 100;


// ---------------------------------------------------------------- session

export interface SessionResult {
  scenario: string;
  mode: string;
  renderOptions: Record<string, unknown>;
  loadavg_1m: number;
  setup_ms: number;
  first_frame_ms: number;
  first_frame_bytes: number;
  keys: number;
  key_to_frame_ms: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Keys whose frame came > 20 ms after the press: Ink's maxFps throttle held it back (another frame had just been drawn). */
  keys_over_20ms: number;
  key_to_frame_unthrottled_ms: { p50: number; p99: number };
  /** Key-to-frame split by what the key's frame waited behind (see press()), and Ink's render time of key frames. */
  key_frame_cap: Record<string, unknown>;
  bytes_per_key: { mean: number; p50: number; p99: number };
  keys_without_frame: number;
  idle_seconds: number;
  idle_frames: number;
  idle_bytes: number;
  bytes_per_tick: { mean: number; p50: number; max: number };
  /** Idle: bytes of frames beyond the first in a wall-clock second (the clock ticks once a second). */
  idle_bytes_between_ticks: number;
  idle_extra_frames: number;
  /** Frames (anywhere in the session) that left the screen text unchanged, and their bytes. */
  unchanged_frames: number;
  unchanged_bytes: number;
  unchanged_samples: string[];
  idle_cpu_ms: { user: number; system: number; total: number; percent: number };
  rss_mb: number;
  heap_used_mb: number;
  total_bytes: number;
  total_frames: number;
  chat?: { chats: number; messages_per_chat: number; messages_in_view: number; seed_ms: number; typed_into: string };
  note?: string;
  phases: Record<string, { keys: number; no_frame: number; p50_ms: number; p99_ms: number; bytes_p50: number; bytes_mean: number }>;
}

/** `screen`: the console as shipped; `screen-full`: the same renderer repainting the whole screen every frame (the full-redraw baseline). */
export type Mode = 'screen' | 'screen-full';
const MODE_OPTIONS: Record<Mode, { fullFrames: boolean }> = {
  screen: { fullFrames: false },
  'screen-full': { fullFrames: true },
};

async function session(scenario: 'tui' | 'chat', mode: Mode): Promise<SessionResult> {
  const t0 = performance.now();
  const engine: Engine = openEngine({ tenant: parseTenant(await tenant()), dbFile: ':memory:', clock: new SystemClock() });
  const server = await startServer({ engine, host: '127.0.0.1', port: 0 });
  const client = new EngineClient({ url: server.url, agent: 'ana', password: 'bench', backoff: { baseMs: 5, maxMs: 50 } });
  await client.connect();
  await until(client, (v) => v.self !== null && v.contacts.length >= 200 && v.queues.length >= 10, 'view');
  // Colleagues log in with a spread of statuses, so 200 contacts show times in status.
  const statuses = ['available', 'busy', 'on_break', 'working_offline'] as const;
  for (let k = 0; k < 200; k++) {
    engine.execute({ type: 'login', agentId: `c${k}` } as never);
    const s = statuses[k % 4]!;
    engine.execute({ type: 'set_status', agentId: `c${k}`, status: s, code: s === 'on_break' ? 'lunch' : s === 'working_offline' ? 'meeting' : undefined } as never);
  }
  const ok = (r: { ok: boolean; error?: { message: string } }, what: string) => { if (!r.ok) throw new Error(`${what}: ${r.error?.message}`); };
  ok(await client.setStatus('available'), 'available');

  let chatInfo: SessionResult['chat'];
  if (scenario === 'chat') {
    // 6 chats accepted through the client, then 2,000 customer lines each through the engine.
    const ts = performance.now();
    for (let c = 0; c < CHATS; c++) {
      ok(engine.execute({ type: 'arrive', queueId: 'q0', customer: { name: `Chat customer ${c}`, account: `ACCT-${1000 + c}` } } as never), 'arrive');
      await until(client, (v) => v.offer !== null, `chat offer ${c}`);
      ok(await client.accept(client.getView().offer!.id), 'accept');
      await until(client, (v) => v.work.length === c + 1 && v.offer === null, `chat ${c} accepted`);
    }
    const ids = client.getView().work.map((w) => w.id);
    const words = 'my router keeps dropping the connection every evening and support said it would be fixed by now'.split(' ');
    for (let m = 0; m < MESSAGES; m++) {
      for (const id of ids) {
        ok(engine.execute({ type: 'customer_chat', conversationId: id, text: `${m}: ${words.slice(0, 3 + (m % 12)).join(' ')}` } as never), 'customer_chat');
      }
      if (m % 200 === 199) { await sleep(0); progress(`${(m + 1) * ids.length} chat messages`); }
    }
    const count = (v: AgentView) => v.work.reduce((n, w) => n + ((w as { chat?: { messages?: unknown[] } }).chat?.messages?.length ?? 0), 0);
    await until(client, (v) => count(v) >= CHATS * MESSAGES, 'all chat messages in the view', 180_000);
    chatInfo = { chats: ids.length, messages_per_chat: MESSAGES, messages_in_view: count(client.getView()), seed_ms: Math.round(performance.now() - ts), typed_into: 'notes' };
    progress(`seeded ${chatInfo.messages_in_view} messages in ${chatInfo.seed_ms} ms`);
  }
  const setupMs = performance.now() - t0;

  // ---- the console
  const term = new FakeTerminal();
  const keyboard = new FakeKeyboard();
  const renderOptions = MODE_OPTIONS[mode];
  // Every frame the renderer draws: what caused it, when it was asked for and written, its paint time.
  const frames: FrameRecord[] = [];
  const gcPauses: { start: number; end: number }[] = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) gcPauses.push({ start: e.startTime, end: e.startTime + e.duration }); }).observe({ entryTypes: ['gc'] });
  const tStart = performance.now();
  const done = runConsole({
    client, theme: loadTheme('default').theme, bell: false, caps: BENCH_CAPS,
    stdout: term as unknown as NodeJS.WriteStream, stdin: keyboard as unknown as NodeJS.ReadStream,
    renderOptions: { ...renderOptions, onFrame: (f) => frames.push(f) },
  });
  while (!term.writes.some((w) => w.data.includes('Ana L.'))) {
    if (performance.now() - tStart > 10_000) throw new Error('no first frame in 10 s');
    await sleep(1);
  }
  const firstWrite = term.writes.find((w) => w.data.includes('Ana L.'))!;
  const firstFrame = framesOf(term.writes.filter((w) => w.t >= firstWrite.t - FRAME_GAP_MS))[0]!;
  const firstFrameMs = firstWrite.t - tStart;
  await sleep(1500);

  // ---- idle: nothing but the clocks (time in status of 201 agents, queue waits)
  progress(`${mode}: idle ${IDLE_SECONDS} s`);
  // Start just after a tick, so the window holds exactly IDLE_SECONDS ticks.
  await sleep(1000 - (Date.now() % 1000) + 300);
  const idleFrom = performance.now();
  const idleFromWall = Date.now();
  const cpu0 = process.cpuUsage();
  await sleep(IDLE_SECONDS * 1000);
  const cpu = process.cpuUsage(cpu0);
  const idleTo = performance.now();
  const idleWrites = term.writes.filter((w) => w.t >= idleFrom && w.t < idleTo);
  const idleFrames = framesOf(idleWrites);
  const wallOf = (t: number) => idleFromWall + (t - idleFrom);
  if (process.env.BENCH_DEBUG && idleFrames[0]) console.error(`---- idle tick frame\n${JSON.stringify(idleFrames[0].text)}`);
  // The clock ticks once a second, on the second: any frame beyond the first
  // in a second of wall time was written although no clock changed.
  const seen = new Set<number>();
  let betweenTicks = 0;
  let extraFrames = 0;
  for (const f of idleFrames) {
    const second = Math.floor(wallOf(f.t) / 1000);
    if (seen.has(second)) { betweenTicks += f.bytes; extraFrames++; } else seen.add(second);
  }

  // ---- typing: one key at a time, 90–200 ms apart (a fast typist), at random phase to the clock
  const rand = prng(42);
  const latencies: number[] = [];
  const keyBytes: number[] = [];
  let noFrame = 0;
  type Phase = { lat: number[]; bytes: number[]; noFrame: number };
  const phases: Record<string, Phase> = {};
  let phase: Phase = (phases.start = { lat: [], bytes: [], noFrame: 0 });
  const screenNow = (): string => { const s = new Screen(); for (const w of term.writes) s.write(w.data); return s.plain(); };
  const startPhase = (name: string): void => {
    if (process.env.BENCH_DEBUG) console.error(`---- before ${name}\n${screenNow()}`);
    phase = phases[name] = { lat: [], bytes: [], noFrame: 0 };
  };
  // Why a key's frame waited: key frames are drawn at once, so a key waits
  // only behind work already under way when it arrived, or done before its
  // frame: another frame painted and written between the key press and the
  // key's own frame (the clock's tick, a previous key's, or other: a server
  // event). The rest ("not behind a frame") show what the key itself costs.
  // A garbage collection pause inside a key's wait is named too ("gc").
  const capMs = 0;
  const pressTimes: number[] = [];
  const keyCauses: { lat: number; behind: 'none' | 'tick' | 'key' | 'other' | 'gc'; renderMs: number }[] = [];
  const classify = (t: number, firstWrite: number): (typeof keyCauses)[number] => {
    const own = frames.find((f) => f.writtenAt >= t && f.writtenAt <= firstWrite + 1 && f.cause === 'key');
    const before = frames.filter((f) => f !== own && f.bytes > 0 && f.writtenAt >= t && f.writtenAt < (own?.writtenAt ?? firstWrite));
    const other = before.at(-1);
    const gc = gcPauses.some((g) => g.start < firstWrite && g.end > t);
    const behind: (typeof keyCauses)[number]['behind'] = other ? (other.cause === 'time' ? 'tick' : other.cause === 'key' ? 'key' : 'other') : gc ? 'gc' : 'none';
    return { lat: firstWrite - t, behind, renderMs: own?.paintMs ?? NaN };
  };
  const press = async (key: string, measure = true): Promise<void> => {
    const before = term.writes.length;
    const t = performance.now();
    keyboard.push(key);
    const gap = 90 + rand() * 110;
    await sleep(gap);
    pressTimes.push(t);
    if (!measure) return;
    const after = term.writes.slice(before).filter((w) => w.t >= t);
    if (after.length === 0) { noFrame++; phase.noFrame++; return; }
    keyCauses.push(classify(t, after[0]!.t));
    latencies.push(after[0]!.t - t);
    keyBytes.push(framesOf(after)[0]!.bytes);
    phase.lat.push(after[0]!.t - t);
    phase.bytes.push(framesOf(after)[0]!.bytes);
  };
  const settle = () => sleep(400);

  if (scenario === 'tui') {
    progress(`${mode}: navigation keys in Contacts and Queues`);
    await press('4', false); await settle();
    startPhase('contacts');
    for (let k = 0; k < 60; k++) await press(k % 20 < 10 ? 'j' : 'k');
    await press('3', false); await settle();
    startPhase('queues');
    for (let k = 0; k < 20; k++) await press(k % 8 < 4 ? 'j' : 'k');

    // Offers arrive: a chat offer (taken by key), and waiting work on the other queues.
    progress(`${mode}: offers arrive, accept, notes`);
    ok(engine.execute({ type: 'arrive', queueId: 'q0', customer: { name: 'Lee Offer', account: '1234' } } as never), 'arrive');
    for (const q of ['q1', 'q2', 'q4', 'q6', 'q7']) ok(engine.execute({ type: 'arrive', queueId: q, customer: { name: `Waiting on ${q}` } } as never), 'arrive');
    await until(client, (v) => v.offer !== null, 'offer');
    await settle();
    // `a` accepts where the offer is shown: the Interaction pane (the focus is on Queues).
    await press('1', false); await settle();
    await press('a', false);
    await until(client, (v) => v.work.length === 1 && v.offer === null, 'accepted');
    await settle();
    await press('n', false); await settle();
    startPhase('notes');
    const text = 'Customer cannot log in since the update; reset the password and checked the router. ';
    for (const ch of text.repeat(2).slice(0, 120)) await press(ch);
    await press('\x1b', false); await settle();
    // A second chat offer while busy (chat capacity), then more navigation.
    ok(engine.execute({ type: 'arrive', queueId: 'q3', customer: { name: 'Second Chat' } } as never), 'arrive');
    await until(client, (v) => v.offer !== null, 'second offer');
    await settle();
    await press('4', false); await settle();
    startPhase('contacts_with_offer');
    for (let k = 0; k < 20; k++) await press(k % 10 < 5 ? 'j' : 'k');
  } else {
    progress(`${mode}: typing into a chat (compose box, or notes if it does not open; ${CHATS}×${MESSAGES} messages in the view)`);
    // The chat pane's compose box (src/tui/chat/, being built alongside):
    // Interaction pane, Enter writes a message. If the compose box does not
    // open (pane not wired yet), fall back to the notes field of the chat.
    await press('1', false); await settle();
    await press('\r', false); await settle();
    const composing = /Send message|Stop writing/.test(screenNow().split('\n').slice(-3).join('\n'));
    if (!composing) {
      await press('\x1b', false); await settle();
      await press('n', false); await settle();
    }
    chatInfo!.typed_into = composing ? 'compose' : 'notes';
    startPhase(composing ? 'chat_compose' : 'chat_notes');
    const text = 'Thanks for waiting, I can see the router dropped at 19:02 yesterday; let me check the line. ';
    for (const ch of text.repeat(2).slice(0, 150)) await press(ch);
    await press('\x1b', false); await settle();
  }
  await settle();
  startPhase('end');

  // Frames anywhere in the session that changed nothing on screen.
  const screen = new Screen();
  let unchangedFrames = 0;
  let unchangedBytes = 0;
  const unchangedSamples: string[] = [];
  let prev = screen.text();
  for (const f of framesOf(term.writes)) {
    screen.write(f.text);
    const now = screen.text();
    // A frame that only sets the window title (OSC 2) changed the title bar.
    const titleOnly = /^\x1b\]2;[^\x07]*\x07$/.test(f.text);
    if (now === prev && f.t > firstWrite.t && !titleOnly) {
      unchangedFrames++; unchangedBytes += f.bytes;
      if (unchangedSamples.length < 3) unchangedSamples.push(f.text.slice(0, 60));
    }
    prev = now;
  }

  const mem = process.memoryUsage();
  const unthrottled = latencies.filter((l) => l <= 20);
  const causeStats = (which: (typeof keyCauses)[number]['behind']) => {
    const ks = keyCauses.filter((k) => k.behind === which);
    return { keys: ks.length, share: r2(ks.length / Math.max(1, keyCauses.length)), p50_ms: r2(quantile(ks.map((k) => k.lat), 0.5)), p99_ms: r2(quantile(ks.map((k) => k.lat), 0.99)) };
  };
  const keyRenders = keyCauses.map((k) => k.renderMs).filter((m) => Number.isFinite(m));
  const result: SessionResult = {
    scenario, mode, renderOptions: { ...renderOptions, colorLevel: process.env.FORCE_COLOR }, loadavg_1m: r2(loadavg()[0]!),
    setup_ms: Math.round(setupMs),
    first_frame_ms: r2(firstFrameMs),
    first_frame_bytes: firstFrame.bytes,
    keys: latencies.length + noFrame,
    key_to_frame_ms: { p50: r2(quantile(latencies, 0.5)), p90: r2(quantile(latencies, 0.9)), p99: r2(quantile(latencies, 0.99)), max: r2(Math.max(...latencies)), mean: r2(mean(latencies)) },
    keys_over_20ms: latencies.length - unthrottled.length,
    key_to_frame_unthrottled_ms: { p50: r2(quantile(unthrottled, 0.5)), p99: r2(quantile(unthrottled, 0.99)) },
    key_frame_cap: {
      cap_ms: capMs,
      not_behind_a_frame: causeStats('none'), behind_tick_frame: causeStats('tick'), behind_key_frame: causeStats('key'), behind_other_frame: causeStats('other'), behind_gc_pause: causeStats('gc'),
      paint_ms: { p50: r2(quantile(keyRenders, 0.5)), p90: r2(quantile(keyRenders, 0.9)), p99: r2(quantile(keyRenders, 0.99)) },
    },
    bytes_per_key: { mean: Math.round(mean(keyBytes)), p50: quantile(keyBytes, 0.5), p99: quantile(keyBytes, 0.99) },
    keys_without_frame: noFrame,
    idle_seconds: IDLE_SECONDS,
    idle_frames: idleFrames.length,
    idle_bytes: idleWrites.reduce((n, w) => n + w.bytes, 0),
    bytes_per_tick: { mean: Math.round(mean(idleFrames.map((f) => f.bytes))), p50: quantile(idleFrames.map((f) => f.bytes), 0.5), max: Math.max(0, ...idleFrames.map((f) => f.bytes)) },
    idle_bytes_between_ticks: betweenTicks,
    idle_extra_frames: extraFrames,
    unchanged_frames: unchangedFrames,
    unchanged_bytes: unchangedBytes,
    unchanged_samples: unchangedSamples,
    idle_cpu_ms: { user: Math.round(cpu.user / 1000), system: Math.round(cpu.system / 1000), total: Math.round((cpu.user + cpu.system) / 1000), percent: r2(((cpu.user + cpu.system) / 1000 / (idleTo - idleFrom)) * 100) },
    rss_mb: r2(mem.rss / 2 ** 20),
    heap_used_mb: r2(mem.heapUsed / 2 ** 20),
    total_bytes: term.writes.reduce((n, w) => n + w.bytes, 0),
    total_frames: framesOf(term.writes).length,
    chat: chatInfo,
    phases: Object.fromEntries(Object.entries(phases).filter(([, p]) => p.lat.length + p.noFrame > 0).map(([name, p]) => [name, {
      keys: p.lat.length + p.noFrame, no_frame: p.noFrame,
      p50_ms: r2(quantile(p.lat, 0.5)), p99_ms: r2(quantile(p.lat, 0.99)), bytes_p50: quantile(p.bytes, 0.5), bytes_mean: Math.round(mean(p.bytes)),
    }])),
  };

  // Quit (staying logged in), then tear down.
  keyboard.push('q'); await sleep(200); keyboard.push('y');
  await Promise.race([done, sleep(3000)]);
  client.close();
  await server.close();
  engine.close();
  return result;
}

const SELF = fileURLToPath(import.meta.url);
/** Colour level of the fake terminal (3 = truecolor, 2 = 256 colours). */
export const COLOR_LEVEL = process.env.BENCH_COLOR_LEVEL ?? '3';
/** A user's xterm in a UTF-8 locale, at COLOR_LEVEL. */
const BENCH_CAPS = detectCaps({ env: { TERM: 'xterm-256color', LANG: 'C.UTF-8', FORCE_COLOR: COLOR_LEVEL }, isTTY: true });

/**
 * Runs one session in a child process (fresh heap: RSS and CPU are that mode's
 * alone), with React's production build as bin/agent-console runs it. With
 * `tree`, the session of another source tree (the baseline, bench/baseline.ts)
 * in that tree's own modes ('incremental': Ink's renderer at 12 fps).
 */
export function runSession(scenario: 'tui' | 'chat', mode: Mode | 'incremental', tree?: string): Promise<SessionResult> {
  return new Promise((resolve, reject) => {
    const file = tree ? join(tree, 'bench', 'tui-session.ts') : SELF;
    const child = spawn(process.execPath, ['--import', 'tsx', file, scenario, mode], {
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: tree ?? process.cwd(),
      env: { ...process.env, FORCE_COLOR: COLOR_LEVEL, NODE_ENV: 'production' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      // cli-cursor may print a cursor-show sequence on exit: pick the JSON line.
      const line = out.split('\n').find((l) => l.startsWith('{"scenario"'));
      if (code === 0 && line) resolve({ ...(JSON.parse(line) as SessionResult), mode: tree ? `today (${mode})` : mode });
      else reject(new Error(`session ${scenario}/${mode} exited ${code}`));
    });
  });
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const [scenario, mode] = process.argv.slice(2) as ['tui' | 'chat', Mode];
  session(scenario, mode).then(
    (r) => { console.log(JSON.stringify(r)); process.exit(0); },
    (e) => { console.error(e); process.exit(1); },
  );
}
