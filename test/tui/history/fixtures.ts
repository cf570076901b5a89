// History entries as the console receives them (the history query's answer).
import type { HistoryEntry } from '../../../src/protocol/index.js';
import { NOW } from '../helpers/fixtures.js';

export const entry = (n: number, over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  followUpId: `FU-${n}`,
  caseId: `CAS-00000${n}`,
  subject: `Case ${n}`,
  customerName: 'Lee Park',
  at: NOW - n * 60_000,
  log: { interactionId: `IX-${n}`, media: 'inbound_phone', queueName: 'Support line', durationSec: 125, codes: ['Billing'], recordings: [] },
  text: `Notes ${n}\n\nCodes: Billing\nQueue: Support line\nDuration: 2:05`,
  ...over,
});
