// Nothing cut at 80×24 (issue 23): messages and dialog lines wrap instead of
// ending in "…", every interaction in progress is listed beside a chat, and
// every counter says what it counts.
import { afterEach, describe, expect, it } from 'vitest';
import { phoneView } from './call/fixtures.js';
import { chatView, chatWork, msg } from './chat/fixtures.js';
import { callFromOlivia, crmView, customerRecord } from './crm/fixtures.js';
import { interaction, makeView } from './helpers/fixtures.js';
import { KEY, renderConsole, waitFor, type ConsoleHarness } from './helpers/render.js';

let h: ConsoleHarness | undefined;
afterEach(() => h?.unmount());

/** The screen's text with line breaks and frame borders taken out, to read a wrapped sentence. */
const prose = (h: ConsoleHarness): string => h.frame().replace(/[│\s]+/g, ' ');
const chat = (id: string, name: string) => interaction(id, { customer: { name }, chat: { conversationId: id, messages: [], customerLeft: false } });

describe('nothing cut at 80×24', () => {
  it('a chat shown lists every interaction in progress above it, and its tab row counts chats in words', async () => {
    h = await renderConsole({ view: makeView({ work: [chat('c1', 'Lee'), chat('c2', 'Max'), chat('c3', 'Ola')] }) });
    const f = h.frame();
    expect(f).toContain('In progress (3)');
    expect(f).toMatch(/› Chat · Support chat · Lee/);
    expect(f).toMatch(/ {2}Chat · Support chat · Max/);
    expect(f).toMatch(/ {2}Chat · Support chat · Ola/);
    expect(f).toContain('3 chats open (max 6)');
    expect(f).not.toMatch(/ 3\/6/);
  });

  it('five chats with unread messages and a colleague: the tab row keeps the shown tab and its counter whole, the unread mark explained', async () => {
    const names = ['Amara Dubois', 'Mei Nguyen', 'Priya Mensah', 'Olivia Cohen', 'Hana Okoye'];
    const work = names.map((n, i) => chatWork(`c${i + 1}`, n, [msg(`m${i}`, 'customer', 'Hi there')]));
    h = await renderConsole({ view: chatView({ work, agentChats: [{ with: 'ben', messages: [msg('a1', 'agent', 'Got a minute?', { agentId: 'ben' })] }] }) });
    // Alt-5: Hana's chat shown; the other four and Benjamin have unread messages.
    await h.press('\x1b5');
    const row = h.frame().split('\n').find((r) => r.includes('[5 '))!;
    expect(row).toBeDefined();
    expect(row).toContain('[5 Hana Okoye]');
    expect(row).toMatch(/5 chats open \(max 6\) · •n unread│$/);
    // Six tabs do not fit in 78 columns: those left out are counted in words, every one either shown or counted.
    const shown = row.match(/[ [][1-5@] [A-Z]/g)!.length;
    const hidden = Number(/\+(\d) more tabs/.exec(row)?.[1] ?? 0);
    expect(shown + hidden).toBe(6);
    expect(row).toMatch(/@ Benj\S*•1/);
    expect(row).not.toMatch(/…│$/);
  });

  it('the status bar says the status after work whole, before the wall clock', async () => {
    const base = makeView();
    const view = makeView({
      self: { ...base.self!, status: 'busy_stop_new', statusAfterWork: 'on_break', afterWork: { status: 'on_break', code: 'lunch' } } as typeof base.self,
      work: [chat('c1', 'Lee')],
    });
    h = await renderConsole({ view });
    const top = h.frame().split('\n')[0]!;
    expect(top).toContain('● Busy (Stop New)');
    expect(top).toMatch(/→ On Break \(Lunch\) (after work|next)/);
    expect(top).not.toContain('…');
    expect(top).toContain('notices 0');
  });

  it('the contacts pane counts colleagues in words, also when a search narrows them', async () => {
    h = await renderConsole({});
    await h.press('4');
    const all = /4 Contacts · (\d+) colleagues/.exec(h.frame());
    expect(all).not.toBeNull();
    await h.press('/');
    await h.type('Benj');
    expect(h.frame()).toMatch(new RegExp(`4 Contacts · 1 of ${all![1]} colleagues`));
    expect(h.frame()).not.toMatch(/· \d+\/\d+/);
  });

  it('an email\'s customer line (its subject) wraps whole, in the offer and once accepted', async () => {
    const customer = { name: 'Zoë Cohen', email: 'zoe.cohen32@example.net', account: 'AC-353408', subject: 'Question about my invoice from last month and the refund I was promised' };
    const email = interaction('e1', { media: 'email', queueName: 'Billing — Email', customer });
    h = await renderConsole({ view: makeView({ offer: { ...email, offerDeadline: Date.now() + 20_000 } }) });
    expect(prose(h)).toContain('Zoë Cohen · zoe.cohen32@example.net · acct AC-353408 · re: Question about my invoice from last month and the refund I was promised');
    h.unmount();
    h = await renderConsole({ view: makeView({ work: [email] }) });
    expect(prose(h)).toContain('re: Question about my invoice from last month and the refund I was promised');
    expect(h.frame()).not.toMatch(/…│/);
  });

  it('the offer banner over another pane says who is offered whole, on the rows it takes', async () => {
    const customer = { name: 'Zoë Cohen', email: 'zoe.cohen32@example.net', account: 'AC-353408', subject: 'Question about my invoice' };
    h = await renderConsole({ view: makeView({ offer: interaction('e1', { phase: 'offered', media: 'email', queueName: 'Billing — Email', customer, offerDeadline: Date.now() + 20_000 }) }) });
    await h.press('3');
    expect(prose(h)).toContain('Email · Billing — Email · Zoë Cohen · zoe.cohen32@example.net · acct AC-353408 · re: Question about my invoice');
    expect(h.frame()).toContain('[3 Queues]');
  });

  it('a chat offer whose customer dropped off says so whole', async () => {
    const offer = chat('c9', 'Lee');
    h = await renderConsole({ view: makeView({ offer: { ...offer, chat: { ...offer.chat!, customerAway: true }, offerDeadline: Date.now() + 20_000 } }) });
    expect(prose(h)).toContain('The customer dropped off; they may come back. Letting this offer run out costs you nothing.');
  });

  it('a call\'s whisper, its notice (a failed transfer) and the phone alert wrap whole', async () => {
    const whisper = 'Support line: verify the account PIN first, then the last four digits of the card on file.';
    const notice = 'The transfer to Benjamin O. failed: he did not answer within 30 seconds. The caller is back with you.';
    const view = phoneView({ call: { whisper, notice: { text: notice, level: 'error', at: Date.now() } } });
    const self = view.self!;
    h = await renderConsole({ view: { ...view, self: { ...self, phone: { ...self.phone!, voiceDropped: 'the SIP registration expired and the retry timed out twice' } } } });
    const text = prose(h);
    expect(text).toContain(`Whisper: ${whisper}`);
    expect(text).toContain(notice);
    expect(text).toContain('Phone connection dropped: the SIP registration expired and the retry timed out twice');
    expect(h.frame()).not.toMatch(/…│/);
  });

  it('a CRM form\'s refusal is said whole above its fields', async () => {
    h = await renderConsole({ view: crmView({ work: [] }) });
    const why = 'Phones: "12" is not a valid phone number. Use a US number such as 5102592675, 15102592675, 1-510-259-2675 or 1(510)259-2675, or + and the country code (e.g. +44 20 7946 0958).';
    h.fake!.refuse('createCustomer', why, 'VALIDATION');
    await h.press('6', 'n');
    await h.type('Lee');
    await h.press(KEY.ctrl('s'));
    await waitFor(() => prose(h!).includes('Phones: "12"'));
    expect(prose(h)).toContain(why);
    expect(h.frame()).toMatch(/› First name {2}Lee/);
  });

  it('writing, where ? is text, the footer ends in F1 more: F1 shows every key and closing it goes back to the draft and the FAQ search as they were', async () => {
    const F1 = '\x1bOP';
    h = await renderConsole({ view: chatView() });
    await h.press(KEY.enter);
    await h.type('Thanks? one moment');
    const footer = (): string => h!.frame().split('\n').at(-1)!;
    expect(footer()).toMatch(/F1 more$/);
    await h.press(F1);
    expect(h.frame()).toContain('Keys (1 of');
    await h.press(KEY.esc);
    await h.press('!');
    expect(h.frame()).toContain('Thanks? one moment!▌');
    await h.press(KEY.ctrl('f'));
    await h.type('hours');
    expect(footer()).toMatch(/F1 more$/);
    await h.press(F1);
    expect(h.frame()).toContain('Keys (1 of');
    await h.press(F1);
    expect(h.frame()).toMatch(/─ FAQ[\s\S]*\/ hours▌/);
  });

  it('the CRM page of a customer says their phones, emails and a possible duplicate whole', async () => {
    const customer = customerRecord({ phones: ['+13375555827', '+13375550199', '+15105550123'], emails: ['olivia@example.com', 'olivia.brown@acme-logistics.example'] });
    h = await renderConsole({ view: crmView({ work: [callFromOlivia()] }), setup: (fake) => fake.answer('crmCustomer', { ok: true, customer }) });
    await h.press('6');
    await waitFor(() => h!.frame().includes('CUS-000001'));
    const text = prose(h);
    expect(text).toContain('☎ +13375555827 · ☎ +13375550199 · ☎ +15105550123 · ✉ olivia@example.com · ✉ olivia.brown@acme-logistics.example · acct AC-864906');
    expect(text).toContain('Possible duplicate: Liv Brown (CUS-000002) — m merges it into this one');
  });

  it('connection trouble: the status bar says reconnecting and the status whole, the message line says why whole', async () => {
    const now = Date.now();
    const base = makeView();
    h = await renderConsole({
      view: makeView({ self: { ...base.self!, status: 'on_break' }, connection: { state: 'reconnecting', attempt: 2, nextAttemptAt: now + 3000, reason: 'connect ECONNREFUSED 127.0.0.1:42957' } }),
      now,
    });
    const top = h.frame().split('\n')[0]!;
    expect(top).toContain('reason? press s');
    expect(top).toContain('reconnecting in 3s');
    expect(top).not.toContain('…');
    expect(prose(h)).toContain('connect ECONNREFUSED 127.0.0.1:42957');
  });

  it('the dial dialog says a bad number\'s rule whole', async () => {
    h = await renderConsole({ view: phoneView({ status: 'working_offline', work: [] }) });
    await h.press('D');
    await h.type('12');
    await h.press(KEY.enter);
    expect(prose(h)).toContain('"12" is not a valid phone number. Use a US number such as 5102592675, 15102592675, 1-510-259-2675 or 1(510)259-2675, or + and the country code (e.g. +44 20 7946 0958).');
    expect(h.frame()).not.toContain('…');
  });

  it('a key conflict in the config is reported whole in the message line', async () => {
    h = await renderConsole({ keyOverrides: { 'queues.media': ['r'], 'contacts.group': ['v'] } });
    const text = prose(h);
    expect(text).toContain('Key bindings:');
    expect(text).toContain('r is bound to both "queues.media" and "queues.relation"; "queues.media" wins');
    expect(text).toContain('v is bound to both "contacts.group" and "contacts.status"; "contacts.group" wins');
    expect(h.frame().split('\n').slice(-4).join('\n')).not.toContain('…');
  });

  it('an engine refusal longer than a line wraps onto the next rows', async () => {
    h = await renderConsole({ view: makeView({ work: [interaction('w1', { phase: 'wrapup', wrapUpDeadline: Date.now() + 30_000 })] }) });
    h.fake!.refuse('wrapUp', 'Choose a code from: Contact reason. Mandatory lists are marked * in the Disposition pane (press d), and wrap-up waits for them.', 'CODE_REQUIRED');
    await h.press('w');
    expect(prose(h)).toContain('Choose a code from: Contact reason. Mandatory lists are marked * in the Disposition pane (press d), and wrap-up waits for them.');
  });
});
