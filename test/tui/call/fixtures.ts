// Hand-built phone views: a connected inbound call on a demo-like agent with
// recording permissions, "my recordings" and outbound codes.
import type { AgentView } from '../../../src/client/index.js';
import type { CallView, InteractionView } from '../../../src/protocol/index.js';
import { interaction, makeView, NOW } from '../helpers/fixtures.js';

export function callView(over: Partial<CallView> = {}): CallView {
  return {
    callId: 'C-1', state: 'connected', kind: 'call', direction: 'inbound', role: 'host', muted: false, held: false, recording: 'off',
    whisper: 'Support line: verify the account PIN first.',
    participants: [
      { legId: 'L-1', party: 'customer', state: 'connected', displayName: 'Lee', number: '+15105551234', muted: false, held: false, host: false, me: false, since: NOW - 30_000 },
      { legId: 'L-2', party: 'agent', state: 'connected', agentId: 'ana', displayName: 'Ana L.', muted: false, held: false, host: true, me: true, since: NOW - 30_000 },
    ],
    conference: false, dtmf: '', ...over,
  };
}

export function phoneWork(over: Partial<CallView> = {}, w: Partial<InteractionView> = {}): InteractionView {
  return interaction('p1', { media: 'inbound_phone', queueId: 'support-phone', queueName: 'Support line', call: callView(over), ...w });
}

export function phoneView(o: { call?: Partial<CallView>; permissions?: string[]; status?: 'busy' | 'working_offline'; work?: InteractionView[] } = {}): AgentView {
  const base = makeView();
  return makeView({
    self: {
      ...base.self!, status: o.status ?? 'busy',
      permissions: (o.permissions ?? ['rejectOffers', 'recordStart', 'recordPause', 'changeWorkplacePhone', 'changeConnectionMode']) as never,
      phone: {
        mode: 'on_demand', voice: 'off', recordings: [{ id: 'greet', name: 'Greeting' }, { id: 'hold', name: 'Please hold' }],
        outboundCodes: [{ id: 'followup', label: 'Customer follow-up' }, { id: 'campaign', label: 'Spring campaign' }, { id: 'callback', label: 'Scheduled callback' }],
        lastOutboundCode: 'campaign',
      },
    },
    work: o.work ?? [phoneWork(o.call)],
  });
}

/** Benjamin's direct number (colleagueView). */
export const BEN_NUMBER = '+1 510 555 0111';

/** Working offline, no interaction; Benjamin has a direct number and a chat with me, the others no number. */
export function colleagueView(): AgentView {
  const base = phoneView({ work: [], status: 'working_offline' });
  return {
    ...base,
    contacts: base.contacts.map((c) => (c.id === 'ben' ? { ...c, directAccessNumber: BEN_NUMBER } : c)),
    agentChats: [{ with: 'ben', messages: [{ id: 'a1', from: 'agent', agentId: 'ben', text: 'Got a minute?', ts: NOW - 5_000 }] }],
  };
}
