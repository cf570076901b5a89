// "Dial from call history": the numbers of the calls I took or made (the
// engine keeps them, so they survive a restart of the console or the
// server), newest first, each number once, with who and when.
import type { CallHistoryEntry, DateFormat } from '../../protocol/index.js';
import { whenLabel } from '../format.js';

export interface RecallEntry {
  number: string;
  /** "← Lee Caller · Support line · 10:42" */
  label: string;
}

const ARROWS = { inbound: '←', outbound: '→' } as const;
export function recallEntries(calls: readonly CallHistoryEntry[], now: number, format: DateFormat): RecallEntry[] {
  const seen = new Set<string>();
  const out: RecallEntry[] = [];
  for (const c of calls) {
    if (!c.number || seen.has(c.number)) continue;
    seen.add(c.number);
    const who = [c.kind === 'voicemail' ? 'voicemail' : undefined, c.name, c.queue].filter(Boolean).join(' · ');
    out.push({ number: c.number, label: `${ARROWS[c.direction]} ${c.number}${who ? ` ${who}` : ''} · ${whenLabel(c.at, now, format)}` });
  }
  return out;
}
