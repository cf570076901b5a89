import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, formatSigned, formatWait, GRANULARITY_MS, whenLabel, dateLabel, dayLabel } from '../../src/tui/format.js';
import type { DateFormat } from '../../src/protocol/index.js';

const S = 1000, M = 60 * S, H = 60 * M, D = 24 * H, W = 7 * D;

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [45 * S, '45s'],
    [59 * S + 999, '59s'],
    [60 * S, '1m 00s'],
    [3 * M + 20 * S, '3m 20s'],
    [3 * M + 5 * S, '3m 05s'],
    [59 * M + 59 * S, '59m 59s'],
    [H, '1h 00m'],
    [2 * H + 5 * M + 30 * S, '2h 05m'],
    [23 * H + 59 * M, '23h 59m'],
    [D + 3 * H + 10 * M, '1d 3h'],
    [6 * D + 23 * H, '6d 23h'],
    [W + 4 * D + 5 * H, '1w 4d'],
    [60 * W, '60w 0d'],
  ])('%d ms → %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
    expect(formatWait(ms)).toBe(expected);
  });

  it('treats negative and non-finite input as 0', () => {
    expect(formatDuration(-5000)).toBe('0s');
    expect(formatDuration(Number.NaN)).toBe('0s');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('0s');
    expect(formatWait(-1)).toBe('0s');
  });
});

describe('formatDuration at minute granularity (contacts: a glance, changes once a minute)', () => {
  it.each([
    [0, '<1m'],
    [59 * S + 999, '<1m'],
    [M, '1m'],
    [4 * M + 59 * S, '4m'],
    [59 * M + 59 * S, '59m'],
    [H, '1h00m'],
    [H + 12 * M + 30 * S, '1h12m'],
    [23 * H + 59 * M + 59 * S, '23h59m'],
    [D + 3 * H + 10 * M, '1d 3h'],
    [W + 4 * D + 5 * H, '1w 4d'],
  ])('%d ms → %s', (ms, expected) => {
    expect(formatDuration(ms, 'minute')).toBe(expected);
  });

  it('depends only on whole minutes: the text holds for a whole step of GRANULARITY_MS', () => {
    for (const start of [0, 7 * M, 3 * H + 59 * M, 2 * D + 13 * M]) {
      const texts = new Set(Array.from({ length: 60 }, (_, s) => formatDuration(start + s * S + 999, 'minute')));
      expect(texts.size).toBe(1);
    }
    expect(GRANULARITY_MS).toEqual({ second: S, minute: M });
  });

  it('treats negative and non-finite input as 0', () => {
    expect(formatDuration(-5000, 'minute')).toBe('<1m');
    expect(formatDuration(Number.NaN, 'minute')).toBe('<1m');
  });
});

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [20 * S, '0:20'],
    [12 * M + 5 * S, '12:05'],
    [H + 2 * M + 3 * S, '1:02:03'],
    [100 * H, '100:00:00'],
    [19_999, '0:19'],
  ])('%d ms → %s', (ms, expected) => {
    expect(formatClock(ms)).toBe(expected);
  });

  it('rounds up for countdowns so it reads 0:00 only at expiry', () => {
    expect(formatClock(19_001, 'ceil')).toBe('0:20');
    expect(formatClock(1, 'ceil')).toBe('0:01');
    expect(formatClock(0, 'ceil')).toBe('0:00');
    expect(formatClock(59_500, 'ceil')).toBe('1:00');
  });

  it('treats negative input as 0', () => {
    expect(formatClock(-20 * S)).toBe('0:00');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });
});

describe('formatSigned (wrap-up timer)', () => {
  it('counts down while time remains', () => {
    expect(formatSigned(45 * S)).toBe('0:45');
    expect(formatSigned(44_200)).toBe('0:45');
    expect(formatSigned(0)).toBe('0:00');
  });

  it('shows overdue time with a plus sign', () => {
    expect(formatSigned(-65 * S)).toBe('+1:05');
    expect(formatSigned(-500)).toBe('+0:00');
    expect(formatSigned(-(H + 2 * M + 3 * S))).toBe('+1:02:03');
  });

  it('survives non-finite input', () => {
    expect(formatSigned(Number.NaN)).toBe('0:00');
  });
});

describe('whenLabel', () => {
  it('today as a time of day, earlier days with the date in the agent\'s format', () => {
    const now = new Date(2026, 10, 26, 15, 30).getTime();
    expect(whenLabel(new Date(2026, 10, 26, 9, 5).getTime(), now, 'us')).toBe('09:05');
    expect(whenLabel(new Date(2026, 10, 24, 23, 59).getTime(), now, 'iso')).toBe('2026-11-24 23:59');
    expect(whenLabel(new Date(2026, 10, 24, 23, 59).getTime(), now, 'us')).toBe('11/24/2026 23:59');
    expect(whenLabel(new Date(2026, 10, 24, 23, 59).getTime(), now, 'eu')).toBe('24/11/2026 23:59');
    expect(whenLabel(new Date(2025, 10, 26, 9, 5).getTime(), now, 'eu')).toBe('26/11/2025 09:05'); // same day, another year
  });
});

describe('dates in the agent\'s format', () => {
  it('a day of the engine (a due date) and the day of an instant, in each format; anything not a day stays as it is', () => {
    expect(['iso', 'us', 'eu'].map((f) => dayLabel('2026-03-07', f as DateFormat))).toEqual(['2026-03-07', '03/07/2026', '07/03/2026']);
    expect(dateLabel(new Date(2026, 0, 2, 23, 59).getTime(), 'us')).toBe('01/02/2026');
    expect(dayLabel('next week', 'eu')).toBe('next week');
  });
});
