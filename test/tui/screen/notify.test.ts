// Alerts: the bell and a desktop notification only as the user set them and
// the terminal shows them, always printable text, through tmux's passthrough.
import { describe, expect, it } from 'vitest';
import { alertSequence } from '../../../src/tui/screen/notify.js';

const offer = { title: 'Offer: Chat · Sales — Chat', body: 'Olivia Brown · acct 1234' };
const caps = (notify: 'osc9' | 'osc777' | null, tmux = false, unicode = true) => ({ notify, tmux, unicode });

describe('alerts', () => {
  it('rings the bell, and notifies by OSC 9 or OSC 777 where the terminal has it', () => {
    expect(alertSequence(offer, caps(null), { bell: true })).toBe('\x07');
    expect(alertSequence(offer, caps('osc9'), { bell: true })).toBe('\x07\x1b]9;Offer: Chat · Sales — Chat: Olivia Brown · acct 1234\x07');
    expect(alertSequence(offer, caps('osc777'), { bell: false })).toBe('\x1b]777;notify;Offer: Chat · Sales — Chat;Olivia Brown · acct 1234\x07');
  });

  it('writes nothing when both are off', () => {
    expect(alertSequence(offer, caps(null), { bell: false })).toBe('');
  });

  it('goes through tmux wrapped in its passthrough, every ESC doubled', () => {
    expect(alertSequence({ title: 'Offer', body: 'Lee' }, caps('osc9', true), { bell: false })).toBe('\x1bPtmux;\x1b\x1b]9;Offer: Lee\x07\x1b\\');
  });

  it('is always sanitized: no control can end the sequence or start another; OSC 777 fields keep their place', () => {
    const hostile = { title: 'Offer\x07\x1b]52;c;aGk=\x07', body: 'Eve\x1b[2J;evil;\u009b31m\nnext' };
    for (const notify of ['osc9', 'osc777'] as const) {
      const seq = alertSequence(hostile, caps(notify), { bell: false });
      const payload = seq.slice(seq.indexOf(';') + 1, -1);
      expect(payload).not.toMatch(/[\x00-\x1f\x7f\x80-\x9f]/);
      expect(seq.endsWith('\x07')).toBe(true);
      if (notify === 'osc777') expect(seq.split(';')).toHaveLength(4);
    }
  });

  it('cuts long text, and is ASCII on a terminal that is not UTF-8', () => {
    const seq = alertSequence({ title: 'Offer', body: 'Zoë '.repeat(100) }, caps('osc9', false, false), { bell: false });
    expect(/^[\x00-\x7f]*$/.test(seq)).toBe(true);
    expect(seq.length).toBeLessThan(150);
    expect(seq).toContain('Zoe Zoe');
  });
});
