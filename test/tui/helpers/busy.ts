// A console with everything at once (offer, seven interactions, 200 contacts,
// long and wide names) for layout tests, and the check that a frame fits.
import { expect } from 'vitest';
import type { AgentView } from '../../../src/client/index.js';
import { cellWidth } from '../../../src/tui/text/width.js';
import { contact, interaction, makeView, NOW, offer } from './fixtures.js';

export const LONG = 'Bartholomew-Maximilian Featherstonehaugh-Cholmondeley 日本語のお客様 👩🏽‍💻';

export function busyView(): AgentView {
  const v = makeView({
    offer: offer('o1', { customer: { name: LONG, phone: '+1 510 555 0100', email: 'very.long.address@example.com', account: 'ACCT-99999999', caseNumber: 'CASE-123456', subject: LONG } }),
    work: [
      interaction('w1', { customer: { name: LONG }, notes: `${LONG}\n`.repeat(30) }),
      interaction('w2', { media: 'inbound_phone', queueName: LONG, phase: 'wrapup', wrapUpDeadline: NOW - 65_000, wrapUpOverdue: true }),
      ...Array.from({ length: 5 }, (_, i) => interaction(`c${i}`, { customer: { name: `Chat ${i}` } })),
    ],
    contacts: Array.from({ length: 200 }, (_, i) => contact(`a${i}`, { displayName: i % 7 ? `Agent ${i}` : LONG, status: 'busy_stop_new' })),
  });
  return { ...v, self: { ...v.self!, displayName: LONG, status: 'busy_stop_new', afterWork: { status: 'working_offline', code: 'training', by: 'agent' }, statusAfterWork: 'working_offline' } };
}

export function assertFits(frame: string, columns: number, rows: number): void {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const l of lines) expect(cellWidth(l), l).toBeLessThanOrEqual(columns);
}


/** Every row ending in a pane's right border ends in the last column: no
 *  text Ink and the terminal measure differently pushed or pulled it. */
export function assertAligned(frame: string, columns: number): void {
  for (const l of frame.split('\n')) if (/[│╮╯]$/.test(l)) expect(cellWidth(l), l).toBe(columns);
}
