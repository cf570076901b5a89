/**
 * Text terminals measure differently, end to end: the real binary in tmux
 * (CI unset, TERM=xterm-256color, LANG=C.UTF-8) against `agent-console serve`.
 * Web-chat customers named with every class of the width corpus (38 VS16
 * hearts, 40 Hangul fillers, one of each class) each send one message per
 * class; a colleague and an FAQ entry carry the corpus too. At 80x24 and
 * 100x30, in the offer, the chat, the contacts list, the FAQ list and after
 * wrap-up, the status bar and tab row stay on top and every row of the frame
 * keeps both borders in the first and last columns (read with capture-pane,
 * measured with the C library's wcwidth as tmux does).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CustomerChatClient, customerUrl } from '../../src/client/customer-chat.js';
import { CORPUS } from '../tui/text/corpus.js';
import { layoutProblems } from './screen-layout.js';
import { startServe, type ServeProcess } from '../soak/serve-process.js';
import { Tmux } from './tmux.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

const HEARTS = `Eve${'\u2764\uFE0F'.repeat(38)}X`;
const FILLERS = `Eve${'\u3164'.repeat(40)}X`;
/** One sample of each class, within the web chat's 80-character name limit. */
const MIXED = `Mix${CORPUS.map((c) => c.samples[0]).join('')}`.slice(0, 78) + 'X';
const ALL = CORPUS.flatMap((c) => c.samples).join(' ');

let dir: string;
let serve: ServeProcess | undefined;
let tmux: Tmux | undefined;
const customers: CustomerChatClient[] = [];

/** The demo tenant with a colleague and an FAQ entry named with the corpus. */
function tenant(into: string): string {
  const t = JSON.parse(readFileSync('fixtures/demo-tenant.json', 'utf8')) as {
    agents: { id: string; displayName: string }[];
    faq: { id: string; title: string; body: string; category: string }[];
  };
  t.agents.find((a) => a.id === 'chloe')!.displayName = `Chloé ${FILLERS}`;
  t.faq.unshift({ id: 'wide', title: `Wide ${MIXED}`, body: `<b>${ALL}</b> ${FILLERS} Sunday closed.`, category: HEARTS });
  const file = join(into, 'tenant.json');
  writeFileSync(file, JSON.stringify(t));
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ac-e2e-width-'));
});

afterEach(async () => {
  for (const c of customers.splice(0)) c.close();
  tmux?.kill();
  tmux = undefined;
  await serve?.stop();
  serve = undefined;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function customer(name: string): Promise<CustomerChatClient> {
  const c = new CustomerChatClient({ url: customerUrl(serve!.url), name, queue: 'support-chat' });
  customers.push(c);
  await c.start();
  return c;
}

describe.skipIf(!hasTmux)('text terminals measure differently, in a real terminal', () => {
  it.each([[80, 24], [100, 30]])('at %ix%i, the layout holds in the offer, the chat, the contacts, the FAQ and after wrap-up', async (cols, rows) => {
    // A server of its own per size: nothing one run leaves (an agent still Available) routes the other's chats.
    const here = join(dir, `${cols}x${rows}`);
    mkdirSync(here);
    serve = await startServe({ dir: here, tenantFile: tenant(here) });
    // Tmux runs it in a user's environment (CI unset, TERM=xterm-256color, LANG=C.UTF-8).
    tmux = new Tmux(['node', 'bin/agent-console', '--server', serve.url, '--agent', 'ana'], {
      cols, rows, cwd: process.cwd(),
      env: { AGENT_CONSOLE_PASSWORD: 'demo', AGENT_CONSOLE_CONFIG_DIR: join(here, 'conf'), AGENT_CONSOLE_DATA_DIR: join(here, 'data') },
    });
    const t = tmux;
    /** Waits for `match` on a screen whose layout holds (tmux may show a frame
     *  half drawn); if it never does, the last such screen's problems fail the test. */
    const holds = async (match: RegExp, label: string): Promise<string> => {
      let last = '';
      try {
        return await t.waitFor((s) => {
          last = s;
          return match.test(s) && layoutProblems(s, cols).length === 0;
        }, label, 15_000);
      } catch (e) {
        if (!match.test(last)) throw e;
        expect(layoutProblems(last, cols), `${label}:\n${last}`).toEqual([]);
        throw e;
      }
    };

    await holds(/Ana L\..*(On Break|Available)/, 'logged in');
    t.keys('s');
    await t.waitFor(/─ Change status/, 'status menu');
    t.keys('Enter');
    await holds(/Ana L\..*● Available/, 'Available');

    // Three customers, one after the other: offer, accept, messages.
    for (const name of [HEARTS, FILLERS, MIXED]) {
      const c = await customer(name);
      await holds(/a, Ctrl-Y accept/, `the offer from ${name}`);
      t.keys('a');
      await holds(/Ana L\..*● Busy/, `Busy with ${name}`);
      for (const cls of CORPUS) await c.send(`${cls.name}: ${cls.samples.join(' ')} end`);
      await c.send('Hi, the store was closed on Sunday, right? Thanks');
      await holds(/Thanks/, `the chat with ${name}`);
    }

    t.keys('4');
    await holds(/Chloé/, 'the contacts list');
    t.keys('1');
    await holds(/─ 1 /, 'back on the interaction pane');

    t.keys('C-f');
    await holds(/─ FAQ/, 'the FAQ list');
    t.keys('Down');
    await holds(/Opening hours|Resetting/, 'the FAQ list, the next entry previewed');
    t.keys('Escape');
    await holds(/─ 1 /, 'the FAQ closed');

    // End and wrap up each chat: the mandatory code first.
    for (let i = 0; i < 3; i++) {
      t.keys('e');
      await t.waitFor(/wrap/i, 'wrap-up');
      t.keys('d');
      await t.waitFor(/\[ \] How-to question/, 'the codes');
      t.keys('Enter');
      await t.waitFor(/\[x\] How-to question/, 'code chosen');
      t.keys('w');
      await t.waitFor((s) => !/\[x\] How-to question/.test(s), 'wrapped up');
      t.keys('1');
    }
    const after = await holds(/Ana L\..*● Available/, 'Available after wrap-up');
    expect(after, after).not.toMatch(/Draft \(|Eve|Mix/);

    t.keys('q');
    await t.waitFor(/Leave the console\?/, 'quit dialog');
    t.keys('y');
  }, 120_000);
});
