/**
 * Web chat resume keys: a chat arrival may carry the hash of the customer's
 * resume token, kept on the conversation so the customer can come back after
 * a restart. Checked before anything of the arrival is emitted.
 */
import type { Ctx } from '../kernel/module.js';
import { fail, ok, type Result } from '../kernel/result.js';
import type { EngineHooks } from '../kernel/types.js';

/** A resume key is a hash in base64url (SHA-256: 43 characters), never a customer's token. */
const RESUME_KEY = /^[A-Za-z0-9_-]{32,128}$/;

/** Checks a chat arrival's resume key before anything is emitted: well-formed and not already in use. */
function checkResumeKey(ctx: Ctx, resumeKey: string): Result<string> {
  if (typeof resumeKey !== 'string' || !RESUME_KEY.test(resumeKey)) return fail('VALIDATION', 'resumeKey: a hash in base64url (32–128 characters).');
  for (const c of ctx.state.conversations.values()) if (c.resumeKey === resumeKey) return fail('VALIDATION', 'resumeKey: already in use.');
  return ok(resumeKey);
}

export const checkArrival: EngineHooks['checkArrival'] = (ctx, cmd, queue) => {
  if (cmd.resumeKey === undefined) return undefined;
  if (queue.media !== 'chat') return fail('VALIDATION', 'resumeKey: only chats can be resumed.');
  return checkResumeKey(ctx, cmd.resumeKey);
};

/** Records the resume key on the conversation the arrival just opened (named after its first interaction). */
export const arrived: EngineHooks['arrived'] = (ctx, interactionId, cmd) => {
  if (cmd.resumeKey !== undefined)
    ctx.emit({ type: 'chat.resume_key_set', interactionId, conversationId: interactionId, resumeKey: cmd.resumeKey });
};
