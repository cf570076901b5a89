/**
 * The customer side of web chat over real sockets: queue positions, the
 * agent joining, messages both ways with rich text, typing, transfer
 * notices, the end of the chat, and resume without loss or duplication.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerChatClient } from '../../src/client/customer-chat.js';
import { until, type Rig } from './helpers.js';
import { acceptChat, chatRig, customer, RawCustomer } from './webchat-helpers.js';

let r: Rig | undefined;
const customers: CustomerChatClient[] = [];
afterEach(async () => {
  for (const c of customers.splice(0)) c.close();
  await r?.close();
  r = undefined;
});
const track = (c: CustomerChatClient) => (customers.push(c), c);

describe('web chat: customer side', () => {
  it('queue positions move as customers ahead leave or are picked up', async () => {
    r = await chatRig();
    const [c1, c2, c3] = ['One', 'Two', 'Three'].map((n) => track(customer(r!, n)));
    for (const c of [c1!, c2!, c3!]) await c.start();
    const at = (c: CustomerChatClient, n: number) => (c.position === n ? Promise.resolve() : c.waitFor((e) => e.type === 'position' && e.position === n));
    await Promise.all([at(c1!, 1), at(c2!, 2), at(c3!, 3)]);
    await c1!.leave();
    await Promise.all([at(c2!, 1), at(c3!, 2)]);
    const agent = await r.client('a1');
    const joined = c2!.waitFor((e) => e.type === 'agent_joined');
    await acceptChat(agent, c2!.conversationId!);
    await joined;
    await at(c3!, 1);
  });

  it('an accepted chat: agent name, messages both ways (rich text for agent lines), typing both ways, and the end', async () => {
    r = await chatRig();
    const c = track(customer(r, 'Lee', { account: 'AC-1' }));
    const { conversationId } = await c.start();
    const agent = await r.client('a1');
    const joining = c.waitFor((e) => e.type === 'agent_joined');
    await acceptChat(agent, conversationId);
    const joined = await joining;
    expect(joined).toMatchObject({ displayName: 'A1', transferred: false });
    expect(agent.getView().work[0]!.customer).toMatchObject({ name: 'Lee', account: 'AC-1' });

    const id = await c.send('Hello, I need help');
    expect(id).toMatch(/^M-\d+$/);
    await until(agent, (v) => v.work[0]!.chat!.messages.some((m) => m.id === id && m.text === 'Hello, I need help'), 'customer line at agent');

    const echo = c.messages.find((m) => m.id === id)!;
    expect(echo.from).toBe('customer');
    expect(echo.clientId).toBeTruthy();

    const incoming = c.waitFor((e) => e.type === 'message' && e.message.from === 'agent');
    await agent.sendChat(conversationId, 'We are **open** until [7pm](https://example.com/hours) <img src=x onerror=alert(1)>');
    const line = await incoming;
    if (line.type !== 'message') throw new Error('unreachable');
    expect(line.message.agentName).toBe('A1');
    expect(line.message.blocks).toEqual([
      { kind: 'p', inlines: [{ text: 'We are ' }, { text: 'open', bold: true }, { text: ' until ' }, { text: '7pm', href: 'https://example.com/hours' }, { text: ' <img src=x onerror=alert(1)>' }] },
    ]);

    c.typing(true);
    await until(agent, (v) => !!v.typing[conversationId], 'customer typing at agent');
    const typing = c.waitFor((e) => e.type === 'typing' && e.typing);
    agent.setTyping({ interactionId: conversationId }, true);
    await typing;

    const ended = c.waitFor((e) => e.type === 'ended');
    await agent.endInteraction(conversationId);
    expect(await ended).toMatchObject({ reason: 'agent_ended' });
  });

  it('a transfer notice and the new agent reach the customer, history intact', async () => {
    r = await chatRig();
    const c = track(customer(r));
    const { conversationId } = await c.start();
    const a1 = await r.client('a1');
    const first = c.waitFor((e) => e.type === 'agent_joined');
    await acceptChat(a1, conversationId);
    await first;
    const a2 = await r.client('a2');
    await a2.setStatus('available');
    await c.send('before the transfer');
    const transferred = c.waitFor((e) => e.type === 'transferred');
    const notice = c.waitFor((e) => e.type === 'message' && e.message.from === 'system');
    const result = await a1.transferChat(conversationId, 'chat2');
    expect(result.ok).toBe(true);
    expect(await transferred).toMatchObject({ queue: { id: 'chat2', name: 'Chat 2' } });
    const n = await notice;
    expect(n.type === 'message' && n.message.text).toBe('A1 transferred this chat to Chat 2.');
    const newId = result.ok ? result.interactionId! : '';
    const joined = c.waitFor((e) => e.type === 'agent_joined');
    await until(a2, (v) => v.offer?.id === newId, 'offer to a2');
    await a2.accept(newId);
    expect(await joined).toMatchObject({ displayName: 'A2', transferred: true });
    await c.send('after the transfer');
    await until(a2, (v) => v.work.find((w) => w.id === newId)?.chat?.messages.map((m) => m.text).join('|') === 'before the transfer|A1 transferred this chat to Chat 2.|after the transfer', 'history at a2');
  });

  it('resume after the socket is killed: nothing lost, nothing duplicated, on either side', async () => {
    r = await chatRig();
    const c = track(customer(r));
    const { conversationId } = await c.start();
    const agent = await r.client('a1');
    const joined = c.waitFor((e) => e.type === 'agent_joined');
    await acceptChat(agent, conversationId);
    await joined;
    await c.send('one');
    const line = c.waitFor((e) => e.type === 'message' && e.message.text === 'agent one');
    await agent.sendChat(conversationId, 'agent one');
    await line;

    c.dropConnection();
    // While the customer is away: the agent talks, the customer types lines into the outbox.
    await agent.sendChat(conversationId, 'agent two');
    await agent.sendChat(conversationId, 'agent three');
    const online = c.waitFor((e) => e.type === 'connection' && e.state === 'online');
    const sent = [c.send('two'), c.send('three')];
    await online;
    await Promise.all(sent);

    const texts = c.messages.map((m) => m.text);
    expect(texts).toEqual(['one', 'agent one', 'agent two', 'agent three', 'two', 'three']);
    expect(new Set(c.messages.map((m) => m.id)).size).toBe(c.messages.length);
    await until(agent, (v) => v.work[0]!.chat!.messages.length === 6, 'six lines at the agent');
    expect(agent.getView().work[0]!.chat!.messages.filter((m) => m.from === 'customer').map((m) => m.text)).toEqual(['one', 'two', 'three']);
  });

  it('a customer whose socket dropped is "away" for the agent until they resume; an offer missed meanwhile costs the agent nothing', async () => {
    r = await chatRig();
    const raw = await RawCustomer.open(r);
    const { conversationId, token } = await raw.start();
    const agent = await r.client('a1');
    await agent.setStatus('available');
    await until(agent, (v) => v.offer?.id === conversationId, 'offer');
    raw.ws.terminate();
    await until(agent, (v) => v.offer?.chat?.customerAway === true, 'customer away on the offer');
    const deadline = agent.getView().offer!.offerDeadline!;
    r.clock.advance(15_000);
    // Offered again at once (the customer may come back): the same chat with a new deadline.
    await until(agent, (v) => (v.offer?.offerDeadline ?? 0) > deadline, 'offered again');
    expect(agent.getView().self?.status).toBe('available');
    const back = await RawCustomer.open(r);
    await back.request({ type: 'resume', token }, 'resumed');
    await until(agent, (v) => v.offer?.id === conversationId && v.offer.chat?.customerAway === undefined, 'customer back');
    back.close();
  });

  it('a resent clientId is acknowledged with the first id and never reaches the agent twice', async () => {
    r = await chatRig();
    const raw = await RawCustomer.open(r);
    const { conversationId, token } = await raw.start();
    const first = await raw.request({ type: 'message', text: 'once', clientId: 'dup-1' }, 'ack');
    raw.ws.terminate();
    const again = await RawCustomer.open(r);
    await again.request({ type: 'resume', token, lastMessageId: first.messageId }, 'resumed');
    const second = await again.request({ type: 'message', text: 'once', clientId: 'dup-1' }, 'ack');
    expect(second.messageId).toBe(first.messageId);
    const messages = r.engine.queries.unsafeState().conversations.get(conversationId)!.messages;
    expect(messages.filter((m) => m.text === 'once')).toHaveLength(1);
    // Nothing after lastMessageId was missed, so nothing was replayed.
    expect(again.frames.filter((f) => f.type === 'message')).toHaveLength(0);
    again.close();
  });

  it('a customer gone longer than the grace period: the chat ends ("disconnected"), and says so on a late resume', async () => {
    r = await chatRig({ customerGraceMs: 50 });
    const raw = await RawCustomer.open(r);
    const { conversationId, token } = await raw.start();
    const gone = new Promise<void>((resolve) => {
      const off = r!.engine.subscribe((b) => b.some((e) => e.type === 'interaction.ended' && e.interactionId === conversationId) && (off(), resolve()));
    });
    raw.ws.terminate();
    await gone;
    const back = await RawCustomer.open(r);
    expect(await back.request({ type: 'resume', token }, 'resumed')).toMatchObject({ state: 'ended' });
    expect(await back.next('ended')).toMatchObject({ reason: 'disconnected' });
    back.close();
  });

  it('a second connection resuming the chat takes it over; the first is closed with 4001', async () => {
    r = await chatRig();
    const first = await RawCustomer.open(r);
    const { token } = await first.start();
    const second = await RawCustomer.open(r);
    await second.request({ type: 'resume', token }, 'resumed');
    expect((await first.whenClosed()).code).toBe(4001);
    second.close();
  });

  it('after the chat ended and was wrapped up, resume replays the durable transcript and says it ended', async () => {
    r = await chatRig();
    const raw = await RawCustomer.open(r);
    const { conversationId, token } = await raw.start();
    const agent = await r.client('a1');
    await acceptChat(agent, conversationId);
    await raw.request({ type: 'message', text: 'hi', clientId: 'k1' }, 'ack');
    await agent.sendChat(conversationId, 'hello');
    await raw.next('message', (f) => f.message.text === 'hello');
    await raw.request({ type: 'leave' }, 'ended', (f) => f.reason === 'left');
    const late = await raw.request({ type: 'message', text: 'too late', clientId: 'k2' }, 'error');
    expect(late).toMatchObject({ code: 'CHAT_ENDED', clientId: 'k2' });
    await agent.setCodes(conversationId, ['help']);
    await agent.wrapUp(conversationId);
    expect(r.engine.queries.unsafeState().conversations.has(conversationId)).toBe(false);
    raw.close();
    const back = await RawCustomer.open(r);
    const resumed = await back.request({ type: 'resume', token }, 'resumed');
    expect(resumed.state).toBe('ended');
    await back.next('ended');
    expect(back.frames.filter((f) => f.type === 'message').map((f) => f.type === 'message' && f.message.text)).toEqual(['hi', 'hello']);
    back.close();
  });
});
