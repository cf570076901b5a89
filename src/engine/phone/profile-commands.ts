/**
 * The agent's phone profile (DOMAIN.md, Phone): connection mode — on-demand
 * (each call rings the workplace phone first) or persistent (one voice
 * connection for the day, authenticated by a 4-digit PIN played when the
 * agent answers, "Retry to connect" after a drop); and the workplace phone
 * or SIP URI, changed only in Working Offline with the permission and
 * validated by a PIN delivered by a call — the old setting stays in force
 * until then. PINs are drawn here and recorded in the event that delivers
 * them (the log is the truth; the wire never carries them).
 */
import { randomInt } from 'node:crypto';
import { hasPermission, PERMISSION_LABELS, type Permission } from '../agents/permissions.js';
import type { AgentState } from '../agents/state.js';
import { findAgent, transition } from '../agents/steps.js';
import { done, type Ctx, type Handler } from '../kernel/module.js';
import { fail, ok, refuseAfter, type Result } from '../kernel/result.js';
import type { CommandOf, CommandOutcome, EngineHooks } from '../kernel/types.js';
import { newLegId, ringDeadline } from './calls.js';
import { legHungUp } from './leg-outcomes.js';
import { normalizeNumber, normalizeSipUri } from './numbers.js';
import { profileOf } from './profile.js';

const newPin = (): string => String(randomInt(0, 10_000)).padStart(4, '0');
const pinDeadline = (ctx: Ctx): number => ctx.now() + ctx.tenant.config.phone.pinValiditySec * 1000;

/**
 * A wrong PIN is refused, but counted (the refusal commits its event): after
 * the tenant's number of attempts the PIN call is cancelled by `giveUp` (`next` says what now), so
 * nobody can try all 10,000 PINs; a new call brings a new PIN.
 */
function wrongPin(ctx: Ctx, agentId: string, call: { legId: string; wrongPins?: number }, next: string, giveUp: () => void): Result<CommandOutcome> {
  const left = ctx.tenant.config.phone.pinAttempts - (call.wrongPins ?? 0) - 1;
  if (left <= 0) {
    giveUp();
    return refuseAfter('VALIDATION', `Wrong PIN too many times: ${next}`);
  }
  ctx.emit({ type: 'phone.pin_rejected', agentId, legId: call.legId });
  return refuseAfter('VALIDATION', `Wrong PIN: enter the 4 digits you heard (${left} ${left === 1 ? 'try' : 'tries'} left).`);
}

/** Profile changes: Working Offline and the permission (DOMAIN.md, Phone). */
function mayChange(ctx: Ctx, agentId: string, permission: Permission): Result<AgentState> {
  const found = findAgent(ctx, agentId);
  if (!found.ok) return found;
  if (!hasPermission(ctx.tenant.agents.get(agentId)!, permission))
    return fail('NOT_PERMITTED', `You do not have the permission to ${PERMISSION_LABELS[permission]}.`);
  if (found.value.status !== 'working_offline') return fail('INVALID_STATE', `Switch to Working Offline to ${PERMISSION_LABELS[permission]}.`);
  return found;
}

export const setMode: Handler<CommandOf<'phone_set_mode'>> = (ctx, cmd) => {
  const found = mayChange(ctx, cmd.agentId, 'changeConnectionMode');
  if (!found.ok) return found;
  const profile = profileOf(ctx.tenant, ctx.state, cmd.agentId);
  if (profile.mode === cmd.mode) return done();
  if (cmd.mode === 'persistent' && !profile.workplace)
    return fail('VALIDATION', 'A persistent connection needs a workplace phone or SIP URI: set and validate one first.');
  ctx.emit({ type: 'phone.mode_set', agentId: cmd.agentId, mode: cmd.mode });
  const voice = ctx.state.phone.agents.get(cmd.agentId)?.voice;
  if (voice) ctx.emit({ type: 'phone.voice_dropped', agentId: cmd.agentId, legId: voice.legId, reason: 'You switched to on-demand.', hangUp: true });
  if (cmd.mode === 'persistent') openVoiceConnection(ctx, cmd.agentId);
  else ctx.emit({ type: 'phone.agent_notice', agentId: cmd.agentId, text: 'Connection mode: on-demand.', level: 'info' });
  return done();
};

/**
 * Persistent mode: the day's voice connection is dialed at login (and when
 * the agent switches to persistent), so the first call finds it open. A
 * no-op in on-demand mode, without a workplace, or with a connection open.
 */
export function openVoiceConnection(ctx: Ctx, agentId: string): void {
  const profile = profileOf(ctx.tenant, ctx.state, agentId);
  if (profile.mode !== 'persistent' || !profile.workplace || ctx.state.phone.agents.get(agentId)?.voice) return;
  ctx.emit({ type: 'phone.voice_dialed', agentId, legId: newLegId(ctx), to: profile.workplace.value, pin: newPin(), deadline: ringDeadline(ctx) });
  const text = `Calling ${profile.workplace.value} for your voice connection: answer it, then enter the PIN you hear.`;
  ctx.emit({ type: 'phone.agent_notice', agentId, text, level: 'info' });
}

/** A persistent voice connection does not outlive the login. */
export const closeVoiceConnection: EngineHooks['loggingOut'] = (ctx, agent) => {
  const voice = ctx.state.phone.agents.get(agent.id)?.voice;
  if (voice) ctx.emit({ type: 'phone.voice_dropped', agentId: agent.id, legId: voice.legId, reason: 'You logged out.', hangUp: true });
};

/** Opens (or re-opens, "Retry to connect") the persistent voice connection. */
export const connectVoice: Handler<CommandOf<'phone_connect_voice'>> = (ctx, cmd) => {
  const found = findAgent(ctx, cmd.agentId);
  if (!found.ok) return found;
  const profile = profileOf(ctx.tenant, ctx.state, cmd.agentId);
  if (profile.mode !== 'persistent') return fail('INVALID_STATE', 'Your connection mode is on-demand: each call rings your phone.');
  if (!profile.workplace) return fail('VALIDATION', 'Set and validate a workplace phone or SIP URI first.');
  const voice = ctx.state.phone.agents.get(cmd.agentId)?.voice;
  if (voice) return fail('INVALID_STATE', voice.state === 'connected' ? 'Your voice connection is already open.' : 'Your phone is being called: answer it.');
  openVoiceConnection(ctx, cmd.agentId);
  return done();
};

export const voicePin: Handler<CommandOf<'phone_voice_pin'>> = (ctx, cmd) => {
  const found = findAgent(ctx, cmd.agentId);
  if (!found.ok) return found;
  const voice = ctx.state.phone.agents.get(cmd.agentId)?.voice;
  if (!voice || voice.state === 'connected') return fail('INVALID_STATE', 'No voice connection is waiting for a PIN.');
  if (voice.state === 'calling') return fail('INVALID_STATE', 'Answer your phone first: the PIN is played when you do.');
  if (cmd.pin.trim() !== voice.pin)
    return wrongPin(ctx, cmd.agentId, voice, 'retry to connect for a new PIN call.', () =>
      voiceDropped(ctx, cmd.agentId, voice.legId, 'Wrong PIN too many times.', true));
  ctx.emit({ type: 'phone.voice_connected', agentId: cmd.agentId, legId: voice.legId });
  ctx.emit({ type: 'phone.agent_notice', agentId: cmd.agentId, text: 'Voice connected: calls are answered over this connection.', level: 'info' });
  readyToWork(ctx, found.value);
  return done();
};

/**
 * The guide's persistent-mode flow: log in (On Break), answer, enter the PIN, "Votre statut passe
 * automatiquement à Disponible". Only from the login's On Break: a break the agent chose, or one
 * an offer caused, stays until they end it (a reconnect during lunch does not end lunch).
 */
function readyToWork(ctx: Ctx, agent: AgentState): void {
  if (agent.status === 'on_break' && agent.statusChange?.cause === 'login' && !agent.offer) transition(ctx, agent, 'available', 'voice_connected');
}

export const changeWorkplace: Handler<CommandOf<'phone_change_workplace'>> = (ctx, cmd) => {
  const found = mayChange(ctx, cmd.agentId, 'changeWorkplacePhone');
  if (!found.ok) return found;
  const value = cmd.kind === 'sip' ? normalizeSipUri(cmd.value) : normalizeNumber(cmd.value);
  if (!value.ok) return value;
  const current = profileOf(ctx.tenant, ctx.state, cmd.agentId).workplace;
  if (current?.kind === cmd.kind && current.value === value.value) return fail('VALIDATION', `${value.value} is already your validated workplace.`);
  const pending = ctx.state.phone.agents.get(cmd.agentId)?.pending;
  if (pending)
    ctx.emit({ type: 'phone.workplace_failed', agentId: cmd.agentId, legId: pending.legId, reason: 'Replaced by a newer change.', hangUp: pending.state === 'calling' });
  const workplace = { kind: cmd.kind, value: value.value };
  ctx.emit({ type: 'phone.workplace_dialed', agentId: cmd.agentId, legId: newLegId(ctx), workplace, pin: newPin(), deadline: ringDeadline(ctx) });
  return done();
};

export const validateWorkplace: Handler<CommandOf<'phone_validate_workplace'>> = (ctx, cmd) => {
  const found = findAgent(ctx, cmd.agentId);
  if (!found.ok) return found;
  const pending = ctx.state.phone.agents.get(cmd.agentId)?.pending;
  if (!pending) return fail('INVALID_STATE', 'No workplace change is waiting for validation.');
  if (pending.state === 'calling') return fail('INVALID_STATE', `Answer the call to ${pending.workplace.value} first: the PIN is played when you do.`);
  if (cmd.pin.trim() !== pending.pin)
    return wrongPin(ctx, cmd.agentId, pending, 'your previous setting stays in force.', () =>
      ctx.emit({ type: 'phone.workplace_failed', agentId: cmd.agentId, legId: pending.legId, reason: 'Wrong PIN too many times: your previous setting stays in force.', hangUp: false }));
  ctx.emit({ type: 'phone.workplace_validated', agentId: cmd.agentId, workplace: pending.workplace });
  const label = pending.workplace.kind === 'sip' ? 'SIP URI' : 'Number';
  ctx.emit({ type: 'phone.agent_notice', agentId: cmd.agentId, text: `${label} validated: ${pending.workplace.value}.`, level: 'info' });
  return done();
};

/** The switch reports on one of the agent's own phone legs (voice connection, PIN call). */
export function agentLegEvent(ctx: Ctx, agentId: string, cmd: CommandOf<'phone_leg_event'>): Result<CommandOutcome> {
  const p = ctx.state.phone.agents.get(agentId);
  const ended = cmd.event === 'busy' || cmd.event === 'no_answer' || cmd.event === 'failed' || cmd.event === 'hung_up';
  if (p?.voice?.legId === cmd.legId) {
    const voice = p.voice;
    if (cmd.event === 'answered' && voice.state === 'calling')
      ctx.emit({ type: 'phone.voice_answered', agentId, legId: voice.legId, pin: voice.pin, deadline: pinDeadline(ctx) });
    else if (ended) voiceDropped(ctx, agentId, voice.legId, voice.state === 'calling' ? `Your phone did not connect (${cmd.event.replace('_', ' ')}).` : 'Your phone hung up.', false);
    return ok({});
  }
  if (p?.pending?.legId === cmd.legId) {
    const pending = p.pending;
    if (cmd.event === 'answered' && pending.state === 'calling')
      ctx.emit({ type: 'phone.workplace_answered', agentId, legId: pending.legId, pin: pending.pin, deadline: pinDeadline(ctx) });
    else if (ended && pending.state === 'calling')
      ctx.emit({ type: 'phone.workplace_failed', agentId, legId: pending.legId, reason: `Validation call to ${pending.workplace.value} failed (${cmd.event.replace('_', ' ')}): your previous setting stays in force.`, hangUp: false });
    return ok({});
  }
  return ok({});
}

/** The voice connection is gone; a call it carried loses this agent. */
function voiceDropped(ctx: Ctx, agentId: string, legId: string, reason: string, hangUp: boolean): void {
  ctx.emit({ type: 'phone.voice_dropped', agentId, legId, reason, hangUp });
  for (const id of ctx.state.agents.get(agentId)?.work ?? []) {
    const callId = ctx.state.phone.links.get(id)?.callId;
    const call = callId ? ctx.state.phone.calls.get(callId) : undefined;
    const leg = call?.legs.find((l) => l.id === legId && l.session);
    // The voice_dropped event already ends the leg on the switch.
    if (call && leg) legHungUp(ctx, call, leg, true);
  }
}

export const agentTimeout: Handler<CommandOf<'phone_agent_timeout'>> = (ctx, cmd) => {
  const p = ctx.state.phone.agents.get(cmd.agentId);
  const now = ctx.now();
  if (p?.voice?.deadline !== undefined && p.voice.deadline <= now)
    voiceDropped(ctx, cmd.agentId, p.voice.legId, p.voice.state === 'calling' ? 'Your phone did not answer.' : 'The PIN was not entered in time.', true);
  const pending = p?.pending;
  if (pending && pending.deadline <= now)
    ctx.emit({
      type: 'phone.workplace_failed',
      agentId: cmd.agentId,
      legId: pending.legId,
      reason: pending.state === 'calling' ? `Nobody answered ${pending.workplace.value}: your previous setting stays in force.` : 'The PIN expired: your previous setting stays in force.',
      hangUp: pending.state === 'calling',
    });
  return done();
};
