/**
 * Secondary sessions (docs/protocol.md): a script beside the agent's console
 * sees the agent's view and acts as the agent, but never takes the console
 * over, never logs the agent in or out, and its connection coming and going
 * changes nothing for routing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/index.js';
import { RawClient, rig, until, type Rig } from './helpers.js';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

async function secondary(url: string, agent = 'a1'): Promise<RawClient> {
  const c = await RawClient.open(url);
  await c.hello();
  const reply = await c.cmd('login', { agent, password: 'secret', kind: 'secondary' });
  expect(reply.type).toBe('session');
  return c;
}

describe('secondary sessions', () => {
  it('log in beside the console without taking it over, and say which kind they are', async () => {
    r = await rig();
    const console = await r.client('a1');
    const script = await RawClient.open(r.server.url);
    await script.hello();
    const reply = await script.cmd('login', { agent: 'a1', password: 'secret', kind: 'secondary' });
    expect(reply).toMatchObject({ type: 'session', data: { agentId: 'a1', kind: 'secondary', resumed: false } });
    await script.next((f) => f.type === 'snapshot');
    expect(console.getView().connection.state).toBe('online');
    expect(r.server.sessions.byAgent('a1')).toBeDefined();
    // A second console still takes the first over, and leaves the script alone.
    const other = await r.client('a1');
    await until(console, (v) => v.connection.state === 'offline', 'the first console taken over');
    expect(other.getView().connection.state).toBe('online');
    expect((await script.cmd('list_queues')).type).toBe('ack');
  });

  it('act as the agent, and every session of the agent sees the result', async () => {
    r = await rig();
    const console = await r.client('a1');
    const script = await secondary(r.server.url);
    expect(RawClient.outcome(await script.cmd('set_status', { status: 'available' }))).toBe('ack');
    await until(console, (v) => v.self?.status === 'available', 'the console sees Available');
    const self = script.events().findLast((f) => f.type === 'self');
    expect(self?.data).toMatchObject({ status: 'available' });
    // ...and a change made in the console reaches the script.
    await console.setStatus('on_break');
    await script.next((f) => f.type === 'self' && f.data.status === 'on_break');
  });

  it('never log the agent in: a script of a logged-out agent sees them logged out and cannot make them Available', async () => {
    r = await rig();
    const script = await secondary(r.server.url);
    const snapshot = await script.next((f) => f.type === 'snapshot');
    expect(snapshot.type === 'snapshot' && snapshot.data.self).toMatchObject({ status: 'logged_out', loggedIn: false });
    expect(r.engine.queries.self('a1')?.loggedIn).toBe(false);
    const refused = await script.cmd('set_status', { status: 'available' });
    expect(RawClient.outcome(refused)).toBe('INVALID_STATE');
  });

  it('going away changes nothing for the agent: no disconnect, offers still routed', async () => {
    r = await rig();
    const console = await r.client('a1');
    await console.setStatus('available');
    const script = await secondary(r.server.url);
    script.ws.terminate();
    // The server notices the socket going away on its own time: wait for that (no engine event tells).
    for (const deadline = Date.now() + 5000; r.server.sessions.ofAgent('a1')!.secondaries.size > 0; ) {
      if (Date.now() > deadline) throw new Error('the server never ended the script session');
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(r.engine.queries.unsafeState().agents.get('a1')?.disconnectedUntil).toBeUndefined();
    r.engine.execute({ type: 'arrive', queueId: 'chat', customer: { name: 'Lee' } });
    await until(console, (v) => v.offer !== null, 'an offer for the console');
  });

  it('logout ends only the script session: the agent stays logged in', async () => {
    r = await rig();
    const console = await r.client('a1');
    const script = await secondary(r.server.url);
    expect((await script.cmd('logout')).type).toBe('ack');
    await script.next((f) => f.type === 'closing' && f.data.code === 4005);
    expect(r.engine.queries.self('a1')?.loggedIn).toBe(true);
    expect(console.getView().connection.state).toBe('online');
  });

  it('are capped per agent, with a clear refusal', async () => {
    r = await rig({ sessionLimits: { secondaryPerAgent: 2 } });
    await secondary(r.server.url);
    await secondary(r.server.url);
    const third = await RawClient.open(r.server.url);
    await third.hello();
    const refused = await third.cmd('login', { agent: 'a1', password: 'secret', kind: 'secondary' });
    expect(refused).toMatchObject({ type: 'error', data: { code: 'INVALID_STATE' } });
    // The console is never refused for that.
    await r.client('a1');
  });

  it('need the password like any login', async () => {
    r = await rig();
    const c = await RawClient.open(r.server.url);
    await c.hello();
    expect(RawClient.outcome(await c.cmd('login', { agent: 'a1', password: 'wrong', kind: 'secondary' }))).toBe('AUTH_FAILED');
    expect(RawClient.outcome(await c.cmd('login', { agent: 'a1', password: 'secret', kind: 'sideways' }))).toBe('BAD_FRAME');
  });

  it('are not recorded: after a server restart a script’s token is unknown (it logs in again), the console’s resumes', async () => {
    r = await rig();
    const console = await RawClient.open(r.server.url);
    await console.hello();
    const primary = await console.cmd('login', { agent: 'a1', password: 'secret' });
    const script = await RawClient.open(r.server.url);
    await script.hello();
    const secondaryReply = await script.cmd('login', { agent: 'a1', password: 'secret', kind: 'secondary' });
    const token = (f: typeof primary) => (f.type === 'session' ? f.data.token : '');
    await r.server.close();
    const again = await startServer({ engine: r.engine, port: 0, statsCoalesceMs: 0 });
    try {
      const c = await RawClient.open(again.url);
      await c.hello();
      expect(await c.cmd('resume', { token: token(primary), lastSeq: 0 })).toMatchObject({ type: 'session', data: { agentId: 'a1', kind: 'primary' } });
      const s = await RawClient.open(again.url);
      await s.hello();
      expect(RawClient.outcome(await s.cmd('resume', { token: token(secondaryReply), lastSeq: 0 }))).toBe('SESSION_UNKNOWN');
      c.close();
      s.close();
    } finally {
      await again.close();
    }
  });
});
