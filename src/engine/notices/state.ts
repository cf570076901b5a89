/**
 * Broadcast notices (DOMAIN.md, "CRM, directory, notices, profile"): an
 * agent tells their own group, a supervisor chosen groups among theirs, the
 * platform everyone. Priorities low, medium, high and pop-up (which blocks
 * the console until acknowledged). Agents logged out get them at their next
 * login; notices older than 7 days are dropped. Only notices/reducers.ts
 * mutates this state.
 */
import type { EngineState } from '../kernel/types.js';

export const NOTICE_PRIORITIES = ['low', 'medium', 'high', 'popup'] as const;
export type NoticePriority = (typeof NOTICE_PRIORITIES)[number];

/** Notices older than this are neither shown nor kept. */
export const NOTICE_MAX_AGE_MS = 7 * 24 * 3600 * 1000;
export const MAX_NOTICE_TEXT = 1000;

export interface BroadcastNotice {
  id: string;
  /** The sending agent; none for a platform notice. */
  from?: string;
  text: string;
  priority: NoticePriority;
  /** Recipient groups. */
  groups: string[];
  /** A platform change: every group, and a red alert bar until read. */
  platform: boolean;
  at: number;
}

export interface NoticeState {
  /** Oldest first; pruned to NOTICE_MAX_AGE_MS whenever a notice is added. */
  list: BroadcastNotice[];
  /** Agent id → ids of the notices they have read (or sent). */
  read: Map<string, Set<string>>;
  next: number;
}

declare module '../kernel/types.js' {
  interface EngineState {
    /** Broadcast notices of the last 7 days and who read them. */
    notices: NoticeState;
  }
}

export const emptyNoticeState = (): NoticeState => ({ list: [], read: new Map(), next: 1 });

export interface SerializedNotices {
  list: BroadcastNotice[];
  read: [string, string[]][];
  next: number;
}

export const serializeNotices = (n: NoticeState): SerializedNotices => ({
  list: n.list,
  read: [...n.read].map(([agentId, ids]) => [agentId, [...ids]]),
  next: n.next,
});

export function deserializeNotices(raw: SerializedNotices | undefined): NoticeState {
  if (!raw) return emptyNoticeState();
  return { list: raw.list, read: new Map(raw.read.map(([agentId, ids]) => [agentId, new Set(ids)])), next: raw.next };
}

export const noticesSlice = {
  init: () => ({ notices: emptyNoticeState() }),
  serialize: (s: EngineState): { notices?: SerializedNotices } => ({ notices: serializeNotices(s.notices) }),
  deserialize: (raw: { notices?: SerializedNotices }) => ({ notices: deserializeNotices(raw.notices) }),
};
