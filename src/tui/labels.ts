// Console wording for statuses and media, and the status menu's choices.
// The engine's tables are the authority (it refuses anything illegal and the
// console shows its error); these copies exist because the console may not
// import engine code, only its types.
import type { Media, Status } from '../protocol/index.js';
import type { Role } from './theme.js';

export const STATUS_LABELS: Record<Status, string> = {
  logged_out: 'Logged Out',
  on_break: 'On Break',
  available: 'Available',
  busy: 'Busy',
  busy_stop_new: 'Busy (Stop New)',
  working_offline: 'Working Offline',
};

export const STATUS_ORDER: readonly Status[] = ['available', 'busy', 'busy_stop_new', 'working_offline', 'on_break', 'logged_out'];

export const statusRole = (s: Status): Role => `status.${s}`;

export const MEDIA_LABELS: Record<Media, string> = {
  inbound_phone: 'Inbound call',
  outbound_phone: 'Outbound call',
  chat: 'Chat',
  email: 'Email',
  voicemail: 'Voicemail',
};

export const MEDIA_ORDER: readonly Media[] = ['inbound_phone', 'outbound_phone', 'chat', 'email', 'voicemail'];

/** Statuses an agent picks by hand, per current status (mirrors the engine's status table). */
export const MANUAL_TARGETS: Record<Status, readonly Status[]> = {
  logged_out: [],
  on_break: ['available', 'working_offline', 'logged_out'],
  available: ['on_break', 'working_offline', 'logged_out'],
  working_offline: ['available', 'on_break', 'logged_out'],
  busy: [],
  busy_stop_new: [],
};

/** While working, the agent chooses the status to take when the work ends. */
export const AFTER_WORK_TARGETS: readonly Status[] = ['available', 'on_break', 'working_offline'];

export const isWorking = (s: Status | undefined): boolean => s === 'busy' || s === 'busy_stop_new';
