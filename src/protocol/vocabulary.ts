/**
 * The domain vocabulary clients share with the engine: status and media
 * names, and which statuses an agent may pick by hand. Re-exported from the
 * engine's own rulebooks (pure data, no I/O), so a console never keeps a copy
 * that could drift from the status table.
 */
export { MEDIA, MEDIA_LABELS, STATUSES, STATUS_LABELS, canTransition, manualTargets } from '../engine/vocabulary.js';
/** The tools a status turns off (On Break), with the engine's own reason: a console greys them out before the engine refuses. */
export { toolOffReason, type Tool } from '../engine/vocabulary.js';
/** How dates are written; the self view carries the agent's own (profile, else tenant). */
export { DATE_FORMATS, type DateFormat } from '../engine/vocabulary.js';
/** Why a chat cannot reach a colleague who is logged out (the engine refuses it with these words). */
export { loggedOutChatReason } from '../engine/vocabulary.js';
/** Where a rejected or missed offer leaves the agent: a console says it before the agent rejects. */
export { OFFER_OUTCOMES } from '../engine/vocabulary.js';
/** Phone number formats (DOMAIN.md): a console checks a number before dialing with the engine's own rule. */
export { normalizeNumber, NUMBER_FORMATS_HINT } from '../engine/vocabulary.js';
/** Notice priorities and the longest notice: the compose dialog offers exactly what the engine accepts. */
export { NOTICE_PRIORITIES, MAX_NOTICE_TEXT } from '../engine/vocabulary.js';
