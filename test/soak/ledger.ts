/**
 * The soak's ledger: every command a client sent whose effect can be told
 * apart in the event log (each carries a unique text, number or id), with
 * whether it was acknowledged. At the end each is counted in the log:
 * acknowledged → exactly once (none lost, none applied twice); not
 * acknowledged (refused, or cut off by a kill and never answered) → at most
 * once.
 */
import type { EngineEvent } from '../../src/engine/index.js';

export type Effect =
  | { kind: 'agent_chat'; text: string }
  | { kind: 'chat_line'; text: string; from: 'agent' | 'customer' }
  | { kind: 'notes'; text: string }
  | { kind: 'accepted'; interactionId: string; agentId: string }
  | { kind: 'ended_by_agent'; interactionId: string }
  | { kind: 'wrapped_up'; interactionId: string }
  | { kind: 'dialed'; number: string }
  | { kind: 'chat_started'; conversationId: string };

export interface Entry {
  effect: Effect;
  acked: boolean;
}

export interface LedgerReport {
  /** Per kind: acknowledged commands checked, and unacknowledged ones (each seen at most once). */
  checked: Record<string, { acked: number; unacked: number }>;
  problems: string[];
}

/** What one event proves, as a key an Effect also produces. */
function keysOf(e: EngineEvent): string[] {
  switch (e.type) {
    case 'agent_chat.message':
      return [`agent_chat|${e.message.text}`];
    case 'chat.message':
      return e.message.from === 'system' ? [] : [`chat_line|${e.message.from}|${e.message.text}`];
    case 'interaction.notes_set':
      return [`notes|${e.notes}`];
    case 'interaction.accepted':
      return [`accepted|${e.interactionId}|${e.agentId}`];
    case 'interaction.customer_ended':
      return e.by === 'agent' ? [`ended_by_agent|${e.interactionId}`] : [];
    case 'interaction.ended':
      return e.reason === 'wrapped_up' ? [`wrapped_up|${e.interactionId}`] : [];
    case 'interaction.arrived':
      return [
        ...(e.media === 'outbound_phone' && e.customer.phone ? [`dialed|${e.customer.phone}`] : []),
        ...(e.media === 'chat' && !e.transferredFrom ? [`chat_started|${e.interactionId}`] : []),
      ];
    default:
      return [];
  }
}

function keyOf(f: Effect): string {
  switch (f.kind) {
    case 'agent_chat':
    case 'notes':
      return `${f.kind}|${f.text}`;
    case 'chat_line':
      return `chat_line|${f.from}|${f.text}`;
    case 'accepted':
      return `accepted|${f.interactionId}|${f.agentId}`;
    case 'ended_by_agent':
    case 'wrapped_up':
      return `${f.kind}|${f.interactionId}`;
    case 'dialed':
      return `dialed|${f.number}`;
    case 'chat_started':
      return `chat_started|${f.conversationId}`;
  }
}

export class Ledger {
  readonly entries: Entry[] = [];
  private ackedCount = 0;
  private readonly waiters = new Set<{ n: number; resolve: () => void }>();

  /** Records a command's effect once it is answered (acked or not), or at the end if it never was. */
  record(effect: Effect, acked: boolean): void {
    this.entries.push({ effect, acked });
    if (!acked) return;
    this.ackedCount++;
    for (const w of this.waiters) if (this.ackedCount >= w.n) (this.waiters.delete(w), w.resolve());
  }

  get acked(): number {
    return this.ackedCount;
  }

  /** Resolves once `n` commands in all have been acknowledged: an amount of work, however fast the machine. */
  whenAcked(n: number): Promise<void> {
    if (this.ackedCount >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add({ n, resolve }));
  }

  check(log: Iterable<EngineEvent>): LedgerReport {
    const seen = new Map<string, number>();
    for (const e of log) for (const k of keysOf(e)) seen.set(k, (seen.get(k) ?? 0) + 1);
    const checked: LedgerReport['checked'] = {};
    const problems: string[] = [];
    const counted = new Map<string, Entry>();
    for (const entry of this.entries) {
      const key = keyOf(entry.effect);
      // One effect may be asked for twice (an accept retried after an error): the acknowledged one counts.
      const before = counted.get(key);
      if (!before || (!before.acked && entry.acked)) counted.set(key, entry);
    }
    for (const [key, entry] of counted) {
      const n = seen.get(key) ?? 0;
      const tally = (checked[entry.effect.kind] ??= { acked: 0, unacked: 0 });
      if (entry.acked) {
        tally.acked++;
        if (n !== 1) problems.push(`${n === 0 ? 'lost' : `applied ${n} times`}: acknowledged ${key}`);
      } else {
        tally.unacked++;
        if (n > 1) problems.push(`applied ${n} times: unacknowledged ${key}`);
      }
    }
    return { checked, problems };
  }
}
