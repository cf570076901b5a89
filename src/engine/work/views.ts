/** What a console shows of work: an interaction, the agent's offer, the work they hold. */
import type { ViewContext } from '../kernel/module.js';
import type { CodeList, Media } from '../tenant/schema.js';
import type { CustomerInfo, Interaction, InteractionPhase } from './state.js';

/** The media modules add their part (the chat, the call) through the `interactionView` hook. */
export interface InteractionView {
  id: string;
  media: Media;
  queueId?: string;
  queueName?: string;
  direct: boolean;
  customer: CustomerInfo;
  phase: InteractionPhase;
  arrivedAt: number;
  offerDeadline?: number;
  acceptedAt?: number;
  customerEndedAt?: number;
  wrapUpDeadline?: number;
  wrapUpOverdue: boolean;
  codes: string[];
  notes: string;
  codeLists: CodeList[];
  whisper?: string;
}

export function workViews(vc: ViewContext) {
  const { tenant } = vc;

  const view = (i: Interaction): InteractionView => {
    const q = i.queueId ? tenant.queues.get(i.queueId) : undefined;
    const v: InteractionView = {
      id: i.id,
      media: i.media,
      queueId: i.queueId,
      queueName: q?.name,
      direct: !!i.directAgentId,
      customer: i.customer,
      phase: i.phase,
      arrivedAt: i.arrivedAt,
      offerDeadline: i.offerDeadline,
      acceptedAt: i.acceptedAt,
      customerEndedAt: i.customerEndedAt,
      wrapUpDeadline: i.wrapUpDeadline,
      wrapUpOverdue: !!i.wrapUpOverdue,
      codes: i.codes,
      notes: i.notes,
      codeLists: tenant.codeListsFor(i.queueId),
      whisper: q?.whisper,
    };
    for (const addPart of vc.hooks.interactionView) addPart(vc, i, v);
    return v;
  };

  const interaction = (id: string): InteractionView | undefined => {
    const i = vc.state().interactions.get(id);
    return i && view(i);
  };

  return {
    interaction,

    /** The agent's pending offer, if any. */
    offerOf(agentId: string): InteractionView | undefined {
      const id = vc.state().agents.get(agentId)?.offer;
      return id ? interaction(id) : undefined;
    },

    /** Interactions the agent holds (active or in wrap-up), oldest first. */
    workOf(agentId: string): InteractionView[] {
      const a = vc.state().agents.get(agentId);
      return a ? [...a.work].map((id) => interaction(id)!).sort((x, y) => (x.acceptedAt ?? 0) - (y.acceptedAt ?? 0)) : [];
    },
  };
}
