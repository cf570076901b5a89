// Time formatting for the console: status timers, queue waits, offer and
// wrap-up countdowns. Every output has a stable shape (padded minor unit) so a
// ticking timer does not make its line jitter in width every second.
// A duration has a granularity: 'second' for what the agent watches live (own
// status, interactions, offers, queue waits), 'minute' for a glance at
// colleagues (contacts' time in status), which then changes once a minute.

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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "10:42" today, "Nov 24 10:42" before (call history, notices). */
export function whenLabel(at: number, now: number): string {
  const d = new Date(at);
  const today = new Date(now);
  const sameDay = d.getFullYear() === today.getFullYear() && d.getMonth() === today.getMonth() && d.getDate() === today.getDate();
  return sameDay ? hhmm(at) : `${MONTHS[d.getMonth()]} ${d.getDate()} ${hhmm(at)}`;
}
