/**
 * Each command loads only what it needs (issue 25): the built program runs
 * with a hook that records every module it loads, and dist/meta.json (the
 * build's map of each output file to the sources and libraries bundled into
 * it) turns the loaded files back into sources and packages.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tmux } from '../e2e/tmux.js';
import { startServe, type ServeProcess } from '../soak/serve-process.js';

const ROOT = process.cwd();
const RECORDER = fileURLToPath(new URL('./load-recorder.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ac-lazy-'));
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
let file = 0;

interface Meta {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

/** What a process loaded, as the sources (src/...) and packages (node_modules/NAME) of the files it loaded. */
function loadedFrom(list: string): string[] {
  const meta = JSON.parse(readFileSync(join(ROOT, 'dist/meta.json'), 'utf8')) as Meta;
  const names = new Set<string>();
  for (const url of readFileSync(list, 'utf8').split('\n').filter(Boolean)) {
    if (!url.startsWith('file:')) continue;
    const path = fileURLToPath(url);
    const output = meta.outputs[path.slice(ROOT.length + 1)];
    const inputs = output ? Object.keys(output.inputs) : [path.slice(path.lastIndexOf('node_modules/'))];
    for (const input of inputs) names.add(/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[0] ?? input);
  }
  return [...names];
}

function recordedEnv(): { env: NodeJS.ProcessEnv; list: string } {
  const list = join(dir, `loaded-${++file}.txt`);
  return {
    list,
    env: {
      ...process.env,
      NODE_OPTIONS: `--import ${pathToFileURL(RECORDER).href}`,
      AC_LOADED_MODULES: list,
      AGENT_CONSOLE_CONFIG_DIR: join(dir, 'config'),
      AGENT_CONSOLE_DATA_DIR: join(dir, 'data'),
    },
  };
}

function loadedBy(args: string[], input?: string, extraEnv: NodeJS.ProcessEnv = {}): string[] {
  const { env, list } = recordedEnv();
  const r = spawnSync(process.execPath, ['bin/agent-console', ...args], { env: { ...env, ...extraEnv }, input, encoding: 'utf8', timeout: 20_000 });
  expect(r.status, r.stderr).toBe(0);
  return loadedFrom(list);
}

const UI = ['node_modules/ink', 'node_modules/react', 'node_modules/react-reconciler', 'node_modules/yoga-layout', 'src/tui/'];
const ENGINE = ['src/engine/', 'node_modules/better-sqlite3'];
const SERVER = ['src/server/'];
const within = (loaded: string[], prefixes: string[]) => loaded.filter((m) => prefixes.some((p) => m.startsWith(p)));
/** What a client may load of the engine: the vocabulary it shares (src/engine/vocabulary.ts), plain data and pure rules. */
const SHARED_RULEBOOKS = [
  'src/engine/agents/date-formats.ts',
  'src/engine/agents/labels.ts',
  'src/engine/agents/statuses.ts',
  'src/engine/agents/transitions.ts',
  'src/engine/chat/state.ts',
  'src/engine/crm/commands.ts',
  'src/engine/crm/records.ts',
  'src/engine/kernel/result.ts',
  'src/engine/notices/state.ts',
  'src/engine/phone/numbers.ts',
  'src/engine/vocabulary.ts',
  'src/engine/work/media.ts',
  'src/engine/work/offer-outcomes.ts',
  'src/engine/work/state.ts',
];

let serve: ServeProcess | undefined;
let tmux: Tmux | undefined;

beforeAll(async () => {
  serve = await startServe();
}, 30_000);

afterAll(async () => {
  tmux?.kill();
  await serve?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('what each command loads', () => {
  it('the recorder sees the loaded files (a check of the check)', () => {
    const loaded = loadedBy(['--help']);
    expect(loaded).toContain('src/cli/main.ts');
    expect(loaded).toContain('node_modules/commander');
  });

  it.each([[['--help']], [['--version']], [['config', 'path']], [['config', 'get', 'theme']]])('%j loads no Ink, React, engine or server', (args) => {
    const loaded = loadedBy(args);
    expect(within(loaded, [...UI, ...ENGINE, ...SERVER])).toEqual([]);
  });

  it('hash-password loads no Ink, React or engine, and of the server only its password hashing', () => {
    const loaded = loadedBy(['hash-password'], 'secret\n');
    expect(within(loaded, [...UI, ...ENGINE])).toEqual([]);
    expect(within(loaded, SERVER)).toEqual(['src/server/passwords.ts']);
  });

  it('a one-shot command loads no Ink, React, server, SQLite or schema library, and of the engine only the rulebooks it shares', () => {
    const loaded = loadedBy(['whoami', '--server', serve!.url, '--agent', 'ana'], undefined, { AGENT_CONSOLE_PASSWORD: 'demo' });
    expect(loaded).toContain('src/client/client.ts');
    expect(within(loaded, [...UI, ...SERVER, 'node_modules/better-sqlite3', 'node_modules/zod'])).toEqual([]);
    expect(within(loaded, ['src/engine/']).sort()).toEqual(SHARED_RULEBOOKS);
  });

  it('serve loads no Ink, React or console', async () => {
    const { env, list } = recordedEnv();
    const recorded = await startServe({ env });
    expect(await recorded.stop()).toBe(0);
    const loaded = loadedFrom(list);
    expect(loaded).toContain('src/engine/engine.ts');
    expect(within(loaded, UI)).toEqual([]);
  }, 30_000);

  it.skipIf(!hasTmux)('the console on a server loads no server, no SQLite, and of the engine only the rulebooks it shares', async () => {
    const { env, list } = recordedEnv();
    tmux = new Tmux(['node', 'bin/agent-console', '--server', serve!.url, '--agent', 'ana'], {
      cols: 100,
      rows: 30,
      cwd: ROOT,
      env: { NODE_OPTIONS: env.NODE_OPTIONS!, AC_LOADED_MODULES: list, AGENT_CONSOLE_PASSWORD: 'demo', AGENT_CONSOLE_CONFIG_DIR: env.AGENT_CONSOLE_CONFIG_DIR!, AGENT_CONSOLE_DATA_DIR: env.AGENT_CONSOLE_DATA_DIR! },
    });
    // Everything the console needs to show the agent's status is loaded by then.
    await tmux.waitFor(/Ana L\..*On Break/, 'the console, logged in', 20_000);
    const loaded = loadedFrom(list);
    expect(loaded).toContain('src/tui/run.tsx');
    expect(within(loaded, [...SERVER, 'node_modules/better-sqlite3'])).toEqual([]);
    expect(within(loaded, ['src/engine/']).sort()).toEqual(SHARED_RULEBOOKS);
    expect(within(loaded, ['node_modules/zod'])).toEqual([]);
  }, 30_000);
});
