/**
 * The server on a group-commit engine: commands arriving together are
 * committed in one transaction; each is acknowledged only once durable, after
 * its events went out; a resend that arrives while the first is still
 * pending is answered with the same result and acts once; a store failure
 * gets an error, never an ack; a restart on the same file keeps every ack.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine, parseTenant, VirtualClock } from '../../src/engine/index.js';
import { SpyStore } from '../engine/spy-store.js';
import { startServer } from '../../src/server/index.js';
import { rawLogin, RawClient, wireTenant } from './helpers.js';


const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function serverOn(dbFile = ':memory:', clock = new VirtualClock()) {
  const store = new SpyStore(dbFile);
  const engine = new Engine({ tenant: parseTenant(await wireTenant()), store, clock, groupCommit: true });
  const server = await startServer({ engine, port: 0, statsCoalesceMs: 0 });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.close();
    engine.close();
  };
  stops.push(stop);
  return { engine, store, server, stop };
}

async function login(url: string, agentId: string) {
  const c = await rawLogin(url, agentId);
  stops.push(() => c.close());
  return c;
}

describe('server on a group-commit engine', () => {
  it('commands sent together share a transaction, and each ack follows its events', async () => {
    const s = await serverOn();
    const a1 = await login(s.server.url, 'a1');
    await a1.cmd('set_status', { status: 'available' });
    s.store.appends.length = 0;
    // Three commands sent back to back: read together, they run in one group.
    const ids = ['h1', 'h2', 'h3'];
    const statuses = ['on_break', 'available', 'on_break'];
    const start = a1.frames.length;
    ids.forEach((id, k) => a1.send({ v: 1, type: 'set_status', id, data: { status: statuses[k] } }));
    const replies = await Promise.all(ids.map((id) => a1.next((f) => f.replyTo === id, 5000, start)));
    expect(replies.map(RawClient.outcome)).toEqual(['ack', 'ack', 'ack']);
    expect(s.engine.queries.self('a1')!.status).toBe('on_break');
    // Acks in order, each after a self event (the fan-out runs when the group is published, before any answer).
    const frames = a1.frames.slice(start);
    const acks = ids.map((id) => frames.findIndex((f) => f.replyTo === id));
    expect([...acks].sort((x, y) => x - y)).toEqual(acks);
    const firstSelf = frames.findIndex((f) => f.type === 'self');
    expect(firstSelf).toBeGreaterThanOrEqual(0);
    expect(firstSelf).toBeLessThan(acks[0]!);
    expect((frames.filter((f) => f.type === 'self').at(-1)!.data as { status: string }).status).toBe('on_break');
    const grouped = s.store.appends.filter((a) => a.receipts > 0);
    expect(grouped.reduce((n, a) => n + a.receipts, 0)).toBe(3);
    expect(grouped.length, 'fewer transactions than commands').toBeLessThanOrEqual(3);
  });

  it('a resend while the first is still pending is answered alike and acts once', async () => {
    const s = await serverOn();
    const a1 = await login(s.server.url, 'a1');
    await a1.cmd('set_status', { status: 'available' });
    const arrived = s.engine.execute({ type: 'arrive', queueId: 'phone', customer: { name: 'Lee' } });
    const interactionId = arrived.ok ? arrived.value.interactionId! : '';
    await a1.next((f) => f.type === 'offer' && (f.data as { offer: { id: string } | null }).offer?.id === interactionId);
    const start = a1.frames.length;
    const frame = { v: 1, type: 'accept', id: 'acc-1', data: { interactionId } };
    a1.send(frame);
    a1.send(frame);
    await a1.next((f) => f.replyTo === 'acc-1', 5000, start);
    await a1.next((f) => f.replyTo === 'acc-1', 5000, a1.frames.findIndex((f, n) => n >= start && f.replyTo === 'acc-1') + 1);
    const replies = a1.frames.slice(start).filter((f) => f.replyTo === 'acc-1');
    expect(replies.map(RawClient.outcome)).toEqual(['ack', 'ack']);
    expect(s.engine.history(interactionId).filter((e) => e.type === 'interaction.accepted')).toHaveLength(1);
  });

  it('a store failure is answered with STORE_UNAVAILABLE, never an ack', async () => {
    const s = await serverOn();
    const a1 = await login(s.server.url, 'a1');
    s.store.failNext = true;
    const reply = await a1.cmd('set_status', { status: 'available' }, 'doomed');
    expect(reply.type).toBe('error');
    expect(RawClient.outcome(reply)).toBe('STORE_UNAVAILABLE');
    expect(a1.frames.some((f) => f.type === 'self' && (f.data as { status: string }).status === 'available')).toBe(false);
  });

  it('a restart on the same file keeps every acknowledged command, and its receipt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ac-group-'));
    stops.push(() => rmSync(dir, { recursive: true, force: true }));
    const db = join(dir, 'cc.db');
    const clock = new VirtualClock();
    const first = await serverOn(db, clock);
    const a1 = await login(first.server.url, 'a1');
    const a2 = await login(first.server.url, 'a2');
    const [r1, r2] = await Promise.all([a1.cmd('set_status', { status: 'available' }, 's1'), a2.cmd('set_status', { status: 'available' }, 's2')]);
    expect([r1.type, r2.type]).toEqual(['ack', 'ack']);
    a1.close();
    a2.close();
    await first.stop();

    const second = await serverOn(db, clock);
    expect(second.engine.queries.self('a2')!.status).toBe('available');
    const again = await login(second.server.url, 'a1');
    expect(second.engine.queries.self('a1')!.status).toBe('available');
    // The resend of s1 is answered from its receipt: a1 stays where it went since.
    expect((await again.cmd('set_status', { status: 'on_break' }, 's3')).type).toBe('ack');
    expect((await again.cmd('set_status', { status: 'available' }, 's1')).type).toBe('ack');
    expect(second.engine.queries.self('a1')!.status).toBe('on_break');
  });
});
