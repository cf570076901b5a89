/**
 * Every wire command's ack and typed error, run for an agent with and an agent
 * without the `rejectOffers` permission (the permissions matrix), plus logout
 * and duplicate command ids.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/index.js';
import { CLOSE, type AnyServerEnvelope } from '../../src/protocol/index.js';
import { CLIENT_MESSAGES } from '../../src/protocol/client-messages.js';
import { PHONE_MESSAGES } from '../../src/protocol/phone-messages.js';
import { CRM_MESSAGES } from '../../src/protocol/crm-messages.js';
import { WIRE_COMMANDS, type WireCommand } from '../../src/server/commands/index.js';
import { RawClient, rawLogin, rig, wireTenant, type Rig } from './helpers.js';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

type Agent = RawClient & { token: string };

const text = (c: RawClient) => JSON.stringify(c.frames);

/** Records engine events; `count` answers how many of a type (optionally matching) were published. */
function recorder(rr: Rig) {
  const events: EngineEvent[] = [];
  rr.engine.subscribe((b) => events.push(...b));
  return {
    events,
    count: (type: EngineEvent['type'], match: (e: EngineEvent) => boolean = () => true) => events.filter((e) => e.type === type && match(e)).length,
  };
}

async function ok(c: RawClient, type: string, data: unknown = {}): Promise<AnyServerEnvelope> {
  const reply = await c.cmd(type, data);
  expect(reply, `${type} ${JSON.stringify(data)}`).toMatchObject({ v: 1, type: 'ack', replyTo: expect.any(String) });
  // `result` is there for engine commands and queries; typing and logout ack with empty data.
  if (reply.type === 'ack' && !['typing', 'logout'].includes(type)) expect(reply.data.result).toEqual(expect.any(Object));
  expect(reply.seq).toBeUndefined();
  expect(reply.ts).toEqual(expect.any(Number));
  return reply;
}

async function fails(c: RawClient, type: string, data: unknown, code: string): Promise<AnyServerEnvelope> {
  const reply = await c.cmd(type, data);
  expect(reply, `${type} ${JSON.stringify(data)}`).toMatchObject({ v: 1, type: 'error', data: { code, message: expect.any(String) } });
  return reply;
}

/** An arrival in a queue only `agentId` is ready for; resolves with the offer's interaction id once it is on the wire. */
async function offerTo(rr: Rig, c: RawClient, queueId: string): Promise<string> {
  const seen = c.frames.length;
  const arrival = rr.engine.execute({ type: 'arrive', queueId, customer: { name: 'Lee' } });
  if (!arrival.ok) throw new Error(arrival.error.message);
  const id = arrival.value.interactionId!;
  await c.next((f) => f.type === 'offer' && f.data.offer?.id === id && c.frames.indexOf(f) >= seen);
  return id;
}

/** Accepts an offered chat and waits for its work view. */
async function takeChat(rr: Rig, c: Agent): Promise<string> {
  const id = await offerTo(rr, c, 'chat');
  await ok(c, 'accept', { interactionId: id });
  await c.next((f) => f.type === 'work' && f.data.id === id);
  return id;
}

/** Client message types exercised (ack and error) in this file; checked against the protocol at the end. */
const covered = new Set<string>();

describe('every wire command: ack and typed error (× with / without rejectOffers)', () => {

  // a1 holds rejectOffers, a2 does not. Everything but reject behaves the same for both.
  for (const agentId of ['a1', 'a2'] as const) {
    const mayReject = agentId === 'a1';

    it(`${agentId}: set_status, set_after_work, toggle_queue`, async () => {
      r = await rig({}, await wireTenant({ statusCodes: { working_offline: [{ id: 'meeting', label: 'Meeting' }] } }));
      const c = await rawLogin(r.server.url, agentId);
      await ok(c, 'set_status', { status: 'available' });
      await fails(c, 'set_status', { status: 'busy' }, 'INVALID_TRANSITION');
      await fails(c, 'set_status', { status: 'working_offline' }, 'CODE_REQUIRED');
      await fails(c, 'set_status', { status: 'working_offline', code: 'nap' }, 'VALIDATION');
      await ok(c, 'set_status', { status: 'working_offline', code: 'meeting' });
      expect(r.engine.queries.self(agentId)).toMatchObject({ status: 'working_offline', statusCode: 'meeting' });
      covered.add('set_status');

      await ok(c, 'set_after_work', { status: 'on_break' });
      expect(r.engine.queries.self(agentId)?.afterWork).toEqual({ status: 'on_break', by: 'agent' });
      await ok(c, 'set_after_work', { status: null });
      await fails(c, 'set_after_work', { status: 'busy' }, 'INVALID_TRANSITION');
      covered.add('set_after_work');

      await ok(c, 'toggle_queue', { queueId: 'email', enabled: false });
      await c.next((f) => f.type === 'queue' && f.data.id === 'email' && !f.data.enabled);
      await ok(c, 'toggle_queue', { queueId: 'email', enabled: true });
      // vip is assigned to a1 only: another agent's queue is NOT_FOUND to them.
      if (agentId === 'a1') await ok(c, 'toggle_queue', { queueId: 'vip', enabled: false });
      else await fails(c, 'toggle_queue', { queueId: 'vip', enabled: false }, 'NOT_FOUND');
      await fails(c, 'toggle_queue', { queueId: 'nope', enabled: false }, 'NOT_FOUND');
      covered.add('toggle_queue');
      c.close();
    });

    it(`${agentId}: accept, reject, stop_new, resume_offers`, async () => {
      r = await rig();
      const ev = recorder(r);
      const c = await rawLogin(r.server.url, agentId);
      await ok(c, 'set_status', { status: 'available' });
      await fails(c, 'accept', { interactionId: 'IX-404' }, 'NOT_FOUND');
      await fails(c, 'reject', { interactionId: 'IX-404' }, mayReject ? 'NOT_FOUND' : 'NOT_PERMITTED');

      // reject: only with the permission; the offer stays put without it.
      const phone = await offerTo(r, c, 'phone');
      if (mayReject) {
        await ok(c, 'reject', { interactionId: phone });
        await c.next((f) => f.type === 'offer' && f.data.offer === null && f.data.reason === 'rejected');
        expect(r.engine.queries.self(agentId)?.status).toBe('working_offline');
        expect(ev.count('interaction.declined')).toBe(1);
        await ok(c, 'set_status', { status: 'available' });
        await c.next((f) => f.type === 'offer' && f.data.offer?.id === phone); // back at the head of the queue: offered again
      } else {
        const refused = await fails(c, 'reject', { interactionId: phone }, 'NOT_PERMITTED');
        expect(refused.type === 'error' && refused.data.message).toMatch(/permission to reject offers/);
        expect(ev.count('interaction.declined')).toBe(0);
        expect(r.engine.queries.offerOf(agentId)?.id).toBe(phone);
      }
      covered.add('reject');

      await ok(c, 'accept', { interactionId: phone });
      await fails(c, 'accept', { interactionId: phone }, 'NOT_FOUND'); // no longer an offer (a new id: not a duplicate)
      expect(ev.count('interaction.accepted')).toBe(1);
      covered.add('accept');

      await fails(c, 'stop_new', {}, 'INVALID_TRANSITION'); // busy on a phone call, not chats
      await fails(c, 'resume_offers', {}, 'INVALID_TRANSITION');
      await ok(c, 'end_interaction', { interactionId: phone });
      await ok(c, 'set_codes', { interactionId: phone, codes: [] });
      await ok(c, 'wrap_up', { interactionId: phone });

      // stop_new / resume_offers are for an agent busy with chats.
      const chat = await takeChat(r, c);
      await ok(c, 'stop_new');
      expect(r.engine.queries.self(agentId)?.status).toBe('busy_stop_new');
      await fails(c, 'stop_new', {}, 'INVALID_TRANSITION');
      covered.add('stop_new');
      await ok(c, 'resume_offers');
      expect(r.engine.queries.self(agentId)?.status).toBe('busy');
      await fails(c, 'resume_offers', {}, 'INVALID_TRANSITION');
      covered.add('resume_offers');
      expect(chat).toMatch(/^IX-/);
      c.close();
    });

    it(`${agentId}: end_interaction, set_codes, set_notes, wrap_up`, async () => {
      r = await rig();
      const c = await rawLogin(r.server.url, agentId);
      await ok(c, 'set_status', { status: 'available' });
      for (const type of ['end_interaction', 'wrap_up'] as const) await fails(c, type, { interactionId: 'IX-404' }, 'NOT_FOUND');
      await fails(c, 'set_codes', { interactionId: 'IX-404', codes: ['help'] }, 'NOT_FOUND');
      await fails(c, 'set_notes', { interactionId: 'IX-404', notes: 'x' }, 'NOT_FOUND');

      const id = await takeChat(r, c);
      await fails(c, 'wrap_up', { interactionId: id }, 'INVALID_STATE'); // still active
      await ok(c, 'set_notes', { interactionId: id, notes: 'Customer asked about billing.' });
      covered.add('set_notes');
      await fails(c, 'set_codes', { interactionId: id, codes: ['nonsense'] }, 'VALIDATION');
      await fails(c, 'set_codes', { interactionId: id, codes: ['help', 'help'] }, 'VALIDATION');
      await ok(c, 'end_interaction', { interactionId: id });
      await fails(c, 'end_interaction', { interactionId: id }, 'INVALID_STATE');
      covered.add('end_interaction');
      await fails(c, 'wrap_up', { interactionId: id }, 'CODE_REQUIRED'); // mandatory "reason" list
      await ok(c, 'set_codes', { interactionId: id, codes: ['help', 'upsell'] });
      covered.add('set_codes');
      await c.next((f) => f.type === 'work' && f.data.id === id && f.data.codes.length === 2);
      await ok(c, 'wrap_up', { interactionId: id });
      covered.add('wrap_up');
      const removed = await c.next((f) => f.type === 'work_removed');
      expect(removed.data).toEqual({ interactionId: id, reason: 'wrapped_up' });
      expect(r.engine.queries.self(agentId)?.status).toBe('available');
      c.close();
    });
  }
});

describe('logout', () => {
  it('is refused while work is held, then acked: closing 4005, socket closed, token forgotten', async () => {
    r = await rig();
    const c = await rawLogin(r.server.url, 'a1');
    await ok(c, 'set_status', { status: 'available' });
    const id = await takeChat(r, c);
    await fails(c, 'logout', {}, 'INVALID_STATE');
    await ok(c, 'end_interaction', { interactionId: id });
    await ok(c, 'set_codes', { interactionId: id, codes: ['sales'] });
    await ok(c, 'wrap_up', { interactionId: id });
    const ack = await c.cmd('logout');
    expect(ack.type).toBe('ack');
    covered.add('logout');
    expect((await c.next((f) => f.type === 'closing')).data).toEqual({ code: CLOSE.loggedOut, reason: 'logged out' });
    expect((await c.closedEvent()).code).toBe(CLOSE.loggedOut);
    expect(r.engine.queries.self('a1')).toMatchObject({ status: 'logged_out', loggedIn: false });
    expect(r.server.sessions.byAgent('a1')).toBeUndefined();
    const again = await RawClient.open(r.server.url);
    await again.hello();
    expect(RawClient.outcome(await again.cmd('resume', { token: c.token, lastSeq: 0 }))).toBe('SESSION_UNKNOWN');
    again.close();
  });

  it('EngineClient.logout resolves ok and the view goes offline without reconnecting', async () => {
    r = await rig();
    const a = await r.client('a2');
    expect(await a.logout()).toEqual({ ok: true });
    await new Promise<void>((resolve) => {
      const check = () => a.getView().connection.state === 'offline' && resolve();
      a.subscribe(check);
      check();
    });
    expect(r.engine.queries.self('a2')?.loggedIn).toBe(false);
  });
});

describe('duplicate command ids', () => {
  it('the same accept id twice returns the first ack and accepts once', async () => {
    r = await rig();
    const ev = recorder(r);
    const c = await rawLogin(r.server.url, 'a1');
    await ok(c, 'set_status', { status: 'available' });
    const id = await offerTo(r, c, 'chat');
    const first = await c.cmd('accept', { interactionId: id }, 'dup-accept');
    const second = await c.cmd('accept', { interactionId: id }, 'dup-accept');
    expect(first.type).toBe('ack');
    expect(second).toEqual(first); // the very same reply, ts included
    expect(c.frames.filter((f) => f.replyTo === 'dup-accept').length).toBe(2);
    expect(ev.count('interaction.accepted')).toBe(1);
    c.close();
  });

  it('set_notes with the same id and different data returns the first result and does not act again', async () => {
    r = await rig();
    const ev = recorder(r);
    const c = await rawLogin(r.server.url, 'a1');
    await ok(c, 'set_status', { status: 'available' });
    const id = await takeChat(r, c);
    const first = await c.cmd('set_notes', { interactionId: id, notes: 'first' }, 'dup-notes');
    const second = await c.cmd('set_notes', { interactionId: id, notes: 'second' }, 'dup-notes');
    expect(second).toEqual(first);
    expect(r.engine.queries.interaction(id)?.notes).toBe('first');
    expect(ev.count('interaction.notes_set')).toBe(1);
    c.close();
  });

  it('a refused command repeated with its id returns the same error even once it could succeed', async () => {
    r = await rig();
    const c = await rawLogin(r.server.url, 'a1');
    const first = await c.cmd('set_status', { status: 'busy' }, 'dup-err');
    expect(RawClient.outcome(first)).toBe('INVALID_TRANSITION');
    expect(await c.cmd('set_status', { status: 'available' }, 'dup-err')).toEqual(first);
    expect(r.engine.queries.self('a1')?.status).toBe('on_break');
    c.close();
  });

  it('ids are remembered across a resume: a resend on the new socket does not act twice', async () => {
    r = await rig();
    const ev = recorder(r);
    const c = await rawLogin(r.server.url, 'a1');
    await ok(c, 'set_status', { status: 'available' });
    const id = await offerTo(r, c, 'chat');
    c.send({ v: 1, type: 'accept', id: 'resent', data: { interactionId: id } });
    await c.reply('resent');
    c.ws.terminate(); // the ack is "lost" as far as the client knows
    const d = await RawClient.open(r.server.url);
    await d.hello();
    d.send({ v: 1, type: 'resume', id: 'r1', data: { token: c.token, lastSeq: c.lastSeq(), epoch: c.epoch } });
    expect((await d.reply('r1')).type).toBe('session');
    const again = await d.cmd('accept', { interactionId: id }, 'resent');
    expect(again.type).toBe('ack');
    expect(ev.count('interaction.accepted')).toBe(1);
    d.close();
  });

  it('ids are per session: another agent may use the same id', async () => {
    r = await rig();
    const a = await rawLogin(r.server.url, 'a1');
    const b = await rawLogin(r.server.url, 'a2');
    await ok(a, 'set_status', { status: 'available' });
    const same = await b.cmd('set_status', { status: 'available' }, 'shared-id');
    const mine = await a.cmd('set_status', { status: 'on_break' }, 'shared-id');
    expect(same.type).toBe('ack');
    expect(mine.type).toBe('ack');
    expect(r.engine.queries.self('a1')?.status).toBe('on_break');
    expect(r.engine.queries.self('a2')?.status).toBe('available');
    a.close();
    b.close();
  });
});

/** The base tenant, plus editFaq for a1 and a second chat queue (staffed by a3 only) to transfer to. */
async function chatTenant(): Promise<unknown> {
  const t = (await wireTenant()) as { agents: { id: string; permissions?: Record<string, unknown> }[]; queues: unknown[] };
  t.agents = t.agents.map((a) => (a.id === 'a1' ? { ...a, permissions: { ...a.permissions, editFaq: true } } : a));
  t.queues = [...t.queues, { id: 'chat2', name: 'Chat 2', media: 'chat', agents: ['a3'] }];
  return t;
}

describe('chat, FAQ, queries and typing (× with / without editFaq)', () => {
  for (const agentId of ['a1', 'a2'] as const) {
    const mayEditFaq = agentId === 'a1';
    const colleague = agentId === 'a1' ? 'a2' : 'a1';

    it(`${agentId}: send_chat, typing to the customer, get_transcript, list_queues, transfer_chat`, async () => {
      r = await rig({}, await chatTenant());
      const c = await rawLogin(r.server.url, agentId);
      await ok(c, 'set_status', { status: 'available' });
      const id = await takeChat(r, c);

      await ok(c, 'send_chat', { interactionId: id, text: 'Hello Lee, how can I help?' });
      const line = await c.next((f) => f.type === 'chat_message');
      expect(line.seq).toEqual(expect.any(Number));
      expect(line.data).toMatchObject({ interactionId: id, message: { from: 'agent', agentId, text: 'Hello Lee, how can I help?' } });
      await fails(c, 'send_chat', { interactionId: 'IX-404', text: 'hi' }, 'NOT_FOUND');
      const blank = await fails(c, 'send_chat', { interactionId: id, text: '   ' }, 'BAD_FRAME');
      expect(blank.type === 'error' && blank.data.field).toBe('data.text');
      await fails(c, 'send_chat', { interactionId: id, text: 'x'.repeat(5001) }, 'BAD_FRAME');
      covered.add('send_chat');

      await ok(c, 'typing', { interactionId: id, typing: true });
      await fails(c, 'typing', { interactionId: 'IX-404', typing: true }, 'NOT_FOUND');

      const transcript = await ok(c, 'get_transcript', { interactionId: id });
      expect(transcript.type === 'ack' && transcript.data.result?.transcript?.map((m) => m.text)).toContain('Hello Lee, how can I help?');
      await fails(c, 'get_transcript', { interactionId: 'IX-404' }, 'NOT_FOUND');
      covered.add('get_transcript');

      const listing = await ok(c, 'list_queues');
      const ids = listing.type === 'ack' ? (listing.data.result?.queues ?? []).map((q) => q.id) : [];
      expect(ids.sort()).toEqual(['chat', 'chat2', 'email', 'phone', 'vip']); // every queue, mine or not
      await fails(c, 'list_queues', 'not an object', 'BAD_FRAME');
      covered.add('list_queues');

      const history = await ok(c, 'call_history');
      expect(history.type === 'ack' && history.data.result?.calls).toEqual([]); // a chat is not a call
      await fails(c, 'call_history', 'not an object', 'BAD_FRAME');
      covered.add('call_history');

      await fails(c, 'transfer_chat', { interactionId: id, queueId: 'chat2' }, 'UNSTAFFED'); // nobody available there
      await fails(c, 'transfer_chat', { interactionId: id, queueId: 'phone' }, 'NOT_FOUND'); // not a chat queue
      await fails(c, 'transfer_chat', { interactionId: 'IX-404', queueId: 'chat2' }, 'NOT_FOUND');
      const moved = await ok(c, 'transfer_chat', { interactionId: id, queueId: 'chat2', force: true });
      const newId = moved.type === 'ack' ? moved.data.result?.interactionId : undefined;
      expect(newId).toMatch(/^IX-/);
      expect(newId).not.toBe(id);
      expect(r.engine.queries.interaction(newId!)?.queueId).toBe('chat2');
      await fails(c, 'send_chat', { interactionId: id, text: 'still there?' }, 'INVALID_STATE'); // mine no more: in wrap-up
      covered.add('transfer_chat');

      // Someone who did not handle it cannot read the transcript.
      const other = await rawLogin(r.server.url, colleague);
      await fails(other, 'get_transcript', { interactionId: id }, 'NOT_FOUND');
      expect(text(other)).not.toContain('Hello Lee, how can I help?');
      c.close();
      other.close();
    });

    it(`${agentId}: send_agent_chat, typing to a colleague, save_faq, delete_faq`, async () => {
      r = await rig({}, await chatTenant());
      const events: EngineEvent[] = [];
      r.engine.subscribe((b) => events.push(...b));
      const c = await rawLogin(r.server.url, agentId);
      const mate = await rawLogin(r.server.url, colleague);
      const stranger = await rawLogin(r.server.url, 'a3'); // group g2

      // On Break (the login's status) colleague chat and FAQ edits are off, with a typed reason.
      await fails(c, 'send_agent_chat', { to: colleague, text: 'hi' }, 'DISABLED_IN_STATUS');
      await ok(c, 'set_status', { status: 'working_offline' });
      await ok(c, 'send_agent_chat', { to: colleague, text: 'Can you take the next VIP call?' });
      expect((await mate.next((f) => f.type === 'agent_chat')).data).toMatchObject({ with: agentId, message: { text: 'Can you take the next VIP call?' } });
      expect((await c.next((f) => f.type === 'agent_chat')).data).toMatchObject({ with: colleague });
      await fails(c, 'send_agent_chat', { to: 'a3', text: 'hi' }, 'NOT_PERMITTED'); // another group
      await fails(c, 'send_agent_chat', { to: 'ghost', text: 'hi' }, 'NOT_FOUND');
      await fails(c, 'send_agent_chat', { to: colleague, text: '' }, 'BAD_FRAME');
      expect(text(stranger)).not.toContain('next VIP call');
      covered.add('send_agent_chat');

      await ok(c, 'typing', { to: colleague, typing: true });
      const typing = await mate.next((f) => f.type === 'typing');
      expect(typing.data).toEqual({ from: agentId, typing: true });
      expect(typing.seq).toBeUndefined(); // ephemeral
      await fails(c, 'typing', { to: 'a3', typing: true }, 'NOT_PERMITTED');
      await fails(c, 'typing', { typing: true }, 'BAD_FRAME');
      covered.add('typing');

      const entry = { id: 'wifi', title: 'Wi-Fi drops', body: 'Restart the router, then wait two minutes.', category: 'Network', shortcut: '\\wifi' };
      const before = events.length;
      if (mayEditFaq) {
        await ok(c, 'save_faq', { entry });
        for (const s of [c, mate, stranger]) {
          const faq = await s.next((f) => f.type === 'faq'); // tenant-wide
          expect(faq.type === 'faq' && faq.data.entries.map((e) => e.id)).toContain('wifi');
        }
        await fails(c, 'save_faq', { entry: { ...entry, id: 'wifi2' } }, 'VALIDATION'); // the shortcut is taken
        await fails(c, 'delete_faq', { faqId: 'nope' }, 'NOT_FOUND');
        await ok(c, 'delete_faq', { faqId: 'wifi' });
        expect(r.engine.queries.faq().some((e) => e.id === 'wifi')).toBe(false);
      } else {
        const refused = await fails(c, 'save_faq', { entry }, 'NOT_PERMITTED');
        expect(refused.type === 'error' && refused.data.message).toMatch(/edit the FAQ/);
        await fails(c, 'delete_faq', { faqId: 'wifi' }, 'NOT_PERMITTED');
        expect(events.length).toBe(before);
        expect(c.frames.some((f) => f.type === 'faq')).toBe(false);
      }
      await fails(c, 'save_faq', { entry: { ...entry, title: 'x'.repeat(201) } }, 'BAD_FRAME');
      covered.add('save_faq');
      covered.add('delete_faq');
      for (const s of [c, mate, stranger]) s.close();
    });
  }
});

describe('notices', () => {
  it('broadcast_notice reaches my group online (and at login), read_notices marks them; typed errors', async () => {
    r = await rig({}, await wireTenant());
    const a1 = await rawLogin(r.server.url, 'a1');
    const a2 = await rawLogin(r.server.url, 'a2');
    const a3 = await rawLogin(r.server.url, 'a3'); // group g2
    await fails(a1, 'broadcast_notice', { text: 'On Break', priority: 'low' }, 'DISABLED_IN_STATUS');
    await ok(a1, 'set_status', { status: 'available' });
    await ok(a1, 'broadcast_notice', { text: 'Queue backlog: please stay Available', priority: 'high' });
    const got = await a2.next((f) => f.type === 'notice');
    expect(got.seq).toEqual(expect.any(Number));
    expect(got.data).toMatchObject({ id: 'N-1', from: 'a1', fromName: 'A1', priority: 'high', groups: ['Group 1'], read: false });
    expect((await a1.next((f) => f.type === 'notice')).data).toMatchObject({ id: 'N-1', read: true });
    await fails(a1, 'broadcast_notice', { text: 'to g2', priority: 'low', groups: ['g2'] }, 'NOT_PERMITTED');
    await fails(a1, 'broadcast_notice', { text: '   ', priority: 'low' }, 'BAD_FRAME');
    await fails(a1, 'broadcast_notice', { text: 'x', priority: 'urgent' }, 'BAD_FRAME');
    covered.add('broadcast_notice');
    await ok(a2, 'read_notices', { noticeIds: ['N-1'] });
    expect((await a2.next((f) => f.type === 'notice' && f.data.read === true)).data).toMatchObject({ id: 'N-1' });
    await fails(a2, 'read_notices', { noticeIds: ['N-404'] }, 'NOT_FOUND');
    await fails(a2, 'read_notices', { noticeIds: [] }, 'BAD_FRAME');
    covered.add('read_notices');
    await ok(a3, 'set_status', { status: 'available' }); // a round trip: anything for a3 would be here by now
    expect(a3.frames.some((f) => f.type === 'notice')).toBe(false);
    // A fresh login's snapshot carries the notices and the groups I may address.
    const again = await rawLogin(r.server.url, 'a2');
    const snap = again.frames.find((f) => f.type === 'snapshot');
    expect(snap?.type === 'snapshot' && snap.data).toMatchObject({ notices: [{ id: 'N-1', read: true }], noticeGroups: [{ id: 'g1', name: 'Group 1' }] });
  });
});

describe('coverage', () => {
  it('every client message type but the handshake ones is exercised above (ack and error)', () => {
    const handshake = ['hello', 'login', 'resume', 'ping', 'pong']; // login.test, resume.test, frames.test
    // phone.test.ts and crm.test.ts have their own coverage checks.
    const phone = [...Object.keys(PHONE_MESSAGES), ...Object.keys(CRM_MESSAGES)];
    expect([...covered].sort()).toEqual(Object.keys(CLIENT_MESSAGES).filter((t) => !handshake.includes(t) && !phone.includes(t)).sort());
    for (const t of Object.keys(WIRE_COMMANDS)) if (!phone.includes(t)) expect(covered.has(t), t).toBe(true);
  });

  it('the permissions matrix covers every command that needs a permission', () => {
    // Each of these is run above by a1 (who holds the permission) and a2 (who does not).
    const needing = (Object.keys(WIRE_COMMANDS) as WireCommand[]).filter((t) => WIRE_COMMANDS[t].permission && !(t in PHONE_MESSAGES) && !(t in CRM_MESSAGES));
    expect(needing.sort()).toEqual(['delete_faq', 'reject', 'save_faq']);
  });
});
