import { describe, expect, it } from 'vitest';
import { safeErrorMessage, safeView, MAX_LINE } from '../../src/tui/safe-view.js';
import { contact, interaction, makeView } from './helpers/fixtures.js';

const HOSTILE = 'Eve\x1b]52;c;ZXZpbA==\x07\x1b[2J\u009b31m\u202Egnp.exe\nnext';

describe('safe view (ingress sanitizer)', () => {
  it('sanitizes every string, nested or not, and keeps ids', () => {
    const v = makeView({
      work: [interaction('w1', { customer: { name: HOSTILE }, notes: `line1\n${HOSTILE}`, queueName: HOSTILE })],
      contacts: [contact('ben', { displayName: HOSTILE })],
      connection: { state: 'offline', reason: HOSTILE },
    });
    const s = safeView(v);
    const json = JSON.stringify(s);
    expect(json).not.toMatch(/\\u001b|\\u0007|\u009b|\u202e/i);
    expect(s.work[0]!.customer.name).toBe('Evegnp.exe next');
    expect(s.work[0]!.notes).toBe('line1\nEvegnp.exe\nnext');
    expect(s.contacts[0]!.id).toBe('ben');
    expect(s.work[0]!.id).toBe('w1');
  });

  it('caps single-line fields', () => {
    const s = safeView(makeView({ contacts: [contact('x', { displayName: 'y'.repeat(10_000) })] }));
    expect([...s.contacts[0]!.displayName].length).toBe(MAX_LINE);
  });

  it('memoizes per object: unchanged parts keep their identity', () => {
    const v1 = makeView();
    const s1 = safeView(v1);
    expect(safeView(v1)).toBe(s1);
    const v2 = { ...v1, contacts: [...v1.contacts.slice(0, -1), contact('zed')] };
    const s2 = safeView(v2);
    expect(s2.queues).toBe(s1.queues);
    expect(s2.self).toBe(s1.self);
    expect(s2.contacts).not.toBe(s1.contacts);
    expect(s2.contacts[0]).toBe(s1.contacts[0]);
  });

  it('sanitizes command errors', () => {
    expect(safeErrorMessage({ message: 'bad \x1b[2Jthing\x07' })).toBe('bad thing');
    expect(safeErrorMessage(undefined)).toBe('unknown error');
  });
});
