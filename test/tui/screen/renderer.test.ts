// Frame scheduling, on a stand-in for Ink's laid-out tree and fake timers:
// a key's frame is drawn at once (never behind a frame cap); time and server
// updates are coalesced, one frame per interval at most, the first at once;
// nothing is written when nothing on screen changed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DOUBT_REPAINT_MS, EVENT_INTERVAL_MS, ScreenRenderer, type FrameRecord } from '../../../src/tui/screen/renderer.js';
import type { InkNode } from '../../../src/tui/screen/paint.js';

const box = (w: number, h: number) => ({ getComputedLeft: () => 0, getComputedTop: () => 0, getComputedWidth: () => w, getComputedHeight: () => h });

function tree() {
  const text = { nodeName: '#text', nodeValue: 'start' };
  const root: InkNode & { onRender?: () => void } = {
    nodeName: 'ink-root', yogaNode: box(20, 2), style: {},
    childNodes: [{ nodeName: 'ink-text', yogaNode: box(20, 1), style: {}, childNodes: [text] }],
  };
  return { root, set: (s: string) => { text.nodeValue = s; root.onRender!(); } };
}

function renderer() {
  const writes: string[] = [];
  const frames: FrameRecord[] = [];
  const r = new ScreenRenderer({
    caps: { colorLevel: 3, unicode: true, syncOutput: false }, write: (d) => writes.push(d), size: () => ({ columns: 20, rows: 2 }), onFrame: (f) => frames.push(f),
  });
  const t = tree();
  r.attach(t.root);
  vi.runAllTimers(); // the first frame
  vi.advanceTimersByTime(EVENT_INTERVAL_MS); // ...long enough ago
  writes.length = 0;
  frames.length = 0;
  return { r, writes, frames, ...t };
}

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] }));
afterEach(() => vi.useRealTimers());

describe('frame scheduling', () => {
  it('coalesces server and clock updates: the first at once, then one per interval', () => {
    const { writes, set } = renderer();
    set('event 1');
    vi.advanceTimersByTime(0);
    expect(writes).toHaveLength(1);
    for (let i = 2; i <= 9; i++) set(`event ${i}`);
    vi.advanceTimersByTime(EVENT_INTERVAL_MS - 1);
    expect(writes).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(writes).toHaveLength(2);
    expect(writes[1]).toContain('9');
  });

  it('draws a key’s frame at once, even right after another frame, with what else was pending', () => {
    const { r, writes, frames, set } = renderer();
    set('event 1');
    vi.advanceTimersByTime(0);
    set('event 2'); // waits for the interval...
    r.noteInput();
    set('key a'); // ...but the key does not
    vi.advanceTimersByTime(0);
    expect(writes).toHaveLength(2);
    expect(frames.at(-1)!.cause).toBe('key');
    expect(writes[1]).toContain('key a');
    vi.advanceTimersByTime(EVENT_INTERVAL_MS * 2);
    expect(writes).toHaveLength(2); // nothing left pending
  });

  it('the clock’s frames are time-driven: coalesced like events', () => {
    const { r, frames, set } = renderer();
    r.noteTick();
    set('12:00:01');
    vi.advanceTimersByTime(0);
    expect(frames.map((f) => f.cause)).toEqual(['time']);
  });

  it('writes nothing for a commit that changed nothing on screen', () => {
    const { writes, frames, set } = renderer();
    set('start');
    vi.advanceTimersByTime(EVENT_INTERVAL_MS);
    expect(writes).toEqual([]);
    expect(frames.map((f) => f.bytes)).toEqual([0]);
  });

  it('repaints everything once frames stop writing characters terminals measure differently', () => {
    const { writes, frames, set } = renderer();
    set('flag 🇫🇷 1');
    vi.advanceTimersByTime(DOUBT_REPAINT_MS - 1);
    set('flag 🇯🇵 2'); // a later doubtful frame postpones the repaint
    vi.advanceTimersByTime(DOUBT_REPAINT_MS - 1);
    expect(writes.some((w) => w.includes('\x1b[2J'))).toBe(false);
    vi.advanceTimersByTime(2); // the repaint's timer, then its frame
    expect(writes.at(-1)).toContain('\x1b[2J');
    expect(frames.at(-1)!.cause).toBe('repaint');
    vi.advanceTimersByTime(DOUBT_REPAINT_MS * 4);
    expect(frames.filter((f) => f.cause === 'repaint')).toHaveLength(1); // the repaint itself raises no new doubt
    set('plain text');
    vi.advanceTimersByTime(DOUBT_REPAINT_MS * 4);
    expect(frames.filter((f) => f.cause === 'repaint')).toHaveLength(1);  });

  it('a doubtful character written again in its own cell (its row rewritten for the clock) raises no new doubt', () => {
    const { writes, frames, set } = renderer();
    set('✉ 1 unread 12:00:01');
    vi.advanceTimersByTime(DOUBT_REPAINT_MS + 1);
    expect(frames.filter((f) => f.cause === 'repaint')).toHaveLength(1);
    for (let s = 2; s < 10; s++) {
      set(`✉ 1 unread 12:00:0${s}`);
      vi.advanceTimersByTime(1000);
    }
    expect(writes.at(-1)).toContain('✉'); // the row is still rewritten whole
    expect(frames.filter((f) => f.cause === 'repaint')).toHaveLength(1);
    set('🇫🇷 1 unread 12:00:10'); // a new one does
    vi.advanceTimersByTime(DOUBT_REPAINT_MS + 1);
    expect(frames.filter((f) => f.cause === 'repaint')).toHaveLength(2);
  });

  it('repaints everything at once on request (Ctrl-L), and never after stop()', () => {
    const { r, writes } = renderer();
    r.repaint();
    vi.advanceTimersByTime(0);
    expect(writes[0]).toContain('\x1b[2J');
    r.stop();
    r.repaint();
    vi.advanceTimersByTime(EVENT_INTERVAL_MS);
    expect(writes).toHaveLength(1);
  });
});
