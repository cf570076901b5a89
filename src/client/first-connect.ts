/**
 * The first connection of EngineClient.connect(): the promise the caller
 * waits on, its time bound, and how many sockets it tried (for the message
 * saying why it gave up). Later reconnects are not bounded: only a console
 * that never got in must not wait forever.
 */
/** Time kept before the bound for the last attempt to be answered (a refused connection on a LAN is quicker). */
const LAST_ATTEMPT_MS = 250;

export class FirstConnect {
  private pending?: { resolve(): void; reject(e: Error): void };
  private deadline?: { at: number; started: number; timer: NodeJS.Timeout };
  /** Sockets opened while waiting. */
  private opened = 0;

  constructor(private readonly url: string) {}

  /** Waits; after `timeoutMs` (if given) `onTimeout` decides how to fail. */
  start(resolve: () => void, reject: (e: Error) => void, timeoutMs: number | undefined, onTimeout: () => void): void {
    this.pending = { resolve, reject };
    if (timeoutMs === undefined) return;
    const now = Date.now();
    this.deadline = { at: now + timeoutMs, started: now, timer: setTimeout(onTimeout, timeoutMs) };
  }

  get waiting(): boolean {
    return this.pending !== undefined;
  }

  socketOpened(): void {
    if (this.pending) this.opened++;
  }

  /**
   * The retry delay while the first connection waits: never past the bound,
   * so the last attempt comes just before it and the bound's own timer gives
   * up (the console's "giving up in N s" holds). Undefined: no time left for
   * one more attempt, so wait for the bound.
   */
  retryDelay(delayMs: number): number | undefined {
    if (this.pending === undefined || this.deadline === undefined) return delayMs;
    const left = this.deadline.at - Date.now() - LAST_ATTEMPT_MS;
    return left < 0 ? undefined : Math.min(delayMs, left);
  }

  done(): void {
    const pending = this.settle();
    pending?.resolve();
  }

  /** Rejects with a coded error; false when nothing was waiting. */
  fail(code: string, message: string): boolean {
    const pending = this.settle();
    pending?.reject(Object.assign(new Error(message), { code }));
    return pending !== undefined;
  }

  /** "cannot reach wss://…: connect ECONNREFUSED … (3 attempts in 14 s)" */
  unreachable(reason: string): string {
    const started = this.deadline?.started;
    const n = this.opened;
    const tried = started === undefined ? '' : ` (${n} attempt${n > 1 ? 's' : ''} in ${Math.max(1, Math.round((Date.now() - started) / 1000))} s)`;
    return `cannot reach ${this.url}: ${reason}${tried}`;
  }

  private settle() {
    const pending = this.pending;
    this.pending = undefined;
    clearTimeout(this.deadline?.timer);
    return pending;
  }
}
