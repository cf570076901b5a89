// What each call dialog lists, derived from the view and the dialog state:
// shared by the dialog views (what to draw) and the actions (what Enter
// picks), so both always agree on the item under the cursor.
import type { CallParticipantView, ContactView, InteractionView, QueueListing } from '../../protocol/index.js';
import { STATUS_LABELS } from '../labels.js';
import { agentUnreachable, freeLabel, matchesQuery as matches } from '../transfer-targets.js';
import type { SafeView } from '../safe-view.js';
import type { CallOverlay, PhoneInput } from './overlays.js';

type OverlayOf<K extends CallOverlay['kind']> = Extract<CallOverlay, { kind: K }>;

/** `disabled`: why the engine would refuse it now (shown greyed, with the reason). */
export type TransferItem =
  | { kind: 'agent'; id: string; label: string; right: string; contact: ContactView; disabled?: string }
  | { kind: 'queue'; id: string; label: string; right: string; queue: QueueListing; disabled?: string };

/** Waiting time label "1:05" (or "—"). */
function waitLabel(oldest: number | undefined, now: number): string {
  if (oldest === undefined) return '—';
  const s = Math.max(0, Math.floor((now - oldest) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function transferItems(v: SafeView, o: OverlayOf<'callTransfer'>, now: number): TransferItem[] {
  if (o.tab === 'agents') {
    return v.contacts
      .filter((c) => c.id !== v.agentId && matches(o.query, c.displayName, c.group, STATUS_LABELS[c.status]))
      .map((c) => {
        const why = agentUnreachable(c);
        return { kind: 'agent', id: c.id, label: `${c.displayName} · ${c.group}`, right: `${STATUS_LABELS[c.status]}${c.offerWaiting ? ' · offer waiting' : ''}`, contact: c, ...(why ? { disabled: why } : {}) };
      });
  }
  if (o.tab === 'queues') {
    return (o.queues ?? [])
      .filter((q) => q.media === 'inbound_phone' && matches(o.query, q.name))
      .map((q) => ({
        kind: 'queue', id: q.id, label: q.name, queue: q,
        right: `${freeLabel(q)} · ${q.stats.waiting} waiting · longest ${waitLabel(q.stats.oldestArrival, now)}`,
      }));
  }
  return [];
}

export function callOf(v: SafeView, interactionId: string): InteractionView | undefined {
  return v.work.find((w) => w.id === interactionId && w.call);
}

export function participantItems(v: SafeView, interactionId: string): CallParticipantView[] {
  return callOf(v, interactionId)?.call?.participants ?? [];
}

export const participantLabel = (p: CallParticipantView): string => {
  const who = p.me ? 'Me' : p.party === 'customer' ? `Customer ${p.displayName ?? ''}`.trim() : (p.displayName ?? p.number ?? p.party);
  const flags = [p.host ? 'host' : '', p.state !== 'connected' ? p.state : '', p.held ? 'on hold' : '', p.muted ? 'muted' : ''].filter(Boolean);
  // An external party is known by its number only: say it once.
  const number = p.number && p.party !== 'agent' && p.number !== who ? ` · ${p.number}` : '';
  return `${who}${number}${flags.length ? ` (${flags.join(', ')})` : ''}`;
};

/** `disabled`: why the engine would refuse it now (shown greyed, with the reason). */
export interface PhoneItem { label: string; action: 'mode' | 'retry' | PhoneInput; disabled?: string }

const OFFLINE_ONLY = 'Change to Working Offline first: connection mode and workplace phone change only then.';

/** The phone settings menu: what the agent's permissions allow, greyed with why when the status does not. */
export function phoneItems(v: SafeView): PhoneItem[] {
  const p = v.self?.phone;
  const perms = v.self?.permissions ?? [];
  if (!p) return [];
  const offline = v.self?.status === 'working_offline' ? {} : { disabled: OFFLINE_ONLY };
  const items: PhoneItem[] = [];
  if (p.mode === 'persistent' && p.voice === 'pin_sent') items.push({ label: 'Enter the PIN you heard (connection)', action: 'voicePin' });
  if (p.mode === 'persistent' && (p.voice === 'off' || p.voiceDropped)) items.push({ label: 'Retry to connect', action: 'retry' });
  if (p.pendingWorkplace?.state === 'pin_sent') items.push({ label: 'Enter the PIN you heard (workplace phone)', action: 'workplacePin' });
  if (perms.includes('changeConnectionMode'))
    items.push({ label: `Switch to ${p.mode === 'persistent' ? 'on-demand' : 'persistent'} connection`, action: 'mode', ...offline });
  if (perms.includes('changeWorkplacePhone')) items.push({ label: 'Change workplace phone or SIP URI', action: 'workplace', ...offline });
  return items;
}

export const PHONE_INPUT_PROMPTS: Record<PhoneInput, string> = {
  voicePin: 'Connection PIN (4 digits)',
  workplacePin: 'Workplace phone PIN (4 digits)',
  workplace: 'New workplace phone number or sip:user@host',
};
