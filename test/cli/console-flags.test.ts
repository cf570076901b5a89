// The console's flags that are wrong on their face are usage errors (exit 2),
// before the console connects to anything.
import { runCli } from './run-cli.js';
import { describe, expect, it } from 'vitest';

describe('console flags', () => {
  it('--notify must be auto, off, osc9 or osc777', async () => {
    // An unreachable server: had it connected first, this would be exit 4.
    const r = await runCli(['--server', 'ws://127.0.0.1:1', '--agent', 'ana', '--notify', 'loud'], { env: { AGENT_CONSOLE_PASSWORD: 'demo' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--notify: "loud" is not one of auto, off, osc9, osc777');
  });
});
