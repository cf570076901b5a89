/** Handling and wrap-up: end the customer side, codes, notes, Wrap Up. */
import { findAgent } from '../agents/steps.js';
import { done, type Ctx, type Handler } from '../kernel/module.js';
import { fail } from '../kernel/result.js';
import type { CommandOf } from '../kernel/types.js';
import { firstAnswer } from './hooks.js';
import { MAX_NOTES } from './state.js';
import { endWrapUp, findOwnWork, missingMandatoryLists, startWrapUp, wrapUpDue } from './steps.js';

function ownWork(ctx: Ctx, agentId: string, interactionId: string) {
  const a = findAgent(ctx, agentId);
  return a.ok ? findOwnWork(ctx, a.value, interactionId) : a;
}

export const endInteraction: Handler<CommandOf<'end_interaction'>> = (ctx, cmd) => {
  const found = ownWork(ctx, cmd.agentId, cmd.interactionId);
  if (!found.ok) return found;
  if (found.value.phase !== 'active') return fail('INVALID_STATE', 'This interaction is already in wrap-up.');
  // A call hangs up its legs (a conference host leaves the others talking).
  const handled = firstAnswer(ctx.hooks.agentHangUp, ctx, found.value);
  if (handled) return handled;
  startWrapUp(ctx, found.value, 'agent');
  return done();
};

export const setCodes: Handler<CommandOf<'set_codes'>> = (ctx, cmd) => {
  const found = ownWork(ctx, cmd.agentId, cmd.interactionId);
  if (!found.ok) return found;
  const i = found.value;
  const known = new Set(ctx.tenant.codeListsFor(i.queueId).flatMap((l) => l.codes.map((c) => c.id)));
  const unknown = cmd.codes.filter((c) => !known.has(c));
  if (unknown.length) return fail('VALIDATION', `Not a code of this queue: ${unknown.join(', ')}.`);
  if (new Set(cmd.codes).size !== cmd.codes.length) return fail('VALIDATION', 'A code is listed twice.');
  ctx.emit({ type: 'interaction.codes_set', interactionId: i.id, codes: cmd.codes });
  // Overdue wrap-up was only waiting for these codes.
  if (i.wrapUpOverdue && missingMandatoryLists(ctx, i).length === 0) wrapUpDue(ctx, i);
  return done();
};

export const setNotes: Handler<CommandOf<'set_notes'>> = (ctx, cmd) => {
  const found = ownWork(ctx, cmd.agentId, cmd.interactionId);
  if (!found.ok) return found;
  if (cmd.notes.length > MAX_NOTES) return fail('VALIDATION', `Notes are limited to ${MAX_NOTES} characters.`);
  ctx.emit({ type: 'interaction.notes_set', interactionId: cmd.interactionId, notes: cmd.notes });
  return done();
};

export const wrapUp: Handler<CommandOf<'wrap_up'>> = (ctx, cmd) => {
  const found = ownWork(ctx, cmd.agentId, cmd.interactionId);
  if (!found.ok) return found;
  const i = found.value;
  if (i.phase !== 'wrapup') return fail('INVALID_STATE', 'End the interaction before wrapping up.');
  const missing = missingMandatoryLists(ctx, i);
  if (missing.length) return fail('CODE_REQUIRED', `Choose a code from: ${missing.join(', ')}.`);
  endWrapUp(ctx, i, 'wrapped_up');
  return done();
};

export const wrapUpTimer: Handler<CommandOf<'wrap_up_due'>> = (ctx, cmd) => {
  const i = ctx.state.interactions.get(cmd.interactionId);
  if (!i || i.phase !== 'wrapup' || i.wrapUpOverdue || (i.wrapUpDeadline ?? Infinity) > ctx.now()) return done();
  wrapUpDue(ctx, i);
  return done();
};
