// Chat on loopback: a real engine, server and EngineClient; the customer
// speaks through engine commands. Keys only on the agent side.
import { afterEach, describe, expect, it } from 'vitest';
import { loopback, until, type Loopback } from '../helpers/loopback.js';
import { KEY, renderConsole, type ConsoleHarness } from '../helpers/render.js';

let rig: Loopback | undefined;
let h: ConsoleHarness | undefined;
afterEach(async () => {
  h?.unmount();
  h = undefined;
  await rig?.close();
  rig = undefined;
});

async function settleOn(predicate: Parameters<typeof until>[1], label: string): Promise<void> {
  await until(rig!.client, predicate, label);
  await h!.settle();
}

/** Ana Available, her colleague Ben logged in: a colleague chat can go. */
async function colleagueReady(): Promise<void> {
  rig = await loopback();
  h = await renderConsole({ client: rig.client, now: Date.now() });
  expect(rig.engine.execute({ type: 'login', agentId: 'ben' }).ok).toBe(true);
  await h.press('s');
  await h.press(KEY.enter);
  await settleOn((v) => v.self?.status === 'available' && v.contacts.some((c) => c.id === 'ben' && c.status !== 'logged_out'), 'ready');
}

const conversation = () => rig!.client.getView().work[0]!.chat!.conversationId;

describe('chat on loopback', () => {
  it('customer ↔ agent: messages both ways, FAQ shortcut, transfer with the UNSTAFFED confirm', async () => {
    rig = await loopback();
    h = await renderConsole({ client: rig.client, now: Date.now() });
    await h.press('s');
    await h.press(KEY.enter);
    await settleOn((v) => v.self?.status === 'available', 'available');
    expect(rig.engine.execute({ type: 'arrive', queueId: 'support-chat', customer: { name: 'Lee' } } as never).ok).toBe(true);
    await settleOn((v) => v.offer !== null, 'offer');
    await h.press('a');
    await settleOn((v) => v.work[0]?.chat !== undefined, 'chat accepted');

    expect(rig.engine.execute({ type: 'customer_chat', conversationId: conversation(), text: 'Hi, when are you open?' } as never).ok).toBe(true);
    await settleOn((v) => (v.work[0]?.chat?.messages.length ?? 0) >= 1, 'customer line');
    expect(h.frame()).toMatch(/\d\d:\d\d Lee: Hi, when are you open\?/);

    await h.press(KEY.enter);
    await h.type('Hello Lee! \\q');
    expect(h.frame()).toContain('insert "Opening hours"');
    await h.press(KEY.tab, KEY.enter);
    await settleOn((v) => v.work[0]!.chat!.messages.some((m) => m.from === 'agent'), 'agent line');
    await h.settle();
    expect(h.frame()).toMatch(/\d\d:\d\d You: Hello Lee! We are open 8am/);
    expect(h.frame()).not.toContain('sending…');
    const sent = rig.client.getView().work[0]!.chat!.messages.filter((m) => m.from === 'agent');
    expect(sent).toHaveLength(1);

    await h.press(KEY.ctrl('t'));
    await settleOn(() => true, 'queues');
    await h.settle();
    expect(h.frame()).toMatch(/Support — Chat\s+(\d+ avail|nobody else)/);
    expect(h.frame()).toMatch(/Sales — Chat\s+nobody else/);
    await h.press(KEY.down, KEY.enter);
    await h.settle();
    // Nobody else is available in Sales chat: the listing says so, the console warns before sending.
    expect(h.frame()).toContain('Nobody else is available in Sales — Chat');
    expect(rig.client.getView().work[0]?.phase).toBe('active');
    await h.press(KEY.enter);
    await settleOn((v) => v.work[0]?.phase === 'wrapup', 'transferred');
    expect(h.frame()).toContain('Chat transferred to Sales — Chat.');
    expect(h.frame()).toMatch(/— Ana L\. transferred this chat to Sales — Chat\./);
  });

  it('a message sent while the connection drops stays pending, then is sent once after the reconnect', async () => {
    await colleagueReady();
    await h!.press('4', '/');
    await h!.type('ben');
    await h!.press(KEY.enter, 'm');
    await h!.type('still there?');
    (rig!.client as unknown as { ws?: { terminate(): void } }).ws?.terminate();
    await h!.press(KEY.enter);
    await settleOn((v) => v.connection.state === 'online' && v.agentChats.some((c) => c.messages.length > 0), 'sent after reconnect');
    await h!.settle();
    expect(h!.stdout.frames.some((f) => f.includes('still there? (sending…)'))).toBe(true);
    expect(h!.frame()).not.toContain('sending…');
    expect(h!.frame()).toMatch(/\d\d:\d\d You: still there\?/);
    expect(rig!.client.getView().agentChats.find((c) => c.with === 'ben')!.messages).toHaveLength(1);
  });

  it('agent to agent: opened from Contacts, no accept, the colleague receives it', async () => {
    await colleagueReady();
    await h!.press('4', '/');
    await h!.type('ben');
    await h!.press(KEY.enter, 'm');
    expect(h!.frame()).toContain('Chat with Benjamin O.');
    await h!.type('Coffee at 3?');
    await h!.press(KEY.enter);
    await settleOn((v) => v.agentChats.some((c) => c.with === 'ben' && c.messages.length === 1), 'agent chat');
    expect(h!.frame()).toMatch(/\d\d:\d\d You: Coffee at 3\?/);
  });

  it('On Break, or to a colleague who is logged out, chat is greyed out and refused in words; the engine refuses it too', async () => {
    rig = await loopback();
    h = await renderConsole({ client: rig!.client, now: Date.now() });
    await h.press('4', '/');
    await h.type('ben');
    await h.press(KEY.enter);
    // Ana is On Break (the login's status): the Chat hint is gone, and m says why.
    expect(h.frame()).not.toMatch(/m Chat/);
    await h.press('m');
    const flat = () => h!.frame().replace(/\s+/g, ' ');
    expect(flat()).toContain('You are On Break: chatting with colleagues is off. Go Available or Working Offline to use it.');
    expect(h.frame()).not.toContain('Chat with Benjamin O.');
    expect(await rig.client.sendAgentChat('ben', 'hello?')).toMatchObject({ ok: false, error: { code: 'DISABLED_IN_STATUS' } });
    // Available now, but Ben is logged out.
    await h.press('s');
    await h.press(KEY.enter);
    await settleOn((v) => v.self?.status === 'available', 'available');
    expect(h.frame()).not.toMatch(/m Chat/);
    await h.press('m');
    expect(flat()).toContain('Benjamin O. is logged out: a chat reaches colleagues who are logged in.');
    expect(await rig.client.sendAgentChat('ben', 'hello?')).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/is logged out/) } });
    // Ben logs in: the chat opens.
    expect(rig.engine.execute({ type: 'login', agentId: 'ben' }).ok).toBe(true);
    await settleOn((v) => v.contacts.some((c) => c.id === 'ben' && c.status === 'on_break'), 'ben in');
    expect(h.frame()).toMatch(/m Chat/);
    await h.press('m');
    expect(h.frame()).toContain('Chat with Benjamin O.');
  });
});
