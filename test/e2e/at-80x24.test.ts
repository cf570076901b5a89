/**
 * Nothing cut at 80×24 (issue 23), where the agent reads it: the real binary
 * in tmux (CI unset, TERM=xterm-256color, LANG=C.UTF-8) against a real
 * `serve`, five web-chat customers taken at once. The chat tab row keeps the
 * shown chat and its counter whole; the status bar says the status after
 * work whole; the interactions in progress say how many are not shown; an
 * FAQ answer inserted with its shortcut reads as rich text in the draft
 * (bold where the answer is bold, no heading marks, several lines) and the
 * customer gets it as a heading, not as '## ' text. While writing, where ?
 * is text, the footer's last key is F1 for the rest, and help closes back
 * onto the draft.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerChatClient, customerUrl, type CustomerChatEvent } from '../../src/client/customer-chat.js';
import { startServe, type ServeProcess } from '../soak/serve-process.js';
import { Tmux } from './tmux.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
let dir: string;
let serve: ServeProcess | undefined;
let tmux: Tmux | undefined;
const customers: CustomerChatClient[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ac-80x24-'));
  serve = await startServe();
}, 30_000);

afterAll(async () => {
  for (const c of customers) c.close();
  tmux?.kill();
  await serve?.stop();
  for (const d of [dir, serve?.dir]) if (d) rmSync(d, { recursive: true, force: true });
});

const NAMES = ['Amara Dubois', 'Mei Nguyen', 'Priya Mensah', 'Olivia Cohen', 'Hana Okoye'];
/** A screen row's text between the frame's borders. */
const inner = (row: string): string => row.replace(/^│|│$/g, '');

describe.skipIf(!hasTmux)('nothing cut at 80×24, in a real terminal', () => {
  it('five chats: tab row, status bar and the list in progress whole; an FAQ answer is rich text in the draft and a heading for the customer', async () => {
    const t = new Tmux(['node', 'bin/agent-console', '--server', serve!.url, '--agent', 'ana'], {
      cols: 80, rows: 24, cwd: process.cwd(),
      env: { AGENT_CONSOLE_PASSWORD: 'demo', AGENT_CONSOLE_CONFIG_DIR: join(dir, 'conf'), AGENT_CONSOLE_DATA_DIR: join(dir, 'data') },
    });
    tmux = t;
    await t.waitFor(/Ana L\..*On Break/, 'logged in', 20_000);
    t.keys('s');
    await t.waitFor(/─ Change status/, 'status menu');
    t.keys('Enter');
    await t.waitFor(/● Available/, 'Available');

    for (const [i, name] of NAMES.entries()) {
      const c = new CustomerChatClient({ url: customerUrl(serve!.url), name, queue: i % 2 ? 'sales-chat' : 'support-chat' });
      customers.push(c);
      await c.start();
      await t.waitFor((s) => s.includes('OFFER') && s.includes(name), `the offer of ${name}`);
      t.keys('C-y');
      await t.waitFor(new RegExp(`In progress \\(${i + 1}\\)`), `${i + 1} in progress`);
      await c.send(`Hello, this is ${name}`);
    }
    // The chat shown is the last one taken; the others write again, unread.
    for (const c of customers.slice(0, 4)) await c.send('Are you still there?');
    let screen = await t.waitFor(/•n unread/, 'unread chats');
    const tabRow = screen.split('\n').find((r) => / chats open \(max 6\)/.test(r))!;
    expect(inner(tabRow)).toMatch(/^.*\[\d [A-Z][a-z]+ [A-Z][a-z]+\] .* 5 chats open \(max 6\) · •n unread\s*$/);
    expect(inner(tabRow)).not.toContain('…]');
    expect(screen).toMatch(/In progress \(5\) · \d shown, Up\/Down for the others/);

    // The status after work, with its reason: said whole on the status bar.
    t.keys('s');
    await t.waitFor(/After work: On Break/, 'the after-work choices');
    t.keys('Down', 'Enter');
    await t.waitFor(/─ Reason for On Break/, 'the reasons');
    t.keys('Enter');
    screen = await t.waitFor(/→ On Break \(Lunch\)/, 'the status after work on the status bar');
    expect(screen.split('\n')[0]).toMatch(/● Busy \d+s\s+→ On Break \(Lunch\) (after work|next)\s+online\s+notices 0/);
    expect(screen.split('\n')[0]).not.toContain('…');

    // \pw + Tab: the answer as the customer will read it, not its marks.
    const shown = customers[NAMES.findIndex((n) => screen.includes(`[${NAMES.indexOf(n) + 1} ${n}]`))]!;
    t.keys('Enter');
    await t.waitFor(/Message/, 'writing');
    t.type('\\pw');
    await t.waitFor(/Tab: insert "Resetting your password"/, 'the shortcut offered');
    t.keys('Tab');
    screen = await t.waitFor(/The link is valid for 24 hours\./, 'the answer in the draft');
    expect(screen).not.toMatch(/##|\*\*|__|\*\(/);
    const styled = t.styledScreen();
    expect(styled).toMatch(/\x1b\[1m(\x1b\[[\d;]*m)*Forgot password/);
    expect(styled).toMatch(/\x1b\[3m(\x1b\[[\d;]*m)*\(check your spam folder\)/);
    const rows = screen.split('\n');
    const draftFrom = rows.findIndex((r) => /^│Message/.test(r));
    const draft = rows.slice(draftFrom + 1).filter((r) => r.startsWith('│'));
    expect(draft.length).toBeGreaterThanOrEqual(3);

    // Writing, ? is text: the footer's way to the rest is F1, and help closes back onto the draft.
    expect(rows.filter((r) => r.trim()).at(-1)).toMatch(/F1 more\s*$/);
    t.keys('F1');
    await t.waitFor(/─ Keys \(1 of \d+\)/, 'help over the draft');
    t.keys('Escape');
    await t.waitFor(/Message[\s\S]*The link is valid for 24 hours\.▌/, 'back to the draft');

    const got = new Promise<CustomerChatEvent>((resolve) => {
      const off = shown.subscribe((e) => {
        if (e.type === 'message' && e.message.from === 'agent') { off(); resolve(e); }
      });
    });
    t.keys('Enter');
    const e = await got;
    if (e.type !== 'message') throw new Error('not a message');
    expect(e.message.blocks?.[0]).toMatchObject({ kind: 'h', inlines: [{ text: 'Reset your password' }] });
    // The transcript shows it as it was rendered, marks and all gone.
    screen = await t.waitFor(/You: Reset your password[\s\S]*valid for 24 hours\.[\s\S]*Message/, 'the answer in the transcript');
    expect(screen).not.toMatch(/##|\*\*|__/);
  }, 120_000);
});
