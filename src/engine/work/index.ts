/**
 * Work: interactions from arrival to end — arrivals and direct routing,
 * offers (accept, reject, the accept countdown), handling, codes, notes,
 * wrap-up, and what a lost connection does to an agent's offer and work.
 */
import { defineModule, type HandlersOf } from '../kernel/module.js';
import { arrive, arriveDirect, customerEnd } from './arrivals.js';
import type { WorkCommand } from './commands.js';
import { connectionLost, connectionRestored, graceExpired } from './connection.js';
import { agentDeadlines, interactionDeadlines } from './deadlines.js';
import { accept, offerTimeout, reject } from './offers.js';
import { WORK_REDUCERS } from './reducers.js';
import { workSlice } from './state.js';
import { workViews } from './views.js';
import { endInteraction, setCodes, setNotes, wrapUp, wrapUpTimer } from './wrap-up.js';

const handlers: HandlersOf<WorkCommand> = {
  arrive,
  arrive_direct: arriveDirect,
  customer_end: customerEnd,
  accept,
  reject,
  offer_timeout: offerTimeout,
  end_interaction: endInteraction,
  set_codes: setCodes,
  set_notes: setNotes,
  wrap_up: wrapUp,
  wrap_up_due: wrapUpTimer,
  connection_lost: connectionLost,
  connection_restored: connectionRestored,
  grace_expired: graceExpired,
};

export const work = defineModule({
  name: 'work',
  state: workSlice,
  handlers,
  reducers: WORK_REDUCERS,
  deadlines: { interaction: interactionDeadlines, agent: agentDeadlines },
  views: workViews,
  extensionPoints: ['checkArrival', 'arrived', 'accepted', 'declined', 'agentHangUp', 'customerEnd', 'wrappedUp', 'customerAway', 'interactionView'],
});
