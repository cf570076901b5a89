/** Notices on the wire: broadcast to groups, mark read. */
import type { CommandRules } from './rule.js';

export const NOTICE_WIRE_COMMANDS: CommandRules<'broadcast_notice' | 'read_notices'> = {
  broadcast_notice: { toEngine: (agentId, d) => ({ type: 'broadcast_notice', agentId, text: d.text, priority: d.priority, groups: d.groups }) },
  read_notices: { toEngine: (agentId, d) => ({ type: 'read_notices', agentId, noticeIds: d.noticeIds }) },
};
