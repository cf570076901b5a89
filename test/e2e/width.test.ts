/**
 * Text terminals measure differently, end to end: the real binary in tmux
 * (CI unset, TERM=xterm-256color, LANG=C.UTF-8) against `agent-console serve`.
 * Web-chat customers named with every class of the width corpus (38 VS16
 * hearts, 40 Hangul fillers, one of each class) each send one message per
 * class; colleagues, an FAQ entry, a colleague's chat, group notices (high
 * and pop-up) and a platform notice carry the corpus too. At 80x24 and
 * 100x30, in the offer, the chat and its tabs, the contacts list, the FAQ
 * list, the notices, the dialogs and after wrap-up, the status bar and tab
 * row stay on top and every row of the frame keeps both borders in the first
 * and last columns, with no border left below it (read with capture-pane,
 * measured with the C library's wcwidth as tmux does). And nothing is stale:
 * at each step the screen frame after frame left in tmux is the screen a
 * whole repaint (Ctrl-L) draws, cell for cell and style for style.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../src/client/client.js';
import { CustomerChatClient, customerUrl } from '../../src/client/customer-chat.js';
import { CORPUS } from '../tui/text/corpus.js';
import { layoutProblems, visibleCells } from './screen-layout.js';
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
const colleagues: EngineClient[] = [];
let runs = 0;

/** The operator's API key for platform notices (its hash is in the tenant). */
const API_KEY = 'ac_width-e2e-platform-notices-key';
/** What the console writes to draw its whole screen (src/tui/screen/writer.ts). */
const FULL_REPAINT = '\x1b[0m\x1b[H\x1b[2J';
/** E2E_DUMP=1 prints each checked screen. */
const dump = (label: string, screen: string): void => {
  if (process.env.E2E_DUMP) console.log(`---- ${label}\n${screen}`);
};

/** The demo tenant with colleagues, a queue, codes, a break reason and an FAQ entry named with the corpus. */
function tenant(into: string): string {
  const t = JSON.parse(readFileSync('fixtures/demo-tenant.json', 'utf8')) as {
    agents: { id: string; displayName: string }[];
    queues: { id: string; name: string; codeLists: { codes: { id: string; label: string }[] }[] }[];
    statusCodes: Record<string, { id: string; label: string }[]>;
    faq: { id: string; title: string; body: string; category: string }[];
    apiKeys?: { id: string; hash: string; scopes: string[] }[];
  };
  t.queues.find((q) => q.id === 'support-voicemail')!.name = `Voicemail ${MIXED}`;
  t.queues.find((q) => q.id === 'support-chat')!.codeLists[0]!.codes.push({ id: 'wide', label: `Wide ${FILLERS}` });
  t.statusCodes.on_break!.push({ id: 'wide', label: `Wide ${HEARTS}` });
  t.agents.find((a) => a.id === 'chloe')!.displayName = `Chloé ${FILLERS}`;
  t.agents.find((a) => a.id === 'kate')!.displayName = `Kate ${HEARTS}`;
  t.apiKeys = [{ id: 'ops', hash: `sha256$${createHash('sha256').update(API_KEY).digest('base64url')}`, scopes: ['notices'] }];
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
  for (const c of colleagues.splice(0)) c.close();
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

/** A colleague logged in beside Ana (a script's session, as a second console would be). */
async function colleague(agent: string): Promise<EngineClient> {
  const c = new EngineClient({ url: serve!.url, agent, password: 'demo', clientName: 'e2e colleague', retryFirstConnect: false });
  colleagues.push(c);
  await c.connect();
  // Logged in On Break, colleague chat and notices are off (DOMAIN.md): Working Offline takes no offers from Ana.
  const ready = await c.setStatus('working_offline', 'casework');
  expect(ready.ok, JSON.stringify(ready)).toBe(true);
  return c;
}

/** A platform notice as the operator's tooling sends it (docs/api.md). */
async function platformNotice(text: string): Promise<void> {
  const res = await fetch(`${serve!.httpUrl}/api/v1/notices`, {
    method: 'POST', headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ text }),
  });
  expect(res.status, await res.text()).toBe(201);
}

/** How often the console has drawn its whole screen (Ctrl-L, after doubt, at start). */
const repaints = (bytes: string): number => readFileSync(bytes, 'latin1').split(FULL_REPAINT).length - 1;

/** A styled screen as the eye sees it (visibleCells), but for what changes
 *  by itself: numbers masked and runs of blanks counted as one (the clock
 *  ticks: "9s " becomes "10s"), and the message line under the frame left out
 *  (it goes after a few seconds). */
const comparable = (screen: string): string => {
  const rows = visibleCells(screen).map((r) => r.replace(/(?:\d(\{[^}]*\}))+/g, '#$1').replace(/( \{[^}]*\})\1+/g, '$1'));
  const plain = screen.split('\n');
  const bottom = plain.findIndex((r) => r.replace(/\x1b\[[\d;]*m/g, '').startsWith('╰'));
  const hints = rows.findLastIndex((r) => r !== '');
  return bottom < 0 ? rows.join('\n') : [...rows.slice(0, bottom + 1), rows[hints]].join('\n');
};

/** Ana's console at `cols`×`rows` against a serve of its own, in tmux, its bytes recorded. */
async function anaConsole(cols: number, rows: number): Promise<Screen> {
  // A server of its own per run: nothing one run leaves (an agent still Available) routes the other's chats.
  const here = join(dir, `${cols}x${rows}-${++runs}`);
  mkdirSync(here);
  serve = await startServe({ dir: here, tenantFile: tenant(here) });
  // Tmux runs it in a user's environment (CI unset, TERM=xterm-256color, LANG=C.UTF-8).
  const t = new Tmux(['node', 'bin/agent-console', '--server', serve.url, '--agent', 'ana'], {
    cols, rows, cwd: process.cwd(),
    env: { AGENT_CONSOLE_PASSWORD: 'demo', AGENT_CONSOLE_CONFIG_DIR: join(here, 'conf'), AGENT_CONSOLE_DATA_DIR: join(here, 'data') },
  });
  tmux = t;
  const bytes = join(here, 'bytes');
  writeFileSync(bytes, '');
  t.recordBytes(bytes);

  /** Waits for `match` on a screen whose layout holds (tmux may show a frame
   *  half drawn), and that is no longer `was` (comparable) when given; if it
   *  never holds, the last such screen's problems fail the test. */
  const holds = async (match: RegExp, label: string, was?: string): Promise<string> => {
    let last = '';
    try {
      const screen = await t.waitFor((s) => {
        last = s;
        return match.test(s) && layoutProblems(s, cols).length === 0 && (was === undefined || comparable(t.styledScreen()) !== was);
      }, label, 15_000);
      dump(label, screen);
      return screen;
    } catch (e) {
      if (!match.test(last)) throw e;
      expect(layoutProblems(last, cols), `${label}:\n${last}`).toEqual([]);
      throw e;
    }
  };

  /** Nothing stale: the screen as frame after frame left it (read as soon as
   *  it holds) is the screen a whole repaint draws (Ctrl-L), cell for cell,
   *  styles included; only digits may differ (the clock ticks meanwhile). */
  const fresh = async (match: RegExp, label: string, was?: string): Promise<void> => {
    await holds(match, label, was);
    // Read once tmux has taken the whole frame (a large one can arrive in several reads).
    let before = t.styledScreen();
    for (let same = false; !same;) {
      await new Promise((r) => setTimeout(r, 50));
      const again = t.styledScreen();
      same = comparable(again) === comparable(before);
      before = again;
    }
    const n = repaints(bytes);
    t.keys('C-l');
    let previous = '';
    const after = await t.waitFor((s) => {
      const settled = repaints(bytes) > n && s === previous;
      previous = s;
      return settled;
    }, `${label}, repainted`).then(() => t.styledScreen());
    expect(comparable(after), `${label}: stale cells before the repaint:\n${before}`).toBe(comparable(before));
  };

  /** Sends keys, then `fresh` once the screen changed. */
  const press = async (keys: string | string[], match: RegExp, label: string): Promise<void> => {
    const was = comparable(t.styledScreen());
    t.keys(...[keys].flat());
    await fresh(match, label, was);
  };

  await holds(/Ana L\..*(On Break|Available)/, 'logged in');
  t.keys('s');
  await t.waitFor(/─ Change status/, 'status menu');
  t.keys('Enter');
  await holds(/Ana L\..*● Available/, 'Available');
  return { t, holds, fresh, press, repaints: () => repaints(bytes) };
}

interface Screen {
  t: Tmux;
  holds(match: RegExp, label: string): Promise<string>;
  fresh(match: RegExp, label: string): Promise<void>;
  press(keys: string | string[], match: RegExp, label: string): Promise<void>;
  /** Whole repaints so far, counted in the bytes the console wrote. */
  repaints(): number;
}

describe.skipIf(!hasTmux)('text terminals measure differently, in a real terminal', () => {
  it.each([[80, 24], [100, 30]])('at %ix%i, the layout holds in the offer, the chat, the contacts, the FAQ and after wrap-up', async (cols, rows) => {
    const { t, holds, fresh, press } = await anaConsole(cols, rows);

    // Three customers, one after the other: offer, accept, messages.
    // (Each chat's header: the name as normalized, then the queue.)
    for (const [name, header] of [[HEARTS, /│Eve❤+X · Support/], [FILLERS, /│Eve�+X · Support/], [MIXED, /│Mix.* · Support/]] as const) {
      const c = await customer(name);
      await fresh(/a, Ctrl-Y accept/, `the offer from ${name}`);
      await press('a', new RegExp(`Ana L\\..*● Busy[^]*${header.source}`), `Busy with ${name}`);
      for (const cls of CORPUS) await c.send(`${cls.name}: ${cls.samples.join(' ')} end`);
      await c.send('Hi, the store was closed on Sunday, right? Thanks');
      await fresh(/Thanks/, `the chat with ${name}`);
    }
    // The other chat tabs (tab titles are the customers' names).
    await press('M-Left', /Mix/, 'the previous chat tab');
    await press('M-Right', /Thanks/, 'the next chat tab');

    await press('4', /Chloé/, 'the contacts list');
    await press('1', /─ 1 /, 'back on the interaction pane');

    t.keys('C-f');
    await holds(/─ FAQ/, 'the FAQ list');
    await press('Down', /Opening hours|Resetting/, 'the FAQ list, the next entry previewed');
    await press('Escape', /─ 1 /, 'the FAQ closed');
    await press('3', /╭─ 3 Queues/, 'the queues');
    await press('2', /╭─ 2 Disposition/, 'the codes');
    await press('1', /─ 1 /, 'back on the interaction pane, again');

    // End and wrap up each chat: the mandatory code first.
    for (let i = 0; i < 3; i++) {
      await press('e', /wrap/i, `wrap-up ${i + 1}`);
      await press('d', /\[ \] How-to question/, `the codes ${i + 1}`);
      await press('Enter', /\[x\] How-to question/, `code chosen ${i + 1}`);
      t.keys('w');
      await t.waitFor((s) => !/\[x\] How-to question/.test(s), 'wrapped up');
      await press('1', /─ 1 /, `after wrap-up ${i + 1}`);
    }
    await fresh(/Ana L\..*● Available/, 'Available after wrap-up');
    const after = t.screen();
    expect(after, after).not.toMatch(/Draft \(|Eve|Mix/);

    t.keys('q');
    await t.waitFor(/Leave the console\?/, 'quit dialog');
    t.keys('y');
  }, 120_000);

  it.each([[80, 24], [100, 30]])('at %ix%i, the layout holds with colleagues, notices and dialogs', async (cols, rows) => {
    const { t, holds, fresh, press, repaints } = await anaConsole(cols, rows);
    // Chloé, named with Hangul fillers, writes to Ana and to her group with the corpus.
    const chloe = await colleague('chloe');
    for (const cls of CORPUS) expect((await chloe.sendAgentChat('ana', `${cls.name}: ${cls.samples.join(' ')} end`)).ok).toBe(true);
    expect((await chloe.sendAgentChat('ana', 'Can you take my 3 pm? Thanks')).ok).toBe(true);
    // With nothing in progress, the colleague's chat is shown in the pane (read, so no ✉ count).
    await holds(/Thanks/, 'the colleague chat shown');
    // Idle, the clock rewrites the status bar every second beside the corpus: no repaint each time.
    const before = repaints();
    await new Promise((r) => setTimeout(r, 3_000));
    expect(repaints() - before, 'whole repaints in 3 s idle').toBeLessThanOrEqual(1);

    await press('4', /Chloé/, 'the contacts list');
    t.keys('/');
    t.type('chlo');
    await holds(/\/chlo▌/, 'the contacts list, searching');
    await press('Enter', / 1 of \d+ colleagues.*\n.*\/chlo(?!▌)/, 'the contacts list, searched');
    t.keys('Enter');
    // (The contact is shown on the message line, for a few seconds.)
    await holds(/· support · agent/, 'a contact shown');
    await press('m', /Thanks/, 'the colleague chat, writing');
    await press('Escape', /Enter Write/, 'the colleague chat');

    expect((await chloe.broadcastNotice(`High ${ALL} ${FILLERS}`, 'high')).ok).toBe(true);
    expect((await chloe.broadcastNotice(`Popup ${HEARTS} ${ALL}`, 'popup')).ok).toBe(true);
    await holds(/Popup/, 'the pop-up notice');
    await press('Enter', /─ 1 /, 'the pop-up acknowledged');
    await platformNotice(`Billing ${MIXED} ${ALL}`);
    await fresh(/⚠ Platform change: Billing/, 'the platform alert bar');

    // Shown, the notices are read: the alert bar goes, the unread count too.
    await press('5', /^(?![^]*\n⚠)[^]*╭─ 5 Notices ─/, 'the notices list, read');
    await press('Down', /─ 5 Notices ─/, 'the notices list, the next notice');
    await press('Enter', /╭─ Notice ─/, 'a notice shown whole');
    await press('Escape', /─ 5 Notices ─/, 'back on the notices list');

    await press('s', /› On Break/, 'the status menu');
    await press('Enter', /Wide Eve❤/, 'the break reasons');
    await press('Escape', /╭─ Change status/, 'back to the status menu');
    await press('Escape', /─ 5 Notices ─/, 'the status menu closed');
    for (const [key, title] of [[':', 'Command'], ['?', 'Keys']] as const) {
      await press(key, new RegExp(`╭─ ${title}`), `the dialog ${title}`);
      await press('Escape', /─ 5 Notices ─/, `the dialog ${title} closed`);
    }
  }, 120_000);
});
