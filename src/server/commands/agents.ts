/** Agent presence on the wire: status, status after work, queues, Stop New and Resume. */
import type { CommandRules } from './rule.js';

export const AGENT_WIRE_COMMANDS: CommandRules<'set_status' | 'set_after_work' | 'toggle_queue' | 'stop_new' | 'resume_offers'> = {
  set_status: { toEngine: (agentId, d) => ({ type: 'set_status', agentId, status: d.status, code: d.code }) },
  set_after_work: { toEngine: (agentId, d) => ({ type: 'set_after_work', agentId, status: d.status, code: d.code }) },
  toggle_queue: { toEngine: (agentId, d) => ({ type: 'toggle_queue', agentId, queueId: d.queueId, enabled: d.enabled }) },
  stop_new: { toEngine: (agentId) => ({ type: 'stop_new', agentId }) },
  resume_offers: { toEngine: (agentId) => ({ type: 'resume', agentId }) },
};
