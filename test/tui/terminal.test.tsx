// What a real terminal shows: runConsole's output replayed into a tiny
// terminal emulator. Guards the fix for Ink 6.8's incremental renderer, which
// otherwise lands each update one row low and scrolls the terminal per frame.
import { describe, expect, it } from 'vitest';
import { fixInkStdout } from '../../src/tui/ink-stdout.js';
import { runConsole } from '../../src/tui/run.js';
import { loadTheme } from '../../src/tui/theme.js';
import { FakeClient } from './helpers/fake-client.js';
import { interaction, makeView, offer } from './helpers/fixtures.js';
import { FakeStdin, FakeStdout, tick, waitFor } from './helpers/render.js';
import { Vt } from './helpers/vt.js';

class VtStdout extends FakeStdout {
  vt: Vt;
  constructor(columns: number, rows: number) {
    super(columns, rows);
    this.vt = new Vt(columns, rows);
    const record = this.write;
    this.write = (data: string) => { this.vt.write(data); return record(data); };
  }
}

async function session(columns = 80, rows = 24) {
  const stdout = new VtStdout(columns, rows);
  const stdin = new FakeStdin();
  const client = new FakeClient(makeView({ work: [interaction('w1')] }));
  const done = runConsole({
    client, theme: loadTheme('mono').theme, bell: false,
    stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream,
  });
  await waitFor(() => stdout.vt.lines()[0]!.startsWith('Ana L.'));
  const press = async (k: string) => { stdin.write(k); await tick(150); };
  return { stdout, stdin, client, done, press, screen: () => stdout.vt.lines() };
}

describe('on a real terminal (emulated)', () => {
  it('updates land on their own rows; nothing scrolls', async () => {
    const s = await session();
    expect(s.screen()[0]).toMatch(/^Ana L\.\s+● Available/);
    expect(s.screen()[1]).toMatch(/^\[1 Interaction\]/);
    for (const k of ['3', 'j', '4', 'j', '1', 'n', 'a', 'b', '\x1b']) await s.press(k);
    s.client.setView((v) => ({ ...v, offer: offer('o1') }));
    await tick(150);
    const screen = s.screen();
    expect(s.stdout.vt.scrolled).toBe(0);
    expect(screen[0]).toMatch(/^Ana L\.\s+● Available/);
    expect(screen[1]).toMatch(/^\[1 Interaction\]/);
    expect(screen[2]).toMatch(/^╭─ 1 Interaction/);
    expect(screen.filter((l) => l.startsWith('Ana L.'))).toHaveLength(1);
    expect(screen[20]).toMatch(/^╰─+╯$/);
    expect(screen[21]).toBe('Notes saved.');
    await s.press('q');
    await s.press('y');
    await s.done;
  });

  it('survives a resize to side by side and back', async () => {
    const s = await session();
    s.stdout.resize(130, 30);
    await tick(150);
    s.stdout.resize(80, 24);
    await tick(150);
    await s.press('2');
    // Wait on what the screen shows, not on time: a loaded machine renders late.
    await waitFor(() => /\[2 Disposition\]/.test(s.screen()[1]!));
    const screen = s.screen();
    expect(screen[0]).toMatch(/^Ana L\./);
    expect(screen[1]).toMatch(/\[2 Disposition\]/);
    expect(screen.filter((l) => l.startsWith('Ana L.'))).toHaveLength(1);
    await s.press('q');
    await s.press('y');
    await s.done;
  });
});

describe('fixInkStdout', () => {
  const through = (chunks: string[]) => {
    const out: string[] = [];
    const fixed = fixInkStdout({ write: (c: string) => out.push(c), columns: 80 } as unknown as NodeJS.WriteStream);
    for (const c of chunks) fixed.write(c);
    return { out, fixed };
  };

  it('adds the missing row after a frame that ended below its last line', () => {
    expect(through(['a\nb\n', '\x1b[1A\x1b[1Gx\x1b[K\n\x1b[E']).out[1]).toBe('\x1b[2A\x1b[1Gx\x1b[K\n\x1b[E');
    expect(through(['a\nb\n', '\x1b[?2026h', '\x1b[1A\x1b[E\x1b[1Gy\x1b[K\n']).out[2]).toBe('\x1b[2A\x1b[E\x1b[1Gy\x1b[K\n');
  });

  it('leaves fullscreen frames, erasures and everything else alone', () => {
    expect(through(['a\nb', '\x1b[1A\x1b[1Gx\x1b[K\n']).out[1]).toBe('\x1b[1A\x1b[1Gx\x1b[K\n');
    expect(through(['a\nb\n', '\x1b[2K\x1b[1A\x1b[2K\x1b[G']).out[1]).toBe('\x1b[2K\x1b[1A\x1b[2K\x1b[G');
    expect(through(['a\n', 'plain text']).out[1]).toBe('plain text');
    expect(through([]).fixed.columns).toBe(80);
  });
});
