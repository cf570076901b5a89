/**
 * The one-shot commands and `events`, as a script runs them: the built
 * binary against a real `serve` on loopback, while the agent's console (an
 * EngineClient, as the console uses it) stays logged in and is never taken
 * over. Exit codes, JSON shapes, and the errors a script meets: a wrong
 * password, an illegal transition, an unknown queue or code, no server.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerChatClient } from '../../src/client/customer-chat.js';
import { EngineClient, type AgentView } from '../../src/client/index.js';
import { startServe, type ServeProcess } from '../soak/serve-process.js';
import { runCli, spawnCli, type CliRun } from './run-cli.js';

interface Ran extends CliRun {
  json: { ok: boolean; error?: { code: string; message: string } } & Record<string, unknown>;
}

let serve: ServeProcess;
let console: EngineClient;
let apiKey: string;
const takenOver: string[] = [];

/** Runs the built program (async: the console in this process keeps receiving its events meanwhile). */
async function run(args: string[], env: NodeJS.ProcessEnv = {}, target = ['--server', '', '--agent', 'ana']): Promise<Ran> {
  const where = target.map((x) => x || serve.url);
  const r = await runCli([...args, ...where], { env: { AGENT_CONSOLE_PASSWORD: 'demo', AGENT_CONSOLE_API_KEY: apiKey, ...env } });
  return { ...r, json: args.includes('--json') ? (JSON.parse(r.stdout) as Ran['json']) : ({} as Ran['json']) };
}

function until(predicate: (v: AgentView) => boolean, label: string): Promise<AgentView> {
  return new Promise((resolve, reject) => {
    if (predicate(console.getView())) return resolve(console.getView());
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${label}`)), 10_000);
    const off = console.subscribe((v) => {
      if (!predicate(v)) return;
      clearTimeout(timer);
      off();
      resolve(v);
    });
  });
}

beforeAll(async () => {
  // The operator's key, made by the program itself, in a copy of the demo tenant.
  const made = (await runCli(['api-key', 'new', '--id', 'ops', '--json'])).stdout;
  const { key, entry } = JSON.parse(made) as { key: string; entry: unknown };
  apiKey = key;
  const dir = mkdtempSync(join(tmpdir(), 'ac-agent-commands-'));
  const tenantFile = join(dir, 'tenant.json');
  writeFileSync(tenantFile, JSON.stringify({ ...JSON.parse(readFileSync('fixtures/demo-tenant.json', 'utf8')), apiKeys: [entry] }));
  serve = await startServe({ tenantFile, dir });
  console = new EngineClient({ url: serve.url, agent: 'ana', password: 'demo', clientName: 'test console' });
  console.subscribe((v) => v.connection.state === 'offline' && takenOver.push(v.connection.reason));
  await console.connect();
}, 30_000);

afterAll(async () => {
  console?.close();
  await serve?.stop();
});

describe('one-shot commands beside a logged-in console', () => {
  it('whoami: the agent and their status, as text and as JSON', async () => {
    const text = await run(['whoami']);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe('ana (Ana L.), agent in Support: on_break\n');
    const r = await run(['whoami', '--json']);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({
      ok: true, agent: 'ana', displayName: 'Ana L.', status: 'on_break', statusCode: null, statusSince: expect.any(Number),
      group: 'support', role: 'agent', loggedIn: true, work: [], offer: null,
    });
  });

  it('--profile: the server and agent of a saved profile', async () => {
    const config = { AGENT_CONSOLE_CONFIG_DIR: join(mkdtempSync(join(tmpdir(), 'ac-profile-')), 'config') };
    expect((await run(['config', 'set', 'servers.work', JSON.stringify({ url: serve.url, agent: 'ana' })], config, [])).code).toBe(0);
    const r = await run(['whoami', '--profile', 'work', '--json'], config, []);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ ok: true, agent: 'ana' });
    const unknown = await run(['whoami', '--profile', 'home'], config, []);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no server profile "home"/);
  });

  it('status set: a change the console sees; a name or reason that does not exist is a usage error (2) with the choices', async () => {
    const r = await run(['status', 'set', 'available', '--json']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ ok: true, agent: 'ana', status: 'available', statusCode: null });
    await until((v) => v.self?.status === 'available', 'the console shows Available');

    const unknown = await run(['status', 'set', 'lunch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/"lunch" is not a status you can set: available, on_break/);
    const reason = await run(['status', 'set', 'on_break', '--reason', 'nap', '--json']);
    expect(reason.code).toBe(2);
    expect(reason.json).toMatchObject({ ok: false, error: { code: 'USAGE', message: expect.stringMatching(/they are: lunch, coffee, personal/) } });
  });

  it('queue disable / enable, by id or by name', async () => {
    const off = await run(['queue', 'disable', 'sales-chat', '--json']);
    expect(off.code).toBe(0);
    expect(off.json).toEqual({ ok: true, queue: 'sales-chat', name: 'Sales — Chat', enabled: false });
    await until((v) => v.queues.find((q) => q.id === 'sales-chat')?.enabled === false, 'the console shows the queue off');
    const on = await run(['queue', 'enable', 'sales — chat']);
    expect(on.code).toBe(0);
    expect(on.stdout).toBe('Sales — Chat: enabled\n');
    const unknown = await run(['queue', 'disable', 'nowhere']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/not one of your queues; they are: support-phone/);
  });

  it('offer accept: none waiting is exit 1; an offer is taken and becomes the console’s work', async () => {
    const none = await run(['offer', 'accept', '--json']);
    expect(none.code).toBe(1);
    expect(none.json).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No offer is waiting for you.' } });

    const customer = new CustomerChatClient({ url: serve.url, name: 'Lee Park', queue: 'support-chat' });
    await customer.start();
    const offered = await until((v) => v.offer !== null, 'an offer');
    const r = await run(['offer', 'accept', '--json']);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({ ok: true, interactionId: offered.offer!.id, media: 'chat', queue: 'support-chat', accepted: true });
    await until((v) => v.work.some((w) => w.id === offered.offer!.id), 'the chat in the console');
    customer.close();
  });

  it('an illegal transition is refused by the server: exit 1, its code and message', async () => {
    const r = await run(['status', 'set', 'on_break', '--reason', 'lunch', '--json']);
    expect(r.code).toBe(1);
    expect(r.json.error).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringMatching(/busy/) });
    expect(r.stderr).toMatch(/\(INVALID_TRANSITION\)\n$/);
  });

  it('wrapup: a mandatory code missing is refused; an unknown code is a usage error; with the code it is done', async () => {
    const work = console.getView().work[0]!;
    await console.endInteraction(work.id);
    await until((v) => v.work[0]?.phase === 'wrapup', 'wrap-up');
    const missing = await run(['wrapup', '--json']);
    expect(missing.code).toBe(1);
    expect(missing.json.error?.code).toBe('CODE_REQUIRED');
    const unknown = await run(['wrapup', '--code', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/nope not a code of/);
    const r = await run(['wrapup', '--code', 'how-to', '--code', 'resolved', '--json']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ ok: true, interactionId: work.id, codes: ['how-to', 'resolved'], status: 'available' });
    await until((v) => v.work.length === 0, 'the work gone from the console');
  });

  it('notice send: to the agent’s group; --platform: to everyone, with the operator key', async () => {
    const r = await run(['notice', 'send', 'Team huddle at 15:00', '--priority', 'medium', '--json']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ ok: true, noticeId: expect.any(String), priority: 'medium', groups: ['support'] });
    await until((v) => v.notices.some((n) => n.text === 'Team huddle at 15:00'), 'the notice in the console');

    const platform = await run(['notice', 'send', 'Maintenance tonight 22:00', '--platform', '--json'], {}, ['--server', '']);
    expect(platform.code).toBe(0);
    expect(platform.json).toEqual({ ok: true, platform: true, priority: 'high' });
    const v = await until((x) => x.notices.some((n) => n.platform), 'the platform notice in the console');
    expect(v.notices.find((n) => n.platform)).toMatchObject({ text: 'Maintenance tonight 22:00', priority: 'high' });
    // The guide's priorities: a platform notice may be a pop-up (blocks until read), or lower.
    const popup = await run(['notice', 'send', 'Switch failover now', '--platform', '--priority', 'popup', '--json'], {}, ['--server', '']);
    expect(popup.json).toEqual({ ok: true, platform: true, priority: 'popup' });
    const p = await until((x) => x.notices.some((n) => n.text === 'Switch failover now'), 'the pop-up platform notice');
    expect(p.notices.find((n) => n.text === 'Switch failover now')).toMatchObject({ platform: true, priority: 'popup' });
    const bad = await run(['notice', 'send', 'x', '--platform', '--priority', 'urgent'], {}, ['--server', '']);
    expect(bad.code).toBe(2);

    const wrongKey = await run(['notice', 'send', 'x', '--platform'], { AGENT_CONSOLE_API_KEY: 'ac_not-a-key' }, ['--server', '']);
    expect(wrongKey.code).toBe(3);
    const noKey = await run(['notice', 'send', 'x', '--platform'], { AGENT_CONSOLE_API_KEY: '' }, ['--server', '']);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/AGENT_CONSOLE_API_KEY/);
  });

  it('events --json: a snapshot, then each change as one JSON line; SIGINT ends it with 0', async () => {
    const child = spawnCli(['events', '--json', '--server', serve.url, '--agent', 'ana'], { env: { AGENT_CONSOLE_PASSWORD: 'demo' } });
    child.stderr.pipe(process.stderr);
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const next = async () => JSON.parse((await lines.next()).value as string) as { type: string; seq: number; data: Record<string, unknown> };
    const snapshot = await next();
    expect(snapshot).toMatchObject({ v: 1, type: 'snapshot', seq: expect.any(Number), data: { self: { id: 'ana', status: 'available' } } });
    await console.setStatus('on_break', 'coffee');
    let event = await next();
    while (event.type !== 'self') event = await next();
    expect(event).toMatchObject({ type: 'self', seq: expect.any(Number), data: { status: 'on_break', statusCode: 'coffee' } });
    expect(event.seq).toBeGreaterThan(snapshot.seq);
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  });

  it('the console was never taken over, and the agent never disconnected', () => {
    expect(takenOver).toEqual([]);
    expect(console.getView().connection.state).toBe('online');
  });
});

describe('one-shot commands that cannot run', () => {
  it('a wrong password: exit 3, AUTH_FAILED', async () => {
    const r = await run(['whoami', '--json'], { AGENT_CONSOLE_PASSWORD: 'wrong' }, ['--server', '', '--agent', 'ben']);
    expect(r.code).toBe(3);
    expect(r.json).toEqual({ ok: false, error: { code: 'AUTH_FAILED', message: 'Unknown agent or wrong password.' } });
  });

  it('an agent with no console open: what they see works, a change is refused (exit 1) with where to log in', async () => {
    const ben = ['--server', '', '--agent', 'ben'];
    expect((await run(['whoami', '--json'], {}, ben)).json).toMatchObject({ ok: true, agent: 'ben', status: 'logged_out', loggedIn: false });
    const r = await run(['status', 'set', 'available', '--json'], {}, ben);
    expect(r.code).toBe(1);
    expect(r.json.error).toMatchObject({ code: 'INVALID_STATE', message: expect.stringMatching(/not logged in\. Log in with the console first/) });
  });

  it('no server there: exit 4, UNREACHABLE', async () => {
    const r = await run(['status', 'set', 'available', '--json'], {}, ['--server', 'ws://127.0.0.1:1', '--agent', 'ana']);
    expect(r.code).toBe(4);
    expect(r.json.error?.code).toBe('UNREACHABLE');
  });

  it('no --server nor --profile: exit 2', async () => {
    const r = await run(['whoami'], {}, []);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--server or --profile/);
  });
});
