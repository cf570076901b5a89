/**
 * Drives a real program in a real pseudo-terminal through tmux: send keys,
 * capture the screen (as text, or with its SGR codes), record the bytes the
 * program writes. Each Tmux gets its own server socket, so tests never touch
 * a user's tmux sessions.
 *
 * The program runs in a user's environment, set explicitly whatever the test
 * runner's is (CI runs with CI=true): no CI, NO_COLOR, FORCE_COLOR or locale
 * overrides from outside, TERM=xterm-256color, a UTF-8 LANG; `env` adds to it.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';

export const USER_ENV: Readonly<Record<string, string>> = { TERM: 'xterm-256color', LANG: 'C.UTF-8' };
const NOT_A_USER: readonly string[] = ['CI', 'CONTINUOUS_INTEGRATION', 'NO_COLOR', 'FORCE_COLOR', 'LC_ALL', 'LC_CTYPE', 'TMUX', 'COLORTERM'];

export class Tmux {
  private readonly socket = `ac-e2e-${randomBytes(4).toString('hex')}`;
  private readonly target = 'main';

  constructor(
    command: string[],
    options: { cols?: number; rows?: number; env?: Record<string, string>; cwd?: string } = {},
  ) {
    const env = Object.entries({ ...USER_ENV, ...options.env }).map(([k, v]) => `${k}=${v}`);
    this.tmux([
      'new-session', '-d', '-s', this.target,
      '-x', String(options.cols ?? 100), '-y', String(options.rows ?? 30),
      ...(options.cwd ? ['-c', options.cwd] : []),
      'env', ...NOT_A_USER.flatMap((k) => ['-u', k]), ...env,
      ...command,
    ]);
    // Keep the pane (and its last screen) if the program exits, so failures can be read.
    this.tmux(['set-option', '-t', this.target, 'remain-on-exit', 'on']);
  }

  /** Sends keys as tmux names them ("Enter", "Escape", "C-c", "Tab") or literal text with `literal`. */
  keys(...keys: string[]): void {
    this.tmux(['send-keys', '-t', this.target, ...keys]);
  }

  type(text: string): void {
    this.tmux(['send-keys', '-t', this.target, '-l', text]);
  }

  /**
   * Pastes text as a terminal does (tmux's paste-buffer): line feeds become
   * carriage returns, and the text is wrapped in bracketed-paste markers only
   * if the program turned the mode on (`-p`).
   */
  paste(text: string): void {
    this.tmux(['load-buffer', '-b', 'e2e-paste', '-'], text);
    this.tmux(['paste-buffer', '-p', '-d', '-b', 'e2e-paste', '-t', this.target]);
  }

  /** The process id of the pane's program (the command given to the constructor). */
  pid(): number {
    return Number(this.tmux(['display-message', '-p', '-t', this.target, '#{pane_pid}']).trim());
  }

  /** The visible screen as plain text lines. */
  screen(): string {
    return this.tmux(['capture-pane', '-p', '-t', this.target]);
  }

  /** Everything the pane printed (its scrollback and screen), wrapped lines joined. */
  scrollback(): string {
    return this.tmux(['capture-pane', '-p', '-J', '-S', '-', '-t', this.target]);
  }

  /** The visible screen with its attributes and colours as SGR sequences. */
  styledScreen(): string {
    return this.tmux(['capture-pane', '-p', '-e', '-t', this.target]);
  }

  /** A pane variable, e.g. #{alternate_on}, #{cursor_flag}. */
  format(f: string): string {
    return this.tmux(['display-message', '-p', '-t', this.target, f]).trim();
  }

  /** Starts appending every byte the program writes to `file` (tmux pipe-pane). */
  recordBytes(file: string): void {
    // The file exists from now on: tmux starts its recorder asynchronously, and a reader must see "nothing yet", not ENOENT.
    appendFileSync(file, '');
    this.tmux(['pipe-pane', '-o', '-t', this.target, `cat >> '${file}'`]);
  }

  /** Waits until the screen matches (polls the terminal: the program runs in another process). */
  async waitFor(match: RegExp | ((screen: string) => boolean), label: string, timeoutMs = 10_000): Promise<string> {
    const test = typeof match === 'function' ? match : (s: string) => match.test(s);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}; screen was:\n${screen}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  kill(): void {
    try {
      this.tmux(['kill-server']);
    } catch {
      /* already gone */
    }
  }

  private tmux(args: string[], input?: string): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8', ...(input === undefined ? {} : { input }) });
  }
}
