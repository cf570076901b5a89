/**
 * Automatic interaction logs. As a handled call, chat or voicemail ends
 * (wrap-up over: notes and codes are final), its log is saved on a case:
 * the one linked or named, else a new case for the customer it belongs to
 * (or for nobody yet, to be claimed from the case). The Description is the
 * agent's notes with the codes, queue, duration and the call's recordings;
 * a chat's transcript follows.
 */
import { MEDIA_LABELS } from '../agents/labels.js';
import type { Ctx } from '../kernel/module.js';
import type { EngineHooks } from '../kernel/types.js';
import type { Media } from '../tenant/schema.js';
import type { Interaction } from '../work/state.js';
import { LIMITS } from './fields.js';
import { popMode, resolveRecord } from './pop.js';
import type { FollowUpChannel, FollowUpRecord, InteractionLogDetail } from './records.js';
import { threadOf } from './state.js';
import { nextCaseId, nextFollowUpId } from './steps.js';

const CHANNELS: Record<Media, FollowUpChannel> = {
  inbound_phone: 'phone',
  outbound_phone: 'phone',
  chat: 'chat',
  email: 'email',
  voicemail: 'voicemail',
};

/** "4:05", "1:02:09" */
export function durationLabel(sec: number): string {
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = String(sec % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function subjectOf(i: Interaction): string {
  if (i.customer.subject?.trim()) return i.customer.subject.trim().slice(0, LIMITS.subject);
  const who = i.customer.name ?? i.customer.phone ?? i.customer.email ?? 'an unknown customer';
  const link = i.media === 'outbound_phone' ? 'to' : i.media === 'chat' ? 'with' : 'from';
  return `${MEDIA_LABELS[i.media]} ${link} ${who}`.slice(0, LIMITS.subject);
}

/** A chat's transcript as the log keeps it: one line per message, with who wrote it. */
function transcriptOf(ctx: Ctx, i: Interaction): string[] {
  const conversation = i.conversationId ? ctx.state.conversations.get(i.conversationId) : undefined;
  const name = (m: { from: string; agentId?: string }) =>
    m.from === 'customer' ? (i.customer.name ?? 'Customer') : m.from === 'agent' ? (ctx.tenant.agents.get(m.agentId ?? '')?.displayName ?? 'Agent') : 'System';
  return (conversation?.messages ?? []).map((m) => `${name(m)}: ${m.text}`);
}

function detailOf(ctx: Ctx, i: Interaction): InteractionLogDetail {
  const labels = new Map(ctx.tenant.codeListsFor(i.queueId).flatMap((l) => l.codes.map((c) => [c.id, c.label] as const)));
  const end = i.customerEndedAt ?? ctx.now();
  return {
    interactionId: i.id,
    media: i.media,
    ...(i.queueId ? { queueId: i.queueId, queueName: ctx.tenant.queues.get(i.queueId)?.name ?? i.queueId } : {}),
    durationSec: Math.max(0, Math.round((end - (i.acceptedAt ?? end)) / 1000)),
    codes: i.codes.map((c) => labels.get(c) ?? c),
    recordings: [...(threadOf(ctx.state, i.id)?.recordings ?? [])],
  };
}

/** The log's Description: notes first, then the facts, then a chat's transcript. */
export function describe(notes: string, d: InteractionLogDetail, transcript: string[] = []): string {
  const lines = [notes.trim() || '(no notes)', ''];
  if (d.codes.length) lines.push(`Codes: ${d.codes.join(', ')}`);
  if (d.queueName) lines.push(`Queue: ${d.queueName}`);
  lines.push(`Duration: ${durationLabel(d.durationSec)}`);
  if (d.recordings.length) lines.push(`Recordings: ${d.recordings.join(', ')}`);
  if (transcript.length) lines.push('', 'Transcript:', ...transcript);
  const text = lines.join('\n');
  return text.length <= LIMITS.log ? text : `${text.slice(0, LIMITS.log - 60)}\n… (cut here: the rest is in the interaction's history)`;
}

export const logInteraction: EngineHooks['wrappedUp'] = (ctx, i) => {
  if (i.acceptedAt === undefined) return;
  const records = ctx.records.crm;
  const r = resolveRecord(records, ctx.state, i);
  let caseId = r.caseId;
  if (!caseId) {
    caseId = nextCaseId(ctx);
    ctx.emit({
      type: 'crm.case_opened',
      caseId,
      ...(r.customerId ? { customerId: r.customerId } : {}),
      subject: subjectOf(i),
      ...(i.agentId ? { ownerId: i.agentId } : {}),
      forInteraction: i.id,
    });
  }
  const detail = detailOf(ctx, i);
  const followUp: FollowUpRecord = {
    id: nextFollowUpId(ctx),
    caseId,
    channel: CHANNELS[i.media],
    direction: i.media === 'outbound_phone' ? 'outbound' : 'inbound',
    text: describe(i.notes, detail, transcriptOf(ctx, i)),
    ...(i.agentId ? { agentId: i.agentId } : {}),
    at: ctx.now(),
    log: detail,
  };
  ctx.emit({
    type: 'crm.interaction_logged',
    interactionId: i.id,
    ...(i.agentId ? { agentId: i.agentId } : {}),
    ...(r.customerId ? { customerId: r.customerId } : {}),
    followUp,
    mode: popMode(ctx.tenant, i, r.customerId !== undefined),
  });
};
