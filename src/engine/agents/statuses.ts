/** The statuses an agent can be in (DOMAIN.md); the moves between them are in transitions.ts. */
export const STATUSES = [
  'logged_out',
  'on_break',
  'available',
  'busy',
  'busy_stop_new',
  'working_offline',
] as const;
export type Status = (typeof STATUSES)[number];
