/** An agent's effective phone profile: what they changed (state) over what the tenant file sets. */
import type { EngineState } from '../kernel/types.js';
import type { Tenant } from '../tenant/tenant.js';
import { normalizeNumber, normalizeSipUri } from './numbers.js';
import type { ConnectionMode, Workplace } from './state.js';

export interface EffectiveProfile {
  /** The validated workplace phone or SIP URI in force; none: calls reach the console directly. */
  workplace?: Workplace;
  mode: ConnectionMode;
  recordings: { id: string; name: string }[];
}

export function profileOf(tenant: Tenant, state: EngineState, agentId: string): EffectiveProfile {
  const conf = tenant.agents.get(agentId)?.phone;
  const own = state.phone.agents.get(agentId);
  return {
    workplace: own?.workplace ?? configuredWorkplace(conf),
    mode: own?.mode ?? conf?.connectionMode ?? 'on_demand',
    recordings: conf?.recordings ?? [],
  };
}

function configuredWorkplace(conf: { workplacePhone?: string; sipUri?: string; use: 'phone' | 'sip' } | undefined): Workplace | undefined {
  if (!conf) return undefined;
  const sip = conf.sipUri ? normalizeSipUri(conf.sipUri) : undefined;
  const phone = conf.workplacePhone ? normalizeNumber(conf.workplacePhone) : undefined;
  if (conf.use === 'sip' && sip?.ok) return { kind: 'sip', value: sip.value };
  if (phone?.ok) return { kind: 'phone', value: phone.value };
  if (sip?.ok) return { kind: 'sip', value: sip.value };
  return undefined;
}

/** How the engine reaches an agent for a call. */
export type Reach =
  /** No workplace phone: the console is the endpoint and answers at once. */
  | { kind: 'console' }
  /** Persistent mode, connection open: bridged at once over the open voice leg. */
  | { kind: 'session'; legId: string }
  /** On-demand (or persistent but dropped): the workplace phone rings first. */
  | { kind: 'dial'; to: string };

export function reachOf(tenant: Tenant, state: EngineState, agentId: string): Reach {
  const profile = profileOf(tenant, state, agentId);
  const voice = state.phone.agents.get(agentId)?.voice;
  if (profile.mode === 'persistent' && voice?.state === 'connected') return { kind: 'session', legId: voice.legId };
  if (!profile.workplace) return { kind: 'console' };
  return { kind: 'dial', to: profile.workplace.value };
}
