/**
 * A command id acts once for good: the result is kept with the command's
 * events, so a resend from a new session (after a takeover, or a server
 * restart on the same database) returns the first result without acting.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine, parseTenant, VirtualClock } from '../../src/engine/index.js';
import { startServer } from '../../src/server/index.js';
import { rawLogin, wireTenant } from './helpers.js';

const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function serverOn(dbFile: string, clock: VirtualClock) {
  const engine = openEngine({ tenant: parseTenant(await wireTenant()), dbFile, clock });
  const server = await startServer({ engine, port: 0, statsCoalesceMs: 0 });
  const stop = async () => {
    await server.close();
    engine.close();
  };
  return { engine, server, stop };
}

describe('command receipts', () => {
  it('a resend after a server restart on the same database does not act twice', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'ac-receipts-')), 'cc.db');
    const clock = new VirtualClock();
    const first = await serverOn(db, clock);
    const a1 = await rawLogin(first.server.url, 'a1');
    await a1.cmd('set_status', { status: 'available' });
    const arrived = first.engine.execute({ type: 'arrive', queueId: 'phone', customer: { name: 'Lee' } });
    const interactionId = arrived.ok ? arrived.value.interactionId! : '';
    const acked = await a1.cmd('set_notes', { interactionId, notes: 'x' }, 'notes-1');
    expect(acked.type).toBe('error'); // not accepted yet: errors are not receipts
    expect((await a1.cmd('accept', { interactionId }, 'accept-1')).type).toBe('ack');
    expect((await a1.cmd('set_notes', { interactionId, notes: 'first' }, 'notes-2')).type).toBe('ack');
    a1.close();
    await first.stop();

    const second = await serverOn(db, clock);
    stops.push(second.stop);
    const again = await rawLogin(second.server.url, 'a1');
    stops.push(() => again.close());
    // The outbox re-sends with the same ids, even with other data: the first result stands.
    expect((await again.cmd('set_notes', { interactionId, notes: 'second' }, 'notes-2')).type).toBe('ack');
    expect((await again.cmd('accept', { interactionId }, 'accept-1')).type).toBe('ack');
    expect(second.engine.queries.interaction(interactionId)?.notes).toBe('first');
    const accepted = second.engine.history(interactionId).filter((e) => e.type === 'interaction.accepted');
    expect(accepted).toHaveLength(1);
    // A new id acts as usual.
    expect((await again.cmd('set_notes', { interactionId, notes: 'third' }, 'notes-3')).type).toBe('ack');
    expect(second.engine.queries.interaction(interactionId)?.notes).toBe('third');
  });

  it('receipts are per agent: the same id from another agent is another command', async () => {
    const clock = new VirtualClock();
    const s = await serverOn(':memory:', clock);
    stops.push(s.stop);
    const a1 = await rawLogin(s.server.url, 'a1');
    const a2 = await rawLogin(s.server.url, 'a2');
    stops.push(() => a1.close(), () => a2.close());
    expect((await a1.cmd('set_status', { status: 'available' }, 'same-id')).type).toBe('ack');
    expect((await a2.cmd('set_status', { status: 'available' }, 'same-id')).type).toBe('ack');
    expect(s.engine.queries.self('a2')?.status).toBe('available');
  });
});
