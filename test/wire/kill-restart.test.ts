/**
 * A real `agent-console serve` process killed with SIGKILL mid-shift and
 * started again on the same database, spoken to frame by frame:
 *   - sessions survive: the old token resumes (`resumed: false`, a fresh
 *     snapshot), with no password check and no new login in the log; a
 *     token retired by logout or by a newer login does not;
 *   - commands survive: a command acknowledged before the kill, resent with
 *     the same id, gets its first result back and acts once; a command sent
 *     just as the server died acts exactly once once resent, whether or not
 *     it had reached the log.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyServerEnvelope } from '../../src/protocol/index.js';
import { freePort, startServe, type ServeProcess } from '../soak/serve-process.js';
import { serverViews, withLogCopy } from '../soak/log-views.js';
import { agent } from '../engine/harness.js';
import { RawClient, rawLogin, wireTenant } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ac-kill-'));
const tenantFile = join(dir, 'tenant.json');
const dbFile = join(dir, 'cc.db');
let port = 0;
let server: ServeProcess | undefined;
const open: RawClient[] = [];

const serve = async (log: string) => (server = await startServe({ tenantFile, dbFile, port, logFile: join(dir, log) }));
const logins = (log: string) => readFileSync(join(dir, log), 'utf8').split('\n').filter((l) => l.includes('"msg":"login"')).length;
const track = <T extends RawClient>(c: T) => (open.push(c), c);

async function resume(token: string, epoch: string, lastSeq: number): Promise<{ c: RawClient; reply: AnyServerEnvelope }> {
  const c = track(await RawClient.open(server!.url));
  await c.hello();
  return { c, reply: await c.cmd('resume', { token, lastSeq, epoch }) };
}

/** Lines a1 sent to a2, as the durable log holds them. */
const linesToA2 = () =>
  withLogCopy(tenantFile, dbFile, (e) => e.queries.agentChatsOf('a1').find((c) => c.with === 'a2')?.messages.map((m) => m.text) ?? []);

beforeAll(async () => {
  // a4: a colleague of a1 and a2 who logs out (a chat reaches colleagues who are logged in: a2 stays).
  writeFileSync(tenantFile, JSON.stringify(await wireTenant({ agents: [agent('a1'), agent('a2'), agent('a3', { group: 'g2' }), agent('a4')] })));
  port = await freePort();
});
afterAll(async () => {
  for (const c of open) c.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('serve killed with SIGKILL and restarted', () => {
  let a1: Awaited<ReturnType<typeof rawLogin>>;
  let a4: Awaited<ReturnType<typeof rawLogin>>;
  let a3old: Awaited<ReturnType<typeof rawLogin>>;
  let a3: Awaited<ReturnType<typeof rawLogin>>;
  let firstAck: AnyServerEnvelope;

  it('before the kill: logins, an acknowledged command, a logout, a takeover, and a command in flight', async () => {
    await serve('first.log');
    a1 = track(await rawLogin(server!.url, 'a1'));
    track(await rawLogin(server!.url, 'a2')); // a1's colleague, logged in throughout
    a4 = track(await rawLogin(server!.url, 'a4'));
    a3old = track(await rawLogin(server!.url, 'a3'));
    a3 = track(await rawLogin(server!.url, 'a3')); // takes a3's session over
    expect((await a1.cmd('set_status', { status: 'available' })).type).toBe('ack'); // On Break, colleague chat is off
    firstAck = await a1.cmd('send_agent_chat', { to: 'a2', text: 'acknowledged' }, 'cmd-acked');
    expect(firstAck.type).toBe('ack');
    expect((await a4.cmd('logout', {})).type).toBe('ack');
    // Sent, and the server killed at once: it may or may not have reached the log.
    a1.send({ v: 1, type: 'send_agent_chat', id: 'cmd-in-flight', data: { to: 'a2', text: 'in flight' } });
    await server!.kill9();
  });

  it('the old token resumes without a password: resumed false, then a snapshot equal to the log; no new login', async () => {
    await serve('second.log');
    const { c, reply } = await resume(a1.token, a1.epoch, a1.lastSeq());
    expect(reply).toMatchObject({ type: 'session', data: { token: a1.token, agentId: 'a1', resumed: false } });
    expect((reply.data as { epoch: string }).epoch).not.toBe(a1.epoch);
    const snapshot = await c.next((f) => f.type === 'snapshot');
    expect(snapshot.seq).toBe(1);
    const [fromLog] = await withLogCopy(tenantFile, dbFile, (e) => serverViews(e, ['a1']));
    expect(JSON.parse(JSON.stringify(snapshot.data))).toMatchObject(JSON.parse(JSON.stringify(fromLog)));
    expect(logins('second.log')).toBe(0);
    // The token itself is nowhere in the database: only its hash.
    expect(readFileSync(dbFile).includes(a1.token)).toBe(false);
  });

  it('resent ids: the acknowledged one gets its first result; the one in flight acts exactly once', async () => {
    const { c } = await resume(a1.token, a1.epoch, a1.lastSeq());
    const again = await c.cmd('send_agent_chat', { to: 'a2', text: 'acknowledged' }, 'cmd-acked');
    expect(again).toMatchObject({ type: 'ack', data: firstAck.data });
    expect((await c.cmd('send_agent_chat', { to: 'a2', text: 'in flight' }, 'cmd-in-flight')).type).toBe('ack');
    expect((await c.cmd('send_agent_chat', { to: 'a2', text: 'in flight' }, 'cmd-in-flight')).type).toBe('ack');
    expect(await linesToA2()).toEqual(['acknowledged', 'in flight']);
  });

  it('tokens retired before the kill stay retired: logged out, taken over; the newer one resumes', async () => {
    expect((await resume(a4.token, a4.epoch, a4.lastSeq())).reply.data).toMatchObject({ code: 'SESSION_UNKNOWN' });
    expect((await resume(a3old.token, a3old.epoch, a3old.lastSeq())).reply.data).toMatchObject({ code: 'SESSION_UNKNOWN' });
    expect((await resume(a3.token, a3.epoch, a3.lastSeq())).reply).toMatchObject({ type: 'session', data: { agentId: 'a3', resumed: false } });
  });
});
