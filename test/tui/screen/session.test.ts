// The terminal session: what it writes going in and out, and every way out
// gives the terminal back — a quit, process exit, a crash, SIGTERM, SIGHUP —
// plus a suspend and resume around Ctrl-Z / fg.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectCaps } from '../../../src/tui/screen/caps.js';
import { enterSequence, leaveSequence, TerminalSession } from '../../../src/tui/screen/session.js';
import { Vt } from '../helpers/vt.js';

const xterm = detectCaps({ env: { TERM: 'xterm-256color', LANG: 'C.UTF-8' } });
const vt100 = detectCaps({ env: { TERM: 'vt100', LANG: 'C' } });

class Out extends EventEmitter {
  data = '';
  vt = new Vt(40, 5);
  write(d: string): boolean { this.data += d; this.vt.write(d); return true; }
}

function session(caps = xterm, opts: Partial<ConstructorParameters<typeof TerminalSession>[3]> = {}) {
  const out = new Out();
  const raw: boolean[] = [];
  const stdin = { isTTY: true, setRawMode: (m: boolean) => void raw.push(m) };
  const calls = { ended: [] as number[], resumed: 0, stopped: 0, exited: [] as number[] };
  const s = new TerminalSession(out as unknown as NodeJS.WritableStream, stdin, caps, {
    process: false, onEnd: (c) => calls.ended.push(c), onResume: () => calls.resumed++,
    stop: () => calls.stopped++, exit: (c) => calls.exited.push(c), ...opts,
  });
  return { s, out, raw, calls };
}

afterEach(() => vi.useRealTimers());

describe('terminal session', () => {
  it('takes the alternate screen, hides the cursor, stops autowrap; gives all of it back once', () => {
    const { s, out } = session();
    s.enter();
    expect(out.vt).toMatchObject({ altScreen: true, cursorVisible: false, autowrap: false });
    expect(out.data).toContain('\x1b[?2004h');
    s.leave();
    s.leave();
    expect(out.vt).toMatchObject({ altScreen: false, cursorVisible: true, autowrap: true });
    expect(out.data.split(leaveSequence(xterm))).toHaveLength(2);
  });

  it('on a terminal without the alternate screen or modes (vt100): clears instead, sends no mode it lacks', () => {
    expect(enterSequence(vt100)).toBe('\x1b[H\x1b[2J\x1b[?25l\x1b[?7l');
    expect(leaveSequence(vt100)).toBe('\x1b[0m\x1b[?7h\x1b[?25h\x1b[H\x1b[2J');
  });

  it('a suspend gives the shell its screen and stops; SIGCONT takes the terminal again and redraws', () => {
    const { s, out, raw, calls } = session(xterm, { process: true });
    s.enter();
    s.suspend();
    expect(out.vt.altScreen).toBe(false);
    expect([raw, calls.stopped]).toEqual([[false], 1]);
    process.emit('SIGCONT' as 'exit', 0);
    expect(out.vt.altScreen).toBe(true);
    expect([raw, calls.resumed]).toEqual([[false, true], 1]);
    process.emit('SIGTSTP' as 'exit', 0); // kill -TSTP: the same as Ctrl-Z
    expect(calls.stopped).toBe(2);
    s.leave();
  });

  it.each([['SIGTERM', 143], ['SIGHUP', 129], ['SIGINT', 130]] as const)('%s gives the terminal back and ends the console with %i', (sig, code) => {
    vi.useFakeTimers();
    const { s, out, calls } = session(xterm, { process: true });
    const before = process.listenerCount(sig);
    s.enter();
    expect(process.listenerCount(sig)).toBe(before + 1);
    process.emit(sig as 'exit', 0);
    expect(out.vt.altScreen).toBe(false);
    expect(calls.ended).toEqual([code]);
    expect(process.listenerCount(sig)).toBe(before);
    // If the orderly shutdown hangs, the process still ends.
    vi.advanceTimersByTime(5000);
    expect(calls.exited).toEqual([code]);
  });

  it('a crash gives the terminal back before Node prints the error; so does any exit', () => {
    const { s, out } = session(xterm, { process: true });
    s.enter();
    process.emit('uncaughtExceptionMonitor' as 'exit', 0);
    expect(out.vt.altScreen).toBe(false);
    const second = session(xterm, { process: true });
    second.s.enter();
    process.emit('exit', 0);
    expect(second.out.vt.altScreen).toBe(false);
  });

  it('writes to a terminal that is gone fail quietly', () => {
    const out = new Out();
    out.write = () => { throw Object.assign(new Error('EIO'), { code: 'EIO' }); };
    const s = new TerminalSession(out as unknown as NodeJS.WritableStream, {}, xterm, { process: false });
    expect(() => { s.enter(); s.write('x'); s.leave(); }).not.toThrow();
  });
});
