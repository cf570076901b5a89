/** What a console shows of the notices: the ones addressed to me (or sent by me), newest first. */
import type { ViewContext } from '../kernel/module.js';
import type { EngineState } from '../kernel/types.js';
import type { Tenant } from '../tenant/tenant.js';
import { NOTICE_MAX_AGE_MS, type BroadcastNotice, type NoticePriority } from './state.js';

export interface NoticeView {
  id: string;
  /** Sender's agent id and display name; none for a platform notice. */
  from?: string;
  fromName?: string;
  text: string;
  priority: NoticePriority;
  /** Recipient groups' display names. */
  groups: string[];
  platform: boolean;
  at: number;
  /** I read it (or sent it); a pop-up stays unread until acknowledged. */
  read: boolean;
}

/** Is `notice` addressed to `agentId` (their group), or sent by them? */
export function noticeReaches(tenant: Tenant, notice: BroadcastNotice, agentId: string): boolean {
  const group = tenant.agents.get(agentId)?.group;
  return notice.from === agentId || (group !== undefined && notice.groups.includes(group));
}

export function noticeView(state: EngineState, tenant: Tenant, n: BroadcastNotice, agentId: string): NoticeView {
  return {
    id: n.id,
    from: n.from,
    fromName: n.from ? (tenant.agents.get(n.from)?.displayName ?? n.from) : undefined,
    text: n.text,
    priority: n.priority,
    groups: n.groups.map((g) => tenant.groups.get(g)?.name ?? g),
    platform: n.platform,
    at: n.at,
    read: state.notices.read.get(agentId)?.has(n.id) ?? false,
  };
}

export function noticesOf(state: EngineState, tenant: Tenant, agentId: string, now: number): NoticeView[] {
  return state.notices.list
    .filter((n) => n.at > now - NOTICE_MAX_AGE_MS && noticeReaches(tenant, n, agentId))
    .map((n) => noticeView(state, tenant, n, agentId))
    .reverse();
}

export function noticeViews(vc: ViewContext) {
  return {
    /** Notices addressed to (or sent by) an agent, of the last 7 days, newest first. */
    noticesOf(agentId: string): NoticeView[] {
      return noticesOf(vc.state(), vc.tenant, agentId, vc.clock.now());
    },

    /** One notice as `agentId` sees it (read or not). */
    notice(noticeId: string, agentId: string): NoticeView | undefined {
      const n = vc.state().notices.list.find((x) => x.id === noticeId);
      return n && noticeView(vc.state(), vc.tenant, n, agentId);
    },
  };
}
