/**
 * The web chat's resume key on a conversation: recorded by `arrive`, found
 * by `resumableChat` while the customer side is live, gone once it ends;
 * it survives a restart (log replay and snapshot), and old snapshots
 * without it still load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deserializeState, serializeState } from '../../src/engine/modules.js';
import { harness, type Harness } from './harness.js';

const KEY = 'n4bQgYhMfWwaGaKbA5-0q8JZx_1YyUm3R6sE9pT2cVw'; // 43 chars: a SHA-256 in base64url
const OTHER = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const dirs: string[] = [];
const open: Harness[] = [];
afterEach(() => {
  for (const h of open.splice(0)) h.engine.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function h(dbFile = ':memory:', clock?: Harness['clock']): Harness {
  const x = harness(undefined, dbFile, clock);
  open.push(x);
  return x;
}

describe('chat resume key', () => {
  it('arrive records it on the conversation; the query finds the live chat, through accept and transfer', () => {
    const e = h();
    const id = e.ok({ type: 'arrive', queueId: 'chat', customer: { name: 'Lee' }, resumeKey: KEY }).interactionId!;
    expect(e.events.filter((x) => x.type === 'chat.resume_key_set')).toMatchObject([{ interactionId: id, conversationId: id, resumeKey: KEY }]);
    expect(e.engine.queries.unsafeState().conversations.get(id)?.resumeKey).toBe(KEY);
    expect(e.engine.queries.resumableChat(KEY)).toEqual({ conversationId: id, interactionId: id, queueId: 'chat', phase: 'queued', agentId: undefined, transferred: false });
    expect(e.engine.queries.resumableChat(OTHER)).toBeUndefined();
    expect(e.engine.queries.resumableChat('')).toBeUndefined();

    e.available('a1');
    e.ok({ type: 'accept', agentId: 'a1', interactionId: id });
    expect(e.engine.queries.resumableChat(KEY)).toMatchObject({ phase: 'active', agentId: 'a1' });
    const moved = e.ok({ type: 'transfer_chat', agentId: 'a1', interactionId: id, queueId: 'chat', force: true }).interactionId!;
    expect(e.engine.queries.resumableChat(KEY)).toMatchObject({ conversationId: id, interactionId: moved, transferred: true });
  });

  it('stops working once the customer side ends: left, ended by the agent, abandoned', () => {
    const e = h();
    e.available('a1', 'a2');
    const offeredTo = (id: string) => (e.offerOf('a1') === id ? 'a1' : 'a2');
    const left = e.ok({ type: 'arrive', queueId: 'chat', customer: { name: 'A' }, resumeKey: KEY }).interactionId!;
    e.ok({ type: 'accept', agentId: offeredTo(left), interactionId: left });
    e.ok({ type: 'customer_end', interactionId: left });
    expect(e.engine.queries.resumableChat(KEY)).toBeUndefined();

    const byAgent = e.ok({ type: 'arrive', queueId: 'chat', customer: { name: 'B' }, resumeKey: OTHER }).interactionId!;
    const holder = offeredTo(byAgent);
    expect(e.offerOf(holder)).toBe(byAgent);
    e.ok({ type: 'accept', agentId: holder, interactionId: byAgent });
    e.ok({ type: 'end_interaction', agentId: holder, interactionId: byAgent });
    expect(e.engine.queries.resumableChat(OTHER)).toBeUndefined();

    const third = 'B'.repeat(43);
    const waiting = e.ok({ type: 'arrive', queueId: 'chat', customer: { name: 'C' }, resumeKey: third }).interactionId!;
    e.ok({ type: 'customer_end', interactionId: waiting });
    expect(e.engine.queries.resumableChat(third)).toBeUndefined();
    expect(e.engine.queries.unsafeState().conversations.has(waiting)).toBe(false);

    // Ended chats are kept by key for 10 minutes (a customer may come back for the end), with why.
    expect(e.engine.queries.endedChat(KEY)).toEqual({ conversationId: left, interactionId: left, queueId: 'chat', endedAt: e.clock.now(), reason: 'left' });
    expect(e.engine.queries.endedChat(OTHER)).toMatchObject({ conversationId: byAgent, reason: 'agent_ended' });
    expect(e.engine.queries.endedChat(third)).toMatchObject({ conversationId: waiting, reason: 'abandoned' }); // gone before anyone took it
    e.seconds(10 * 60 + 1);
    expect(e.engine.queries.endedChat(KEY)).toBeUndefined();
    // And dropped from memory once another chat ends after that.
    const fourth = 'C'.repeat(43);
    e.ok({ type: 'customer_end', interactionId: e.ok({ type: 'arrive', queueId: 'chat', customer: { name: 'D' }, resumeKey: fourth }).interactionId! });
    expect([...e.engine.queries.unsafeState().endedChats.keys()]).toEqual([fourth]);
  });

  it('bad keys are refused before anything happens: malformed, absurdly long, on a non-chat queue, already in use', () => {
    const e = h();
    for (const resumeKey of ['short', 'x'.repeat(129), 'not base64url because of spaces and +/=============', 42 as unknown as string]) {
      const r = e.run({ type: 'arrive', queueId: 'chat', customer: { name: 'Lee' }, resumeKey });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(e.run({ type: 'arrive', queueId: 'phone', customer: { name: 'Lee' }, resumeKey: KEY })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    e.ok({ type: 'arrive', queueId: 'chat', customer: { name: 'Lee' }, resumeKey: KEY });
    expect(e.run({ type: 'arrive', queueId: 'chat', customer: { name: 'Kim' }, resumeKey: KEY })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(e.events.filter((x) => x.type === 'interaction.arrived')).toHaveLength(1);
    // Without a key a chat arrives as before (other channels, older callers).
    expect(e.run({ type: 'arrive', queueId: 'chat', customer: { name: 'Kim' } }).ok).toBe(true);
  });

  it('survives a restart on the same file, by log replay and from a snapshot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'engine-resume-key-'));
    dirs.push(dir);
    const db = join(dir, 'cc.db');
    const first = h(db);
    const id = first.ok({ type: 'arrive', queueId: 'chat', customer: { name: 'Lee' }, resumeKey: KEY }).interactionId!;
    first.engine.close();
    open.splice(open.indexOf(first), 1);
    const second = h(db, first.clock);
    expect(second.engine.queries.resumableChat(KEY)).toMatchObject({ conversationId: id, phase: 'queued' });

    const state = second.engine.queries.unsafeState();
    const restored = deserializeState(JSON.parse(JSON.stringify(serializeState(state))));
    expect(restored.conversations.get(id)?.resumeKey).toBe(KEY);
    // A snapshot from before resume keys: conversations without the field load, unresumable.
    const old = JSON.parse(JSON.stringify(serializeState(state)));
    for (const c of old.conversations) delete c.resumeKey;
    expect(deserializeState(old).conversations.get(id)).toMatchObject({ id, interactionId: id });
    expect(deserializeState(old).conversations.get(id)?.resumeKey).toBeUndefined();
    second.ok({ type: 'customer_end', interactionId: id });
    const ended = deserializeState(JSON.parse(JSON.stringify(serializeState(second.engine.queries.unsafeState()))));
    expect(ended.endedChats.get(KEY)).toMatchObject({ conversationId: id, reason: 'abandoned' });
  });
});
