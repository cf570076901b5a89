/**
 * `npm start --reset-demo` without the `--` (issue 23: silently ignored, and
 * `npm start --demo-agent ben` failed with "unknown command 'ben'"): real npm
 * runs the real program, which says npm kept the option and shows the line
 * that works, exit 2. A home of its own; nothing of the test runner's npm
 * environment.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const home = mkdtempSync(join(tmpdir(), 'ac-npm-start-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const npmStart = (...args: string[]) =>
  spawnSync('npm', ['start', '--silent', ...args], {
    env: { PATH: process.env.PATH, HOME: home, NPM_CONFIG_UPDATE_NOTIFIER: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 20_000,
  });

describe('npm start with options before --', () => {
  it.each([
    [['--demo-agent', 'ben'], 'npm kept --demo-agent for itself: it passes options to the program only after --, as in: npm start -- --demo-agent …'],
    [['--reset-demo', '--rate', '3'], 'npm kept --reset-demo, --rate for itself: it passes options to the program only after --, as in: npm start -- --reset-demo --rate …'],
  ])('npm start %j: exit 2, saying how to pass them', (args, message) => {
    const r = npmStart(...args);
    expect(r.stderr).toBe(`agent-console: ${message}\n`);
    expect(r.status).toBe(2);
  }, 30_000);
});
