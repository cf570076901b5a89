/**
 * A new agent's first day without surprises (issue 23), in a real terminal
 * (tmux, a user's environment) against a real `serve`: an unreachable server
 * is an answer within the bound, an offer arriving while the agent types in
 * another pane takes no key and no focus, and quitting after logging out
 * just quits.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CustomerChatClient, customerUrl } from '../../src/client/customer-chat.js';
import { freePort, startServe, type ServeProcess } from '../soak/serve-process.js';
import { Tmux } from './tmux.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
let dir: string;
let serve: ServeProcess | undefined;
let tmux: Tmux | undefined;
let customer: CustomerChatClient | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ac-first-day-'));
  serve = await startServe();
}, 30_000);

afterEach(() => {
  customer?.close();
  customer = undefined;
  tmux?.kill();
  tmux = undefined;
});

afterAll(async () => {
  await serve?.stop();
  for (const d of [dir, serve?.dir]) if (d) rmSync(d, { recursive: true, force: true });
});

/** The console in a shell that prints its exit code, at 80×24. */
function consoleIn(agent: string, args: string[]): Tmux {
  return new Tmux(['sh', '-c', `node bin/agent-console ${args.join(' ')} --agent ${agent}; echo "console exited $?"; exec cat`], {
    cols: 80,
    rows: 24,
    cwd: process.cwd(),
    env: { AGENT_CONSOLE_PASSWORD: 'demo', AGENT_CONSOLE_CONFIG_DIR: join(dir, `conf-${agent}`), AGENT_CONSOLE_DATA_DIR: join(dir, `data-${agent}`) },
  });
}


describe.skipIf(!hasTmux)('a first day without surprises (80×24)', () => {
  it('no server there: a connecting line with the attempt and the error, then exit 4 with one clear line, within the bound', async () => {
    const port = await freePort(); // nothing listens there
    const t0 = Date.now();
    tmux = consoleIn('chloe', ['--server', `ws://127.0.0.1:${port}`, '--connect-timeout', '3']);
    // The line is whole, on as many rows as it takes.
    const whole = (screen: string): string => screen.replace(/\n/g, '');
    const trying = await tmux.waitFor((s) => /Connecting to ws:\/\/127\.0\.0\.1:\d+ as chloe… attempt \d+ — last error: connect ECONNREFUSED 127\.0\.0\.1:\d+ \(giving up in \d s\)/.test(whole(s)), 'the connecting line', 10_000);
    expect(trying).not.toContain('…\n');
    const end = await tmux.waitFor(/console exited \d+/, 'the exit', 15_000);
    expect(Date.now() - t0).toBeLessThan(12_000);
    expect(end).toMatch(/console exited 4/);
    expect(whole(end)).toMatch(/agent-console: cannot reach ws:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED 127\.0\.0\.1:\d+ \(\d+ attempts? in \d s\)/);
    // One line: the connecting line is cleared, not left behind.
    expect(end).not.toMatch(/Connecting to/);
  }, 30_000);

  it('an offer arriving while the agent works the Queues pane takes no focus and no key; a stray x rejects nothing; Ctrl-Y accepts', async () => {
    tmux = consoleIn('ana', ['--server', serve!.url]);
    await tmux.waitFor(/Ana L\..*On Break/, 'logged in', 20_000);
    tmux.keys('s');
    await tmux.waitFor(/─ Change status/, 'status menu');
    tmux.keys('Enter');
    await tmux.waitFor(/● Available/, 'Available');
    tmux.keys('3');
    await tmux.waitFor(/\[3 Queues\]/, 'Queues pane');
    // Space j j j: the phone queue off, the cursor three rows down (Billing — Email).
    tmux.keys('Space', 'j', 'j', 'j');
    await tmux.waitFor(/› Billing — Email/, 'cursor on Billing — Email');
    await tmux.waitFor(/Support — Phone\s+off/, 'phone queue off');

    customer = new CustomerChatClient({ url: customerUrl(serve!.url), name: 'Olivia Nguyen', queue: 'support-chat' });
    await customer.start();
    let screen = await tmux.waitFor(/▶ OFFER Ctrl-Y accept {3}Ctrl-X reject/, 'the offer banner with its own keys');
    expect(screen).toContain('Olivia Nguyen');
    expect(screen).toMatch(/\[3 Queues\]/);

    // The rest of the keys still go to the Queues pane: Space turns Billing off, j moves on, x is nothing there.
    tmux.keys('Space', 'j', 'x');
    screen = await tmux.waitFor(/Billing — Email\s+off/, 'Billing — Email off (the key went to the pane)');
    await tmux.waitFor(/› Support — Voicemail/, 'cursor moved on');
    expect(screen).toMatch(/\[3 Queues\]/);
    screen = tmux.screen();
    expect(screen).not.toContain('Reject the offer?');
    expect(screen).toMatch(/▶ OFFER/);
    expect(screen).toMatch(/● Available/);

    tmux.keys('C-y');
    await tmux.waitFor(/● Busy/, 'Busy after Ctrl-Y');
    await tmux.waitFor(/\[1 Interaction\]/, 'the accepted chat shown (the agent accepted it)');
  }, 60_000);

  it('after logging out, q offers just Quit and quits (exit 0)', async () => {
    tmux = consoleIn('ben', ['--server', serve!.url]);
    await tmux.waitFor(/Benjamin O\..*On Break/, 'logged in', 20_000);
    tmux.keys(':');
    await tmux.waitFor(/─ Command palette/, 'palette');
    tmux.type('log out');
    tmux.keys('Enter');
    await tmux.waitFor(/Logged out/, 'logged out');
    tmux.keys('q');
    const screen = await tmux.waitFor(/─ Quit/, 'the quit dialog');
    expect(screen).toContain('You are logged out');
    expect(screen).not.toContain('Log out and quit');
    tmux.keys('Enter');
    await tmux.waitFor(/console exited 0/, 'quit, exit 0');
  }, 60_000);

  it('a theme that does not exist and a settings file broken by hand are said inside the console, where they stay readable, not before it', async () => {
    mkdirSync(join(dir, 'conf-chloe'), { recursive: true });
    writeFileSync(join(dir, 'conf-chloe', 'config.json'), JSON.stringify({ bell: 'maybe' }));
    tmux = consoleIn('chloe', ['--server', serve!.url, '--theme', 'nosuchtheme']);
    const screen = await tmux.waitFor(/Chloé M\..*On Break/, 'logged in', 20_000);
    const said = screen.replace(/\n/g, '');
    // One message, wrapped at words (the space at a row's end is not on the screen).
    expect(said).toMatch(/Settings: ?bell ?must ?be ?true ?or ?false ?\(the ?default ?is ?used\)/);
    expect(said).toMatch(/Theme: ?theme ?"nosuchtheme" ?not ?found ?\(using ?the ?default\)/);
    // Not printed on the shell's screen before the console took it.
    tmux.keys('q');
    await tmux.waitFor(/─ Quit/, 'the quit dialog');
    tmux.keys('Enter');
    const after = await tmux.waitFor(/console exited 0/, 'quit');
    expect(after).not.toContain('nosuchtheme');
  }, 60_000);
});
