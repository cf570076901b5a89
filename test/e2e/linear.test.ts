/**
 * Linear mode end to end: the real binary with --linear in a real
 * pseudo-terminal (tmux), a user's environment, against a real `serve`, a
 * real customer chatting. The transcript is what the terminal received
 * (pipe-pane): plain lines in the order things happened — the offer said
 * with the key that takes it, the customer's line, the agent's reply echoed
 * as typed, wrap-up, the code, the end — every action by key, and no escape
 * sequence that could redraw anything.
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
let tmux: Tmux | undefined;
let customer: CustomerChatClient | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ac-e2e-linear-'));
  serve = await startServe({ dir });
}, 30_000);

afterAll(async () => {
  customer?.close();
  tmux?.kill();
  await serve?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The transcript so far: the bytes written, as lines (bracketed paste's two switches and the offer's bell aside). */
const transcript = (file: string): string[] => readFileSync(file, 'utf8').replace(/\x1b\[\?2004[hl]|\x07/g, '').split(/\r*\n/);

describe.skipIf(!hasTmux)('linear mode in a real terminal', () => {
  it('a chat from offer to wrap-up, said line by line and answered by keys', async () => {
    tmux = new Tmux(['sh', '-c', `node bin/agent-console --server ${serve!.url} --agent elena --linear; echo "console exited $?"; exec cat`], {
      cols: 100, rows: 30, cwd: process.cwd(),
      env: { AGENT_CONSOLE_PASSWORD: 'demo', AGENT_CONSOLE_CONFIG_DIR: join(dir, 'conf'), AGENT_CONSOLE_DATA_DIR: join(dir, 'data') },
    });
    const bytes = join(dir, 'linear.bytes');
    tmux.recordBytes(bytes);
    const said = (re: RegExp, label: string, ms = 10_000) => tmux!.waitFor(() => transcript(bytes).some((l) => re.test(l)), label, ms).catch((e: Error) => {
      throw new Error(`${e.message}\ntranscript: ${JSON.stringify(transcript(bytes))}`);
    });

    await said(/^Elena P\.: On Break\.$/, 'where things stand', 20_000);
    tmux.keys('s');
    await said(/^Available, 1 of \d\.$/, 'the status menu, its first item');
    tmux.keys('Enter');
    await said(/^Status: Available\.$/, 'Available');

    customer = new CustomerChatClient({ url: customerUrl(serve!.url), name: 'Olivia Brown', queue: 'sales-chat' });
    await customer.start();
    await said(/^Offer: chat from Olivia Brown, Sales — Chat, \d+ seconds\. Press a to accept, x to reject\.$/, 'the offer');
    tmux.keys('a');
    await said(/^Accepted: chat with Olivia Brown, Sales — Chat\.$/, 'accepted');
    await customer.send('My router is dead.');
    await said(/^Olivia Brown: My router is dead\.$/, 'the customer’s line');

    tmux.keys('Enter');
    await said(/^To Olivia Brown \(Enter sends, Esc stops\): $/, 'the message field');
    const reply = new Promise<string>((resolve) => customer!.subscribe((e) => { if (e.type === 'message' && e.message.from === 'agent') resolve(e.message.text); }));
    tmux.type('Let me check.');
    await said(/^To Olivia Brown \(Enter sends, Esc stops\): Let me check\.$/, 'the reply echoed as typed');
    tmux.keys('Enter');
    expect(await reply).toBe('Let me check.');
    await said(/^You: Let me check\.$/, 'the reply, sent');

    tmux.keys('Escape');
    // Back on the pane (and Escape alone, not the start of Alt-e).
    await said(/^Interaction: In progress: chat with Olivia Brown, Sales — Chat\.$/, 'the pane again');
    tmux.keys('e');
    await said(/^Wrap-up: chat with Olivia Brown, Sales — Chat\.$/, 'wrap-up');
    tmux.keys('d');
    await said(/^Disposition: Order placed, not chosen, in Sale result \(required\), 1 of 3\.$/, 'the first code');
    tmux.keys('Space');
    await said(/^Code chosen: Order placed\.$/, 'the code chosen');
    tmux.keys('w');
    await said(/^Done: chat with Olivia Brown, Sales — Chat\.$/, 'done');
    tmux.keys('q');
    await said(/^Quit\.$/, 'the quit dialog');
    tmux.keys('y');
    await tmux.waitFor(/console exited 0/, 'the shell back');

    const lines = transcript(bytes).filter((l) => l !== '');
    const order = ['Status: Available.', 'Offer: chat from Olivia Brown', 'Accepted:', 'Olivia Brown: My router', 'You: Let me check.', 'Wrap-up:', 'Code chosen:', 'Done:', 'Quit.']
      .map((start) => lines.findIndex((l) => l.startsWith(start)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Nothing but lines: no cursor movement, clearing, colour, alternate screen or hidden cursor (the offer's bell is the one control).
    const raw = readFileSync(bytes, 'utf8').replace(/\x1b\[\?2004[hl]/g, '');
    expect(raw).not.toContain('\x1b');
    expect(raw.replace(/[\r\n\x07]/g, '')).not.toMatch(/[\x00-\x1f\x7f]/);
    expect(tmux.format('#{alternate_on}')).toBe('0');
  }, 120_000);
});
