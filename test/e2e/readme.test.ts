/**
 * The README runs as written (a doc test). Each shell block marked
 * `<!-- doctest: NAME -->` (in README.md, and in the docs it sends readers to
 * for a how-to: docs/crm.md, docs/api.md) is run line by line, in order, as a
 * reader types it: in bash, with `agent-console` on PATH as `npm link` puts it, against
 * real processes (a real `serve`, the console in a real terminal — tmux —,
 * jq, npm). A line that runs until stopped (ending in `&`, or typed in
 * "another terminal") gets a terminal of its own and is left running; every
 * other line runs to its end, its exit code and the key part of its output
 * checked. An `export` carries to the lines after it, as in one shell.
 *
 * The steps pair with a block's lines one to one, each saying how its line
 * starts: a line changed, added or removed in the README fails here until
 * its step follows. What the test changes in a line, and in the reader's
 * environment, is in SUBSTITUTIONS and `userEnv` below: nothing else.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/server/passwords.js';
import { outputOf, type CliRun } from '../cli/run-cli.js';
import { freePort } from '../soak/serve-process.js';
import { Tmux, USER_ENV } from './tmux.js';

const CHECKOUT = fileURLToPath(new URL('../../', import.meta.url));
const hasTools = ['tmux', 'jq'].every((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0);

/** The port of the README (7300) or a doc (7301), wherever it stands (host_7300 too). */
const PORT = /(?<![0-9])730[0-9](?![0-9])/g;

/** What the test changes in a README line before running it, and why. */
const SUBSTITUTIONS: readonly [from: RegExp, to: (s: Session) => string, why: string][] = [
  [PORT, (s) => String(s.port), 'a free port: other tests run beside this one'],
  [/(?<![0-9])7399(?![0-9])/g, (s) => String(s.closedPort), 'a port nothing listens on'],
  [/\/tmp\//g, (s) => `${s.home}/tmp/`, 'a temporary folder of its own'],
  [/ws:\/\/host:/g, () => 'ws://127.0.0.1:', '"host" is the reader’s server: here, this machine'],
  [/\bhost_/g, () => '127_0_0_1_', 'and its profile is named after that address'],
  [/AGENT_CONSOLE_PASSWORD=\.\.\./g, () => 'AGENT_CONSOLE_PASSWORD=demo', 'the demo agents’ password'],
  [/\s*&\s*$/, () => '', 'a line ending in & runs in a terminal of its own, where what it prints can be read'],
];

/** The lines of the shell block after `<!-- doctest: NAME -->` in `file` (README.md, or a doc it points to). */
function markedBlock(file: string, name: string): string[] {
  const block = new RegExp(`<!-- doctest: ${name} -->\\n\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(readFileSync(join(CHECKOUT, file), 'utf8'));
  if (!block) throw new Error(`${file} has no block marked <!-- doctest: ${name} -->`);
  return block[1]!.trimEnd().split('\n');
}

interface Step {
  /** How the README line starts, after the substitutions. */
  line: string;
  /** Run in a terminal of its own, by this name, and left running. */
  terminal?: string;
  /** Run to its end: the exit code (default 0) and what it prints on stdout. */
  exit?: number;
  prints?: RegExp;
  /** What the reader waits for before typing the line. */
  before?: (s: Session) => Promise<unknown> | void;
  /** What the reader does or sees next. */
  then?: (s: Session, ran?: CliRun) => Promise<unknown> | void;
  /** Not run here, and why. */
  skip?: string;
}

/** One reader at one machine: a home folder, a working folder, their terminals, the lines exported so far. */
class Session {
  readonly home = mkdtempSync(join(tmpdir(), 'ac-readme-'));
  readonly terminals = new Map<string, Tmux>();
  private readonly exports: string[] = [];
  port = 0;
  closedPort = 0;

  /** `cwd`: the folder the reader types in (a clone's files, or the checkout itself for npm). */
  constructor(private readonly where: 'clone' | 'checkout') {
    mkdirSync(join(this.home, 'bin'));
    mkdirSync(join(this.home, 'tmp'));
    mkdirSync(join(this.home, 'work'));
    // What `npm link` puts on PATH: a link to the checkout's program.
    symlinkSync(join(CHECKOUT, 'bin/agent-console'), join(this.home, 'bin/agent-console'));
    // The clone's files the README names, where the reader stands; what they write lands beside them.
    symlinkSync(join(CHECKOUT, 'fixtures'), join(this.home, 'work/fixtures'));
  }

  get cwd(): string {
    return this.where === 'checkout' ? CHECKOUT : join(this.home, 'work');
  }

  /** A user's environment, whole: nothing of the test runner's (CI, npm_*, AGENT_CONSOLE_*) leaks in. */
  userEnv(): Record<string, string> {
    const path = (process.env.PATH ?? '').split(delimiter).filter((p) => !p.includes('node_modules'));
    return {
      ...USER_ENV,
      PATH: [join(this.home, 'bin'), ...path].join(delimiter),
      HOME: this.home,
      XDG_CONFIG_HOME: join(this.home, '.config'),
      XDG_DATA_HOME: join(this.home, '.local/share'),
      NPM_CONFIG_UPDATE_NOTIFIER: 'false', // npm start asks the registry for news otherwise
    };
  }

  get dataDir(): string {
    return join(this.home, '.local/share/agent-console');
  }

  substitute(line: string): string {
    return SUBSTITUTIONS.reduce((l, [from, to]) => l.replace(from, to(this)), line);
  }

  /** The line in bash, after the exports so far. */
  private script(line: string): string {
    return [...this.exports, line].join('\n');
  }

  run(line: string): Promise<CliRun> {
    if (line.startsWith('export ')) this.exports.push(line);
    return outputOf(spawn('bash', ['-c', this.script(line)], { cwd: this.cwd, env: this.userEnv(), stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  /** The line in a terminal of its own (120×30, the README's capture); "[exit N]" is printed when it ends. */
  open(name: string, line: string): Tmux {
    const env = Object.entries(this.userEnv()).map(([k, v]) => `${k}=${v}`);
    const t = new Tmux(['env', '-i', ...env, 'bash', '-c', `${this.script(line)}\necho "[exit $?]"`], { cols: 120, rows: 30, cwd: this.cwd });
    this.terminals.set(name, t);
    return t;
  }

  terminal(name: string): Tmux {
    const t = this.terminals.get(name);
    if (!t) throw new Error(`no terminal "${name}" (an earlier step failed?)`);
    return t;
  }

  close(): void {
    for (const t of this.terminals.values()) t.kill();
    rmSync(this.home, { recursive: true, force: true });
  }
}

/** Polls until the terminal's whole output (scrollback included) matches. */
async function printed(t: Tmux, match: RegExp | ((all: string) => boolean), label: string, timeoutMs = 15_000): Promise<string> {
  const test = typeof match === 'function' ? match : (s: string) => match.test(s);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const all = t.scrollback();
    if (test(all)) return all;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}; the terminal printed:\n${all}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Leaves a console as a reader does: q, then y (quit, staying logged in); exit 0. */
async function quit(t: Tmux): Promise<void> {
  t.keys('q');
  await t.waitFor(/Quit, staying logged in/, 'the quit dialog');
  t.keys('y');
  await printed(t, /\[exit 0\]/, 'the console quits with 0');
}

/** A console logged in and drawn: the agent's name and status in the status bar. */
const consoleOf = (name: string) => new RegExp(`${name.replace('.', '\\.')}\\s+● (On Break|Available|Working Offline)`);

/** Answers a hidden password prompt as a reader does (it is not echoed). */
async function typePassword(t: Tmux, prompt: RegExp, password = 'demo'): Promise<void> {
  await t.waitFor(prompt, 'the password prompt');
  t.type(password);
  await new Promise((r) => setTimeout(r, 200));
  expect(t.screen(), 'the password is hidden').not.toContain(password);
  t.keys('Enter');
}

/** Ana's console in the terminal logs in (her password typed at the prompt, if `prompted`) and is drawn; `andQuit`: then q, y. */
async function consoleLogsIn(t: Tmux, o: { prompted: boolean; andQuit?: boolean }): Promise<void> {
  if (o.prompted) await typePassword(t, /Password for ana:/);
  await t.waitFor(consoleOf('Ana L.'), 'Ana’s console', 20_000);
  if (o.andQuit) await quit(t);
}

/** Runs a marked block's lines against its steps, one test per line. */
function doctest(name: string, where: 'clone' | 'checkout', steps: Step[], file = 'README.md'): void {
  const lines = markedBlock(file, name);
  describe.skipIf(!hasTools)(`${file} block "${name}"`, () => {
    let s: Session;
    beforeAll(async () => {
      s = new Session(where);
      s.port = await freePort();
      s.closedPort = await freePort(); // released: nothing listens there
    });
    afterAll(() => s?.close());

    it('has one step per line', () => {
      expect(lines.length, lines.join('\n')).toBe(steps.length);
    });

    for (const [i, step] of steps.entries()) {
      const title = `${lines[i] ?? step.line}${step.skip ? ` — not run: ${step.skip}` : ''}`;
      it.skipIf(!!step.skip)(title, async () => {
        const line = s.substitute(lines[i]!);
        expect(line.startsWith(s.substitute(step.line)), `the README line is now: ${line}`).toBe(true);
        await step.before?.(s);
        if (step.terminal) {
          s.open(step.terminal, line);
          await step.then?.(s);
          return;
        }
        const ran = await s.run(line);
        const transcript = `$ ${line}\n${ran.stdout}${ran.stderr}`;
        expect(ran.code, transcript).toBe(step.exit ?? 0);
        if (step.prints) expect(ran.stdout, transcript).toMatch(step.prints);
        await step.then?.(s, ran);
      }, 40_000);
    }
  });
}

/** The demo, as `npm start` runs it: the console of `agent` drawn, the web chat answering on the address in demo.log; then quit. */
async function demoRuns(s: Session, agent: string): Promise<void> {
  const t = s.terminal('demo');
  await t.waitFor(consoleOf(agent), `${agent}'s console`, 30_000);
  const listening = /"msg":"listening","url":"ws:\/\/([^"]+)"/.exec(readFileSync(join(s.dataDir, 'demo.log'), 'utf8').split('\n').findLast((l) => l.includes('listening')) ?? '');
  expect(listening, 'a listening line in demo.log').not.toBeNull();
  const chat = await fetch(`http://${listening![1]}/chat`);
  expect(chat.status).toBe(200);
  expect(chat.headers.get('content-type')).toMatch(/text\/html/);
  await quit(t);
  s.terminals.delete('demo');
  t.kill();
}

doctest('setup', 'checkout', [
  { line: 'npm ci', skip: '.ci/run runs it on a clean clone, before npm test' },
  { line: 'npm start', terminal: 'demo', then: (s) => demoRuns(s, 'Ana L.') },
]);

let demoDb = 0;
doctest('demo-options', 'checkout', [
  {
    line: 'npm start -- --reset-demo',
    terminal: 'demo',
    then: async (s) => {
      await demoRuns(s, 'Ana L.');
      demoDb = statSync(join(s.dataDir, 'demo.db')).ino;
    },
  },
  {
    line: 'npm start -- --rate 3',
    terminal: 'demo',
    then: async (s) => {
      await demoRuns(s, 'Ana L.');
      expect(statSync(join(s.dataDir, 'demo.db')).ino, 'the same database, resumed').toBe(demoDb);
    },
  },
  { line: 'npm start -- --demo-agent ben', terminal: 'demo', then: (s) => demoRuns(s, 'Benjamin O.') },
]);

doctest('connecting', 'clone', [
  {
    line: 'agent-console serve --tenant fixtures/demo-tenant.json --db contact-center.db --port 7300',
    terminal: 'serve',
    then: (s) => printed(s.terminal('serve'), new RegExp(`listening on ws://127\\.0\\.0\\.1:${s.port} `), 'serve listening'),
  },
  {
    line: 'agent-console --server ws://127.0.0.1:7300 --agent ana',
    terminal: 'ana',
    then: (s) => consoleLogsIn(s.terminal('ana'), { prompted: true, andQuit: true }),
  },
  {
    line: 'AGENT_CONSOLE_PASSWORD=demo agent-console --server ws://127.0.0.1:7300 --agent ana',
    terminal: 'ana-again',
    then: (s) => consoleLogsIn(s.terminal('ana-again'), { prompted: false, andQuit: true }),
  },
  {
    line: 'agent-console --profile 127_0_0_1_7300',
    terminal: 'profile',
    // The profile names the agent: her password is asked.
    then: (s) => consoleLogsIn(s.terminal('profile'), { prompted: true, andQuit: true }),
  },
  {
    line: 'agent-console --server ws://127.0.0.1:7399 --agent chloe --connect-timeout 3',
    terminal: 'nobody',
    then: async (s) => {
      const t = s.terminal('nobody');
      await typePassword(t, /Password for chloe:/);
      const started = Date.now();
      const whole = (screen: string) => screen.replace(/\n/g, '');
      await t.waitFor((sc) => /Connecting to ws:\/\/127\.0\.0\.1:\d+ as chloe… attempt \d+ — last error: connect ECONNREFUSED/.test(whole(sc)), 'the connecting line');
      const end = await printed(t, /\[exit \d+\]/, 'the console gives up');
      expect(Date.now() - started).toBeLessThan(8000);
      expect(end).toMatch(/\[exit 4\]/);
      expect(end).toMatch(/^agent-console: cannot reach ws:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED \S+ \(\d+ attempts in \d s\)$/m);
    },
  },
  {
    line: 'agent-console hash-password',
    terminal: 'hash',
    then: async (s) => {
      const t = s.terminal('hash');
      await typePassword(t, /Password:/, 'correct horse');
      const out = await printed(t, /\[exit 0\]/, 'the hash, exit 0');
      const hash = /^(scrypt\$\S+)$/m.exec(out)?.[1];
      expect(out).not.toContain('correct horse');
      expect(await verifyPassword('correct horse', hash ?? ''), out).toBe(true);
    },
  },
]);

/** How many one-shot sessions serve has logged in (its log goes to its terminal). */
const secondaryLogins = (log: string): number => log.split('"kind":"secondary"').length - 1;
let secondary = 0;

doctest('scripting', 'clone', [
  {
    line: 'agent-console serve --tenant fixtures/demo-tenant.json --db ',
    terminal: 'serve',
    then: async (s) => {
      await printed(s.terminal('serve'), new RegExp(`listening on ws://127\\.0\\.0\\.1:${s.port} `), 'serve listening');
    },
  },
  {
    line: 'agent-console --server ws://127.0.0.1:7300 --agent ana',
    terminal: 'ana',
    then: (s) => consoleLogsIn(s.terminal('ana'), { prompted: true }),
  },
  { line: 'export AGENT_CONSOLE_PASSWORD=demo' },
  { line: 'agent-console whoami --server', prints: /^\{"ok":true,"agent":"ana",.*"loggedIn":true/ },
  { line: 'agent-console config set servers.work ', then: async (s) => expect((await s.run('agent-console config get servers.work')).stdout).toContain(`ws://127.0.0.1:${s.port}`) },
  { line: 'agent-console status set available --profile work', prints: /^available$/m, then: (s) => s.terminal('ana').waitFor(/Ana L\.\s+● Available/, 'Available on her console') },
  { line: 'agent-console queue disable sales-chat', prints: /^Sales — Chat: disabled$/m, then: (s) => s.terminal('ana').waitFor(/Sales — Chat\s+off/, 'the queue off in her Queues pane') },
  {
    line: "agent-console events --json --profile work | jq -c 'select(.type == \"offer\")'",
    terminal: 'events',
    before: (s) => void (secondary = secondaryLogins(s.terminal('serve').scrollback())),
    // Subscribed (its session logged in) before the next line brings an offer, as a reader's pause lets it be.
    then: (s) => printed(s.terminal('serve'), (all) => secondaryLogins(all) > secondary, 'events logged in'),
  },
  {
    line: 'agent-console customer chat --server ws://127.0.0.1:7300 --name Lee --queue support-chat',
    terminal: 'lee',
    then: async (s) => {
      const lee = s.terminal('lee');
      await lee.waitFor(/you are in the queue/, 'Lee queued');
      lee.type('My order never arrived');
      lee.keys('Enter');
      const offer = await printed(s.terminal('events'), /^\{"v":1,"type":"offer",.*"Lee"/m, 'the offer, through jq');
      expect(offer.split('\n').filter((l) => l.startsWith('{')).every((l) => (JSON.parse(l) as { type: string }).type === 'offer')).toBe(true);
      await s.terminal('ana').waitFor(/OFFER/, 'the offer on her console');
    },
  },
  {
    line: 'agent-console offer accept --profile work',
    prints: /^accepted IX-\d+ \(chat, Support — Chat, Lee\)$/m,
    then: async (s) => {
      const lee = s.terminal('lee');
      await lee.waitFor(/Ana L\. joined the chat/, 'Ana joins, for Lee');
      await s.terminal('ana').waitFor(/My order never arrived/, 'Lee’s line on her console');
      lee.keys('C-d'); // "Ctrl-D leaves"
      await printed(lee, /\[exit 0\]/, 'Lee leaves, exit 0');
    },
  },
  { line: 'agent-console wrapup --code how-to --code resolved', prints: /wrapped up \(how-to, resolved\)/ },
  { line: 'agent-console notice send "Team huddle at 15:00"', prints: /^sent to support$/m },
  { line: 'agent-console status set on_break --reason lunch', prints: /^on_break \(lunch\)$/m, then: (s) => s.terminal('ana').waitFor(/● On Break.*Lunch/, 'On Break, Lunch, on her console') },
  { line: 'agent-console crm import fixtures/customers.csv', prints: /^4 of 4 rows imported\.$/m },
  {
    line: 'agent-console crm export customers.csv',
    prints: /^4 customers written to customers\.csv$/m,
    then: async (s) => {
      // With their ids, in columns crm import reads back.
      const [header, ...rows] = readFileSync(join(s.cwd, 'customers.csv'), 'utf8').trimEnd().split(/\r?\n/);
      expect(header).toMatch(/^id,first_name,last_name,company,emails,phones,account,/);
      expect(rows.filter((r) => /^CUS-/.test(r))).toHaveLength(4);
      await quit(s.terminal('ana'));
    },
  },
]);

doctest(
  'crm-import',
  'clone',
  [
    { line: 'agent-console serve --tenant fixtures/demo-tenant.json --db ', terminal: 'serve', then: (s) => printed(s.terminal('serve'), new RegExp(`listening on ws://127\\.0\\.0\\.1:${s.port} `), 'serve listening') },
    { line: "printf 'first_name,last_name,email,phone,account\\n" },
    {
      line: 'AGENT_CONSOLE_PASSWORD=demo agent-console crm import customers.csv',
      exit: 1,
      // As the doc shows it.
      prints: /^line 3: phones\[0\]: "12" is not a valid phone number\. Use a US number such as 5102592675, .*\n1 of 2 rows imported; 1 refused \(above\)\.\n$/,
    },
    {
      line: 'AGENT_CONSOLE_PASSWORD=demo agent-console crm export customers-out.csv',
      prints: /^1 customers? written to customers-out\.csv$/m,
      then: (s) => expect(readFileSync(join(s.cwd, 'customers-out.csv'), 'utf8')).toMatch(/^id,first_name,.*\n"?CUS-\d+"?,Zoë,Faÿ,/s),
    },
  ],
  'docs/crm.md',
);

doctest(
  'api-keys',
  'clone',
  [
    {
      line: 'agent-console apikey create --tenant tenant.json --id ops --scope notices',
      // The reader's tenant file: here, a copy of the demo tenant.
      before: (s) => copyFileSync(join(CHECKOUT, 'fixtures/demo-tenant.json'), join(s.cwd, 'tenant.json')),
      prints: /^ac_[A-Za-z0-9_-]{43}\n/,
      then: (s) => expect(readFileSync(join(s.cwd, 'tenant.json'), 'utf8')).toMatch(/"id": ?"ops",\s*"hash": ?"sha256\$/),
    },
    { line: 'agent-console apikey list --tenant tenant.json', prints: /^ops\s+notices\s+\S+\s+active$/m },
    {
      line: 'agent-console apikey revoke ops --tenant tenant.json',
      prints: /^The key "ops" is revoked/,
      then: async (s) => expect((await s.run('agent-console apikey list --tenant tenant.json')).stdout).toMatch(/^ops\s+notices\s+\S+\s+revoked 20/m),
    },
  ],
  'docs/api.md',
);
