/**
 * A store that cannot be written, as clients and operators meet it: every
 * refused command gets a typed STORE_UNAVAILABLE (with retryAfterMs), agent
 * and customer alike; /healthz answers 503 with the reason; the server logs
 * one line when it starts and one when it ends, however many commands were
 * refused; once the store is back the same ids act (they had not), and the
 * agents' presence is put right. The fault is injected (a store told to fail
 * like a full disk); test/e2e/store-faults.test.ts fills a real filesystem.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/index.js';
import { webChat } from '../../src/server/channels/webchat/index.js';
import type { Logger } from '../../src/server/logger.js';
import { FaultyStore } from '../engine/faulty-store.js';
import { RawClient, rawLogin, rig, type Rig } from './helpers.js';
import { chatTenant, RawCustomer } from './webchat-helpers.js';

const RETRY_MS = 1000;
let r: Rig | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await r?.close();
  r = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A rig whose engine (group commit, as `serve` runs it) writes to a store the test can fill up. */
async function faultyRig() {
  const dir = mkdtempSync(join(tmpdir(), 'ac-wire-faults-'));
  dirs.push(dir);
  const file = join(dir, 'cc.db');
  const disk = { full: false };
  let store = new FaultyStore(file);
  const lines: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  const log: Logger = (level, msg, fields) => void lines.push({ level, msg, fields });
  r = await rig({ log, channels: [webChat({ positionDelayMs: 5 })] }, await chatTenant(), (tenant, clock) =>
    new Engine({ tenant, store, clock, groupCommit: true, storeRetryMs: RETRY_MS, reopenStore: () => (store = Object.assign(new FaultyStore(file), disk)) }),
  );
  const rigged = r;
  return {
    r: rigged,
    lines,
    fill(full: boolean) {
      disk.full = full;
      store.full = full;
    },
    health: async () => {
      const res = await fetch(`${rigged.server.httpUrl}/healthz`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    storeLines: () => lines.filter((l) => l.msg.startsWith('store ')),
  };
}

describe('a store that cannot be written', () => {
  it('STORE_UNAVAILABLE for every command, /healthz 503 with the reason, one log line each way; then the same ids act', async () => {
    const f = await faultyRig();
    const a1 = await rawLogin(f.r.server.url, 'a1');
    expect((await f.health()).status).toBe(200);
    f.fill(true);
    const refused = await a1.cmd('set_status', { status: 'available' }, 'st-1');
    expect(refused).toMatchObject({ type: 'error', data: { code: 'STORE_UNAVAILABLE', retryAfterMs: RETRY_MS } });
    for (let k = 0; k < 5; k++) expect(RawClient.outcome(await a1.cmd('toggle_queue', { queueId: 'chat', enabled: false }))).toBe('STORE_UNAVAILABLE');
    // Queries still answer from memory, which equals the log.
    expect(RawClient.outcome(await a1.cmd('list_queues', {}))).toBe('ack');
    const health = await f.health();
    expect(health).toMatchObject({ status: 503, body: { ok: false, store: 'unavailable', reason: 'SQLITE_FULL: database or disk is full' } });
    expect(f.storeLines()).toEqual([{ level: 'error', msg: expect.stringMatching(/^store unavailable/), fields: { reason: 'SQLITE_FULL: database or disk is full' } }]);
    expect(f.lines.filter((l) => l.level === 'error')).toHaveLength(1);
    expect(f.r.engine.queries.self('a1')?.status).toBe('on_break');

    f.fill(false);
    f.r.clock.advance(RETRY_MS);
    expect((await f.health()).status).toBe(200);
    expect(f.storeLines().map((l) => l.msg)).toEqual([expect.stringMatching(/^store unavailable/), 'store available again']);
    expect(f.storeLines()[1]!.fields).toMatchObject({ refused: 5, downMs: RETRY_MS }); // the failed command itself, then 5 refused without trying
    // The refused id had not acted: sent again, it acts now (once).
    expect(RawClient.outcome(await a1.cmd('set_status', { status: 'available' }, 'st-1'))).toBe('ack');
    expect(f.r.engine.queries.self('a1')?.status).toBe('available');
    a1.close();
  });

  it('a login during the outage is refused without a session; connections lost or resumed meanwhile are recorded once the store is back', async () => {
    const f = await faultyRig();
    const a1 = await rawLogin(f.r.server.url, 'a1');
    const a2 = await rawLogin(f.r.server.url, 'a2');
    f.fill(true);
    const login = await RawClient.open(f.r.server.url);
    await login.hello();
    expect((await login.login('a3')).data).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(f.r.server.sessions.byAgent('a3')).toBeUndefined();
    // While nothing can be written: a2's console goes away for good; a1's drops and resumes (from memory).
    a2.ws.terminate();
    a1.ws.terminate();
    await Promise.all([a1.closedEvent(), a2.closedEvent()]);
    const back = await RawClient.open(f.r.server.url);
    await back.hello();
    expect(await back.cmd('resume', { token: a1.token, lastSeq: a1.lastSeq(), epoch: a1.epoch })).toMatchObject({ type: 'session', data: { resumed: true } });
    const agents = f.r.engine.queries.unsafeState().agents;
    expect(agents.get('a2')?.disconnectedUntil).toBeUndefined(); // not recorded: the engine would offer a2 work
    f.fill(false);
    f.r.clock.advance(RETRY_MS);
    await f.r.engine.flushed();
    expect(f.r.engine.queries.unsafeState().agents.get('a2')?.disconnectedUntil).toBeDefined(); // the grace period runs
    expect(f.r.engine.queries.unsafeState().agents.get('a1')?.disconnectedUntil).toBeUndefined();
    expect(RawClient.outcome(await back.cmd('set_status', { status: 'available' }))).toBe('ack');
    back.close();
    login.close();
  });

  it('a customer line is refused with STORE_UNAVAILABLE and its clientId, and goes through once the store is back', async () => {
    const f = await faultyRig();
    const customer = await RawCustomer.open(f.r);
    await customer.start('Lee');
    f.fill(true);
    expect(await customer.request({ type: 'message', text: 'hello?', clientId: 'l1' }, 'error')).toMatchObject({ code: 'STORE_UNAVAILABLE', clientId: 'l1', retryAfterMs: RETRY_MS });
    const other = await RawCustomer.open(f.r);
    expect(await other.request({ type: 'start', name: 'Kim' }, 'error')).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    f.fill(false);
    f.r.clock.advance(RETRY_MS);
    expect(await customer.request({ type: 'message', text: 'hello?', clientId: 'l1' }, 'ack')).toMatchObject({ clientId: 'l1' });
    customer.close();
    other.close();
  });
});
