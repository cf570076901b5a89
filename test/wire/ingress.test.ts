/**
 * The ingress API (docs/ingress.md) on real sockets: work from a switch — calls by dialed number,
 * DAR, voicemails, callbacks, leg events — with keys and scopes, idempotency keys, rate limits,
 * size caps and typed refusals that create nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiKeyEntry } from '../../src/server/api-keys.js';
import { newApiKey } from '../../src/server/api-keys.js';
import type { ServerOptions } from '../../src/server/index.js';
import { rig, until, wireTenant, type Rig } from './helpers.js';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const work = newApiKey();
const notices = newApiKey();
const KEYS: ApiKeyEntry[] = [
  { id: 'pbx', hash: work.hash, scopes: ['create-work'] },
  { id: 'ops', hash: notices.hash, scopes: ['notices'] },
];
const SUPPORT = '+18005550100';

async function ingressRig(options: Partial<ServerOptions> = {}, keys: ApiKeyEntry[] = KEYS): Promise<Rig> {
  const tenant = (await wireTenant()) as { queues: unknown[] } & Record<string, unknown>;
  return rig(options, {
    ...tenant,
    queues: [
      ...tenant.queues,
      { id: 'vm', name: 'Voicemail', media: 'voicemail', agents: ['a1', 'a2'] },
      { id: 'out', name: 'Callbacks', media: 'outbound_phone', agents: ['a1', 'a2'] },
    ],
    dialedNumbers: [{ number: '1-800-555-0100', queueId: 'phone', voicemailQueueId: 'vm', callbackQueueId: 'out' }],
    apiKeys: keys,
  });
}

function post(path: string, body: unknown, headers: Record<string, string> = {}, key = work.key): Promise<Response> {
  return fetch(`${r!.server.httpUrl}/api/v1${path}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
  });
}

async function json(res: Response): Promise<{ ok: boolean; interactionId?: string; legId?: string; error?: { code: string; message: string } }> {
  return (await res.json()) as never;
}

const interactions = () => r!.engine.queries.unsafeState().interactions.size;

describe('the ingress API', () => {
  it('an inbound call to a dialed number is offered to an agent; the switch reports DTMF, the far end’s hold, the hang-up', async () => {
    r = await ingressRig();
    const a1 = await r.client('a1');
    await a1.setStatus('available');
    const res = await post('/calls', { from: '510 555 1234', to: SUPPORT, name: 'Lee', crm: { account: 'AC-9' } });
    expect(res.status).toBe(201);
    const created = await json(res);
    expect(created).toMatchObject({ ok: true, interactionId: expect.stringMatching(/^IX-/), legId: expect.stringMatching(/^api-/) });
    const offered = await until(a1, (v) => v.offer?.id === created.interactionId, 'the offer');
    expect(offered.offer).toMatchObject({ queueId: 'phone', customer: { phone: '+15105551234', name: 'Lee', account: 'AC-9' } });
    await a1.accept(created.interactionId!);
    const events = (body: unknown) => post(`/legs/${created.legId}/events`, body);
    expect((await events({ type: 'dtmf', digits: '42#' })).status).toBe(200);
    expect((await events({ type: 'held' })).status).toBe(200);
    const held = await until(a1, (v) => !!v.work[0]?.call?.participants.some((p) => p.farHeld), 'the caller’s hold');
    expect(held.work[0]!.call!.dtmf).toBe('42#');
    expect((await events({ type: 'hung_up' })).status).toBe(200);
    await until(a1, (v) => v.work[0]?.phase === 'wrapup', 'wrap-up after the caller hung up');
    // The leg is gone: another report about it is refused.
    expect((await json(await events({ type: 'hung_up' }))).error?.code).toBe('NOT_FOUND');
  });

  it('a DAR call for a named agent, a voicemail and a callback request', async () => {
    r = await ingressRig();
    const a1 = await r.client('a1');
    await a1.setStatus('available');
    const dar = await json(await post('/calls', { from: '+15105551234', agentId: 'a2' }));
    expect(r.engine.queries.interaction(dar.interactionId!)).toMatchObject({ direct: true, media: 'voicemail' }); // a2 is logged out
    const vm = await post('/voicemails', { from: '+15105551234', to: SUPPORT, durationSec: 31, recording: 'https://pbx.example/vm/1.wav' });
    expect(vm.status).toBe(201);
    const offered = await until(a1, (v) => v.offer?.media === 'voicemail', 'the voicemail offer');
    expect(offered.offer).toMatchObject({ queueId: 'vm', id: (await json(vm)).interactionId });
    const cb = await json(await post('/callbacks', { number: '510-555-7777', queueId: 'out', note: 'after 5pm' }));
    expect(r.engine.queries.interaction(cb.interactionId!)).toMatchObject({ media: 'outbound_phone', queueId: 'out', customer: { phone: '+15105557777' } });
  });

  it('a retry with the same Idempotency-Key creates one call, even when the retries overlap', async () => {
    r = await ingressRig();
    const body = { from: '+15105551234', to: SUPPORT };
    const headers = { 'idempotency-key': 'pbx-call-77' };
    const answers = await Promise.all([post('/calls', body, headers), post('/calls', body, headers)]);
    const again = await post('/calls', body, headers);
    const ids = await Promise.all([...answers, again].map(async (a) => ({ status: a.status, ...(await json(a)) })));
    expect(new Set(ids.map((a) => a.interactionId)).size).toBe(1);
    expect(new Set(ids.map((a) => a.legId)).size).toBe(1);
    expect(ids.every((a) => a.status === 201)).toBe(true);
    expect(interactions()).toBe(1);
    // The same key for another request is refused rather than answered with the first one's result.
    const other = await post('/calls', { ...body, from: '+15105559876' }, headers);
    expect(other.status).toBe(409);
    expect((await json(other)).error?.code).toBe('IDEMPOTENCY_CONFLICT');
    // Another key is another call.
    expect((await post('/calls', body, { 'idempotency-key': 'pbx-call-78' })).status).toBe(201);
    expect(interactions()).toBe(2);
  });

  it('wrong, missing, revoked or out-of-scope keys are refused and create nothing', async () => {
    let keys = KEYS;
    r = await ingressRig({ api: { keys: () => keys } });
    const call = { from: '+15105551234', to: SUPPORT };
    const refusals: [Promise<Response>, number, string][] = [
      [post('/calls', call, {}, newApiKey().key), 401, 'AUTH_FAILED'],
      [post('/calls', call, { authorization: '' }), 401, 'AUTH_FAILED'],
      [post('/calls', call, {}, notices.key), 403, 'NOT_PERMITTED'],
      [post('/notices', { text: 'x' }, {}, work.key), 403, 'NOT_PERMITTED'],
    ];
    for (const [response, status, code] of refusals) {
      const res = await response;
      expect([res.status, (await json(res)).error?.code]).toEqual([status, code]);
    }
    expect((await post('/calls', call)).status).toBe(201);
    keys = KEYS.map((k) => (k.id === 'pbx' ? { ...k, revokedAt: new Date().toISOString() } : k));
    const revoked = await post('/calls', call);
    expect([revoked.status, (await json(revoked)).error?.code]).toEqual([401, 'AUTH_FAILED']);
    expect(interactions()).toBe(1);
  });

  it('malformed, oversize and wrongly addressed bodies get a typed error and create nothing', async () => {
    r = await ingressRig();
    const cases: [Promise<Response>, number, string][] = [
      [post('/calls', '{"from":'), 400, 'NOT_JSON'],
      [post('/calls', { from: '+15105551234' }), 400, 'VALIDATION'], // nowhere to go (the engine says so)
      [post('/calls', { from: '+15105551234', to: SUPPORT, form: 'typo' }), 400, 'BAD_REQUEST'],
      [post('/calls', { from: 42, to: SUPPORT }), 400, 'BAD_REQUEST'],
      [post('/calls', { from: '+15105551234', to: '+18005559999' }), 404, 'NOT_FOUND'],
      [post('/calls', { from: '+15105551234', queueId: 'chat' }), 404, 'NOT_FOUND'],
      [post('/calls', { from: '+15105551234', agentId: 'nobody' }), 404, 'NOT_FOUND'],
      [post('/calls', { from: '+15105551234', to: SUPPORT, legId: 'bad leg!' }), 400, 'BAD_REQUEST'],
      [post('/voicemails', { from: '+15105551234', queueId: 'phone', durationSec: 3, recording: 'x' }), 404, 'NOT_FOUND'],
      [post('/voicemails', { from: '+15105551234', to: SUPPORT, durationSec: -1, recording: 'x' }), 400, 'BAD_REQUEST'],
      [post('/callbacks', { number: 'call me', to: SUPPORT }), 400, 'VALIDATION'],
      [post('/legs/nope/events', { type: 'hung_up' }), 404, 'NOT_FOUND'],
      [post('/legs/nope/events', { type: 'dtmf', digits: 'abc' }), 400, 'BAD_REQUEST'],
      [post('/calls', { from: '+15105551234', to: SUPPORT, name: 'x'.repeat(20_000) }), 413, 'TOO_LARGE'],
      [post('/calls', 'from=1', { 'content-type': 'text/plain' }), 415, 'BAD_REQUEST'],
      [post('/calls', { from: '+15105551234', to: SUPPORT }, { 'idempotency-key': 'has spaces' }), 400, 'BAD_REQUEST'],
      [fetch(`${r.server.httpUrl}/api/v1/calls`, { headers: { authorization: `Bearer ${work.key}` } }), 405, 'BAD_REQUEST'],
    ];
    for (const [response, status, code] of cases) {
      const res = await response;
      expect([res.status, (await json(res)).error?.code]).toEqual([status, code]);
    }
    expect(interactions()).toBe(0);
    expect(r.engine.queries.unsafeState().phone.legs.size).toBe(0);
  });

  it('each key is rate-limited on its own (429 with Retry-After), and nothing refused is created', async () => {
    r = await ingressRig({ api: { rate: { perSecond: 0.001, burst: 3 } } });
    const statuses: number[] = [];
    for (let n = 0; n < 5; n++) statuses.push((await post('/calls', { from: '+15105551234', to: SUPPORT })).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const limited = await post('/calls', { from: '+15105551234', to: SUPPORT });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(interactions()).toBe(3);
    // Another key has its own budget.
    expect((await post('/notices', { text: 'Still up' }, {}, notices.key)).status).toBe(201);
  });
});
