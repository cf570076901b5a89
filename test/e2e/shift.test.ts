/**
 * End to end, as an agent lives it: the real binary in a real pseudo-terminal
 * (tmux) against a real `agent-console serve` process. A customer starts a web
 * chat; the agent goes Available, accepts the offer, ends the chat, is refused
 * Wrap Up until the mandatory code is picked, picks it, wraps up and is
 * Available again. The screen is checked at each step.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerChatClient, customerUrl } from '../../src/client/customer-chat.js';
import { startServe, type ServeProcess } from '../soak/serve-process.js';
import { Tmux } from './tmux.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
let dir: string;
let serve: ServeProcess | undefined;
let url: string;
let tmux: Tmux | undefined;
let customer: CustomerChatClient | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ac-e2e-'));
  serve = await startServe({ dir });
  url = serve.url;
}, 30_000);

afterAll(async () => {
  customer?.close();
  tmux?.kill();
  await serve?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasTmux)('a shift in a real terminal', () => {
  it('logs in, accepts an offer, picks a mandatory code, wraps up', async () => {
    tmux = new Tmux(['node', 'bin/agent-console', '--server', url, '--agent', 'ana'], {
      cols: 100,
      rows: 30,
      cwd: process.cwd(),
      env: { AGENT_CONSOLE_PASSWORD: 'demo', AGENT_CONSOLE_CONFIG_DIR: join(dir, 'conf'), AGENT_CONSOLE_DATA_DIR: join(dir, 'data') },
    });
    let screen = await tmux.waitFor(/Ana L\..*On Break/, 'logged in, On Break', 20_000);
    expect(screen).toMatch(/online/);

    tmux.keys('s');
    // The dialog's title: "s Change status" is also in the key hints of every pane.
    await tmux.waitFor(/─ Change status/, 'status menu');
    tmux.keys('Enter'); // Available is first from On Break
    await tmux.waitFor(/Ana L\..*● Available/, 'Available').catch((e: Error) => {
      throw new Error(`${e.message}\nserver log:\n${readFileSync(join(serve!.dir, 'serve.log'), 'utf8')}`);
    });

    customer = new CustomerChatClient({ url: customerUrl(url), name: 'Olivia Nguyen', queue: 'support-chat' });
    await customer.start();
    screen = await tmux.waitFor(/Olivia Nguyen/, 'the offer with the customer');
    expect(screen).toMatch(/Support — Chat/);

    tmux.keys('a');
    screen = await tmux.waitFor(/Ana L\..*● Busy/, 'Busy after accept');

    tmux.keys('e');
    await tmux.waitFor(/wrap/i, 'wrap-up');
    tmux.keys('w');
    screen = await tmux.waitFor(/Contact reason/, 'refused: the mandatory code is missing');
    expect(screen).toMatch(/Ana L\..*Busy/);

    tmux.keys('d');
    screen = await tmux.waitFor(/\* Contact reason\s+\(required\)/, 'disposition with the mandatory list marked');
    expect(screen).toMatch(/\[ \] How-to question/);
    tmux.keys('Enter');
    await tmux.waitFor(/\[x\] How-to question/, 'code chosen');
    tmux.keys('w');
    screen = await tmux.waitFor(/Ana L\..*● Available/, 'Available again after wrap-up');
    expect(screen, screen).not.toMatch(/Olivia Nguyen/);
  }, 90_000);
});
