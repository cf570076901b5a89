/** How the notice events change the notices slice. */
import type { ReducersOf } from '../kernel/module.js';
import type { EngineState } from '../kernel/types.js';
import type { NoticeEventBody } from './events.js';
import { NOTICE_MAX_AGE_MS } from './state.js';

function readBy(s: EngineState, agentId: string): Set<string> {
  let read = s.notices.read.get(agentId);
  if (!read) s.notices.read.set(agentId, (read = new Set()));
  return read;
}

export const NOTICE_REDUCERS: ReducersOf<NoticeEventBody> = {
  'notice.broadcast': (s, e) => {
    const n = s.notices;
    // Notices past their 7 days go, with every agent's mark of having read them.
    const keep = n.list.filter((x) => x.at > e.ts - NOTICE_MAX_AGE_MS);
    if (keep.length !== n.list.length) {
      const live = new Set(keep.map((x) => x.id));
      for (const ids of n.read.values()) for (const id of ids) if (!live.has(id)) ids.delete(id);
    }
    n.list = [...keep, { ...e.notice, groups: [...e.notice.groups] }];
    n.next = Math.max(n.next, Number(e.notice.id.slice(2)) + 1);
    if (e.notice.from) readBy(s, e.notice.from).add(e.notice.id);
  },
  'notice.read': (s, e) => {
    const read = readBy(s, e.agentId);
    for (const id of e.noticeIds) read.add(id);
  },
};
