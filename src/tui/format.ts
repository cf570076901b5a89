// Time formatting for the console: status timers, queue waits, offer and
// wrap-up countdowns. Every output has a stable shape (padded minor unit) so a
// ticking timer does not make its line jitter in width every second.
// A duration has a granularity: 'second' for what the agent watches live (own
// status, interactions, offers, queue waits), 'minute' for a glance at
// colleagues (contacts' time in status), which then changes once a minute.

import type { DateFormat } from '../protocol/index.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Negative, NaN and infinite inputs are treated as 0: a clock skew between
 *  server and console must never show "-3s" or "NaN" to an agent. */
function clampMs(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export type Granularity = 'second' | 'minute';

/** The smallest step a duration shown at this granularity moves by: its text
 *  depends only on floor(ms / step), so a timer needs the clock only that often. */
export const GRANULARITY_MS: Readonly<Record<Granularity, number>> = { second: SECOND, minute: MINUTE };

/** Compact duration with the two most significant units, rounded down.
 *  'second' (default): "0s", "45s", "3m 20s", "2h 05m", "1d 3h", "1w 4d".
 *  'minute': "<1m", "4m", "1h12m", "23h05m", then "1d 3h", "1w 4d" as above. */
export function formatDuration(ms: number, granularity: Granularity = 'second'): string {
  const t = clampMs(ms);
  if (granularity === 'minute' && t < DAY) {
    if (t < MINUTE) return '<1m';
    if (t < HOUR) return `${Math.floor(t / MINUTE)}m`;
    return `${Math.floor(t / HOUR)}h${pad2(Math.floor((t % HOUR) / MINUTE))}m`;
  }
  if (t < MINUTE) return `${Math.floor(t / SECOND)}s`;
  if (t < HOUR) {
    return `${Math.floor(t / MINUTE)}m ${pad2(Math.floor((t % MINUTE) / SECOND))}s`;
  }
  if (t < DAY) {
    return `${Math.floor(t / HOUR)}h ${pad2(Math.floor((t % HOUR) / MINUTE))}m`;
  }
  if (t < WEEK) return `${Math.floor(t / DAY)}d ${Math.floor((t % DAY) / HOUR)}h`;
  return `${Math.floor(t / WEEK)}w ${Math.floor((t % WEEK) / DAY)}d`;
}

/** Time a customer has waited in a queue (same shape as formatDuration). */
export function formatWait(ms: number): string {
  return formatDuration(ms);
}

export type Rounding = 'floor' | 'ceil';

/** Clock form "0:20", "12:05", "1:02:03". Elapsed time rounds down (default);
 *  pass 'ceil' for a countdown so it shows "0:01" until it really expires
 *  instead of "0:00" for the last second. */
export function formatClock(ms: number, rounding: Rounding = 'floor'): string {
  const t = clampMs(ms);
  const total = rounding === 'ceil' ? Math.ceil(t / SECOND) : Math.floor(t / SECOND);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${m}:${pad2(s)}`;
}

/** Wrap-up timer from the time remaining: counts down as "0:45" while time is
 *  left, then up as "+1:05" once overdue (mandatory codes still missing). */
export function formatSigned(remainingMs: number): string {
  if (!Number.isFinite(remainingMs)) return formatClock(0);
  if (remainingMs >= 0) return formatClock(remainingMs, 'ceil');
  return `+${formatClock(-remainingMs, 'floor')}`;
}

/** "14:05": a time of day in the agent's local time. */
export function hhmm(ts: number): string {
  const d = new Date(ts);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** A calendar day in the agent's date format (My profile: the tenant's unless they chose): every date the console shows goes through here. */
export function formatDay(year: number, month: number, day: number, format: DateFormat): string {
  const [y, m, d] = [String(year).padStart(4, '0'), pad2(month), pad2(day)];
  return DAY_FORMATS[format](y, m, d);
}

const DAY_FORMATS: Record<DateFormat, (y: string, m: string, d: string) => string> = {
  iso: (y, m, d) => `${y}-${m}-${d}`,
  us: (y, m, d) => `${m}/${d}/${y}`,
  eu: (y, m, d) => `${d}/${m}/${y}`,
};

/** The local day of an instant: "2025-11-24", "11/24/2025" or "24/11/2025". */
export function dateLabel(ts: number, format: DateFormat): string {
  const d = new Date(ts);
  return formatDay(d.getFullYear(), d.getMonth() + 1, d.getDate(), format);
}

/** A day as the engine keeps it ("2025-11-24", a CRM due date) in the agent's format; anything else as it is. */
export function dayLabel(isoDay: string, format: DateFormat): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  return m ? formatDay(Number(m[1]), Number(m[2]), Number(m[3]), format) : isoDay;
}

/** "10:42" today, "2025-11-24 10:42" before (in the agent's date format): call history, notices. */
export function whenLabel(at: number, now: number, format: DateFormat): string {
  const d = new Date(at);
  const today = new Date(now);
  const sameDay = d.getFullYear() === today.getFullYear() && d.getMonth() === today.getMonth() && d.getDate() === today.getDate();
  return sameDay ? hhmm(at) : `${dateLabel(at, format)} ${hhmm(at)}`;
}
