// runConsole: renders on the given streams, resolves with the exit code when
// the agent quits, restores the window title, calls onExit.
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/tui/run.js';
import { POP_TITLE, PUSH_TITLE } from '../../src/tui/terminal.js';
import { loadTheme } from '../../src/tui/theme.js';
import { FakeClient } from './helpers/fake-client.js';
import { interaction, makeView } from './helpers/fixtures.js';
import { FakeStdin, FakeStdout, tick, waitFor } from './helpers/render.js';

async function start(view = makeView()) {
  const stdout = new FakeStdout(80, 24);
  const stdin = new FakeStdin();
  const client = new FakeClient(view);
  let exited = 0;
  const done = runConsole({
    client, theme: loadTheme('default').theme, bell: false,
    stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream,
    onExit: () => { exited++; },
  });
  await waitFor(() => stdout.frames.join('').includes('Ana L.'));
  // Frames are throttled to 12 per second: wait past one frame interval.
  const press = async (k: string) => { stdin.write(k); await tick(100); };
  return { stdout, client, done, press, exited: () => exited };
}

describe('runConsole', () => {
  it('quits with 0 after logging out, restoring the title', async () => {
    const c = await start();
    expect(c.stdout.frames[0]).toBe(PUSH_TITLE);
    expect(c.stdout.frames.join('')).toContain('Ana L.');
    await c.press('q');
    await c.press('l');
    await expect(c.done).resolves.toBe(0);
    expect(c.client.callsOf('logout')).toHaveLength(1);
    expect(c.stdout.frames.at(-1)).toBe(POP_TITLE);
    expect(c.exited()).toBe(1);
  });

  it('with work in progress, quits only when confirmed, and never logs out', async () => {
    const c = await start(makeView({ work: [interaction('w1')] }));
    await c.press('q');
    await c.press('l');
    expect(c.client.callsOf('logout')).toHaveLength(0);
    expect(c.exited()).toBe(0);
    await c.press('\r');
    await expect(c.done).resolves.toBe(0);
  });

  it('Ctrl-C asks too instead of killing the console', async () => {
    const c = await start();
    await c.press('\x03');
    await waitFor(() => c.stdout.frames.join('').includes('Leave the console?'));
    await c.press('y');
    await expect(c.done).resolves.toBe(0);
  });

  it('writes only changed lines after the first frame (incremental rendering)', async () => {
    const c = await start();
    const first = c.stdout.frames.slice(1).join('').length;
    const mark = c.stdout.frames.length;
    await c.press('3');
    const second = c.stdout.frames.slice(mark).join('').length;
    expect(second).toBeLessThan(first);
    await c.press('q');
    await c.press('y');
    await c.done;
  });
});
