/**
 * What the agent's terminal really receives, end to end: the real binary in a
 * real pseudo-terminal (tmux) against a real `agent-console serve`, in a
 * user's environment set here (no CI, TERM=xterm-256color, a UTF-8 LANG; see
 * tmux.ts) whatever the runner's is. Colour codes arrive with the default
 * theme and none with NO_COLOR, where the mono theme's bold and inverse do;
 * the console runs on the alternate screen and gives the shell its screen
 * back after `q`, SIGTERM and SIGHUP; under LANG=C no byte above 0x7f is
 * written; a customer's long chat line wraps at word boundaries at 120×40;
 * an offer rings the bell and raises a desktop notification through tmux's
 * passthrough when the terminal behind tmux shows them (iTerm2 here); in
 * linear mode (--linear) the terminal receives plain lines only, a transcript
 * of the shift in the order things happened.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CustomerChatClient, customerUrl } from '../../src/client/customer-chat.js';
import { startServe, type ServeProcess } from '../soak/serve-process.js';
import { Tmux } from './tmux.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
let dir: string;
let serve: ServeProcess | undefined;
let tmux: Tmux | undefined;
let customer: CustomerChatClient | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ac-e2e-terminal-'));
  serve = await startServe({ dir });
}, 30_000);

afterEach(() => {
  customer?.close();
  tmux?.kill();
  customer = undefined;
  tmux = undefined;
});

afterAll(async () => {
  await serve?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// SGR with a colour (foreground or background, 16, 256 or truecolor), as tmux's capture-pane -e writes them.
const COLOUR_SGR = /\x1b\[[0-9;]*(?<![0-9])(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38;[25]|48;[25])[0-9;]*m/;

/** The console as `agent` in a shell that says what it left: the shell's own line before, the exit code after. */
function consoleIn(agent: string, o: { cols?: number; rows?: number; env?: Record<string, string>; args?: string[] } = {}): Tmux {
  const args = ['--server', serve!.url, '--agent', agent, ...(o.args ?? [])].join(' ');
  return new Tmux(['sh', '-c', `echo "the shell was here"; node bin/agent-console ${args}; echo "console exited $?"; exec cat`], {
    cols: o.cols ?? 80,
    rows: o.rows ?? 24,
    cwd: process.cwd(),
    env: { AGENT_CONSOLE_PASSWORD: 'demo', AGENT_CONSOLE_CONFIG_DIR: join(dir, `conf-${agent}`), AGENT_CONSOLE_DATA_DIR: join(dir, `data-${agent}`), ...o.env },
  });
}

/** The console's own process (the shell's child). */
function consolePid(t: Tmux): number {
  const pid = Number(spawnSync('pgrep', ['-P', String(t.pid()), 'node'], { encoding: 'utf8' }).stdout.trim().split('\n')[0]);
  expect(pid).toBeGreaterThan(0);
  return pid;
}

/** Linear mode's transcript so far: the bytes written, as lines (bracketed paste's two switches and the offer's bell aside). */
const transcript = (file: string): string[] => readFileSync(file, 'utf8').replace(/\x1b\[\?2004[hl]|\x07/g, '').split(/\r*\n/);

async function shellBack(t: Tmux, code: number): Promise<string> {
  const screen = await t.waitFor(new RegExp(`console exited ${code}`), `the shell back (exit ${code})`);
  expect(t.format('#{alternate_on}')).toBe('0');
  expect(t.format('#{cursor_flag}')).toBe('1');
  expect(screen).toContain('the shell was here');
  expect(screen).not.toMatch(/Ana L\.|Benjamin O\.|Chlo/);
  return screen;
}

describe.skipIf(!hasTmux)('the terminal an agent gets', () => {
  it('colours and the alternate screen; an offer’s bell and notification; a long chat line wraps at words at 120×40; q gives the shell back', async () => {
    // Inside tmux (as this test is), from iTerm2 (LC_TERMINAL survives ssh and tmux).
    tmux = consoleIn('ana', { cols: 120, rows: 40, env: { TMUX: '/tmp/tmux-e2e/default,1,0', LC_TERMINAL: 'iTerm2' } });
    const bytes = join(dir, 'ana.bytes');
    tmux.recordBytes(bytes);
    await tmux.waitFor(/Ana L\..*On Break/, 'logged in', 20_000);
    expect(tmux.format('#{alternate_on}')).toBe('1');
    expect(tmux.styledScreen()).toMatch(COLOUR_SGR);

    tmux.keys('s');
    await tmux.waitFor(/─ Change status/, 'status menu');
    tmux.keys('Enter');
    await tmux.waitFor(/Ana L\..*● Available/, 'Available').catch((e: Error) => {
      throw new Error(`${e.message}\nserver log:\n${readFileSync(serve!.logFile, 'utf8')}`);
    });
    customer = new CustomerChatClient({ url: customerUrl(serve!.url), name: 'Olivia Nguyen', queue: 'support-chat' });
    await customer.start();
    await tmux.waitFor(/Olivia Nguyen/, 'the offer');
    expect(readFileSync(bytes, 'latin1')).toContain(Buffer.from('\x07\x1bPtmux;\x1b\x1b]9;Offer: Chat · Support — Chat: Olivia Nguyen\x07\x1b\\').toString('latin1'));
    tmux.keys('a');
    await tmux.waitFor(/Ana L\..*● Busy/, 'Busy after accept');
    const message = 'Hello again, I was told on the phone that the branch office on Main Street is closed on Sunday, right? My new card expires next month and I really need it before my trip to Lisbon.';
    await customer.send(message);
    const screen = await tmux.waitFor(/Lisbon\./, 'the message on screen');
    // The transcript rows holding the message, borders and indent removed: every break falls between words.
    const rows = screen.split('\n').map((l) => l.replace(/^│/, '').replace(/│.*$/, '').trim());
    const first = rows.findIndex((l) => l.includes('Hello again'));
    const last = rows.findIndex((l) => l.includes('Lisbon.'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(last).toBeGreaterThan(first);
    const body = rows.slice(first, last + 1).join('\n').replace(/^.*?Olivia Nguyen:\s*/, '');
    expect(body.split(/\s+/).join(' ')).toBe(message);
    const words = new Set(message.split(' '));
    for (const word of body.split(/\s+/)) expect(words.has(word), `"${word}" is not a whole word`).toBe(true);

    tmux.keys('q');
    await tmux.waitFor(/Quit anyway/, 'the quit dialog (work in progress)');
    tmux.keys('Enter');
    await shellBack(tmux, 0);
  }, 90_000);

  it('NO_COLOR: no colour code at all, the mono theme in bold and inverse; SIGTERM gives the shell back', async () => {
    tmux = consoleIn('ben', { env: { NO_COLOR: '1' } });
    await tmux.waitFor(/Benjamin O\..*On Break/, 'logged in', 20_000);
    expect(tmux.format('#{alternate_on}')).toBe('1');
    tmux.keys('4'); // Contacts: the row under the cursor is the mono theme's inverse
    await tmux.waitFor(/\[4 Contacts\]/, 'the contacts pane');
    const styled = tmux.styledScreen();
    expect(styled).not.toMatch(COLOUR_SGR);
    expect(styled).toMatch(/\x1b\[[0-9;]*(?<![0-9])1[;m]/); // bold: the focused tab, the title
    expect(styled).toMatch(/\x1b\[[0-9;]*(?<![0-9])7[;m]/); // inverse: the selected row
    expect(styled).toMatch(/\x1b\[[0-9;]*(?<![0-9])2[;m]/); // dim: borders, muted text
    expect(styled).toMatch(/\x1b\[[0-9;]*(?<![0-9])4[;m]/); // underline: On Break
    process.kill(consolePid(tmux), 'SIGTERM');
    await shellBack(tmux, 143);
  }, 60_000);

  it('LANG=C: not one byte above 0x7f reaches the terminal; SIGHUP gives the shell back', async () => {
    tmux = consoleIn('chloe', { env: { LANG: 'C' } });
    const bytes = join(dir, 'lang-c.bytes');
    tmux.recordBytes(bytes);
    const screen = await tmux.waitFor(/Chloe M\..*On Break/, 'logged in, her name in ASCII', 20_000);
    expect(screen).toMatch(/^\+- 1 Interaction -+\+$/m);
    tmux.keys('?');
    await tmux.waitFor(/Keys \(1 of/, 'the help overlay');
    tmux.keys('Escape');
    await tmux.waitFor(/\+- 1 Interaction/, 'the panes again');
    process.kill(consolePid(tmux), 'SIGHUP');
    await shellBack(tmux, 129);
    const written = readFileSync(bytes);
    expect(written.length).toBeGreaterThan(1000);
    expect(written.findIndex((b) => b >= 0x80)).toBe(-1);
  }, 60_000);

  it('--linear: a chat from offer to wrap-up said line by line (the transcript: plain lines, no escape but bracketed paste), answered by keys', async () => {
    tmux = consoleIn('elena', { cols: 100, rows: 30, args: ['--linear'] });
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
