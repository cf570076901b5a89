import type { Media, Status } from '../tenant/schema.js';

/** How people call each status (the console may show its own wording). */
export const STATUS_LABELS: Record<Status, string> = {
  logged_out: 'Logged Out',
  on_break: 'On Break',
  available: 'Available',
  busy: 'Busy',
  busy_stop_new: 'Busy (Stop New)',
  working_offline: 'Working Offline',
};

export const MEDIA_LABELS: Record<Media, string> = {
  inbound_phone: 'Inbound call',
  outbound_phone: 'Outbound call',
  chat: 'Chat',
  email: 'Email',
  voicemail: 'Voicemail',
};
