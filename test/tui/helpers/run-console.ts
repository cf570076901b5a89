// The real console (runConsole: its renderer and terminal session) on fake
// streams: what it writes is kept raw and replayed into a terminal emulator.
import type { AgentView } from '../../../src/client/index.js';
import { createManualClock } from '../../../src/tui/clock.js';
import { runConsole, type RunConsoleOptions } from '../../../src/tui/run.js';
import { detectCaps, type TerminalCaps } from '../../../src/tui/screen/caps.js';
import { loadTheme } from '../../../src/tui/theme.js';
import { FakeClient } from './fake-client.js';
import { makeView, NOW } from './fixtures.js';
import { FakeStdin, FakeStdout, tick, waitFor } from './render.js';
import { Vt } from './vt.js';

/** What a user's xterm in a UTF-8 locale gets (the tests' environment may be anything). */
export const xtermCaps = (over: Partial<TerminalCaps> = {}): TerminalCaps =>
  ({ ...detectCaps({ env: { TERM: 'xterm-256color', LANG: 'C.UTF-8' }, isTTY: true }), ...over });

export class VtStdout extends FakeStdout {
  vt: Vt;
  constructor(columns: number, rows: number) {
    super(columns, rows);
    this.vt = new Vt(columns, rows);
    const record = this.write;
    this.write = (data: string) => { this.vt.write(data); return record(data); };
  }
  override resize(columns: number, rows: number): void {
    const vt = new Vt(columns, rows);
    vt.altScreen = this.vt.altScreen;
    this.vt = vt;
    super.resize(columns, rows);
  }
}

export async function startConsole(o: { view?: AgentView; columns?: number; rows?: number; caps?: TerminalCaps; theme?: string } & Omit<Partial<RunConsoleOptions>, 'theme'> = {}) {
  const stdout = new VtStdout(o.columns ?? 80, o.rows ?? 24);
  const stdin = new FakeStdin();
  const client = new FakeClient(o.view ?? makeView());
  const clock = createManualClock(NOW);
  let exited = 0;
  const done = runConsole({
    bell: false, clock, ...o,
    client, theme: loadTheme(o.theme ?? 'default').theme, caps: o.caps ?? xtermCaps(),
    stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream,
    onExit: () => { exited++; },
  });
  await waitFor(() => stdout.vt.lines().some((l) => l.startsWith('Ana L.')));
  const press = async (...keys: string[]) => { for (const k of keys) { stdin.write(k); await tick(30); } };
  const quit = async () => { await press('q', 'y'); return done; };
  return { stdout, stdin, client, clock, done, press, quit, exited: () => exited, screen: () => stdout.vt.lines(), bytes: () => stdout.frames.join('') };
}
