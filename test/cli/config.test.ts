/**
 * `agent-console config set` checks what it is given against the settings'
 * JSON Schema (settings-schema.ts) (the real binary, a settings folder of its own): an unknown key,
 * a bad value or a theme that does not exist is refused with exit 2 and what
 * is allowed; the file keeps what it had. A file broken by hand can be mended
 * setting by setting (the console says what is wrong inside it: first-day e2e).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ac-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args: string[]) => runCli(['config', ...args], { env: { AGENT_CONSOLE_CONFIG_DIR: dir } });

describe('config set', () => {
  it('refuses a bad value, an unknown theme or key with exit 2 and what is allowed; keeps the file as it was', async () => {
    expect((await run('set', 'bell', 'false')).code).toBe(0);
    const before = readFileSync(join(dir, 'config.json'), 'utf8');
    const cases: [string[], RegExp][] = [
      [['set', 'bell', 'maybe'], /config set bell: bell must be true or false/],
      [['set', 'theme', 'nosuchtheme'], /there is no theme "nosuchtheme"; themes are default, high-contrast, light, mono/],
      [['set', 'nosuchkey', '1'], /there is no setting "nosuchkey"; settings are servers, theme, keys, bell, notifications, linear, dateFormat/],
      [['set', 'notifications', 'loud'], /notifications must be one of auto, off, osc9, osc777/],
      [['set', 'servers.work', '{"url":"ws://h:7300"}'], /servers\.work needs agent/],
      [['set', 'keys.offer.accept', '3'], /keys\.offer must be a list of keys, e\.g\. \["ctrl\+a"\]/],
    ];
    for (const [args, message] of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(before);
    for (const ok of [['theme', 'light'], ['notifications', 'osc9'], ['servers.work', '{"url":"ws://h:7300","agent":"ana"}'], ['keys.offer.accept', '["ctrl+a"]']]) {
      expect((await run('set', ...ok)).code, ok.join(' ')).toBe(0);
    }
    expect(JSON.parse((await run('get', 'theme')).stdout)).toBe('light');
  });

  it('a settings file broken by hand: config get still reads it, config set mends it one setting at a time', async () => {
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ bell: 'maybe', notifications: 'loud', keys: {}, servers: {}, favourites: [] }));
    expect((await run('get', 'bell')).stdout.trim()).toBe('"maybe"');
    expect((await run('set', 'bell', 'true')).code).toBe(0);
    expect((await run('set', 'notifications', 'off')).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toMatchObject({ bell: true, notifications: 'off' });
  });
});
