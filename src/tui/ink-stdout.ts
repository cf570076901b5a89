// A pass-through for the stream Ink writes to, correcting one cursor move.
//
// Ink 6.8's incremental renderer re-anchors each frame with
// cursorUp(previousLines - 1). That is right when a frame ends on its last
// line (fullscreen frames), but a frame shorter than the terminal ends with a
// newline, one row lower, so every update lands one row too low and the
// terminal scrolls a row per frame (stale lines pile up in the scrollback).
// The console keeps its root at rows-1 (a full-height frame makes Ink clear
// the screen on every update), so it is always in the newline case. We add
// the missing row to that one cursorUp; nothing else is touched.

// An incremental frame starts by moving up, then to column 1 (a changed line)
// or to the next line (an unchanged one).
const FRAME_START = /^\x1b\[(\d+)A(?=\x1b\[(?:1G|E))/;
const NEXT_LINE = '\x1b[E';
// Ink's synchronized-output brackets, written on their own around a frame.
const SYNC = new Set(['\x1b[?2026h', '\x1b[?2026l']);

export function fixInkStdout(out: NodeJS.WriteStream): NodeJS.WriteStream {
  let endedWithNewline = false;
  const fix = (chunk: string): string => {
    if (SYNC.has(chunk)) return chunk;
    const m = endedWithNewline ? FRAME_START.exec(chunk) : null;
    const fixed = m ? `\x1b[${Number(m[1]) + 1}A${chunk.slice(m[0].length)}` : chunk;
    // A frame leaves the cursor below its last line when it ends with a newline
    // (changed last line) or a next-line move (unchanged last line).
    endedWithNewline = chunk.endsWith('\n') || chunk.endsWith(NEXT_LINE);
    return fixed;
  };
  // Everything but write() (columns, rows, isTTY, 'resize' events...) is the real stream's.
  return new Proxy(out, {
    get(target, prop) {
      if (prop === 'write') {
        return (chunk: unknown, ...rest: unknown[]) =>
          (target.write as (...a: unknown[]) => boolean)(typeof chunk === 'string' ? fix(chunk) : chunk, ...rest);
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as NodeJS.WriteStream;
}

