/**
 * The engine's vocabulary that clients share: the statuses and media, the
 * status table's questions, labels, limits, notice priorities and the phone
 * number rule. Plain data and pure functions from the rulebooks that own
 * them: importing this loads no engine state, no store and no schema library,
 * so a console (through src/protocol) gets the engine's own rules, never a
 * copy that could drift, and nothing else of the engine.
 */
export { STATUSES, type Status } from './agents/statuses.js';
export { MEDIA, type Media } from './work/media.js';
export { canTransition, manualTargets, toolOffReason, type Tool } from './agents/transitions.js';
export { OFFER_OUTCOMES } from './work/offer-outcomes.js';
export { STATUS_LABELS, MEDIA_LABELS } from './agents/labels.js';
export { DATE_FORMATS, type DateFormat } from './agents/date-formats.js';
export { MAX_NOTES } from './work/state.js';
export { MAX_CHAT_MESSAGE, loggedOutChatReason } from './chat/state.js';
export { NOTICE_PRIORITIES, MAX_NOTICE_TEXT, type NoticePriority } from './notices/state.js';
export { normalizeNumber, NUMBER_FORMATS_HINT } from './phone/numbers.js';
export { CASE_STATUSES, FOLLOW_UP_CHANNELS, FOLLOW_UP_DIRECTIONS } from './crm/records.js';
export { MAX_IMPORT_ROWS } from './crm/commands.js';
