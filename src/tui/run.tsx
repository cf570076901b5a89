// Entry point: run the console on a terminal and resolve with the exit code
// when the agent quits. React and Ink lay the screen out; the screen renderer
// (screen/renderer.ts) draws it: input first, only changed cells, hard-clipped,
// in the terminal's colours and charset (screen/caps.ts, decided once by the
// caller); the terminal session (screen/session.ts) takes the alternate screen
// and gives the terminal back on every way out.
import chalk from 'chalk';
import { render } from 'ink';
import { Console } from './app.js';
import { createSystemClock, type Clock } from './clock.js';
import type { ConsoleClient } from './context.js';
import { buildKeymap, type KeyOverrides } from './keymap.js';
import { detectCaps, type TerminalCaps } from './screen/caps.js';
import { terminalControl } from './screen/control.js';
import { inkStdout, LAYOUT_ONLY, ScreenRoot } from './screen/ink-host.js';
import { ScreenRenderer, type FrameRecord } from './screen/renderer.js';
import { TerminalSession } from './screen/session.js';
import { asciiText } from './screen/charset.js';
import { cellWidth } from './screen/width.js';
import { LinearOutput } from './linear/output.js';
import type { Theme } from './theme.js';
import type { DateFormat } from '../protocol/index.js';

export interface RunConsoleOptions {
  /** An EngineClient (or anything with its view and commands), connected. */
  client: ConsoleClient;
  theme: Theme;
  /** What the terminal can do (detectCaps); by default detected from the environment. */
  caps?: TerminalCaps;
  /** {"offer.accept": ["ctrl+a"]}: replaces a command's default keys. */
  keyOverrides?: Record<string, string[]>;
  /** Problems met while starting (a theme not found, a settings file): shown inside the console, not printed before it. */
  startupProblems?: readonly string[];
  /** Ring the terminal bell on new offers and pop-up notices (default true). */
  bell?: boolean;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
  /** The clock behind every timer (tests: a manual one); by default the system clock. */
  clock?: Clock;
  /** Called once the console has unmounted, before the promise resolves. */
  onExit?: () => void;
  /** Favourite contacts to start with, and where to report changes (to persist them). */
  favourites?: readonly string[];
  onFavouritesChange?: (ids: readonly string[]) => void;
  /** The agent's own date format (their settings); absent: the server's (profile, else tenant). */
  dateFormat?: DateFormat;
  /**
   * For benchmarks and diagnostics (the console itself never sets it):
   * `fullFrames` repaints the whole screen every frame (the full-redraw
   * baseline), `onFrame` reports each frame drawn.
   */
  renderOptions?: { fullFrames?: boolean; onFrame?: (f: FrameRecord) => void };
  /**
   * Linear mode (screen readers, braille, a log of the shift): no screen is
   * drawn; what changes is said as plain lines (linear/), every key works as
   * on the full screen.
   */
  linear?: boolean;
}

/** The size the console is laid out at in linear mode: the wide layout, every pane on it (nothing of it is drawn). */
const LINEAR_SIZE = { columns: 120, rows: 40 };

const sizeOf = (out: NodeJS.WriteStream) => ({ columns: out.columns > 0 ? out.columns : 80, rows: out.rows > 0 ? out.rows : 24 });

/** Runs the console until the agent quits; resolves with the exit code (0 on a normal quit, 128 + n after signal n). */
export async function runConsole(opts: RunConsoleOptions): Promise<number> {
  const stdout = opts.stdout ?? process.stdout;
  const stdin = opts.stdin ?? process.stdin;
  const caps = opts.caps ?? detectCaps({ isTTY: stdout.isTTY === true });
  // Ink's <Text> colours come through chalk at full fidelity; the writer shows them at caps.colorLevel.
  chalk.level = 3;
  let resolveExit!: (code: number) => void;
  const exited = new Promise<number>((r) => (resolveExit = r));
  const linear = opts.linear ? new LinearOutput((d) => session.write(d), caps.unicode ? (t) => t : (t) => asciiText(t, cellWidth)) : undefined;
  const session = new TerminalSession(stdout, stdin, { ...caps, linear: linear !== undefined }, {
    process: stdout === process.stdout,
    onEnd: (code) => resolveExit(code),
    onResume: () => (linear ? undefined : renderer.repaint()),
  });
  // AGENT_CONSOLE_FULL_REDRAW=1: every frame repaints the whole screen (a diagnostic, and the benches' full-redraw baseline).
  const fullFrames = process.env.AGENT_CONSOLE_FULL_REDRAW === '1';
  const renderer = new ScreenRenderer({ caps, write: (d) => session.write(d), size: () => sizeOf(stdout), fullFrames, ...opts.renderOptions });
  const clock = opts.clock ?? createSystemClock(1000, () => renderer.noteTick());
  const noteInput = (): void => renderer.noteInput();
  const onResize = (): void => renderer.repaint('resize');
  session.enter();
  stdin.prependListener('readable', noteInput);
  if (!linear) stdout.on('resize', onResize);
  const instance = render(
    <ScreenRoot renderer={linear ? LAYOUT_ONLY : renderer}>
      <Console
        client={opts.client}
        theme={opts.theme}
        keymap={buildKeymap(opts.keyOverrides as KeyOverrides | undefined)}
        startupProblems={opts.startupProblems}
        clock={clock}
        terminal={terminalControl(session, renderer, linear ? { ...caps, titles: false } : caps, { bell: opts.bell ?? true })}
        favourites={opts.favourites}
        onFavouritesChange={opts.onFavouritesChange}
        dateFormat={opts.dateFormat}
        onExit={(code) => resolveExit(code)}
        linear={linear}
      />
    </ScreenRoot>,
    { stdout: inkStdout(stdout, linear ? LINEAR_SIZE : undefined), stdin, debug: true, exitOnCtrlC: false, patchConsole: false },
  );
  // Ink failing (or being unmounted from outside) ends the console too.
  instance.waitUntilExit().then(() => resolveExit(0), () => resolveExit(1));
  const code = await exited;
  renderer.stop();
  instance.unmount();
  await instance.waitUntilExit().catch(() => {});
  stdin.off('readable', noteInput);
  stdout.off('resize', onResize);
  linear?.end();
  session.leave();
  opts.onExit?.();
  return code;
}
