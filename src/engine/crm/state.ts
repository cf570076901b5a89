/**
 * The CRM's slice of the in-memory state: only what stays small whatever
 * the CRM holds — the counters that number records, and, for the live
 * interactions, which customer and case their log goes to. Records live in
 * the store (store/), so restart time does not grow with them. Only
 * reducers.ts mutates this.
 */
import type { EngineState } from '../kernel/types.js';

/**
 * The interactions of one customer contact: a call with its transfers and
 * consultations, a chat conversation across its transfers. One log case for
 * all of them.
 */
export interface CrmThread {
  /** The customer the agent linked (or created from the pop form). */
  customerId?: string;
  /** The case the logs go on (linked, opened for it, or the first log's). */
  caseId?: string;
  /** References of the call's recordings. */
  recordings: string[];
  /** Live interactions in it; the thread goes with the last. */
  live: number;
}

export interface CrmState {
  next: { customer: number; case: number; followUp: number; task: number };
  /** Live interaction → its thread's key. */
  threadOf: Map<string, string>;
  threads: Map<string, CrmThread>;
}

declare module '../kernel/types.js' {
  interface EngineState {
    crm: CrmState;
  }
}

export const emptyCrmState = (): CrmState => ({
  next: { customer: 1, case: 1, followUp: 1, task: 1 },
  threadOf: new Map(),
  threads: new Map(),
});

/** The thread of a live interaction. */
export function threadOf(s: EngineState, interactionId: string): CrmThread | undefined {
  const key = s.crm.threadOf.get(interactionId);
  return key === undefined ? undefined : s.crm.threads.get(key);
}

export interface SerializedCrm {
  crm?: { next: CrmState['next']; threadOf: [string, string][]; threads: [string, CrmThread][] };
}

export const crmSlice = {
  init: () => ({ crm: emptyCrmState() }),
  serialize: (s: EngineState): SerializedCrm => ({
    crm: { next: s.crm.next, threadOf: [...s.crm.threadOf], threads: [...s.crm.threads] },
  }),
  deserialize: (raw: SerializedCrm) =>
    raw.crm
      ? { crm: { next: { ...raw.crm.next }, threadOf: new Map(raw.crm.threadOf), threads: new Map(raw.crm.threads) } }
      : { crm: emptyCrmState() },
};
