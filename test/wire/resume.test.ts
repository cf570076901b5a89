/**
 * Resume: `resume {token, lastSeq, epoch}` replays exactly what was missed,
 * or sends a fresh snapshot when it cannot (gap too old, other epoch, unknown
 * seq); unknown tokens get SESSION_UNKNOWN. The EngineClient does all of this
 * by itself, and resends its outbox with the same ids.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE, type AnyServerEnvelope } from '../../src/protocol/index.js';
import { snapshotOf } from '../../src/server/views.js';
import { eventually, RawClient, rawLogin, rig, until, type Rig } from './helpers.js';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

/** Opens a socket, says hello and sends resume; resolves with the client and the session (or error) reply. */
async function resume(token: string, lastSeq: number, epoch?: string): Promise<{ c: RawClient; reply: AnyServerEnvelope }> {
  const c = await RawClient.open(r!.server.url);
  await c.hello();
  const reply = await c.cmd('resume', { token, lastSeq, ...(epoch === undefined ? {} : { epoch }) });
  return { c, reply };
}

/** Status flips of a2, which a1 sees as contact events (and queue-stat events). */
function flips(n: number): void {
  for (let k = 0; k < n; k++) {
    const status = r!.engine.queries.self('a2')?.status === 'available' ? 'on_break' : 'available';
    const result = r!.engine.execute({ type: 'set_status', agentId: 'a2', status });
    if (!result.ok) throw new Error(result.error.message);
  }
}

const view = (d: { self: unknown; offer: unknown; work: unknown; queues: unknown; contacts: unknown }) => ({
  self: d.self,
  offer: d.offer,
  work: d.work,
  queues: d.queues,
  contacts: d.contacts,
});

describe('resume', () => {
  it('replays exactly the missed events, then carries on without a gap', async () => {
    r = await rig();
    r.engine.execute({ type: 'login', agentId: 'a2' });
    const a = await rawLogin(r.server.url, 'a1');
    flips(3);
    await a.next((f) => f.seq === r!.server.sessions.byAgent('a1')!.lastSeq);
    const k = a.lastSeq();
    flips(4); // a1 is still connected and receives these too
    const m = r.server.sessions.byAgent('a1')!.lastSeq;
    expect(m).toBeGreaterThan(k + 4); // contact + queue stats per flip
    await a.next((f) => f.seq === m);
    const expected = a.events().filter((e) => e.seq! > k);

    const { c: b, reply } = await resume(a.token, k, a.epoch);
    expect(reply).toMatchObject({ type: 'session', data: { token: a.token, agentId: 'a1', resumed: true } });
    await b.next((f) => f.seq === m);
    expect(b.events()).toEqual(expected); // byte for byte the same envelopes, ts included
    expect(b.frames.some((f) => f.type === 'snapshot')).toBe(false);
    // The older socket of the session is told and closed.
    expect((await a.next((f) => f.type === 'closing')).data).toEqual({ code: CLOSE.takenOver, reason: expect.stringMatching(/resumed/) });
    // New events continue at m + 1.
    flips(1);
    const end = r.server.sessions.byAgent('a1')!.lastSeq;
    await b.next((f) => f.seq === end);
    expect(b.events().map((e) => e.seq)).toEqual(Array.from({ length: end - k }, (_, i) => k + 1 + i));
    b.close();
  });

  it('lastSeq equal to the last event replays nothing', async () => {
    r = await rig();
    const a = await rawLogin(r.server.url, 'a1');
    a.ws.terminate();
    const { c, reply } = await resume(a.token, a.lastSeq(), a.epoch);
    expect(reply.type === 'session' && reply.data.resumed).toBe(true);
    expect((await c.cmd('set_status', { status: 'available' })).type).toBe('ack');
    const first = await c.next((f) => typeof f.seq === 'number');
    expect(first.seq).toBe(a.lastSeq() + 1);
    c.close();
  });

  it('events caused by the reconnection itself (a waiting offer) come after the replay, in order', async () => {
    r = await rig();
    const a = await rawLogin(r.server.url, 'a1');
    expect((await a.cmd('set_status', { status: 'available' })).type).toBe('ack');
    await a.next((f) => f.type === 'self' && f.data.status === 'available');
    const k = a.lastSeq();
    a.ws.terminate();
    await eventually(r, () => r!.engine.queries.unsafeState().agents.get('a1')?.disconnectedUntil !== undefined, 'a1 disconnected');
    const arrival = r.engine.execute({ type: 'arrive', queueId: 'vip', customer: { name: 'Kim' } });
    expect(arrival.ok).toBe(true);
    expect(r.engine.queries.offerOf('a1')).toBeUndefined(); // no offers while disconnected
    const { c, reply } = await resume(a.token, k, a.epoch);
    expect(reply.type === 'session' && reply.data.resumed).toBe(true);
    const offer = await c.next((f) => f.type === 'offer' && f.data.offer !== null);
    await c.next((f) => f.seq === r!.server.sessions.byAgent('a1')!.lastSeq);
    // In arrival order, without a gap: the replayed queue stat (waiting 1) first, then the offer and what follows it.
    const seqs = c.events().map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => k + 1 + i));
    expect(c.events()[0]).toMatchObject({ type: 'queue', data: { id: 'vip', stats: { waiting: 1 } } });
    expect(offer.seq).toBeGreaterThan(k + 1);
    c.close();
  });

  it('a lastSeq older than the replay buffer gets a fresh snapshot', async () => {
    r = await rig({ sessionLimits: { replayBuffer: 3 } });
    r.engine.execute({ type: 'login', agentId: 'a2' });
    const a = await rawLogin(r.server.url, 'a1');
    const k = a.lastSeq();
    a.ws.terminate();
    flips(5);
    const { c, reply } = await resume(a.token, k, a.epoch);
    expect(reply).toMatchObject({ type: 'session', data: { resumed: false } });
    const snap = await c.next((f) => f.type === 'snapshot');
    expect(snap.seq).toBe(r.server.sessions.byAgent('a1')!.lastSeq);
    if (snap.type !== 'snapshot') throw new Error('unreachable');
    expect(view(snap.data)).toEqual(view(snapshotOf(r.engine, 'a1')));
    expect(snap.data.contacts.find((x) => x.id === 'a2')?.status).toBe('available');
    c.close();
  });

  it('another epoch (or none), or a lastSeq from the future, gets a snapshot', async () => {
    r = await rig();
    const a = await rawLogin(r.server.url, 'a1');
    for (const [lastSeq, epoch] of [
      [a.lastSeq(), 'not-this-server'],
      [a.lastSeq(), undefined],
      [a.lastSeq() + 50, a.epoch],
    ] as const) {
      const { c, reply } = await resume(a.token, lastSeq, epoch);
      expect(reply, `${lastSeq} ${epoch}`).toMatchObject({ type: 'session', data: { resumed: false, epoch: a.epoch } });
      await c.next((f) => f.type === 'snapshot');
      c.close();
      await c.closedEvent();
    }
  });

  it('an unknown token gets SESSION_UNKNOWN; the socket may then log in', async () => {
    r = await rig();
    const { c, reply } = await resume('no-such-token', 0);
    expect(reply).toMatchObject({ type: 'error', data: { code: 'SESSION_UNKNOWN', message: expect.stringMatching(/log in/) } });
    expect(c.closed).toBeUndefined();
    expect((await c.login('a1')).type).toBe('session');
    c.close();
  });
});

describe('EngineClient resume', () => {
  it('a killed socket resumes by itself; commands issued meanwhile go out with the reconnection', async () => {
    r = await rig();
    const a1 = await r.client('a1');
    const token = r.server.sessions.byAgent('a1')!.token;
    r.server.sessions.byAgent('a1')!.socket!.terminate();
    await until(a1, (v) => v.connection.state === 'reconnecting', 'reconnecting');
    const pending = a1.setStatus('available'); // queued in the outbox
    expect(a1.getView().pending).toBe(1);
    expect(await pending).toEqual({ ok: true });
    const v = await until(a1, (x) => x.connection.state === 'online' && x.self?.status === 'available', 'online again');
    expect(v.pending).toBe(0);
    expect(r.server.sessions.byAgent('a1')!.token).toBe(token); // same session: resumed, not a new login
  });

  it('a gap in sequence numbers makes the client resume instead of applying the event', async () => {
    r = await rig();
    const a1 = await r.client('a1');
    const session = r.server.sessions.byAgent('a1')!;
    const self = r.engine.queries.self('a1')!;
    session.socket!.send(JSON.stringify({ v: 1, type: 'self', seq: session.lastSeq + 5, ts: Date.now(), data: { ...self, status: 'busy' } }));
    await until(a1, (v) => v.connection.state === 'reconnecting', 'gap noticed');
    const v = await until(a1, (x) => x.connection.state === 'online', 'resumed');
    expect(v.self?.status).toBe('on_break');
    expect(v.lastSeq).toBe(session.lastSeq);
  });

  it('after the server forgot the session it logs in again with its credentials', async () => {
    r = await rig();
    const a1 = await r.client('a1');
    const old = r.server.sessions.byAgent('a1')!;
    const socket = old.socket!;
    r.server.sessions.end(old); // as after a server restart: the token means nothing any more
    socket.terminate();
    await eventually(r, () => !!r!.server.sessions.byAgent('a1'), 'new session', 5000);
    const v = await until(a1, (x) => x.connection.state === 'online' && x.lastSeq === r!.server.sessions.byAgent('a1')!.lastSeq, 'online');
    expect(r.server.sessions.byAgent('a1')).not.toBe(old);
    expect(view(v as never)).toEqual(view(snapshotOf(r.engine, 'a1')));
  });
});
