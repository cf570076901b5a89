// The console's hold on the terminal, as a full-screen program takes it: the
// alternate screen, a hidden cursor, no autowrap (a write in the last column
// can never scroll), bracketed paste, the user's title saved; and the
// terminal given back exactly as it was on every way out — a quit, a crash
// (before Node prints the error, so it shows on the shell's screen), SIGTERM,
// SIGHUP (an SSH drop: the writes fail quietly), SIGINT, SIGQUIT — and around
// a suspend (Ctrl-Z or SIGTSTP, then `fg`).
import type { TerminalCaps } from './caps.js';

export const ALT_SCREEN_ON = '\x1b[?1049h';
export const ALT_SCREEN_OFF = '\x1b[?1049l';
export const BRACKETED_PASTE_ON = '\x1b[?2004h';
export const BRACKETED_PASTE_OFF = '\x1b[?2004l';
export const PUSH_TITLE = '\x1b[22;2t';
export const POP_TITLE = '\x1b[23;2t';
const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
const AUTOWRAP_OFF = '\x1b[?7l';
const AUTOWRAP_ON = '\x1b[?7h';
const CLEAR = '\x1b[H\x1b[2J';
const END_GRACE_MS = 3000;

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGTERM: 15 } as const;
type Ending = keyof typeof SIGNALS;

/** `linear`: the console writes lines, not a screen (--linear): no alternate screen, no hidden cursor, no clear. */
type SessionCaps = Pick<TerminalCaps, 'altScreen' | 'bracketedPaste' | 'titleStack' | 'syncOutput'> & { linear?: boolean };

interface Stdin { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown }

export interface SessionOptions {
  /** Handle process signals and exits (the real terminal; never in tests on fake streams). */
  process: boolean;
  /** A signal asked the console to end: the exit code (128 + the signal's number). */
  onEnd?: (code: number) => void;
  /** Back from a suspend: the screen must be drawn again. */
  onResume?: () => void;
  /** How the process stops itself (Ctrl-Z) and ends after a signal; tests replace them. */
  stop?: () => void;
  exit?: (code: number) => void;
}

export function enterSequence(caps: SessionCaps): string {
  if (caps.linear) return caps.bracketedPaste ? BRACKETED_PASTE_ON : '';
  return (caps.titleStack ? PUSH_TITLE : '') + (caps.altScreen ? ALT_SCREEN_ON : CLEAR) + HIDE_CURSOR + AUTOWRAP_OFF + (caps.bracketedPaste ? BRACKETED_PASTE_ON : '');
}

/** Also ends a synchronized frame cut short, and resets attributes. */
export function leaveSequence(caps: SessionCaps): string {
  if (caps.linear) return caps.bracketedPaste ? BRACKETED_PASTE_OFF : '';
  return (caps.syncOutput ? '\x1b[?2026l' : '') + '\x1b[0m' + (caps.bracketedPaste ? BRACKETED_PASTE_OFF : '') + AUTOWRAP_ON + SHOW_CURSOR +
    (caps.altScreen ? ALT_SCREEN_OFF : CLEAR) + (caps.titleStack ? POP_TITLE : '');
}

export class TerminalSession {
  private active = false;
  private suspended = false;
  private readonly handlers: [string, (...a: unknown[]) => void][] = [];

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly stdin: Stdin,
    private readonly caps: SessionCaps,
    private readonly opts: SessionOptions,
  ) {}

  /** Writes to the terminal; a terminal that is gone (SIGHUP) is not an error. */
  write(data: string): void {
    if (data === '') return;
    try {
      this.out.write(data);
    } catch {
      // EIO/EPIPE: the terminal went away.
    }
  }

  enter(): void {
    if (this.active) return;
    this.active = true;
    this.write(enterSequence(this.caps));
    if (!this.opts.process) return;
    const on = (event: string, f: (...a: unknown[]) => void): void => {
      this.handlers.push([event, f]);
      process.on(event as 'exit', f);
    };
    // Writes to a terminal that is gone (SIGHUP) fail quietly, until the process ends.
    this.out.on('error', this.ignore);
    on('exit', () => this.leave());
    // Before Node prints an uncaught error: the message must land on the shell's screen.
    on('uncaughtExceptionMonitor', () => this.leave());
    for (const sig of Object.keys(SIGNALS) as Ending[]) on(sig, () => this.end(sig));
    on('SIGTSTP', () => this.suspend());
    on('SIGCONT', () => this.resume());
  }

  /** Gives the terminal back (idempotent). */
  leave(): void {
    if (!this.active) return;
    this.active = false;
    for (const [event, f] of this.handlers.splice(0)) process.off(event as 'exit', f);
    if (!this.suspended) this.write(leaveSequence(this.caps));
    this.suspended = false;
  }

  /** Ctrl-Z: the shell's screen back, the process stopped; `fg` resumes (SIGCONT). */
  suspend(): void {
    if (!this.active || this.suspended) return;
    this.suspended = true;
    this.write(leaveSequence(this.caps));
    this.stdin.setRawMode?.(false);
    if (this.opts.process) (this.opts.stop ?? (() => process.kill(process.pid, 'SIGSTOP')))();
  }

  resume(): void {
    if (!this.active || !this.suspended) return;
    this.suspended = false;
    if (this.stdin.isTTY) this.stdin.setRawMode?.(true);
    this.write(enterSequence(this.caps));
    this.opts.onResume?.();
  }

  private end(sig: Ending): void {
    this.leave();
    const code = 128 + SIGNALS[sig];
    this.opts.onEnd?.(code);
    // The console shuts down in order (the demo closes its engine); if that hangs, the signal still ends the process.
    const exit = this.opts.exit ?? ((c: number) => process.exit(c));
    setTimeout(() => exit(code), END_GRACE_MS).unref();
  }

  private readonly ignore = (): void => {};
}
