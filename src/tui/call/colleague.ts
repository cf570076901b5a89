// Calling a colleague without typing their number: from Contacts (the one
// under the cursor), from their chat tab, or from the directory. Each opens
// the dial dialog on the colleague's direct number, so the outbound code is
// asked and the engine judges the call like any typed number.
import { error, type Handler } from '../actions/run.js';
import type { ConsoleServices } from '../context.js';
import { chatColleague, contactUnderCursor } from '../panes/contacts-state.js';
import { openDial } from './actions.js';

/** Who can be called: a contact or a directory entry. */
export interface Colleague {
  displayName: string;
  directAccessNumber?: string;
}

export function callColleague(s: ConsoleServices, who: Colleague | undefined): void {
  if (!who) return error(s, 'No colleague selected.');
  if (!who.directAccessNumber) return error(s, `${who.displayName} has no direct number to call.`);
  openDial(s, who.directAccessNumber);
}

export const colleagueCallActions = {
  'contacts.call': (s) => callColleague(s, contactUnderCursor(s.view.get().contacts, s.ui.get().contacts)),
  'chat.callColleague': (s) => callColleague(s, chatColleague(s.view.get().contacts, s.ui.get().chat.agentTab)),
} satisfies Record<string, Handler>;
