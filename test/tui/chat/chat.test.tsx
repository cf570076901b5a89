// The chat view with a fake client: pane, tabs and drafts, the compose box
// (counter, shortcut expansion, pending until acknowledged, typing sent),
// FAQ search and editing, the transfer dialog, colleagues from Contacts.
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandResult } from '../../../src/client/index.js';
import { KEY, renderConsole, type ConsoleHarness } from '../helpers/render.js';
import { NOW, offer } from '../helpers/fixtures.js';
import { chatView, chatWork, msg } from './fixtures.js';

let h: ConsoleHarness | undefined;
afterEach(() => {
  h?.unmount();
  h = undefined;
});

const ALT = (k: string) => `\x1b${k}`;
const calls = (name: Parameters<NonNullable<ConsoleHarness['fake']>['callsOf']>[0]) => h!.fake!.callsOf(name);
const body = () => h!.frame().split('\n').slice(2).join('\n');

describe('chat pane', () => {
  it('shows the transcript with timestamps, markup, system lines, the transfer header and customer left', async () => {
    const view = chatView({
      work: [chatWork('c1', 'Lee', [
        msg('m0', 'system', 'Ben O. transferred this chat to Support chat.', { ts: NOW - 60_000 }),
        msg('m1', 'customer', 'Hello, my invoice is wrong'),
        msg('m2', 'agent', 'Let me **check** that'),
      ], { chat: undefined })].map((w) => ({
        ...w,
        chat: {
          conversationId: 'C1', customerLeft: true, transferredFrom: { agentId: 'ben', displayName: 'Benjamin O.', queueName: 'Sales chat' },
          messages: [msg('m0', 'system', 'Benjamin O. transferred this chat to Support chat.'), msg('m1', 'customer', 'Hello, my invoice is wrong'), msg('m2', 'agent', 'Let me **check** that')],
        },
      })),
    });
    h = await renderConsole({ view });
    const f = h.frame();
    expect(f).toContain('transferred from Benjamin O. (Sales chat)');
    expect(f).toContain('customer left');
    expect(f).toMatch(/\d\d:\d\d — Benjamin O\. transferred this chat/);
    expect(f).toMatch(/\d\d:\d\d Lee: Hello, my invoice is wrong/);
    expect(f).toMatch(/\d\d:\d\d You: Let me check that/);
  });

  it('shows the customer typing until ~6 s pass on the shared clock', async () => {
    h = await renderConsole({ view: chatView({ typing: { c1: NOW - 1000 } }) });
    expect(h.frame()).toContain('Lee is typing…');
    h.clock.advance(5500);
    await h.settle();
    expect(h.frame()).not.toContain('is typing');
  });

  it('renders 2,000 messages fast, scrolls with PgUp/PgDn, and keeps frames within 80 columns', async () => {
    const messages = (n: number) => Array.from({ length: n }, (_, i) => msg(`m${i}`, i % 2 ? 'agent' : 'customer', `message number ${i} ${'x'.repeat(i % 90)}`));
    /** Milliseconds per key typed into the chat's compose box. */
    const perKey = async (): Promise<number> => {
      await h!.press(KEY.enter);
      const t0 = performance.now();
      await h!.type('hello');
      return (performance.now() - t0) / 5;
    };
    // The same typing beside a 20-message chat, on this machine just before: a
    // loaded machine slows both alike.
    h = await renderConsole({ view: chatView({ work: [chatWork('c1', 'Lee', messages(20))] }) });
    const baseline = await perKey();
    h.unmount();
    h = await renderConsole({ view: chatView({ work: [chatWork('c1', 'Lee', messages(2000))] }) });
    expect(h.frame()).toContain('message number 1999');
    expect(await perKey()).toBeLessThan(Math.max(100, 4 * baseline));
    await h.press(KEY.pageUp, KEY.pageUp);
    expect(h.frame()).not.toContain('message number 1999');
    expect(h.frame()).toContain('newer lines');
    await h.press(KEY.pageDown, KEY.pageDown);
    expect(h.frame()).toContain('message number 1999');
    for (const line of h.frame().split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });
});

describe('six chats of 2,000 messages', () => {
  it('typing and switching stay fast (only the visible lines are built)', async () => {
    const chats = (n: number) => Array.from({ length: 6 }, (_, c) => chatWork(`c${c}`, `Customer ${c}`,
      Array.from({ length: n }, (_, i) => msg(`m${c}-${i}`, i % 3 ? 'customer' : 'agent', `chat ${c} line ${i} ${'y'.repeat(i % 120)}`))));
    /** The 90th percentile of 30 keys (typing, a chat switch every tenth), in ms. */
    const p90 = async (): Promise<number> => {
      await h!.press(KEY.enter);
      const times: number[] = [];
      for (let k = 0; k < 30; k++) {
        const t0 = performance.now();
        await h!.press(k % 10 === 9 ? ALT(String(1 + ((k / 10) | 0))) : 'x');
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b)[Math.floor(times.length * 0.9)]!;
    };
    // The same keys beside six chats of 20 messages, on this machine just
    // before: a loaded machine slows both alike.
    h = await renderConsole({ view: chatView({ work: chats(20) }) });
    const baseline = await p90();
    h.unmount();
    h = await renderConsole({ view: chatView({ work: chats(2000) }) });
    expect(await p90()).toBeLessThan(Math.max(150, 4 * baseline));
    expect(h.frame()).toContain('chat 2 line 1999');
  });
});

describe('tabs and drafts', () => {
  it('keeps a draft per chat across Alt-1..6 and marks unread chats', async () => {
    h = await renderConsole({ view: chatView() });
    await h.press(KEY.enter);
    await h.type('for Lee');
    await h.press(ALT('2'));
    expect(body()).toMatch(/\[2 Max\]/);
    await h.type('for Max');
    await h.press(ALT('1'));
    expect(h.frame()).toContain('for Lee▌');
    expect(h.frame()).not.toContain('for Max');
    h.fake!.setView((v) => ({ ...v, work: v.work.map((w) => (w.id === 'c2' ? { ...w, chat: { ...w.chat!, messages: [...w.chat!.messages, msg('m9', 'customer', 'hello?')] } } : w)) }));
    await h.settle();
    expect(body()).toMatch(/2 Max•1/);
    await h.press(ALT('2'));
    expect(h.frame()).toContain('for Max▌');
    expect(body()).not.toMatch(/Max•/);
  });
});

describe('compose box', () => {
  it('shows a counter near the 5,000 limit and never goes past it', async () => {
    h = await renderConsole({ view: chatView() });
    await h.press(KEY.enter, 'a'.repeat(4400));
    expect(h.frame()).not.toContain('/5000');
    await h.press('b'.repeat(200));
    expect(h.frame()).toContain('4600/5000');
    await h.press('c'.repeat(1000));
    expect(h.frame()).toContain('5000/5000');
  });

  it('offers an FAQ shortcut inline and Tab expands it', async () => {
    h = await renderConsole({ view: chatView() });
    await h.press(KEY.enter);
    await h.type('Sure. \\refund');
    expect(h.frame()).toContain('Tab: insert "Refunds"');
    await h.press(KEY.tab);
    await h.press(KEY.enter);
    const sent = calls('sendChat')[0]![1] as string;
    expect(sent).toMatch(/^Sure\. \*\*Refunds\*\* within \*5 days\*\./);
    expect(sent).toContain('- Unused plans: full refund');
  });

  it('shows a message as pending until the server acknowledges it; a refusal brings the text back', async () => {
    h = await renderConsole({ view: chatView() });
    let ack!: (r: CommandResult) => void;
    h.fake!.sendChat = (...args: unknown[]) => {
      h!.fake!.calls.push(['sendChat', args]);
      return new Promise<CommandResult>((r) => { ack = r; });
    };
    await h.press(KEY.enter);
    await h.type('on my way');
    await h.press(KEY.enter);
    expect(h.frame()).toMatch(/··:·· You: on my way \(sending…\)/);
    ack({ ok: true });
    h.fake!.setView((v) => ({ ...v, work: v.work.map((w) => (w.id === 'c1' ? { ...w, chat: { ...w.chat!, messages: [...w.chat!.messages, msg('m7', 'agent', 'on my way')] } } : w)) }));
    await h.settle();
    expect(h.frame()).not.toContain('sending…');
    expect(h.frame()).toMatch(/\d\d:\d\d You: on my way/);

    await h.type('second');
    await h.press(KEY.enter);
    ack({ ok: false, error: { code: 'INVALID_STATE', message: 'This chat has ended.' } });
    await h.settle();
    expect(h.frame()).toContain('This chat has ended.');
    expect(h.frame()).toContain('second▌');
  });

  it('sends typing on the first key, throttled, and stops on send', async () => {
    h = await renderConsole({ view: chatView() });
    await h.press(KEY.enter);
    await h.type('abc');
    expect(calls('setTyping')).toEqual([[{ interactionId: 'c1' }, true]]);
    await h.press(KEY.enter);
    expect(calls('setTyping').at(-1)).toEqual([{ interactionId: 'c1' }, false]);
  });
});

describe('FAQ search', () => {
  it('searches as you type, previews, inserts as text or link (complex answers always as link)', async () => {
    h = await renderConsole({ view: chatView() });
    await h.press('\x06');
    await h.type('refu');
    expect(h.frame()).toMatch(/› Refunds\s+\\refund\s+Billing/);
    expect(h.frame()).toContain('• Unused plans: full refund');
    await h.press(KEY.enter);
    // The draft shows the answer as it will read: a list item, no marks.
    expect(h.frame()).toContain('• Annual plans: pro rata▌');
    await h.press(KEY.enter);
    expect((calls('sendChat')[0]![1] as string)).toMatch(/^\*\*Refunds\*\* within/);
    await h.press('\x06');
    await h.type('plans');
    await h.press(KEY.enter);
    expect(h.frame()).toContain('Plans and prices <http://console.test/faq/plans>▌');
    await h.press(KEY.enter);
    expect(calls('sendChat')[1]![1]).toBe('[Plans and prices](http://console.test/faq/plans)');

    await h.press('\x06');
    await h.type('hours');
    await h.press('\x0b', KEY.enter);
    expect(calls('sendChat')[2]![1]).toBe('[Opening hours](http://console.test/faq/hours)');
  });

  it('adds an entry through a form (with the permission) and refuses without it', async () => {
    h = await renderConsole({ view: chatView() });
    await h.press('\x06', '\x0e');
    await h.type('Shipping');
    await h.press(KEY.tab);
    await h.type('\\ship');
    await h.press(KEY.tab, KEY.tab);
    await h.type('<p>We ship <b>worldwide</b>.</p>');
    await h.press('\x13');
    expect(calls('saveFaq')).toHaveLength(1);
    expect(calls('saveFaq')[0]![0]).toMatchObject({ title: 'Shipping', shortcut: '\\ship', category: 'General', body: '<p>We ship <b>worldwide</b>.</p>' });
    expect(h.frame()).toContain('FAQ entry saved.');
    h.unmount();

    h = await renderConsole({ view: chatView({ self: { ...chatView().self!, permissions: [] } }) });
    await h.press('\x06', '\x0e');
    expect(h.frame()).toContain('You do not have the permission to edit the FAQ.');
  });
});

describe('transfer dialog', () => {
  it('lists chat queues with stats, confirms, and on UNSTAFFED warns and asks again (force)', async () => {
    h = await renderConsole({ view: chatView() });
    h.fake!.answerOnce('listQueues', {
      ok: true,
      queues: [
        { id: 'support-phone', name: 'Support line', media: 'inbound_phone', priority: 50, stats: { available: 1, waiting: 0 } },
        { id: 'support-chat', name: 'Support chat', media: 'chat', priority: 50, stats: { available: 2, waiting: 1, oldestArrival: NOW - 95_000 } },
        { id: 'sales-chat', name: 'Sales chat', media: 'chat', priority: 50, stats: { available: 0, waiting: 3 } },
      ],
    });
    h.fake!.answerOnce('transferChat', { ok: false, error: { code: 'UNSTAFFED', message: 'Nobody is available in Sales chat right now. Transfer anyway?' } });
    await h.press(KEY.ctrl('t'));
    const f = h.frame();
    expect(f).toMatch(/Support chat\s+2 avail · 1 waiting · 1m 35s/);
    expect(f).toMatch(/Sales chat\s+nobody else · 3 waiting · —/);
    expect(f).not.toContain('Support line');
    // Support chat: staffed by the listing; the engine still judges, and warns (UNSTAFFED): the console asks again.
    await h.press(KEY.enter);
    expect(h.frame()).toContain('Transfer this chat to Support chat?');
    await h.press(KEY.enter);
    expect(calls('transferChat')).toEqual([['c1', 'support-chat', false]]);
    expect(h.frame()).toContain('Nobody is available in Sales chat right now.');
    // The engine's answer is newer than the listing: the row no longer says "2 avail" beside the warning.
    expect(h.frame()).toMatch(/Support chat\s+nobody else · 1 waiting/);
    await h.press(KEY.enter);
    expect(calls('transferChat')).toEqual([['c1', 'support-chat', false], ['c1', 'support-chat', true]]);
    expect(h.frame()).toContain('Chat transferred to Support chat.');
  });

  it('a queue nobody else could take it from is flagged in the list and warned about before anything is sent', async () => {
    h = await renderConsole({ view: chatView() });
    h.fake!.answerOnce('listQueues', {
      ok: true,
      queues: [
        // I am the only one there: others 0 although available says 1 (me).
        { id: 'support-chat', name: 'Support chat', media: 'chat', priority: 50, stats: { available: 1, waiting: 0, others: 0 } },
        { id: 'sales-chat', name: 'Sales chat', media: 'chat', priority: 50, stats: { available: 2, waiting: 0, others: 2 } },
      ],
    });
    await h.press(KEY.ctrl('t'));
    expect(h.frame()).toMatch(/Support chat\s+nobody else · 0 waiting/);
    expect(h.frame()).toMatch(/Sales chat\s+2 avail · 0 waiting/);
    await h.press(KEY.enter);
    expect(h.frame().replace(/[│\s]+/g, ' ')).toContain('Nobody else is available in Support chat right now (a chat you transfer never comes back to you)');
    expect(calls('transferChat')).toEqual([]);
    await h.press(KEY.enter);
    expect(calls('transferChat')).toEqual([['c1', 'support-chat', true]]);
  });
});

describe('transfer dialog: search', () => {
  it('filters the chat queues as you type, whatever the case; Enter picks the match under the cursor; Backspace widens again', async () => {
    h = await renderConsole({ view: chatView() });
    h.fake!.answerOnce('listQueues', {
      ok: true,
      queues: ['Support chat', 'Sales chat', 'Billing chat', 'Sales VIP chat'].map((name) => ({
        id: name.toLowerCase().replace(/ /g, '-'), name, media: 'chat' as const, priority: 50, stats: { available: 2, waiting: 0, others: 2 },
      })),
    });
    await h.press(KEY.ctrl('t'));
    expect(h.frame()).toMatch(/Search: ▌[\s\S]*Support chat[\s\S]*Sales chat[\s\S]*Billing chat[\s\S]*Sales VIP chat/);
    await h.type('SAL');
    let f = h.frame();
    expect(f).toMatch(/Search: SAL▌[\s\S]*› Sales chat[\s\S]*Sales VIP chat/);
    expect(f).not.toContain('Support chat');
    expect(f).not.toContain('Billing chat');
    await h.press(KEY.down);
    await h.type('x');
    expect(h.frame()).toContain('No chat queue matches "SALx".');
    await h.press(KEY.backspace, KEY.down, KEY.enter);
    expect(h.frame()).toContain('Transfer this chat to Sales VIP chat?');
    // Typing on the confirm step does not change the search.
    await h.type('q');
    await h.press(KEY.enter);
    expect(calls('transferChat')).toEqual([['c1', 'sales-vip-chat', false]]);
    f = h.frame();
    expect(f).toContain('Chat transferred to Sales VIP chat.');
  });
});

describe('agent-to-agent chat', () => {
  it('opens from Contacts without accept, sends, and counts unread in the status bar', async () => {
    h = await renderConsole({ view: chatView({ agentChats: [{ with: 'dev', messages: [msg('a1', 'agent', 'Got a minute?', { agentId: 'dev' })] }] }) });
    expect(h.frame().split('\n')[0]).toContain('✉ 1 unread');
    await h.press('4', 'j');
    await h.press('m');
    expect(h.frame()).toContain('Chat with Chloé M.');
    await h.type('hi Chloé');
    await h.press(KEY.enter);
    expect(calls('sendAgentChat')).toEqual([['chloe', 'hi Chloé']]);
    await h.press(ALT('3'));
    expect(h.frame()).toContain('Devansh R.: Got a minute?');
    expect(h.frame().split('\n')[0]).not.toContain('unread');
  });
});

describe('colleague chats stay where the agent can see them', () => {
  it('a colleague who writes while nothing is in progress is shown in the pane, not hidden until Alt-1', async () => {
    h = await renderConsole({ view: chatView({ work: [] }) });
    expect(h.frame()).toContain('No interaction in progress');
    h.fake!.setView((v) => ({ ...v, agentChats: [{ with: 'dev', messages: [msg('a1', 'agent', 'Got a minute?', { agentId: 'dev' })] }] }));
    await h.settle();
    expect(h.frame()).toContain('Devansh R.: Got a minute?');
    expect(h.frame().split('\n').at(-1)).toMatch(/Enter Write/);
    await h.press(KEY.enter);
    await h.type('sure');
    await h.press(KEY.enter);
    expect(calls('sendAgentChat')).toEqual([['dev', 'sure']]);
  });

  it('Ctrl-W closes the colleague tab shown, even while writing in it; their next message opens it again', async () => {
    h = await renderConsole({ view: chatView({ agentChats: [{ with: 'dev', messages: [msg('a1', 'agent', 'Got a minute?', { agentId: 'dev' })] }] }) });
    await h.press(ALT('3'), KEY.enter);
    await h.type('one sec');
    expect(h.frame()).toContain('one sec▌');
    await h.press(KEY.ctrl('w'));
    expect(h.frame()).not.toContain('Devansh R.: Got a minute?');
    expect(h.frame()).not.toContain('@ Devansh');
    expect(h.frame()).toContain('Lee: Hello, my invoice is wrong');
    h.fake!.setView((v) => ({ ...v, agentChats: [{ with: 'dev', messages: [...v.agentChats[0]!.messages, msg('a2', 'agent', 'ping', { agentId: 'dev' })] }] }));
    await h.settle();
    expect(h.frame()).toMatch(/@ Devansh/);
    // The draft was kept.
    await h.press(ALT('3'), KEY.enter);
    expect(h.frame()).toContain('one sec▌');
  });
});

describe('with the rest of the console', () => {
  it('Stop New / Resume work while a chat is shown; the palette opens the FAQ; a chat that ends stops the writing', async () => {
    h = await renderConsole({ view: chatView() });
    await h.press('p');
    expect(calls('stopNew')).toHaveLength(1);
    await h.press(':');
    await h.type('faq search');
    await h.press(KEY.enter);
    expect(h.frame()).toMatch(/FAQ[\s\S]*Opening hours/);
    await h.press(KEY.esc);
    await h.press(KEY.enter);
    expect(h.frame()).toContain('Message');
    h.fake!.setView((v) => ({ ...v, work: v.work.filter((w) => w.id !== 'c1') }));
    await h.settle();
    await h.press('?');
    expect(h.frame()).toContain('Keys (1 of');
  });
});

describe('a chat that ends while its message is typed', () => {
  const ending = () => chatView({ work: [chatWork('c1', 'Lee', [], { phase: 'wrapup', wrapUpDeadline: NOW + 30_000 })] });

  it('keeps the field open and says so: the next keys go into it, a stray `a` accepts no offer; Esc closes it', async () => {
    h = await renderConsole({ view: ending() });
    await h.press(KEY.enter);
    await h.type('thanks for');
    // Its wrap-up time runs out; an offer comes.
    h.fake!.setView((v) => ({ ...v, work: [], offer: offer('o2') }));
    await h.settle();
    expect(h.frame().replace(/[│\s]+/g, ' ')).toContain('Chat · Support chat · Lee is over (its wrap-up time ran out): this message was not sent. Esc closes it.');
    await h.type(' waiting a');
    expect(h.fake!.callsOf('accept')).toEqual([]);
    expect(h.fake!.callsOf('sendChat')).toEqual([]);
    expect(h.frame()).toContain('thanks for waiting a▌');
    // The footer says what Esc does here (it said 'Esc Save & leave  Ctrl-S Save').
    expect(h.frame()).toMatch(/Esc Close {2}/);
    expect(h.frame()).not.toMatch(/Save & leave|Ctrl-S Save/);
    await h.press(KEY.esc);
    expect(h.frame()).not.toContain('is over');
    await h.press('a');
    expect(h.fake!.callsOf('accept')).toEqual([['o2']]);
  });

  it('with nothing typed yet, writing just stops', async () => {
    h = await renderConsole({ view: ending() });
    await h.press(KEY.enter);
    h.fake!.setView((v) => ({ ...v, work: [] }));
    await h.settle();
    expect(h.frame()).not.toContain('is over');
    expect(h.frame()).toContain('No interaction in progress.');
  });
});
