/**
 * Work the switch brings in (telephony/bridge.ts and the server's ingress
 * API send these): a customer's call — to the queue of the number they
 * dialed (the tenant's `dialedNumbers`), a queue the IVR chose, or an agent
 * (their direct access number, or named: DAR) — a voicemail left in a
 * queue's mailbox, and a callback request. Each resolves where it goes and
 * refuses, creating nothing, when it goes nowhere.
 */
import { ok, fail, type Result } from '../kernel/result.js';
import type { Ctx, Handler } from '../kernel/module.js';
import type { CommandOf } from '../kernel/types.js';
import type { DialedNumberConfig } from '../tenant/schema.js';
import { numberKey } from '../tenant/tenant.js';
import { arrive, arriveDirect } from '../work/arrivals.js';
import type { CustomerInfo } from '../work/state.js';
import { startCall } from './calls.js';
import type { CallerKeys } from './commands.js';
import { normalizeNumber } from './numbers.js';

type Where = { queueId: string } | { agentId: string };

/** The customer as the switch knows them: the caller ID (E.164 when it is a number), a name, CRM keys. */
function customerOf(from: string, name: string | undefined, crm: CallerKeys | undefined): CustomerInfo {
  const n = normalizeNumber(from);
  return { ...crm, phone: n.ok ? n.value : from.slice(0, 40), ...(name ? { name } : {}) };
}

/** A dialed number's entry; a number nobody configured is refused by name. */
function dialed(ctx: Ctx, to: string): Result<DialedNumberConfig> {
  const entry = ctx.tenant.dialedNumbers.get(numberKey(to));
  return entry ? ok(entry) : fail('NOT_FOUND', `${to} is not one of the tenant's dialed numbers.`);
}

/** Where a call goes: the queue the IVR chose, the queue of the dialed number, or an agent (DAR). */
function routeCall(ctx: Ctx, cmd: CommandOf<'phone_incoming'>): Result<Where> {
  if ([cmd.to, cmd.queueId, cmd.directNumber, cmd.agentId].filter(Boolean).length !== 1)
    return fail('VALIDATION', 'An incoming call goes to one dialed number, queue, direct access number or agent.');
  if (cmd.agentId) return ctx.tenant.agents.has(cmd.agentId) ? ok({ agentId: cmd.agentId }) : fail('NOT_FOUND', `There is no agent "${cmd.agentId}".`);
  const number = cmd.directNumber ?? cmd.to!;
  if (cmd.queueId) return ok({ queueId: cmd.queueId });
  const agentId = ctx.tenant.agentByDialedNumber.get(numberKey(number));
  if (agentId) return ok({ agentId });
  if (cmd.directNumber) return fail('NOT_FOUND', `No agent has the direct access number ${cmd.directNumber}.`);
  const entry = dialed(ctx, number);
  return entry.ok ? ok({ queueId: entry.value.queueId }) : fail('NOT_FOUND', `${number} is neither one of the tenant's dialed numbers nor an agent's direct access number.`);
}

/** The queue of a voicemail or a callback: named, or the one the dialed number sends them to. */
function queueFor(ctx: Ctx, what: 'voicemailQueueId' | 'callbackQueueId', cmd: { to?: string; queueId?: string }): Result<string> {
  if (!cmd.to === !cmd.queueId) return fail('VALIDATION', 'Give the queue, or the number the customer dialed (not both).');
  if (cmd.queueId) return ok(cmd.queueId);
  const entry = dialed(ctx, cmd.to!);
  if (!entry.ok) return entry;
  const queueId = entry.value[what];
  return queueId ? ok(queueId) : fail('NOT_FOUND', `${cmd.to} has no ${what === 'voicemailQueueId' ? 'voicemail' : 'callback'} queue in the tenant's dialedNumbers.`);
}

export const phoneIncoming: Handler<CommandOf<'phone_incoming'>> = (ctx, cmd) => {
  if (!/^[A-Za-z0-9._:@-]{1,64}$/.test(cmd.legId)) return fail('VALIDATION', 'A leg id is 1–64 letters, digits or ._:@-');
  if (ctx.state.phone.legs.has(cmd.legId)) return fail('VALIDATION', `Leg ${cmd.legId} is already on a call.`);
  const where = routeCall(ctx, cmd);
  if (!where.ok) return where;
  const customer = customerOf(cmd.from, cmd.name, cmd.crm);
  if ('queueId' in where.value) {
    const q = ctx.tenant.queues.get(where.value.queueId);
    if (!q || q.media !== 'inbound_phone') return fail('NOT_FOUND', `There is no phone queue "${where.value.queueId}".`);
  }
  const arrived =
    'queueId' in where.value
      ? arrive(ctx, { type: 'arrive', queueId: where.value.queueId, customer })
      : arriveDirect(ctx, { type: 'arrive_direct', agentId: where.value.agentId, customer });
  if (!arrived.ok) return arrived;
  const i = ctx.state.interactions.get(arrived.value.interactionId!)!;
  // A direct call the agent cannot take now goes straight to their voicemail.
  if (i.media === 'voicemail') ctx.emit({ type: 'phone.to_mailbox', interactionId: i.id, legId: cmd.legId, agentId: i.directAgentId });
  else startCall(ctx, i, { customerLegId: cmd.legId, answer: true, state: 'waiting' });
  return ok({ interactionId: i.id });
};

/** A message the switch's voicemail system recorded for a queue: offered like a call, played from `recording`. */
export const phoneVoicemail: Handler<CommandOf<'phone_voicemail'>> = (ctx, cmd) => {
  const queueId = queueFor(ctx, 'voicemailQueueId', cmd);
  if (!queueId.ok) return queueId;
  const q = ctx.tenant.queues.get(queueId.value);
  if (!q || q.media !== 'voicemail') return fail('NOT_FOUND', `There is no voicemail queue "${queueId.value}".`);
  const detail = { recording: cmd.recording, durationSec: cmd.durationSec };
  return arrive(ctx, { type: 'arrive', queueId: q.id, customer: customerOf(cmd.from, cmd.name, cmd.crm), detail });
};

/** A customer asked to be called back: waits in an outbound queue; the agent who accepts it dials them. */
export const phoneCallback: Handler<CommandOf<'phone_callback'>> = (ctx, cmd) => {
  const number = normalizeNumber(cmd.number);
  if (!number.ok) return number;
  const queueId = queueFor(ctx, 'callbackQueueId', cmd);
  if (!queueId.ok) return queueId;
  const q = ctx.tenant.queues.get(queueId.value);
  if (!q || q.media !== 'outbound_phone') return fail('NOT_FOUND', `There is no outbound queue "${queueId.value}" for callbacks.`);
  const detail = { callback: { requestedAt: ctx.now(), ...(cmd.note ? { note: cmd.note } : {}) } };
  return arrive(ctx, { type: 'arrive', queueId: q.id, customer: customerOf(number.value, cmd.name, cmd.crm), detail });
};
