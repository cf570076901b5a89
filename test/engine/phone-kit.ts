/** A phone tenant, an engine with the simulated switch attached, and helpers for call tests. */
import { expect } from 'vitest';
import {
  attachTelephony,
  SimulatedSwitch,
  VirtualClock,
  type CallView,
  type EngineEvent,
  type EngineEventType,
  type Result,
  type TelephonyBridge,
} from '../../src/engine/index.js';
import { agent, baseTenant, harness, type Harness } from './harness.js';

export const CALLER = '+15105551234';

/**
 * a1: console endpoint (answers at once), recording start+pause, both profile permissions, recordings, email.
 * a2: console endpoint, recording start only. a3: no recording permission, on-demand workplace phone.
 * a4: direct access number. a5: a workplace phone that never answers. a6: Working-Offline colleague (group g1).
 */
export function phoneTenant(extra: Record<string, unknown> = {}): unknown {
  return baseTenant({
    agents: [
      agent('a1', {
        email: 'a1@example.com',
        permissions: { rejectOffers: true, recording: 'start_pause', changeWorkplacePhone: true, changeConnectionMode: true },
        phone: { recordings: [{ id: 'greet', name: 'Greeting' }, { id: 'promo', name: 'Spring promo' }] },
      }),
      agent('a2', { permissions: { recording: 'start', transferToUnstaffedQueues: true } }),
      agent('a3', { phone: { workplacePhone: '510-555-0103' }, permissions: { changeWorkplacePhone: true, changeConnectionMode: true } }),
      agent('a4', { directAccessNumber: '5105550104', email: 'a4@example.com' }),
      agent('a5', { phone: { workplacePhone: '+1 510 555 9999' } }),
      agent('a6', { permissions: { rejectOffers: true } }),
    ],
    queues: [
      { id: 'phone', name: 'Support', media: 'inbound_phone', acceptTimeoutSec: 20, wrapUpSec: 30, agents: ['a1', 'a2', 'a3', 'a5'], whisper: 'Support line' },
      { id: 'sales', name: 'Sales', media: 'inbound_phone', acceptTimeoutSec: 20, wrapUpSec: 30, agents: ['a4', 'a6'], whisper: 'Sales line' },
      { id: 'empty', name: 'Nobody', media: 'inbound_phone', agents: [] },
      { id: 'vm', name: 'Voicemail', media: 'voicemail', acceptTimeoutSec: 20, wrapUpSec: 30, agents: ['a1', 'a2'] },
      { id: 'out', name: 'Outbound', media: 'outbound_phone', wrapUpSec: 30, agents: ['a1', 'a2', 'a3'] },
      { id: 'chat', name: 'Chat', media: 'chat', agents: ['a1'] },
    ],
    outboundCodes: [
      { id: 'followup', label: 'Follow-up' },
      { id: 'campaign', label: 'Campaign' },
    ],
    directRouting: { acceptTimeoutSec: 15, wrapUpSec: 3600, codeLists: [] },
    phone: { ringTimeoutSec: 30, pinValiditySec: 120, pinAttempts: 3 },
    ...extra,
  });
}

export interface PhoneHarness extends Harness {
  sw: SimulatedSwitch;
  bridge: TelephonyBridge;
  /** A caller dials a queue; returns their leg and the interaction. */
  incoming(queueId?: string, from?: string): { legId: string; id: string };
  /** A caller reaches `agentId` through `queueId` and the agent accepts; the call is connected. */
  connected(agentId: string, queueId?: string): { legId: string; id: string };
  call(interactionId: string): CallView;
  code(r: Result<unknown>): string;
  ofType<T extends EngineEventType>(type: T): Extract<EngineEvent, { type: T }>[];
  /** The text of the last notice on an interaction. */
  notice(interactionId: string): string | undefined;
}

export function phoneHarness(tenant: unknown = phoneTenant(), dbFile = ':memory:', clock = new VirtualClock()): PhoneHarness {
  const h = harness(tenant, dbFile, clock) as PhoneHarness;
  h.sw = new SimulatedSwitch(h.clock);
  h.bridge = attachTelephony(h.engine, h.sw);
  h.incoming = (queueId = 'phone', from = CALLER) => {
    const before = h.events.length;
    const legId = h.sw.incomingCall({ from, queueId, name: 'Lee' });
    const arrived = h.events.slice(before).find((e) => e.type === 'interaction.arrived');
    if (!arrived || arrived.type !== 'interaction.arrived') throw new Error(`incoming call on ${legId} made no interaction`);
    return { legId, id: arrived.interactionId };
  };
  h.connected = (agentId, queueId = 'phone') => {
    const c = h.incoming(queueId);
    expect(h.offerOf(agentId)).toBe(c.id);
    h.ok({ type: 'accept', agentId, interactionId: c.id });
    expect(h.call(c.id).state).toBe('connected');
    return c;
  };
  h.call = (id) => {
    const v = h.engine.queries.interaction(id)?.call;
    if (!v) throw new Error(`${id} has no call view`);
    return v;
  };
  h.code = (r) => (r.ok ? 'ok' : r.error.code);
  h.ofType = <T extends EngineEventType>(type: T) => h.events.filter((e): e is Extract<EngineEvent, { type: T }> => e.type === type);
  h.notice = (id) => h.engine.queries.interaction(id)?.call?.notice?.text;
  return h;
}

/** The switch requests of one op, in order. */
export function requests<T extends SimulatedSwitch['requests'][number]['op']>(sw: SimulatedSwitch, op: T) {
  return sw.requests.filter((r): r is Extract<SimulatedSwitch['requests'][number], { op: T }> => r.op === op);
}

/** a3 (workplace phone 510-555-0103) goes persistent and opens the voice connection with the PIN it hears. */
export function persistentA3(h: PhoneHarness): void {
  h.ok({ type: 'login', agentId: 'a3' });
  h.ok({ type: 'set_status', agentId: 'a3', status: 'working_offline' });
  h.ok({ type: 'phone_set_mode', agentId: 'a3', mode: 'persistent' }); // dials the voice connection at once
  h.seconds(3);
  h.ok({ type: 'phone_voice_pin', agentId: 'a3', pin: h.sw.lastPinTo('+15105550103')! });
  expect(h.engine.queries.self('a3')!.phone!.voice).toBe('connected');
}
