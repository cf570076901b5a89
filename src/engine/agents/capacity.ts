/**
 * THE capacity rulebook: how much work an agent can hold at once.
 *  - phone, voicemail and email are exclusive: one at a time, nothing beside them;
 *  - customer chats: up to min(tenant limit, the agent's own limit), and an agent
 *    already chatting (Busy) can still be offered chats until that limit,
 *    unless they pressed Stop New;
 *  - agent-to-agent chats are not interactions and never count;
 *  - phone calls: who can be brought into a call, who can dial (canJoinCall, canDial).
 */
import type { EngineState } from '../kernel/types.js';
import type { Media } from '../tenant/schema.js';
import type { Tenant } from '../tenant/tenant.js';
import type { AgentState } from './state.js';

export const EXCLUSIVE_MEDIA: ReadonlySet<Media> = new Set<Media>([
  'inbound_phone',
  'outbound_phone',
  'voicemail',
  'email',
]);

/** Customer chats the agent holds (active or in wrap-up). */
export function chatLoad(agent: AgentState, state: EngineState): number {
  let n = 0;
  for (const id of agent.work) if (state.interactions.get(id)?.media === 'chat') n++;
  return n;
}

/** Can this agent be offered queued work of this media right now? */
export function canBeOffered(agent: AgentState, media: Media, state: EngineState, tenant: Tenant): boolean {
  if (!agent.loggedIn || agent.disconnectedUntil !== undefined || agent.offer) return false;
  // An agent whose chat limit is 0 takes no chats at all, even when idle.
  if (agent.status === 'available') return agent.work.size === 0 && (media !== 'chat' || tenant.maxChats(agent.id) > 0);
  if (agent.status !== 'busy' || media !== 'chat') return false;
  const chats = chatLoad(agent, state);
  return chats === agent.work.size && chats < tenant.maxChats(agent.id);
}

/**
 * Direct agent routing reaches the agent whatever their status, but only if
 * they can physically take it: logged in, connected, no pending offer, no work.
 */
export function canBeOfferedDirect(agent: AgentState): boolean {
  return agent.loggedIn && agent.disconnectedUntil === undefined && !agent.offer && agent.work.size === 0;
}

/** The routing load key: fewer chats first (Available agents have 0). */
export function routingLoad(agent: AgentState): number {
  return agent.work.size;
}

/**
 * A colleague can be consulted, sent a transfer, or added to a conference
 * when they can take a call now: logged in, connected, nothing offered or
 * held, and Available or Working Offline (DOMAIN.md, Phone: Conference).
 */
export function canJoinCall(agent: AgentState): boolean {
  return canBeOfferedDirect(agent) && (agent.status === 'available' || agent.status === 'working_offline');
}

/** An agent can dial out when a call could be offered to them: idle, Available or Working Offline. */
export function canDial(agent: AgentState): boolean {
  return canJoinCall(agent);
}
