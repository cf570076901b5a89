/**
 * Bracketed paste in a real terminal: the embedded demo in tmux. The console
 * turns the mode on, so tmux's paste-buffer -p wraps the text in markers: a
 * paste on a pane runs no key ("sq" would open the status menu, then quit);
 * a multi-line paste into the notes of a call keeps its lines, in one piece.
 * Then the console is killed (SIGTERM): the mode must be off in the terminal
 * it leaves (the shell's `cat -v` then shows a paste without markers).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tmux } from './tmux.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
let dir: string;
let tmux: Tmux | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ac-e2e-paste-'));
});

afterAll(() => {
  tmux?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasTmux)('pasting in a real terminal', () => {
  it('a paste is text in a field, nothing on a pane; the mode is off once the console is killed', async () => {
    // sh stays after the console: `cat -v` shows what the terminal sends then.
    tmux = new Tmux(['sh', '-c', 'node bin/agent-console --reset-demo --rate 20; echo "console exited"; exec cat -v'], {
      cols: 100,
      rows: 30,
      cwd: process.cwd(),
      env: { AGENT_CONSOLE_CONFIG_DIR: join(dir, 'conf'), AGENT_CONSOLE_DATA_DIR: join(dir, 'data') },
    });
    await tmux.waitFor(/Ana L\..*On Break/, 'the demo, On Break', 20_000);
    expect(tmux.format('#{alternate_on}')).toBe('1');

    tmux.paste('sq');
    await tmux.waitFor(/Paste ignored: no text field here\./, 'the paste ignored on a pane');
    let screen = tmux.screen();
    expect(screen).not.toMatch(/─ Change status|Leave the console\?/);

    tmux.keys('s');
    await tmux.waitFor(/─ Change status/, 'status menu');
    tmux.keys('Enter'); // Available is first from On Break
    await tmux.waitFor(/Ana L\..*● Available/, 'Available');
    await tmux.waitFor(/a, Ctrl-Y accept/, 'an offer', 30_000);
    tmux.keys('a');
    await tmux.waitFor(/Ana L\..*● Busy/, 'Busy after accept');
    tmux.keys('n');
    await tmux.waitFor(/Notes \(Esc saves\)/, 'the notes field');

    tmux.paste('Caller asks about\nthe invoice\x1b[31m of May\nsq');
    screen = await tmux.waitFor(/^│sq▌/m, 'the pasted notes');
    expect(screen).toMatch(/^│Caller asks about\s+│$/m);
    expect(screen).toMatch(/^│the invoice of May\s+│$/m);
    expect(screen).toMatch(/Ana L\..*● Busy/);
    expect(screen).not.toMatch(/─ Change status|Leave the console\?/);

    const sh = tmux.pid();
    const node = Number(spawnSync('pgrep', ['-P', String(sh)], { encoding: 'utf8' }).stdout.trim().split('\n')[0]);
    expect(node).toBeGreaterThan(0);
    process.kill(node, 'SIGTERM');
    await tmux.waitFor(/console exited/, 'the console gone');
    expect(tmux.format('#{alternate_on}')).toBe('0');
    tmux.paste('after\n');
    screen = await tmux.waitFor(/after/, 'the paste in cat');
    expect(screen).not.toContain('[200~');
  }, 90_000);
});
