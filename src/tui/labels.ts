// Console wording for statuses and media, and the status menu's choices, all
// derived from the shared vocabulary (src/protocol/vocabulary.ts) so that the
// engine's status table stays the only rulebook.
import { canTransition, manualTargets, MEDIA, STATUSES, type Media, type Status } from '../protocol/index.js';

export { MEDIA_LABELS, STATUS_LABELS } from '../protocol/index.js';
import type { Role } from './theme.js';

export const STATUS_ORDER: readonly Status[] = ['available', 'busy', 'busy_stop_new', 'working_offline', 'on_break', 'logged_out'];

export const statusRole = (s: Status): Role => `status.${s}`;

export const MEDIA_ORDER: readonly Media[] = MEDIA;

/** Statuses an agent picks by hand, per current status: straight from the engine's status table. */
export const MANUAL_TARGETS = Object.fromEntries(STATUSES.map((s) => [s, manualTargets(s)])) as unknown as Record<
  Status,
  readonly Status[]
>;

/** While working, the agent chooses the status to take when the work ends. */
export const AFTER_WORK_TARGETS: readonly Status[] = (['available', 'on_break', 'working_offline'] as const).filter((s) =>
  canTransition('busy', s, 'after_work'),
);

export const isWorking = (s: Status | undefined): boolean => s === 'busy' || s === 'busy_stop_new';
