// Entry point: render the console on a terminal and resolve with the exit
// code when the agent quits. Rendering is incremental (only changed lines are
// rewritten) and capped at 12 frames per second, for SSH and thin clients.
// Must stay the first import: it has to run before Ink is loaded.
import './interactive.js';
import { render } from 'ink';
import { useLayoutEffect, type ReactNode } from 'react';
import { Console } from './app.js';
import { fixInkStdout } from './ink-stdout.js';
import type { ConsoleClient } from './context.js';
import { buildKeymap, type KeyOverrides } from './keymap.js';
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON, POP_TITLE, PUSH_TITLE } from './terminal.js';
import type { Theme } from './theme.js';

export interface RunConsoleOptions {
  /** An EngineClient (or anything with its view and commands), connected. */
  client: ConsoleClient;
  theme: Theme;
  /** {"offer.accept": ["ctrl+a"]}: replaces a command's default keys. */
  keyOverrides?: Record<string, string[]>;
  /** Ring the terminal bell on new offers (default true). */
  bell?: boolean;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
  /** Called once the console has unmounted, before the promise resolves. */
  onExit?: () => void;
  /** Favourite contacts to start with, and where to report changes (to persist them). */
  favourites?: readonly string[];
  onFavouritesChange?: (ids: readonly string[]) => void;
  /**
   * Overrides of Ink's render options, merged over RENDER_OPTIONS. For
   * benchmarks and diagnostics (e.g. `{ incrementalRendering: false }` to
   * compare with Ink's full-frame redraw, `onRender` to time each frame Ink
   * draws); the console itself never sets it.
   */
  renderOptions?: { incrementalRendering?: boolean; maxFps?: number; onRender?: (metrics: { renderTime: number }) => void };
}

// Ctrl-C is a keymap command (it asks before quitting). Console patching is
// off: the console logs to a file, and patched console output would print
// above a frame that already fills the screen.
export const RENDER_OPTIONS = { incrementalRendering: true, maxFps: 12, exitOnCtrlC: false, patchConsole: false } as const;

/** Runs `onUnmount` when Ink unmounts the tree, synchronously: Ink unmounts
 *  on SIGINT, SIGTERM, SIGHUP... (through signal-exit) right before the
 *  process dies, when no promise of ours would run any more. */
function OnUnmount({ run, children }: { run: () => void; children: ReactNode }) {
  useLayoutEffect(() => run, [run]);
  return children;
}

/**
 * Bracketed paste on, on a terminal (terminal.ts), and the undo: idempotent,
 * run on every way out: a normal quit, Ink unmounting on a signal, and the
 * process exiting any other way (an uncaught exception, process.exit).
 */
function bracketedPaste(stdout: NodeJS.WriteStream): () => void {
  if (!stdout.isTTY) return () => {};
  let on = true;
  const off = (): void => {
    if (!on) return;
    on = false;
    process.off('exit', off);
    try {
      stdout.write(BRACKETED_PASTE_OFF);
    } catch {
      // The terminal may be gone already (SIGHUP).
    }
  };
  stdout.write(BRACKETED_PASTE_ON);
  process.on('exit', off);
  return off;
}

/** Runs the console until the agent quits; resolves with the exit code (0 on a normal quit). */
export async function runConsole(opts: RunConsoleOptions): Promise<number> {
  const stdout = opts.stdout ?? process.stdout;
  const writeRaw = (data: string): void => void stdout.write(data);
  const keymap = buildKeymap(opts.keyOverrides as KeyOverrides | undefined);
  let resolveExit!: (code: number) => void;
  const exited = new Promise<number>((r) => (resolveExit = r));
  writeRaw(PUSH_TITLE);
  const pasteOff = bracketedPaste(stdout);
  const instance = render(
    <OnUnmount run={pasteOff}>
      <Console
        client={opts.client}
        theme={opts.theme}
        keymap={keymap}
        bell={opts.bell ?? true}
        writeRaw={writeRaw}
        favourites={opts.favourites}
        onFavouritesChange={opts.onFavouritesChange}
        onExit={(code) => resolveExit(code)}
      />
    </OnUnmount>,
    { ...RENDER_OPTIONS, ...opts.renderOptions, stdout: fixInkStdout(stdout), stdin: opts.stdin ?? process.stdin },
  );
  // Ink failing (or being unmounted from outside) ends the console too.
  instance.waitUntilExit().then(() => resolveExit(0), () => resolveExit(1));
  const code = await exited;
  instance.unmount();
  await instance.waitUntilExit().catch(() => {});
  pasteOff();
  writeRaw(POP_TITLE);
  opts.onExit?.();
  return code;
}
