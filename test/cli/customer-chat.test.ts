/**
 * The customer from a terminal (`agent-console customer chat`, in-process and
 * as the real binary) and the demo's chat bots, against a real server.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatBots, startColleagueReplies } from '../../src/cli/demo/chat-bots.js';
import { customerChat } from '../../src/cli/actions/customer.js';
import { customerUrl } from '../../src/client/customer-chat.js';
import { eventually, until, type Rig } from '../wire/helpers.js';
import { webChat } from '../../src/server/channels/webchat/index.js';
import { startServer } from '../../src/server/index.js';
import { chatRig } from '../wire/webchat-helpers.js';
import { spawnCli } from './run-cli.js';

let r: Rig | undefined;
let bots: ChatBots | undefined;
afterEach(async () => {
  bots?.stop();
  bots = undefined;
  await r?.close();
  r = undefined;
});

/** Polls: for output written by another socket's handler, which no engine event announces. */
async function poll(check: () => boolean, label: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function sink() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
}

describe('agent-console customer chat', () => {
  it('derives the customer endpoint from agent or http URLs', () => {
    expect(customerUrl('ws://127.0.0.1:7300')).toBe('ws://127.0.0.1:7300/customer');
    expect(customerUrl('http://localhost:8080/chat?x=1')).toBe('ws://localhost:8080/customer');
    expect(customerUrl('https://cc.example.com/')).toBe('wss://cc.example.com/customer');
    expect(() => customerUrl('ftp://x')).toThrow(/not a ws/);
  });

  it('stdin lines go to the agent; agent lines, position and the end are printed; exit 0', async () => {
    r = await chatRig();
    const input = new PassThrough();
    const out = sink();
    const err = sink();
    const done = customerChat({ server: r.server.httpUrl, name: 'Term', account: 'AC-9' }, input, out.stream, err.stream);
    const agent = await r.client('a1');
    await agent.setStatus('available');
    await until(agent, (v) => !!v.offer, 'offer');
    const id = agent.getView().offer!.id;
    await agent.accept(id);
    input.write('where is my order?\n');
    await until(agent, (v) => v.work[0]?.chat?.messages.some((m) => m.text === 'where is my order?') ?? false, 'line at agent');
    await agent.sendChat(id, 'It **ships** today: [track it](https://x.example/t)\n- step one\n\u001b]52;c;QUJD\u0007\u202eevil');
    await poll(() => out.text().includes('evil'), 'agent line printed');
    await agent.endInteraction(id);
    expect(await done).toBe(0);
    const text = out.text();
    expect(text).toContain('* you are in the queue (position 1)');
    expect(text).toContain('* A1 joined the chat');
    expect(text).toMatch(/\[\d\d:\d\d\] A1: It ships today: track it <https:\/\/x\.example\/t>\n {4} {2}- step one\n {4}\]52;c;QUJDevil/);
    expect(text).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(text).toContain('* the chat has ended (agent ended)');
    expect(err.text()).toBe('');
  });

  it('a server restart: says once that the connection is lost (not at every retry), then that it is back; the chat goes on', async () => {
    r = await chatRig();
    const input = new PassThrough();
    const out = sink();
    const done = customerChat({ server: r.server.url, name: 'Term' }, input, out.stream, sink().stream);
    const agent = await r.client('a1');
    await agent.setStatus('available');
    await until(agent, (v) => !!v.offer, 'offer');
    const id = agent.getView().offer!.id;
    await agent.accept(id);
    await poll(() => out.text().includes('A1 joined the chat'), 'joined');
    const port = r.server.port;
    await r.server.close();
    // The client retries with backoff (250 ms, 500 ms, 1 s…): several attempts fail while the server is down.
    await poll(() => out.text().includes('connection lost'), 'lost');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const restarted = await startServer({ engine: r.engine, port, statsCoalesceMs: 0, channels: [webChat({ positionDelayMs: 5 })] });
    r = { ...r, close: async () => { await restarted.close(); r!.engine.close(); } };
    await poll(() => out.text().includes('* connection back'), 'back', 15_000);
    expect(out.text().match(/connection lost/g)).toHaveLength(1);
    expect(out.text().match(/connection back/g)).toHaveLength(1);
    input.write('still there?\n');
    await poll(() => r!.engine.queries.workOf('a1')[0]?.chat?.messages.some((m) => m.text === 'still there?') ?? false, 'line after the restart');
    input.end();
    expect(await done).toBe(0);
  }, 30_000);

  it('the real binary: EOF on stdin leaves the chat once every line is delivered', async () => {
    r = await chatRig();
    const agent = await r.client('a1');
    await agent.setStatus('available');
    const child = spawnCli(['customer', 'chat', '--server', r.server.url, '--name', 'Binary Bob']);
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    await until(agent, (v) => !!v.offer, 'offer', 15_000);
    const id = agent.getView().offer!.id;
    await agent.accept(id);
    child.stdin.end('first line\nsecond line\n');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    await until(agent, (v) => v.work[0]?.chat?.customerLeft === true || v.work[0]?.phase === 'wrapup', 'customer left');
    expect(agent.getView().work[0]!.chat!.messages.map((m) => m.text)).toEqual(['first line', 'second line']);
    expect(stdout).toContain('* the chat has ended (left)');
  }, 30_000);

  it('an unreachable server is a connection error (exit 4), an unknown queue a usage error (exit 2)', async () => {
    r = await chatRig();
    const err = sink();
    expect(await customerChat({ server: 'ws://127.0.0.1:1', name: 'x' }, new PassThrough(), sink().stream, err.stream)).toBe(4);
    expect(await customerChat({ server: r.server.url, name: 'x', queue: 'nope' }, new PassThrough(), sink().stream, err.stream)).toBe(2);
    expect(err.text()).toContain('There is no chat queue "nope"');
  });
});

describe('demo chat bots', () => {
  it('a bot greets, asks, answers the agent, says goodbye and leaves', async () => {
    r = await chatRig();
    const agent = await r.client('a1');
    await agent.setStatus('available');
    bots = new ChatBots({ url: r.server.url, pace: 0.005, patienceS: 3600, seed: 3 });
    bots.arrive('chat');
    await until(agent, (v) => !!v.offer, 'offer');
    const id = agent.getView().offer!.id;
    await agent.accept(id);
    const lines = () => agent.getView().work.find((w) => w.id === id)?.chat?.messages ?? [];
    await until(agent, () => lines().filter((m) => m.from === 'customer').length >= 2, 'greeting and question');
    await agent.sendChat(id, 'Here is the answer.');
    await until(agent, () => lines().filter((m) => m.from === 'customer').length >= 3, 'follow-up');
    await agent.sendChat(id, 'Anything else?');
    await until(agent, () => agent.getView().work.find((w) => w.id === id)?.phase === 'wrapup', 'bot left', 10_000);
    expect(lines().filter((m) => m.from === 'customer')).toHaveLength(4);
    await poll(() => bots!.active === 0, 'bot gone');
  });

  it('simulated colleagues answer the bots they pick up, and the chat runs to its end', async () => {
    r = await chatRig();
    const replies = startColleagueReplies(r.engine, { humans: [], pace: 0.002 });
    const { engine } = r;
    engine.execute({ type: 'login', agentId: 'a2' });
    engine.execute({ type: 'set_status', agentId: 'a2', status: 'available' });
    const off = engine.subscribe((batch) => {
      for (const e of batch) if (e.type === 'interaction.offered') queueMicrotask(() => engine.execute({ type: 'accept', agentId: e.agentId, interactionId: e.interactionId }));
    });
    // Giving up is not what is tested: on a busy machine the chat may take longer than the 1–2 s the demo's patience scales to.
    bots = new ChatBots({ url: r.server.url, pace: 0.005, patienceS: 3600, seed: 5 });
    bots.arrive('chat');
    await eventually(r, () => engine.queries.workOf('a2').some((w) => w.phase === 'wrapup'), 'chat ended by the bot', 10_000);
    const messages = engine.queries.workOf('a2')[0]!.chat!.messages;
    expect(messages.filter((m) => m.from === 'agent').length).toBeGreaterThanOrEqual(2);
    expect(messages.filter((m) => m.from === 'customer').length).toBe(4);
    off();
    replies.stop();
  });
});
