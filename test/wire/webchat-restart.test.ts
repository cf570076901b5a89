/**
 * Web chat across a server restart on the same SQLite file: the customer's
 * token is kept nowhere, only its hash (on the conversation, through the
 * event log), so a customer resumes with the same conversation, agent and
 * history; tokens of ended chats and wrong tokens are refused; bad resume
 * frames stay typed and harmless.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineClient } from '../../src/client/index.js';
import type { CustomerChatClient } from '../../src/client/customer-chat.js';
import { openEngine, parseTenant, VirtualClock, type Engine } from '../../src/engine/index.js';
import { tokenKey } from '../../src/server/tokens.js';
import { webChat } from '../../src/server/channels/webchat/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { until, type Rig } from './helpers.js';
import { acceptChat, chatTenant, customer, RawCustomer } from './webchat-helpers.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ac-webchat-restart-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

interface Up {
  engine: Engine;
  server: RunningServer;
  agent(id: string): Promise<EngineClient>;
  stop(): Promise<void>;
}

/** Engine + server (web chat on) on `dbFile`; `stop` is the whole server going down (a restart is stop, then up again). */
async function up(dbFile: string, clock: VirtualClock, port = 0, customerGraceMs?: number): Promise<Up> {
  const engine = openEngine({ tenant: parseTenant(await chatTenant()), dbFile, clock });
  const server = await startServer({ engine, port, statsCoalesceMs: 0, channels: [webChat({ positionDelayMs: 5, customerGraceMs })] });
  const clients: EngineClient[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const c of clients) c.close();
    await server.close();
    engine.close();
  };
  cleanups.push(stop);
  return {
    engine,
    server,
    stop,
    async agent(id) {
      const c = new EngineClient({ url: server.url, agent: id, password: 'secret', backoff: { baseMs: 5, maxMs: 50 } });
      clients.push(c);
      await c.connect();
      return c;
    },
  };
}

/** RawCustomer and customer() want a Rig: they only use its server. */
const asRig = (u: Up) => ({ server: u.server }) as Rig;

/** Every byte SQLite wrote (the database, its WAL and shared memory). */
function dbBytes(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
}


/** On a fresh database (`s`, its server): Lee's web chat, accepted by a1. */
async function chatWithA1() {
  const dir = tempDir();
  const db = join(dir, 'cc.db');
  const clock = new VirtualClock();
  const s = await up(db, clock);
  const raw = await RawCustomer.open(asRig(s));
  const { conversationId, token } = await raw.start('Lee');
  const a1 = await s.agent('a1');
  await acceptChat(a1, conversationId);
  await raw.next('agent_joined');
  return { s, dir, db, clock, raw, conversationId, token, a1 };
}
const lines = (agent: EngineClient, id: string) => agent.getView().work.find((w) => w.id === id)?.chat?.messages.map((m) => m.text) ?? [];

describe('web chat across a server restart', () => {
  it('the customer resumes the same conversation with its transcript; both directions work; the token is not in the database', async () => {
    const chat = await chatWithA1();
    const { dir, db, clock, raw, conversationId, token, a1 } = chat;
    let s = chat.s;
    const hello = await raw.request({ type: 'message', text: 'hello', clientId: 'c1' }, 'ack');
    await a1.sendChat(conversationId, 'hi, how can I **help**?');
    await raw.next('message', (f) => f.message.text === 'hi, how can I **help**?');
    await s.stop();
    expect((await raw.whenClosed()).code).toBe(1001); // going away: the customer's page reconnects

    // The log has the hash, never the token.
    const bytes = dbBytes(dir);
    expect(bytes.includes(tokenKey(token))).toBe(true);
    expect(bytes.includes(token)).toBe(false);

    s = await up(db, clock);
    const agent = await s.agent('a1');
    await until(agent, (v) => v.work.some((w) => w.id === conversationId), 'the chat back at a1');
    const back = await RawCustomer.open(asRig(s));
    expect(await back.request({ type: 'resume', token }, 'resumed')).toMatchObject({ conversationId, state: 'active', agentName: 'A1', queue: { id: 'chat', name: 'Chat' } });
    // Without lastMessageId: the whole transcript, in order, agent lines with name and rich text.
    await back.next('message', (f) => f.message.text === 'hi, how can I **help**?');
    const replayed = back.frames.flatMap((f) => (f.type === 'message' ? [f.message] : []));
    expect(replayed.map((m) => [m.from, m.text])).toEqual([['customer', 'hello'], ['agent', 'hi, how can I **help**?']]);
    expect(replayed[0]!.id).toBe(hello.messageId);
    expect(replayed[1]).toMatchObject({ agentName: 'A1', blocks: [{ kind: 'p' }] });

    // Customer → agent.
    const next = await back.request({ type: 'message', text: 'still there?', clientId: 'c2' }, 'ack');
    await until(agent, () => lines(agent, conversationId).at(-1) === 'still there?', 'the line at a1');
    const resent = await back.request({ type: 'message', text: 'still there?', clientId: 'c2' }, 'ack');
    expect(resent.messageId).toBe(next.messageId); // remembered from here on
    // Agent → customer, typing included.
    await agent.sendChat(conversationId, 'yes, still here');
    expect(await back.next('message', (f) => f.message.text === 'yes, still here')).toMatchObject({ message: { from: 'agent', agentName: 'A1' } });
    expect(lines(agent, conversationId)).toEqual(['hello', 'hi, how can I **help**?', 'still there?', 'yes, still here']);

    // Another tab resuming with lastMessageId takes over and gets only what came after.
    const tab = await RawCustomer.open(asRig(s));
    await tab.request({ type: 'resume', token, lastMessageId: next.messageId }, 'resumed');
    await tab.next('message', (f) => f.message.text === 'yes, still here');
    expect(tab.frames.filter((f) => f.type === 'message')).toHaveLength(1);
    expect((await back.whenClosed()).code).toBe(4001);

    // A wrong token is refused as before.
    expect(await tab.request({ type: 'resume', token: token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA') }, 'error')).toMatchObject({ code: 'UNKNOWN_TOKEN' });

    // The customer leaves: the chat is in wrap-up at a1 (not wrapped up) when the server restarts again.
    await tab.request({ type: 'leave' }, 'ended', (f) => f.reason === 'left');
    await until(agent, (v) => v.work.find((w) => w.id === conversationId)?.phase === 'wrapup', 'wrap-up at a1');
    await s.stop();
    s = await up(db, clock);
    // Ended, and the server restarted since: still resumable for the rest of the transcript and the end.
    const late = await RawCustomer.open(asRig(s));
    expect(await late.request({ type: 'resume', token, lastMessageId: next.messageId }, 'resumed')).toMatchObject({ conversationId, state: 'ended' });
    expect((await late.next('message')).message.text).toBe('yes, still here');
    expect(await late.next('ended')).toMatchObject({ reason: 'left' });
    expect(dbBytes(dir).includes(token)).toBe(false);
    late.close();
    // Ten minutes after its end it is forgotten, restart or not.
    clock.advance(10 * 60_000 + 1);
    await s.stop();
    s = await up(db, clock);
    const later = await RawCustomer.open(asRig(s));
    expect(await later.request({ type: 'resume', token }, 'error')).toMatchObject({ code: 'UNKNOWN_TOKEN' });
    later.close();
  });

  it('a chat the agent ended while the customer was away, then a restart: the customer still gets their last line confirmed and the end', async () => {
    const { s, db, clock, raw, conversationId, token, a1 } = await chatWithA1();
    const line = await raw.request({ type: 'message', text: 'one more thing', clientId: 'late-1' }, 'ack');
    raw.close(); // the customer's page is away: the agent ends the chat meanwhile
    await a1.endInteraction(conversationId);
    await s.stop();
    const again = await up(db, clock);
    const back = await RawCustomer.open(asRig(again));
    expect(await back.request({ type: 'resume', token }, 'resumed')).toMatchObject({ conversationId, state: 'ended' });
    expect((await back.next('message', (f) => f.message.id === line.messageId)).message).toMatchObject({ text: 'one more thing', clientId: 'late-1' });
    expect(await back.next('ended')).toMatchObject({ reason: 'agent_ended' });
    // A resend of the line is acknowledged with its first id, not refused because the chat ended.
    expect(await back.request({ type: 'message', text: 'one more thing', clientId: 'late-1' }, 'ack')).toMatchObject({ messageId: line.messageId });
    back.close();
  });

  it('a line resent after the restart (its ack lost) is acknowledged with its first id, shown once, and replayed with its clientId', async () => {
    const chat = await chatWithA1();
    const { db, clock, raw, conversationId, token } = chat;
    const first = await raw.request({ type: 'message', text: 'did this arrive?', clientId: 'line-1' }, 'ack');
    await chat.s.stop(); // the customer never saw the ack, say: line-1 is still in its outbox
    const s = await up(db, clock);
    const back = await RawCustomer.open(asRig(s));
    await back.request({ type: 'resume', token }, 'resumed');
    // The replay says which of the customer's lines this is, so a page replaces its pending line instead of adding one.
    expect((await back.next('message', (f) => f.message.text === 'did this arrive?')).message).toMatchObject({ id: first.messageId, clientId: 'line-1' });
    expect(await back.request({ type: 'message', text: 'did this arrive?', clientId: 'line-1' }, 'ack')).toEqual({ type: 'ack', clientId: 'line-1', messageId: first.messageId });
    const agent = await s.agent('a1');
    await until(agent, (v) => v.work.some((w) => w.id === conversationId), 'the chat back at a1');
    expect(lines(agent, conversationId)).toEqual(['did this arrive?']);
    expect(s.engine.queries.transcript(conversationId).map((m) => m.text)).toEqual(['did this arrive?']);
    back.close();
  });

  it('a customer who never comes back after the restart: the chat ends ("disconnected") after the grace period, at the agent too', async () => {
    const chat = await chatWithA1();
    const { db, clock, conversationId, token } = chat;
    let s = chat.s;
    await s.stop();
    // Back up with a short grace: nobody resumes.
    s = await up(db, clock, 0, 50);
    const ended = new Promise<void>((resolve) => {
      const off = s.engine.subscribe((b) => b.some((e) => e.type === 'interaction.customer_ended' && e.interactionId === conversationId) && (off(), resolve()));
    });
    const agent = await s.agent('a1');
    await ended;
    await until(agent, (v) => v.work.find((w) => w.id === conversationId)?.chat?.customerLeft === true, 'the customer gone at a1');
    // A late resume learns the chat ended, and why.
    const late = await RawCustomer.open(asRig(s));
    expect(await late.request({ type: 'resume', token }, 'resumed')).toMatchObject({ conversationId, state: 'ended' });
    expect(await late.next('ended')).toMatchObject({ reason: 'disconnected' });
    late.close();
  });

  it('a waiting customer on the real client reconnects by itself through the restart, with its outbox, and is picked up after', async () => {
    const db = join(tempDir(), 'cc.db');
    const clock = new VirtualClock();
    let s = await up(db, clock);
    const port = s.server.port;
    const c: CustomerChatClient = customer(asRig(s), 'Kim');
    cleanups.push(() => c.close());
    const { conversationId } = await c.start();
    await c.send('anyone there?');
    if (c.position !== 1) await c.waitFor((e) => e.type === 'position' && e.position === 1);

    const reconnecting = c.waitFor((e) => e.type === 'connection' && e.state === 'reconnecting');
    await s.stop();
    await reconnecting;
    const sent = c.send('hello again'); // into the outbox while the server is down
    const online = c.waitFor((e) => e.type === 'connection' && e.state === 'online');
    s = await up(db, clock, port);
    await online;
    await sent;
    expect(c.conversationId).toBe(conversationId);

    const agent = await s.agent('a1');
    const joined = c.waitFor((e) => e.type === 'agent_joined');
    await acceptChat(agent, conversationId);
    expect(await joined).toMatchObject({ displayName: 'A1', transferred: false });
    expect(lines(agent, conversationId)).toEqual(['anyone there?', 'hello again']);
    const reply = c.waitFor((e) => e.type === 'message' && e.message.text === 'welcome back');
    await agent.sendChat(conversationId, 'welcome back');
    await reply;
    expect(c.messages.map((m) => m.text)).toEqual(['anyone there?', 'hello again', 'welcome back']);
  });

  it('a chat transferred before the restart resumes waiting in the new queue; the new agent joins it as a transfer', async () => {
    const db = join(tempDir(), 'cc.db');
    const clock = new VirtualClock();
    let s = await up(db, clock);
    const raw = await RawCustomer.open(asRig(s));
    const { conversationId, token } = await raw.start('Ola');
    const a1 = await s.agent('a1');
    await acceptChat(a1, conversationId);
    await raw.request({ type: 'message', text: 'please transfer me', clientId: 'p1' }, 'ack');
    const moved = await a1.transferChat(conversationId, 'chat2', true);
    if (!moved.ok) throw new Error(moved.error.message);
    await raw.next('transferred');
    await s.stop();

    s = await up(db, clock);
    const back = await RawCustomer.open(asRig(s));
    expect(await back.request({ type: 'resume', token }, 'resumed')).toMatchObject({ conversationId, state: 'waiting', queue: { id: 'chat2', name: 'Chat 2' } });
    expect(await back.next('position')).toMatchObject({ position: 1 });
    const a2 = await s.agent('a2');
    const newId = s.engine.queries.resumableChat(tokenKey(token))!.interactionId;
    expect(newId).not.toBe(conversationId);
    await acceptChat(a2, newId);
    expect(await back.next('agent_joined')).toMatchObject({ displayName: 'A2', transferred: true });
    await back.request({ type: 'message', text: 'thanks', clientId: 'p2' }, 'ack');
    await until(a2, () => lines(a2, newId).at(-1) === 'thanks', 'the line at a2');
    expect(lines(a2, newId)).toEqual(['please transfer me', 'A1 transferred this chat to Chat 2.', 'thanks']);
    back.close();
  });

  it('bad resume frames get typed errors and the socket lives on', async () => {
    const db = join(tempDir(), 'cc.db');
    const s = await up(db, new VirtualClock());
    const c = await RawCustomer.open(asRig(s));
    const bad = async (frame: unknown) => c.request(frame, 'error');
    expect(await bad({ type: 'resume' })).toMatchObject({ code: 'BAD_FRAME', field: 'token' });
    expect(await bad({ type: 'resume', token: 42 })).toMatchObject({ code: 'BAD_FRAME', field: 'token' });
    expect(await bad({ type: 'resume', token: 'x'.repeat(129) })).toMatchObject({ code: 'BAD_FRAME', field: 'token' });
    expect(await bad({ type: 'resume', token: 'x'.repeat(60_000) })).toMatchObject({ code: 'BAD_FRAME', field: 'token' });
    expect(await bad({ type: 'resume', token: 'x'.repeat(32), lastMessageId: { $gt: '' } })).toMatchObject({ code: 'BAD_FRAME' });
    expect(await bad({ type: 'resume', token: '\u0000'.repeat(40) })).toMatchObject({ code: 'UNKNOWN_TOKEN' });
    await c.request({ type: 'ping' }, 'pong');
    expect((await c.request({ type: 'start', name: 'Still fine' }, 'joined')).token.length).toBeGreaterThan(20);
    c.close();
  });
});
