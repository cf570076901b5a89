// Render the console into fake terminal streams of any size (ink-testing-
// library's stdout is fixed at 100 columns), with a manual clock, and type
// into it one key per write, as the Ink lessons require.
import type { DateFormat } from '../../../src/protocol/index.js';
import { EventEmitter } from 'node:events';
import { render as inkRender } from 'ink';
import type { ReactElement } from 'react';
import type { AgentView } from '../../../src/client/index.js';
import { Console } from '../../../src/tui/app.js';
import { createManualClock, type ManualClock } from '../../../src/tui/clock.js';
import type { ConsoleClient } from '../../../src/tui/context.js';
import { buildKeymap, type KeyOverrides } from '../../../src/tui/keymap.js';
import { alertSequence } from '../../../src/tui/screen/notify.js';
import { titleSequence, type TerminalControl } from '../../../src/tui/terminal.js';
import { loadTheme } from '../../../src/tui/theme.js';
import { FakeClient } from './fake-client.js';
import { makeView, NOW } from './fixtures.js';

export class FakeStdout extends EventEmitter {
  frames: string[] = [];
  raw: string[] = [];
  isTTY = true;
  constructor(public columns: number, public rows: number) { super(); }
  write = (data: string): boolean => { this.frames.push(data); return true; };
  resize(columns: number, rows: number): void { this.columns = columns; this.rows = rows; this.emit('resize'); }
}

export class FakeStdin extends EventEmitter {
  isTTY = true;
  data: string | null = null;
  write(data: string): void { this.data = data; this.emit('readable'); this.emit('data', data); }
  read = (): string | null => { const d = this.data; this.data = null; return d; };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

export const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Poll until `ok()` holds (for real, throttled rendering), failing after `ms`. */
export async function waitFor(ok: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('waitFor: condition not met in time');
    await tick(10);
  }
}

/** Remove SGR color codes (Ink's own styling) so frames can be read as text. */
export const stripAnsi = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');

export function renderInk(tree: ReactElement, columns = 80, rows = 24) {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const instance = inkRender(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true, exitOnCtrlC: false, patchConsole: false,
  });
  return { stdout, stdin, instance, frame: (): string => stripAnsi(stdout.frames.at(-1) ?? '') };
}

/** A terminal control that records what a plain xterm would receive (titles, the bell) in `raw`, and every request in `calls`. */
export function recordingTerminal(raw: string[], o: { bell?: boolean } = {}): TerminalControl & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    title: (t) => { calls.push('title'); raw.push(titleSequence(t)); },
    alert: (a) => {
      calls.push('alert');
      const seq = alertSequence(a, { notify: null, tmux: false, unicode: true }, { bell: o.bell ?? true });
      if (seq) raw.push(seq);
    },
    repaint: () => void calls.push('repaint'),
    suspend: () => void calls.push('suspend'),
  };
}

export const KEY = {
  esc: '\x1b', enter: '\r', tab: '\t', shiftTab: '\x1b[Z', up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D',
  pageUp: '\x1b[5~', pageDown: '\x1b[6~', home: '\x1b[H', end: '\x1b[F', backspace: '\x7f', space: ' ',
  ctrl: (c: string): string => String.fromCharCode(c.toLowerCase().charCodeAt(0) - 96),
} as const;

export interface ConsoleHarness {
  client: ConsoleClient;
  fake: FakeClient | null;
  clock: ManualClock;
  stdout: FakeStdout;
  raw: string[];
  /** Requests to the terminal beyond titles and alerts: 'repaint', 'suspend'. */
  terminal: ReturnType<typeof recordingTerminal>;
  exits: number[];
  favourites: (readonly string[])[];
  frame(): string;
  /** One key per write, then let React and Ink settle. Esc gets a macrotask first. */
  press(...keys: string[]): Promise<void>;
  /** Type text one character per write. */
  type(text: string): Promise<void>;
  settle(): Promise<void>;
  unmount(): void;
}

export async function renderConsole(o: {
  view?: AgentView; client?: ConsoleClient; columns?: number; rows?: number;
  keyOverrides?: KeyOverrides; bell?: boolean; now?: number; dateFormat?: DateFormat;
  /** Answers the fake client gives from the start (what the console asks for as it starts: a screen pop's record). */
  setup?: (fake: FakeClient) => void;
} = {}): Promise<ConsoleHarness> {
  const fake = o.client ? null : new FakeClient(o.view ?? makeView());
  if (fake) o.setup?.(fake);
  const client = o.client ?? fake!;
  const clock = createManualClock(o.now ?? NOW);
  const raw: string[] = [];
  const exits: number[] = [];
  const favourites: (readonly string[])[] = [];
  const { theme } = loadTheme('default');
  const terminal = recordingTerminal(raw, { bell: o.bell });
  const r = renderInk(
    <Console client={client} theme={theme} keymap={buildKeymap(o.keyOverrides)} clock={clock}
      terminal={terminal} onExit={(c) => exits.push(c)} onFavouritesChange={(f) => favourites.push(f)}
      {...(o.dateFormat ? { dateFormat: o.dateFormat } : {})} />,
    o.columns ?? 80, o.rows ?? 24,
  );
  const settle = async (): Promise<void> => { await tick(); await tick(); };
  await settle();
  const h: ConsoleHarness = {
    client, fake, clock, stdout: r.stdout, raw, terminal, exits, favourites,
    frame: r.frame,
    async press(...keys) {
      for (const k of keys) {
        r.stdin.write(k);
        await settle();
        if (k === KEY.esc) await tick(5);
      }
    },
    async type(text) {
      for (const ch of text) await h.press(ch);
    },
    settle,
    unmount: () => r.instance.unmount(),
  };
  return h;
}
