// runConsole: renders on the given streams, resolves with the exit code when
// the agent quits, gives the terminal back, calls onExit.
import { describe, expect, it } from 'vitest';
import { interaction, makeView } from './helpers/fixtures.js';
import { startConsole } from './helpers/run-console.js';
import { waitFor } from './helpers/render.js';

describe('runConsole', () => {
  it('quits with 0 after logging out, on the alternate screen until then', async () => {
    const c = await startConsole();
    expect(c.stdout.vt.altScreen).toBe(true);
    await c.press('q', 'l');
    await expect(c.done).resolves.toBe(0);
    expect(c.client.callsOf('logout')).toHaveLength(1);
    expect(c.stdout.vt.altScreen).toBe(false);
    expect(c.stdout.vt.cursorVisible).toBe(true);
    expect(c.exited()).toBe(1);
  });

  it('with work in progress, quits only when confirmed, and never logs out', async () => {
    const c = await startConsole({ view: makeView({ work: [interaction('w1')] }) });
    await c.press('q', 'l');
    expect(c.client.callsOf('logout')).toHaveLength(0);
    expect(c.exited()).toBe(0);
    await c.press('\r');
    await expect(c.done).resolves.toBe(0);
  });

  it('Ctrl-C asks too instead of killing the console', async () => {
    const c = await startConsole();
    await c.press('\x03');
    await waitFor(() => c.screen().join('\n').includes('Leave the console?'));
    await c.press('y');
    await expect(c.done).resolves.toBe(0);
  });
});
