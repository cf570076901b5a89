/**
 * A real browser (Debian's headless Chromium via playwright-core) on the
 * customer page `/chat`, chatting with an agent driven by the EngineClient
 * library: both sides see each other's lines; agent markup renders as
 * <strong>/links while hostile HTML stays text; typing, a dropped socket
 * (nothing lost, nothing doubled), the end; the CSP holds (no violations,
 * the WebSocket is allowed by connect-src 'self').
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/channels/webchat/index.js';
import { until, type Rig } from '../wire/helpers.js';
import { chatRig } from '../wire/webchat-helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`[browser test skipped] ${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);

let browser: Browser | undefined;
let r: Rig | undefined;

beforeAll(async () => {
  if (!haveChromium) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await r?.close();
});

/** Records the page's WebSockets (so the test can drop one) and CSP violations. Runs before the page's own script. */
const INSTRUMENT = `
  window.__sockets = [];
  window.__violations = [];
  const Native = window.WebSocket;
  window.__block = false;
  // While __block is set, new sockets go to a closed port: the page sees a network that is down.
  window.WebSocket = class extends Native {
    constructor(url, ...a) { super(window.__block ? 'ws://127.0.0.1:1/customer' : url, ...a); window.__sockets.push(this); }
  };
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
`;

const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

describe.skipIf(!haveChromium)('web chat page in headless Chromium', () => {
  it('chats with an agent end to end', async () => {
    r = await chatRig();
    const page = await browser!.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.addInitScript(INSTRUMENT);

    const response = await page.goto(`${r.server.httpUrl}/chat`);
    expect(response!.status()).toBe(200);
    expect(response!.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response!.headers()['x-content-type-options']).toBe('nosniff');

    await page.fill('#name', 'Browser Betty');
    await page.fill('#account', 'AC-77');
    await page.click('#start-button');
    await page.locator('#status', { hasText: 'You are in the queue (position 1)' }).waitFor();

    const agent = await r.client('a1');
    await agent.setStatus('available');
    await until(agent, (v) => !!v.offer, 'offer');
    const offer = agent.getView().offer!;
    expect(offer.customer).toMatchObject({ name: 'Browser Betty', account: 'AC-77' });
    await agent.accept(offer.id);
    await page.locator('#agent', { hasText: 'You are chatting with A1' }).waitFor();

    // Customer → agent.
    await page.fill('#text', 'Hello from the browser');
    await page.press('#text', 'Enter');
    await until(agent, (v) => v.work[0]!.chat!.messages.some((m) => m.from === 'customer' && m.text === 'Hello from the browser'), 'customer line at agent');
    await page.locator('li.msg.customer:not(.pending)', { hasText: 'Hello from the browser' }).waitFor();

    // Agent → customer: markup renders, hostile HTML is text.
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await agent.sendChat(offer.id, `**Bold answer** and *more* — see [our hours](https://example.com/hours)\n${hostile}`);
    const line = page.locator('li.msg.agent').last();
    await line.waitFor();
    expect(await line.locator('strong').textContent()).toBe('Bold answer');
    expect(await line.locator('em').textContent()).toBe('more');
    const link = line.locator('a');
    expect(await link.getAttribute('href')).toBe('https://example.com/hours');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await line.textContent()).toContain(hostile);
    expect(await page.locator('#log img, #log script').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await line.locator('.meta').textContent()).toMatch(/^A1 · \d\d:\d\d/);

    // An FAQ answer with the guide's other supported tags, as the console inserts it (faq-html.ts).
    await agent.sendChat(offer.id, '# Water\n\nH~2~O at 10^5^ Pa.\n\n> Drink **enough**.\n\n---\n\n; Hard water\n: Rich in calcium.');
    const rich = page.locator('li.msg.agent').last();
    await rich.locator('dl').waitFor();
    expect(await rich.locator('sub').textContent()).toBe('2');
    expect(await rich.locator('sup').textContent()).toBe('5');
    expect(await rich.locator('blockquote strong').textContent()).toBe('enough');
    expect(await rich.locator('hr').count()).toBe(1);
    expect(await rich.locator('dl > *').allTextContents()).toEqual(['Hard water', 'Rich in calcium.']);
    expect(await rich.locator('dl > dt').count()).toBe(1);

    // Typing indicator.
    agent.setTyping({ interactionId: offer.id }, true);
    await page.locator('#typing', { hasText: 'A1 is typing…' }).waitFor();

    // Drop the socket: the agent talks and the customer types while it is down; nothing is lost or doubled.
    type W = { __sockets: WebSocket[]; __block: boolean };
    await page.evaluate(() => {
      const w = globalThis as unknown as W;
      w.__block = true;
      w.__sockets.at(-1)!.close();
    });
    await agent.sendChat(offer.id, 'Sent while you were away');
    await page.fill('#text', 'Typed while offline');
    await page.press('#text', 'Enter');
    await page.locator('li.msg.customer.pending', { hasText: 'Typed while offline' }).waitFor();
    await page.locator('#status', { hasText: 'reconnecting' }).waitFor();
    expect(await page.locator('li.msg.agent', { hasText: 'Sent while you were away' }).count()).toBe(0);
    await page.evaluate(() => ((globalThis as unknown as W).__block = false));
    await page.locator('li.msg.agent', { hasText: 'Sent while you were away' }).waitFor();
    await page.locator('li.msg.customer:not(.pending)', { hasText: 'Typed while offline' }).waitFor();
    await until(agent, (v) => v.work[0]!.chat!.messages.some((m) => m.text === 'Typed while offline'), 'offline line at agent');
    expect(await page.evaluate(() => (globalThis as unknown as { __sockets: WebSocket[] }).__sockets.length)).toBeGreaterThanOrEqual(2);
    const all = await texts(page, '#log li.msg .body');
    for (const t of ['Hello from the browser', 'Sent while you were away', 'Typed while offline']) expect(all.filter((x) => x === t), t).toHaveLength(1);
    expect(agent.getView().work[0]!.chat!.messages.filter((m) => m.text === 'Typed while offline')).toHaveLength(1);

    // The end.
    await agent.endInteraction(offer.id);
    await page.locator('#ended-text', { hasText: 'The agent ended the chat.' }).waitFor();
    expect(await page.locator('#compose').isHidden()).toBe(true);

    expect(await page.evaluate(() => (globalThis as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 60_000);

  it('FAQ pages render the sanitized answer (tables kept) and run no script', async () => {
    r ??= await chatRig();
    const page = await browser!.newPage();
    await page.addInitScript(INSTRUMENT);
    const response = await page.goto(`${r.server.httpUrl}/faq/fees`);
    expect(response!.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.locator('article table td').textContent()).toBe('5 $');
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.title()).toBe('Fees <script>');
    expect(await page.evaluate(() => (globalThis as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await page.close();
  }, 30_000);
});
