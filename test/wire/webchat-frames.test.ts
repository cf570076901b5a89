/**
 * The customer endpoint under bad input: typed errors for every kind of bad
 * frame, the 5,000-character limit, empty lines, lines to a closed chat, a
 * flooding customer slowed down without touching another, garbage cut off,
 * the frame size cap, foreign origins refused. Plus the pages' headers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CHAT_MESSAGE } from '../../src/engine/index.js';
import { CUSTOMER_MAX_BAD_FRAMES, CUSTOMER_MAX_FRAME } from '../../src/protocol/customer-chat.js';
import { CONTENT_SECURITY_POLICY } from '../../src/server/channels/webchat/index.js';
import type { Rig } from './helpers.js';
import { chatRig, RawCustomer } from './webchat-helpers.js';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

describe('customer frames', () => {
  it('every kind of bad frame gets a typed error and the socket lives on', async () => {
    r = await chatRig();
    let c = await RawCustomer.open(r);
    const cases: { frame: unknown; code: string; field?: string }[] = [
      { frame: Buffer.from([1, 2, 3]), code: 'BINARY' },
      { frame: '{"type":', code: 'NOT_JSON' },
      { frame: '[1,2]', code: 'BAD_FRAME' },
      { frame: 'null', code: 'BAD_FRAME' },
      { frame: { type: 'launch' }, code: 'UNKNOWN_TYPE' },
      { frame: { type: '__proto__' }, code: 'UNKNOWN_TYPE' },
      { frame: { type: 'start' }, code: 'BAD_FRAME', field: 'name' },
      { frame: { type: 'start', name: '   ' }, code: 'BAD_FRAME', field: 'name' },
      { frame: { type: 'start', name: 'x'.repeat(81) }, code: 'BAD_FRAME', field: 'name' },
      { frame: { type: 'start', name: 'Lee', account: 42 }, code: 'BAD_FRAME', field: 'account' },
      { frame: { type: 'start', name: 'Lee', queue: 'phone' }, code: 'NO_QUEUE', field: 'queue' },
      { frame: { type: 'message', text: 'hi', clientId: 'ok-1' }, code: 'NOT_STARTED' },
      { frame: { type: 'message', text: 'hi' }, code: 'BAD_FRAME', field: 'clientId' },
    ];
    for (const [n, k] of cases.entries()) {
      // Stay under the bad-frame budget (tested below) with a fresh socket now and then.
      if (n === CUSTOMER_MAX_BAD_FRAMES - 1) (c.close(), (c = await RawCustomer.open(r)));
      const e = await c.request(k.frame, 'error');
      expect({ frame: k.frame, code: e.code }).toEqual({ frame: k.frame, code: k.code });
      if (k.field) expect(e.field).toBe(k.field);
      expect(e.message.length).toBeGreaterThan(0);
    }
    // Still usable: the same socket starts a chat.
    const joined = await c.start('Still here');
    expect(joined.queue).toEqual({ id: 'chat', name: 'Chat' });
    c.close();
  });

  it('5,000 characters pass, 5,001 get TOO_LONG, blank lines get EMPTY, lines to a closed chat get CHAT_ENDED', async () => {
    r = await chatRig();
    const c = await RawCustomer.open(r);
    await c.start();
    const ok = await c.request({ type: 'message', text: 'x'.repeat(MAX_CHAT_MESSAGE), clientId: 'max' }, 'ack');
    expect(ok.clientId).toBe('max');
    expect(await c.request({ type: 'message', text: 'x'.repeat(MAX_CHAT_MESSAGE + 1), clientId: 'long' }, 'error')).toMatchObject({ code: 'TOO_LONG', clientId: 'long' });
    expect(await c.request({ type: 'message', text: ' \n\t ', clientId: 'blank' }, 'error')).toMatchObject({ code: 'EMPTY', clientId: 'blank' });
    expect(await c.request({ type: 'message', text: '', clientId: 'empty' }, 'error')).toMatchObject({ code: 'EMPTY' });
    await c.request({ type: 'leave' }, 'ended');
    expect(await c.request({ type: 'message', text: 'hello?', clientId: 'late' }, 'error')).toMatchObject({ code: 'CHAT_ENDED', clientId: 'late' });
    expect(await c.request({ type: 'start', name: 'Again' }, 'error')).toMatchObject({ code: 'ALREADY_STARTED' });
    c.close();
  });

  it('a flooding customer is rate-limited; another customer is not affected', async () => {
    r = await chatRig({ messageRate: { perSecond: 2, burst: 5 } });
    const flooder = await RawCustomer.open(r);
    await flooder.start('Flood');
    const calm = await RawCustomer.open(r);
    await calm.start('Calm');
    const from = flooder.frames.length;
    for (let i = 0; i < 40; i++) flooder.send({ type: 'message', text: `spam ${i}`, clientId: `f${i}` });
    const ack = await calm.request({ type: 'message', text: 'just one question', clientId: 'q1' }, 'ack');
    expect(ack.clientId).toBe('q1');
    await flooder.next('error', (f) => f.clientId === 'f39', from);
    const replies = flooder.frames.slice(from).filter((f) => f.type === 'ack' || f.type === 'error');
    const limited = replies.filter((f) => f.type === 'error' && f.code === 'RATE_LIMITED');
    expect(replies.filter((f) => f.type === 'ack').length).toBeLessThanOrEqual(6);
    expect(limited.length).toBeGreaterThanOrEqual(34);
    expect(limited.every((f) => f.type === 'error' && f.retryAfterMs! > 0)).toBe(true);
    expect(calm.frames.some((f) => f.type === 'error')).toBe(false);
    // Rate-limited lines are not "bad": the flooder is slowed down, not disconnected.
    expect(flooder.closed).toBeUndefined();
    flooder.close();
    calm.close();
  });

  it(`garbage beyond ${CUSTOMER_MAX_BAD_FRAMES} frames a minute closes the socket (4003); a bystander stays`, async () => {
    r = await chatRig();
    const bystander = await RawCustomer.open(r);
    await bystander.start('Bystander');
    const c = await RawCustomer.open(r);
    for (let i = 0; i <= CUSTOMER_MAX_BAD_FRAMES; i++) c.send('garbage');
    expect((await c.whenClosed()).code).toBe(4003);
    expect(await bystander.request({ type: 'message', text: 'fine', clientId: 'b1' }, 'ack')).toBeTruthy();
    bystander.close();
  });

  it('a frame over the size cap closes the socket (1009) without harming the server', async () => {
    r = await chatRig();
    const c = await RawCustomer.open(r);
    c.send(JSON.stringify({ type: 'message', text: 'x'.repeat(CUSTOMER_MAX_FRAME), clientId: 'big' }));
    expect((await c.whenClosed()).code).toBe(1009);
    const d = await RawCustomer.open(r);
    expect((await d.start()).token.length).toBeGreaterThan(20);
    d.close();
  });

  it('unknown resume tokens are refused; a browser from another origin cannot open the socket', async () => {
    r = await chatRig();
    const c = await RawCustomer.open(r);
    expect(await c.request({ type: 'resume', token: 'x'.repeat(32) }, 'error')).toMatchObject({ code: 'UNKNOWN_TOKEN' });
    c.close();
    await expect(RawCustomer.open(r, { origin: 'https://evil.example' })).rejects.toThrow(/403/);
    const same = await RawCustomer.open(r, { origin: r.server.httpUrl });
    same.close();
  });
});

describe('pages', () => {
  it('the chat page, its script and FAQ pages carry a strict CSP and nosniff; FAQ HTML is sanitized', async () => {
    r = await chatRig();
    const base = r.server.httpUrl;
    for (const [path, type] of [['/chat', 'text/html'], ['/chat.js', 'text/javascript'], ['/chat-render.js', 'text/javascript'], ['/chat.css', 'text/css'], ['/faq/hours', 'text/html']] as const) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    const html = await (await fetch(base + '/chat')).text();
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]|\son[a-z]+=|style=/i);

    const fees = await (await fetch(base + '/faq/fees')).text();
    expect(fees).toContain('<table><tr><th>Plan</th><td>5 $</td></tr></table>');
    expect(fees).toContain('<title>Fees &#60;script&#62;</title>');
    expect(fees).not.toMatch(/<script|onclick|onerror|javascript:/i);
    expect((await fetch(base + '/faq/nope')).status).toBe(404);
    expect((await fetch(base + '/chat', { method: 'POST' })).status).toBe(405);
  });
});
