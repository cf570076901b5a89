/** What a console shows of agents: the agent themselves, and their colleagues. */
import type { ViewContext } from '../kernel/module.js';
import type { Status } from '../tenant/schema.js';
import type { DateFormat } from './date-formats.js';
import { permissionsOf, type Permission } from './permissions.js';
import type { AfterWork, StatusChange } from './state.js';
import { statusAfterWork, type OfferRef } from './transitions.js';

/** An offer as the console names it: its media and queue. */
export interface OfferRefView {
  media: OfferRef['media'];
  queueName?: string;
}

/** Why the status last changed; the console puts it in words. */
export type StatusChangeView = Omit<StatusChange, 'offer'> & { offer?: OfferRefView };
export type AfterWorkView = Omit<AfterWork, 'offer'> & { offer?: OfferRefView };

/** Other modules add their part (the phone profile) through the `selfView` hook. */
export interface AgentSelfView {
  id: string;
  displayName: string;
  firstName: string;
  lastName: string;
  group: string;
  groupName: string;
  role: 'agent' | 'supervisor';
  supervises: string[];
  permissions: Permission[];
  maxChats: number;
  status: Status;
  statusCode?: string;
  statusSince: number;
  /** Why the status last changed (absent: not known, e.g. a log older than causes). */
  statusChange?: StatusChangeView;
  /** The status after work, when one is set (by the agent, a rejected or missed offer, dialling out). */
  afterWork?: AfterWorkView;
  /** The status the agent takes when their current work ends (the rule: `afterWork`, else Available). */
  statusAfterWork: Status;
  loggedIn: boolean;
  /** How dates are shown to this agent: their profile's format, else the tenant's. */
  dateFormat: DateFormat;
}

export interface ContactView {
  id: string;
  displayName: string;
  group: string;
  role: 'agent' | 'supervisor';
  status: Status;
  statusSince: number;
  /** Their direct number: colleagues call each other on it (Contacts, a colleague's chat, the directory). */
  directAccessNumber?: string;
  /** An offer is waiting for them: nobody can bring them into a call until they answer it (capacity.ts canJoinCall). */
  offerWaiting?: true;
}

export function agentViews(vc: ViewContext) {
  const { tenant } = vc;

  const offerRef = (o: OfferRef | undefined): { offer?: OfferRefView } =>
    o ? { offer: { media: o.media, ...(o.queueId ? { queueName: tenant.queues.get(o.queueId)?.name ?? o.queueId } : {}) } } : {};

  const contact = (agentId: string): ContactView | undefined => {
    const c = tenant.agents.get(agentId);
    if (!c) return undefined;
    const a = vc.state().agents.get(agentId);
    return {
      id: c.id,
      displayName: c.displayName,
      group: c.group,
      role: c.role,
      status: a?.status ?? 'logged_out',
      statusSince: a?.statusSince ?? 0,
      ...(c.directAccessNumber ? { directAccessNumber: c.directAccessNumber } : {}),
      ...(a?.offer ? { offerWaiting: true as const } : {}),
    };
  };

  return {
    self(agentId: string): AgentSelfView | undefined {
      const c = tenant.agents.get(agentId);
      if (!c) return undefined;
      const a = vc.state().agents.get(agentId);
      const view: AgentSelfView = {
        id: c.id,
        displayName: c.displayName,
        firstName: c.firstName,
        lastName: c.lastName,
        group: c.group,
        groupName: tenant.config.groups.find((g) => g.id === c.group)?.name ?? c.group,
        role: c.role,
        supervises: c.supervises,
        permissions: permissionsOf(c),
        maxChats: tenant.maxChats(c.id),
        status: a?.status ?? 'logged_out',
        statusCode: a?.statusCode,
        statusSince: a?.statusSince ?? 0,
        ...(a?.statusChange ? { statusChange: { ...a.statusChange, ...offerRef(a.statusChange.offer) } } : {}),
        ...(a?.afterWork ? { afterWork: { ...a.afterWork, ...offerRef(a.afterWork.offer) } } : {}),
        statusAfterWork: statusAfterWork(a ?? {}),
        loggedIn: a?.loggedIn ?? false,
        dateFormat: c.dateFormat ?? tenant.config.dateFormat,
      };
      for (const addPart of vc.hooks.selfView) addPart(vc, c.id, view);
      return view;
    },

    /** Agents of the groups this agent sees (own group; supervised groups too). */
    contactsOf(agentId: string): ContactView[] {
      return tenant.contactsOf(agentId).map((id) => contact(id)!);
    },

    contact,

    /** The logged-in agent whose current session has this key (the hash of its token), if any. */
    agentOfSession(sessionKey: string): string | undefined {
      if (!sessionKey) return undefined;
      for (const a of vc.state().agents.values()) if (a.loggedIn && a.sessionKey === sessionKey) return a.id;
      return undefined;
    },
  };
}
