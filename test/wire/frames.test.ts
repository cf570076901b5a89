/**
 * Every kind of bad frame gets a typed error; the connection and the server
 * survive and other clients are unaffected — unless a client keeps sending
 * garbage (4003). Also: hello timeout (4000), heartbeat (4004), version
 * mismatch (4002), ping/pong and GET /healthz.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE, LIMITS, PROTOCOL_VERSION, type AnyServerEnvelope } from '../../src/protocol/index.js';
import { RawClient, rawLogin, rig, until, type Rig } from './helpers.js';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const err = (f: AnyServerEnvelope) => {
  if (f.type !== 'error') throw new Error(`expected an error frame, got ${JSON.stringify(f)}`);
  return f.data;
};

/** The next error frame after the ones already received. */
async function nextError(c: RawClient): Promise<AnyServerEnvelope> {
  const seen = c.frames.length;
  return c.next((f) => f.type === 'error' && c.frames.indexOf(f) >= seen);
}

describe('bad frames', () => {
  it('each kind gets a typed error, the connection survives, and a bystander is unaffected', async () => {
    r = await rig();
    const bystander = await r.client('a2');
    const c = await rawLogin(r.server.url, 'a1');

    const cases: { name: string; frame: unknown; code: string; field?: string; replyTo?: string }[] = [
      { name: 'binary', frame: Buffer.from([1, 2, 3]), code: 'BINARY' },
      { name: 'non-JSON', frame: '{"v":1,"type":', code: 'NOT_JSON' },
      { name: 'JSON that is not an object', frame: '42', code: 'BAD_FRAME', field: '(frame)' },
      { name: 'null', frame: 'null', code: 'BAD_FRAME', field: '(frame)' },
      { name: 'wrong v', frame: { v: 2, type: 'set_status', id: 'v2', data: { status: 'available' } }, code: 'VERSION_MISMATCH', field: 'v', replyTo: 'v2' },
      { name: 'missing v', frame: { type: 'set_status', id: 'nov', data: { status: 'available' } }, code: 'VERSION_MISMATCH', field: 'v', replyTo: 'nov' },
      { name: 'missing id', frame: { v: 1, type: 'set_status', data: { status: 'available' } }, code: 'BAD_FRAME', field: 'id' },
      { name: 'bad id characters', frame: { v: 1, type: 'set_status', id: 'a b', data: { status: 'available' } }, code: 'BAD_FRAME', field: 'id' },
      { name: 'id too long', frame: { v: 1, type: 'set_status', id: 'x'.repeat(65), data: {} }, code: 'BAD_FRAME', field: 'id' },
      { name: 'unknown type', frame: { v: 1, type: 'launch_rockets', id: 'u1', data: {} }, code: 'UNKNOWN_TYPE', replyTo: 'u1' },
      { name: 'missing type', frame: { v: 1, id: 't0', data: {} }, code: 'BAD_FRAME', field: 'type', replyTo: 't0' },
      { name: 'wrong field type', frame: { v: 1, type: 'set_status', id: 'w1', data: { status: 42 } }, code: 'BAD_FRAME', field: 'data.status', replyTo: 'w1' },
      { name: 'unknown enum value', frame: { v: 1, type: 'set_status', id: 'w2', data: { status: 'asleep' } }, code: 'BAD_FRAME', field: 'data.status', replyTo: 'w2' },
      { name: 'missing field', frame: { v: 1, type: 'accept', id: 'w3', data: {} }, code: 'BAD_FRAME', field: 'data.interactionId', replyTo: 'w3' },
      { name: 'boolean as string', frame: { v: 1, type: 'toggle_queue', id: 'w4', data: { queueId: 'chat', enabled: 'yes' } }, code: 'BAD_FRAME', field: 'data.enabled', replyTo: 'w4' },
      { name: 'notes over 10,000 characters', frame: { v: 1, type: 'set_notes', id: 'w5', data: { interactionId: 'IX-1', notes: 'n'.repeat(10_001) } }, code: 'BAD_FRAME', field: 'data.notes', replyTo: 'w5' },
      { name: 'oversized frame (> 256 KiB)', frame: JSON.stringify({ v: 1, type: 'set_notes', id: 'big', data: { interactionId: 'IX-1', notes: 'x'.repeat(LIMITS.maxFrameBytes) } }), code: 'TOO_LARGE' },
    ];
    for (const k of cases) {
      const pending = nextError(c);
      c.send(k.frame);
      const e = await pending;
      expect({ name: k.name, code: err(e).code }).toEqual({ name: k.name, code: k.code });
      expect(err(e).message.length).toBeGreaterThan(0);
      if (k.field) expect(err(e).field, k.name).toBe(k.field);
      if (k.replyTo) expect(e.replyTo, k.name).toBe(k.replyTo);
      expect(e.seq, k.name).toBeUndefined();
      expect(c.closed, k.name).toBeUndefined();
    }
    expect(cases.length).toBeLessThanOrEqual(20); // stays under the abuse threshold
    // Still alive and still logged in.
    expect(RawClient.outcome(await c.cmd('set_status', { status: 'available' }))).toBe('ack');
    expect(r.engine.queries.self('a1')?.status).toBe('available');
    // The bystander saw a1 become available and can still work.
    await until(bystander, (v) => v.contacts.find((x) => x.id === 'a1')?.status === 'available', 'bystander sees a1');
    expect((await bystander.setStatus('available')).ok).toBe(true);
    expect(bystander.getView().connection.state).toBe('online');
    c.close();
  });

  it('commands before hello get HELLO_REQUIRED, before login NOT_AUTHENTICATED; ping works at any time', async () => {
    r = await rig();
    const c = await RawClient.open(r.server.url);
    for (const type of ['login', 'resume', 'set_status', 'logout']) {
      const data = type === 'login' ? { agent: 'a1', password: 'secret' } : type === 'resume' ? { token: 't', lastSeq: 0 } : type === 'set_status' ? { status: 'available' } : {};
      expect(RawClient.outcome(await c.cmd(type, data)), type).toBe('HELLO_REQUIRED');
    }
    c.send({ v: 1, type: 'ping', id: 'p1' });
    expect((await c.next((f) => f.type === 'pong')).type).toBe('pong');
    await c.hello();
    for (const [type, data] of [['set_status', { status: 'available' }], ['accept', { interactionId: 'IX-1' }], ['logout', {}]] as const)
      expect(RawClient.outcome(await c.cmd(type, data)), type).toBe('NOT_AUTHENTICATED');
    expect(r.engine.queries.self('a1')?.loggedIn).toBe(false);
    expect(c.closed).toBeUndefined();
    expect((await c.login('a1')).type).toBe('session');
    c.close();
  });

  it('a frame above the transport cap (1 MiB) closes only that socket (1009); the server carries on', async () => {
    r = await rig();
    const other = await rawLogin(r.server.url, 'a2');
    const c = await rawLogin(r.server.url, 'a1');
    c.send('x'.repeat(LIMITS.maxFrameBytes * 4 + 1));
    expect((await c.closedEvent()).code).toBe(CLOSE.tooLarge);
    expect(RawClient.outcome(await other.cmd('set_status', { status: 'available' }))).toBe('ack');
    other.close();
  });

  it('a client sending more than 20 bad frames a minute is closed with 4003 and a reason; others continue', async () => {
    r = await rig();
    const watcher = await r.client('a2');
    const abuser = await rawLogin(r.server.url, 'a1');
    for (let n = 0; n < 25; n++) abuser.send(`garbage ${n}`);
    const closing = await abuser.next((f) => f.type === 'closing');
    expect(closing.data).toEqual({ code: CLOSE.abusive, reason: 'too many invalid frames' });
    expect(await abuser.closedEvent()).toEqual({ code: CLOSE.abusive, reason: 'too many invalid frames' });
    expect(abuser.frames.filter((f) => f.type === 'error' && f.data.code === 'NOT_JSON').length).toBe(21);
    // The abuser's agent is disconnected (grace period), not logged out; the watcher is fine.
    expect(r.engine.queries.self('a1')?.loggedIn).toBe(true);
    expect((await watcher.setStatus('available')).ok).toBe(true);
    await until(watcher, (v) => v.self?.status === 'available', 'watcher available');
    expect(watcher.getView().connection.state).toBe('online');
  });

  it('a socket that sends no hello within the timeout is closed with 4000', async () => {
    r = await rig({ helloTimeoutMs: 300 }); // margin for a slow machine: the code is asserted, not the timing
    const c = await RawClient.open(r.server.url);
    const closed = await c.closedEvent();
    expect(closed.code).toBe(CLOSE.helloTimeout);
    expect(closed.reason).toMatch(/no hello/);
    expect(c.frames.find((f) => f.type === 'closing')?.data).toMatchObject({ code: CLOSE.helloTimeout });
    // One that does say hello in time stays open.
    const d = await RawClient.open(r.server.url);
    await d.hello();
    await d.login('a1');
    expect(d.closed).toBeUndefined();
    d.close();
  });
});

describe('heartbeat', () => {
  it('a peer that never answers pings is told 4004 and dropped at once; an EngineClient that answers stays online', async () => {
    r = await rig({ heartbeatMs: 150 }); // a live client must not miss two intervals even on a loaded machine
    const live = await r.client('a2');
    // Answers pings while logging in (a login can outlast two 150 ms intervals on a loaded machine), then never again.
    const mute = await RawClient.open(r.server.url);
    const answering = setInterval(() => mute.send({ v: 1, type: 'pong', id: 'keep', data: {} }), 50);
    try {
      await mute.hello();
      expect((await mute.login('a1')).type).toBe('session');
      await mute.next((f) => f.type === 'snapshot');
    } finally {
      clearInterval(answering);
    }
    const closed = await mute.closedEvent();
    // Dropped without a closing handshake (a dead peer would never answer it): 1006 on this side.
    expect(closed.code).toBe(1006);
    expect(mute.frames.find((f) => f.type === 'closing')?.data).toEqual({ code: CLOSE.heartbeat, reason: 'no heartbeat' });
    expect(mute.frames.filter((f) => f.type === 'ping').length).toBeGreaterThanOrEqual(1);
    expect(live.getView().connection.state).toBe('online');
    expect((await live.setStatus('available')).ok).toBe(true);
    // The dead peer's agent enters the grace period (disconnected, still logged in).
    expect(r.engine.queries.unsafeState().agents.get('a1')?.disconnectedUntil).toBeDefined();
  });

  it('the server answers a client ping with pong', async () => {
    r = await rig();
    const c = await rawLogin(r.server.url, 'a1');
    c.send({ v: 1, type: 'ping', id: 'pp' });
    const pong = await c.next((f) => f.type === 'pong');
    expect(pong).toMatchObject({ v: 1, type: 'pong', data: {} });
    expect(pong.seq).toBeUndefined();
    c.close();
  });
});

describe('version mismatch', () => {
  it('hello with another major version is refused with VERSION_MISMATCH and closed 4002', async () => {
    r = await rig();
    const c = await RawClient.open(r.server.url);
    c.send({ v: 1, type: 'hello', id: 'h2', data: { protocol: '2.0' } });
    const e = await c.reply('h2');
    expect(err(e).code).toBe('VERSION_MISMATCH');
    expect(err(e).message).toContain(PROTOCOL_VERSION);
    expect(err(e).message).toContain('2.0');
    expect(c.frames.find((f) => f.type === 'closing')?.data).toEqual({ code: CLOSE.versionMismatch, reason: 'protocol version mismatch' });
    expect((await c.closedEvent()).code).toBe(CLOSE.versionMismatch);
  });

  it('an envelope of another major version (v: 2) is refused clearly and, before hello, closed 4002', async () => {
    r = await rig();
    const c = await RawClient.open(r.server.url);
    c.send({ v: 2, type: 'hello', id: 'h3', data: { protocol: '2.0' } });
    const e = await c.reply('h3');
    expect(err(e)).toMatchObject({ code: 'VERSION_MISMATCH', field: 'v' });
    expect(err(e).message).toMatch(/must be 1/);
    expect((await c.closedEvent()).code).toBe(CLOSE.versionMismatch);
  });

  it('a minor version difference is accepted', async () => {
    r = await rig();
    const c = await RawClient.open(r.server.url);
    c.send({ v: 1, type: 'hello', id: 'h4', data: { protocol: '1.7' } });
    expect((await c.reply('h4')).type).toBe('welcome');
    c.close();
  });
});

describe('GET /healthz', () => {
  it('answers JSON on the same port; other paths are 404', async () => {
    r = await rig();
    await r.client('a1');
    const res = await fetch(`${r.server.httpUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ok: true, server: expect.stringContaining(PROTOCOL_VERSION), sessions: 1, lastSeq: r.engine.lastSeq });
    expect(body.uptimeMs).toEqual(expect.any(Number));
    const missing = await fetch(`${r.server.httpUrl}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'not found' });
  });
});
