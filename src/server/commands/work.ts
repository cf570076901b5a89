/** Work on the wire: offers, ending the customer side, codes, notes, wrap-up. */
import type { CommandRules } from './rule.js';

export const WORK_WIRE_COMMANDS: CommandRules<'accept' | 'reject' | 'end_interaction' | 'set_codes' | 'set_notes' | 'wrap_up'> = {
  accept: { toEngine: (agentId, d) => ({ type: 'accept', agentId, interactionId: d.interactionId }) },
  reject: { permission: 'rejectOffers', toEngine: (agentId, d) => ({ type: 'reject', agentId, interactionId: d.interactionId }) },
  end_interaction: { toEngine: (agentId, d) => ({ type: 'end_interaction', agentId, interactionId: d.interactionId }) },
  set_codes: { toEngine: (agentId, d) => ({ type: 'set_codes', agentId, interactionId: d.interactionId, codes: d.codes }) },
  set_notes: { toEngine: (agentId, d) => ({ type: 'set_notes', agentId, interactionId: d.interactionId, notes: d.notes }) },
  wrap_up: { toEngine: (agentId, d) => ({ type: 'wrap_up', agentId, interactionId: d.interactionId }) },
};
