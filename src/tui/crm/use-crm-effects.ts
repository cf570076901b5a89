// Side effects of the CRM, kept out of the key handler: searches as you type
// (the pane's and the directory's, each a moment after the last key), and the
// screen pop — at accept the record shows in the CRM pane (several matches: a
// pick list; none: the new customer's page, its form prefilled one key away),
// at wrap-up an unknown customer's page comes back to be completed, and the
// saved log shows once the interaction ends. The queue's mode decides: view,
// edit, or no pop at all. Nothing here opens a dialog over the call's keys.
import { useEffect } from 'react';
import type { InteractionView } from '../../protocol/index.js';
import { info } from '../actions/run.js';
import type { ConsoleServices } from '../context.js';
import { searchDirectory } from './directory.js';
import { openPage, search, updateCrm } from './load.js';

/** Typing pauses this long before a search is sent. */
export const SEARCH_DELAY_MS = 120;

type Moment = 'accept' | 'wrapup';

function alreadyPopped(s: ConsoleServices, id: string, moment: Moment): boolean {
  const done = s.ui.get().crm.popped[id] ?? [];
  if (done.includes(moment)) return true;
  updateCrm(s, (c) => ({ ...c, popped: { ...c.popped, [id]: [...done, moment] } }));
  return false;
}


function popAtAccept(s: ConsoleServices, w: InteractionView): void {
  const pop = w.crm!;
  if (pop.caseId) void openPage(s, { kind: 'case', id: pop.caseId });
  else if (pop.customerId) void openPage(s, { kind: 'customer', id: pop.customerId });
  else if (pop.matches.length > 1) void openPage(s, { kind: 'pick', interactionId: w.id });
  else if (pop.mode === 'edit') void openPage(s, { kind: 'new', interactionId: w.id });
}

function onView(s: ConsoleServices): void {
  const v = s.view.get();
  for (const w of v.work) {
    if (!w.crm || w.crm.mode === 'none') continue;
    if (w.phase === 'active' && !alreadyPopped(s, w.id, 'accept')) popAtAccept(s, w);
    // Wrap-up: the record is there for the agent to complete (edit mode, still nobody's).
    if (w.phase === 'wrapup' && w.crm.mode === 'edit' && !w.crm.customerId && !alreadyPopped(s, w.id, 'wrapup')) {
      void openPage(s, { kind: 'new', interactionId: w.id });
      info(s, `${w.customer.name ?? 'This customer'} is not in the CRM yet: 6 then n completes the record before wrap-up ends.`);
    }
  }
  // Interactions gone from my work need no memory of their pops.
  const popped = s.ui.get().crm.popped;
  if (Object.keys(popped).some((id) => !v.work.some((w) => w.id === id)))
    updateCrm(s, (c) => ({ ...c, popped: Object.fromEntries(Object.entries(c.popped).filter(([id]) => v.work.some((w) => w.id === id))) }));
  const logged = v.crmLogged;
  if (logged && logged.interactionId !== s.ui.get().crm.loggedShown) {
    updateCrm(s, (c) => ({ ...c, loggedShown: logged.interactionId }));
    if (logged.mode === 'none') return;
    info(s, `Log saved on ${logged.caseId}${logged.customerId ? '' : ' (no customer yet: u in the CRM pane gives it one)'}.`);
    void openPage(s, { kind: 'case', id: logged.caseId });
  }
}

export function useCrmEffects(s: ConsoleServices): void {
  useEffect(() => {
    // What was logged before the console started is not news.
    updateCrm(s, (c) => ({ ...c, loggedShown: s.view.get().crmLogged?.interactionId ?? null }));
    onView(s);
    return s.view.subscribe(() => onView(s));
  }, [s]);

  useEffect(() => {
    let crmQuery = s.ui.get().crm.query;
    let directoryQuery: string | undefined;
    let crmTimer: NodeJS.Timeout | undefined;
    let directoryTimer: NodeJS.Timeout | undefined;
    const off = s.ui.subscribe(() => {
      const u = s.ui.get();
      if (u.crm.query !== crmQuery) {
        crmQuery = u.crm.query;
        clearTimeout(crmTimer);
        const q = crmQuery;
        crmTimer = setTimeout(() => void search(s, q), SEARCH_DELAY_MS);
      }
      const dq = u.overlay?.kind === 'directory' ? u.overlay.query : undefined;
      if (dq !== directoryQuery) {
        const opened = directoryQuery === undefined;
        directoryQuery = dq;
        clearTimeout(directoryTimer);
        // Opening the directory loads it at once (directory.ts); typing searches after a pause.
        if (dq !== undefined && !opened) directoryTimer = setTimeout(() => void searchDirectory(s, dq), SEARCH_DELAY_MS);
      }
    });
    return () => {
      off();
      clearTimeout(crmTimer);
      clearTimeout(directoryTimer);
    };
  }, [s]);
}
