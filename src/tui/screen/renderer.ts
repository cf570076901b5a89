// The console's render path: React and Ink lay the screen out; this decides
// when a frame is drawn and draws it itself (paint.ts into a grid, writer.ts
// to bytes), so Ink never writes to the terminal. Input first: a frame caused
// by a key is drawn at once, never held behind a frame cap; frames caused by
// time and server events are coalesced (at most one per EVENT_INTERVAL_MS,
// the first at once). Nothing is written when nothing on screen changed.
// Repaint after doubt: once frames stop putting new characters terminals measure
// differently (DOUBT_REPAINT_MS after the last), the whole screen is drawn
// again, so whatever a terminal drew wrongly does not stay.
import { Grid } from './grid.js';
import { paintTree, type InkNode } from './paint.js';
import { ScreenWriter, type WriterCaps } from './writer.js';

/** What made a frame: a key, the clock, a server event or other update, a resize, a repaint (Ctrl-L, resume, after doubt). */
export type FrameCause = 'key' | 'time' | 'event' | 'resize' | 'repaint';

export interface FrameRecord {
  cause: FrameCause;
  /** performance.now() of the first request the frame answers, and of its write. */
  requestedAt: number;
  writtenAt: number;
  paintMs: number;
  bytes: number;
  cells: number;
}

export const EVENT_INTERVAL_MS = 100;
export const DOUBT_REPAINT_MS = 500;

export interface RendererOptions {
  caps: WriterCaps;
  write(data: string): void;
  size(): { columns: number; rows: number };
  onFrame?: ((f: FrameRecord) => void) | undefined;
  /** Every frame a full repaint (the full-redraw baseline of the benches). */
  fullFrames?: boolean;
}

type RootNode = InkNode & { onRender?: () => void; onImmediateRender?: () => void };

export class ScreenRenderer {
  private readonly writer: ScreenWriter;
  private root: RootNode | null = null;
  private grid: Grid | null = null;
  private pending: { cause: FrameCause; at: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private doubtTimer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private keyPending = false;
  private timePending = false;
  /** A resize: the commit that lays the screen out anew is drawn at once. */
  private resizing = false;
  private lastWrite = -Infinity;
  private stopped = false;

  constructor(private readonly o: RendererOptions) {
    this.writer = new ScreenWriter(o.caps);
  }

  /** Takes over Ink's root: its commits now ask us for a frame. Returns the undo. */
  attach(root: RootNode): () => void {
    const { onRender, onImmediateRender } = root;
    this.root = root;
    root.onRender = () => this.commit();
    root.onImmediateRender = () => this.commit();
    this.request('repaint');
    return () => {
      root.onRender = onRender;
      root.onImmediateRender = onImmediateRender;
      this.root = null;
    };
  }

  /** A key arrived: the frames its handling commits are drawn at once. */
  noteInput(): void {
    this.keyPending = true;
    setImmediate(() => (this.keyPending = false));
  }

  /** The clock ticked: the frames it commits are time-driven. */
  noteTick(): void {
    this.timePending = true;
    setImmediate(() => (this.timePending = false));
  }

  /** Everything again, now (Ctrl-L, back from a suspend, a resize). */
  repaint(cause: FrameCause = 'repaint'): void {
    this.writer.invalidate();
    if (cause === 'resize') this.resizing = true;
    this.request(cause);
  }

  /** Ink committed: what caused it decides how soon it is drawn. */
  private commit(): void {
    if (this.resizing) {
      this.resizing = false;
      this.request('resize');
    } else {
      this.request();
    }
  }

  /** Something changed what is on screen. */
  request(cause: FrameCause = this.keyPending ? 'key' : this.timePending ? 'time' : 'event'): void {
    if (this.stopped) return;
    const now = performance.now();
    if (!this.pending) this.pending = { cause, at: now };
    else if (cause !== 'event' && cause !== 'time') this.pending.cause = cause;
    if (cause === 'event' || cause === 'time') {
      if (this.timer || this.immediate) return;
      const wait = this.lastWrite + EVENT_INTERVAL_MS - now;
      if (wait > 0) {
        this.timer = setTimeout(() => this.flush(), wait);
        return;
      }
    }
    // Once the key's handling (and the microtasks it queued) has run: one frame for all of it.
    this.immediate ??= setImmediate(() => this.flush());
  }

  /** Paints and writes the frame now (if anything is pending). */
  flush(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    if (this.immediate) { clearImmediate(this.immediate); this.immediate = null; }
    const pending = this.pending;
    this.pending = null;
    if (!pending || !this.root || this.stopped) return;
    const t0 = performance.now();
    const { columns, rows } = this.o.size();
    if (!this.grid || this.grid.columns !== columns || this.grid.rows !== rows) this.grid = new Grid(columns, rows);
    paintTree(this.root, this.grid);
    if (this.o.fullFrames) this.writer.invalidate();
    const { output, spare } = this.writer.frame(this.grid);
    this.grid = spare;
    const paintMs = performance.now() - t0;
    if (output.bytes !== '') {
      this.o.write(output.bytes);
      this.lastWrite = performance.now();
    }
    if (output.doubt && pending.cause !== 'repaint') {
      if (this.doubtTimer) clearTimeout(this.doubtTimer);
      this.doubtTimer = setTimeout(() => { this.doubtTimer = null; this.repaint(); }, DOUBT_REPAINT_MS);
    }
    this.o.onFrame?.({ cause: pending.cause, requestedAt: pending.at, writtenAt: performance.now(), paintMs, bytes: output.bytes === '' ? 0 : Buffer.byteLength(output.bytes), cells: output.cells });
  }

  /** No more frames (the console is leaving the terminal). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.doubtTimer) clearTimeout(this.doubtTimer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
  }
}
