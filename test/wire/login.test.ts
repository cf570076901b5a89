/** Login over the wire: ok, bad credentials, lockout (by agent name and by address), takeover. */
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE, PROTOCOL_VERSION } from '../../src/protocol/index.js';
import { LOCKOUT, LoginThrottle } from '../../src/server/auth.js';
import { RawClient, rawLogin, rig, until, type Rig } from './helpers.js';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

/** A raw socket from a chosen loopback address (all of 127.0.0.0/8 reaches a server bound to 127.0.0.1). */
async function from(address: string): Promise<RawClient> {
  const c = await RawClient.open(r!.server.url, { localAddress: address });
  await c.hello();
  return c;
}

describe('login', () => {
  it('accepts good credentials: session reply, then a numbered snapshot', async () => {
    r = await rig();
    const c = await RawClient.open(r.server.url);
    c.send({ v: 1, type: 'hello', id: 'h1', data: { protocol: PROTOCOL_VERSION, client: 'test' } });
    const welcome = await c.reply('h1');
    expect(welcome).toMatchObject({ v: 1, type: 'welcome', data: { protocol: PROTOCOL_VERSION, heartbeatMs: 15_000 } });
    const session = await c.login('a1');
    expect(session.type).toBe('session');
    if (session.type !== 'session' || welcome.type !== 'welcome') throw new Error('unreachable');
    expect(session.seq).toBeUndefined();
    expect(session.data).toEqual({ token: expect.any(String), agentId: 'a1', epoch: welcome.data.epoch, resumed: false, kind: 'primary' });
    expect(session.data.token.length).toBeGreaterThanOrEqual(32);
    const snapshot = await c.next((f) => f.type === 'snapshot');
    expect(snapshot.seq).toBeGreaterThan(0);
    if (snapshot.type !== 'snapshot') throw new Error('unreachable');
    expect(snapshot.data.self).toMatchObject({ id: 'a1', status: 'on_break', loggedIn: true });
    expect(r.engine.queries.self('a1')?.status).toBe('on_break');
    // Sequence numbers have no gaps from the first event on.
    expect(c.events().map((e) => e.seq)).toEqual(c.events().map((_, i) => i + 1));
    c.close();
  });

  it('refuses a wrong password or an unknown agent with the same AUTH_FAILED; the socket stays usable', async () => {
    r = await rig();
    const c = await RawClient.open(r.server.url);
    await c.hello();
    const bad = await c.login('a1', 'wrong');
    expect(bad).toMatchObject({ type: 'error', replyTo: expect.stringMatching(/^login-a1-/), data: { code: 'AUTH_FAILED' } });
    const unknown = await c.login('nobody', 'secret');
    expect(unknown).toMatchObject({ type: 'error', data: { code: 'AUTH_FAILED' } });
    if (bad.type !== 'error' || unknown.type !== 'error') throw new Error('unreachable');
    expect(unknown.data.message).toBe(bad.data.message); // does not reveal who exists
    expect(r.engine.queries.self('a1')?.loggedIn).toBe(false);
    const ok = await c.login('a1');
    expect(ok.type).toBe('session');
    c.close();
  });

  it('an EngineClient with bad credentials rejects connect() with AUTH_FAILED and goes offline', async () => {
    r = await rig();
    await expect(r.client('a1', { password: 'nope' })).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    expect(r.clients[0]!.getView().connection.state).toBe('offline');
  });

  it('locks an agent name out after 5 failures in a minute, whatever the address', async () => {
    r = await rig();
    for (let n = 1; n <= LOCKOUT.freeFailures; n++) {
      const c = await from(`127.0.0.${10 + n}`); // a new address each time: only the agent name adds up
      expect(RawClient.outcome(await c.login('a1', 'wrong'))).toBe('AUTH_FAILED');
      c.close();
    }
    const c = await from('127.0.0.30');
    const locked = await c.login('a1'); // even the right password
    expect(locked).toMatchObject({ type: 'error', data: { code: 'LOCKED_OUT' } });
    if (locked.type !== 'error') throw new Error('unreachable');
    expect(locked.data.retryAfterMs).toBeGreaterThan(0);
    expect(locked.data.retryAfterMs).toBeLessThanOrEqual(LOCKOUT.baseDelay);
    expect(locked.data.message).toMatch(/try again in \d+ s/);
    // Another agent from the same address is not affected.
    expect((await c.login('a2')).type).toBe('session');
    c.close();
  });

  it('locks an address out after 5 failures in a minute, whatever the agent name', async () => {
    r = await rig();
    const c = await from('127.0.0.40');
    for (let n = 1; n <= LOCKOUT.freeFailures; n++) expect(RawClient.outcome(await c.login(`ghost${n}`, 'x'))).toBe('AUTH_FAILED');
    expect(RawClient.outcome(await c.login('a2'))).toBe('LOCKED_OUT');
    const elsewhere = await from('127.0.0.41');
    expect((await elsewhere.login('a2')).type).toBe('session');
    c.close();
    elsewhere.close();
  });

  it('the lockout grows with each failure after it expires', async () => {
    r = await rig();
    const c = await from('127.0.0.50');
    for (let n = 1; n <= LOCKOUT.freeFailures; n++) await c.login('a3', 'wrong');
    const first = await c.login('a3', 'wrong');
    if (first.type !== 'error') throw new Error('expected LOCKED_OUT');
    expect(first.data.code).toBe('LOCKED_OUT');
    // Wait the lockout out (about 1 s of real time: the throttle runs on the wall clock), then fail once more.
    await new Promise((resolve) => setTimeout(resolve, first.data.retryAfterMs! + 20));
    expect(RawClient.outcome(await c.login('a3', 'wrong'))).toBe('AUTH_FAILED');
    const second = await c.login('a3', 'secret');
    if (second.type !== 'error') throw new Error('expected LOCKED_OUT');
    expect(second.data.code).toBe('LOCKED_OUT');
    expect(second.data.retryAfterMs).toBeGreaterThan(LOCKOUT.baseDelay);
    expect(second.data.retryAfterMs).toBeLessThanOrEqual(2 * LOCKOUT.baseDelay);
    c.close();
  });

  it('LoginThrottle: 1 s, 2 s, 4 s … capped at 5 min; remembered until 15 quiet minutes; success clears', () => {
    let now = 1_000_000;
    const t = new LoginThrottle(() => now);
    const key = ['agent:x'];
    for (let n = 0; n < 4; n++) t.failure(key);
    expect(t.retryAfter(key)).toBe(0);
    const delays: number[] = [];
    for (let n = 0; n < 6; n++) {
      t.failure(key);
      delays.push(t.retryAfter(key));
      now += delays.at(-1)!; // wait it out, then fail again
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000]);
    // Failures counted within one minute (e.g. from many sockets at once) hit the cap.
    const burst = ['addr:y'];
    for (let n = 0; n < 20; n++) t.failure(burst);
    expect(t.retryAfter(burst)).toBe(LOCKOUT.maxDelay);
    now += 10 * 60_000;
    t.failure(key); // waiting out the minute does not start the count over
    expect(t.retryAfter(key)).toBe(64_000);
    now += LOCKOUT.forgetAfter;
    t.failure(key); // after 15 quiet minutes: forgiven, one failure is free again
    expect(t.retryAfter(key)).toBe(0);
    for (let n = 0; n < 4; n++) t.failure(key);
    expect(t.retryAfter(key)).toBe(1000);
    t.success(key);
    expect(t.retryAfter(key)).toBe(0);
  });
});

describe('a second login of the same agent', () => {
  it('takes over: the old socket is told why (closing 4001) and closed; the agent keeps their state', async () => {
    r = await rig();
    const old = await rawLogin(r.server.url, 'a1');
    expect(RawClient.outcome(await old.cmd('set_status', { status: 'available' }))).toBe('ack');
    const fresh = await rawLogin(r.server.url, 'a1');
    const closing = await old.next((f) => f.type === 'closing');
    expect(closing.data).toEqual({ code: CLOSE.takenOver, reason: expect.stringMatching(/another console/) });
    expect(await old.closedEvent()).toEqual({ code: CLOSE.takenOver, reason: expect.stringMatching(/another console/) });
    // Not logged out, not disconnected: the new console carries on.
    expect(r.engine.queries.self('a1')).toMatchObject({ status: 'available', loggedIn: true });
    const snap = await fresh.next((f) => f.type === 'snapshot');
    expect(snap.type === 'snapshot' && snap.data.self.status).toBe('available');
    expect(RawClient.outcome(await fresh.cmd('set_status', { status: 'on_break' }))).toBe('ack');
    // The old token is gone.
    const again = await RawClient.open(r.server.url);
    await again.hello();
    expect(RawClient.outcome(await again.cmd('resume', { token: old.token, lastSeq: 0 }))).toBe('SESSION_UNKNOWN');
    again.close();
    fresh.close();
  });

  it('an EngineClient that was taken over goes offline with the reason and does not reconnect', async () => {
    r = await rig();
    const first = await r.client('a2');
    const second = await r.client('a2');
    const offline = await until(first, (v) => v.connection.state === 'offline', 'first offline');
    expect(offline.connection).toEqual({ state: 'offline', reason: expect.stringMatching(/another console/) });
    expect((await second.setStatus('available')).ok).toBe(true);
    await until(second, (v) => v.self?.status === 'available', 'second sees available');
    expect(first.getView().connection.state).toBe('offline');
    expect(r.server.sessions.byAgent('a2')?.socket).toBeDefined();
  });

  it('a second login on the same socket is refused instead of closing the socket under the agent', async () => {
    r = await rig();
    const c = await rawLogin(r.server.url, 'a1');
    const again = await c.login('a1');
    expect(again).toMatchObject({ type: 'error', data: { code: 'INVALID_STATE' } });
    expect(c.closed).toBeUndefined();
    expect(RawClient.outcome(await c.cmd('set_status', { status: 'available' }))).toBe('ack');
    // …and logging in as someone else on it would mix two agents' events on one socket.
    expect(RawClient.outcome(await c.login('a2'))).toBe('INVALID_STATE');
    expect(r.engine.queries.self('a2')?.loggedIn).toBe(false);
    c.close();
  });
});

describe('an EngineClient that was stopped by the server', () => {
  it('fails commands issued after a takeover at once instead of leaving them pending forever', async () => {
    r = await rig();
    const first = await r.client('a1');
    await r.client('a1'); // takes over
    await until(first, (v) => v.connection.state === 'offline', 'first offline');
    const late = await Promise.race([first.setStatus('available'), new Promise((resolve) => setTimeout(() => resolve('still pending'), 1000))]);
    expect(late).toEqual({ ok: false, error: { code: 'SERVER_ERROR', message: expect.stringMatching(/Not sent: You signed in from another console/) } });
    expect(first.getView().pending).toBe(0);
    expect(r.engine.queries.self('a1')?.status).toBe('on_break');
  });

  it('fails commands still in its outbox when the server stops it', async () => {
    r = await rig();
    const a = await r.client('a2');
    // Send logout and a command right behind it: the server acks logout, says closing 4005 and closes.
    const out = a.logout();
    const behind = a.setStatus('available');
    expect(await out).toEqual({ ok: true });
    const result = await Promise.race([behind, new Promise((resolve) => setTimeout(() => resolve('still pending'), 2000))]);
    expect(result).not.toBe('still pending');
    expect(r.engine.queries.self('a2')?.loggedIn).toBe(false);
  });
});
