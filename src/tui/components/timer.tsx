// Timer leaves: the only components that follow the shared clock. Each one
// re-renders only when its own text (or color) changes, and always takes a
// fixed width, so the line around it never moves or overflows. A timer's
// granularity (format.ts) decides how often it even hears the clock: a
// minute-granularity one is told once a minute, not every second.
import { Text } from 'ink';
import { memo, useMemo, useSyncExternalStore } from 'react';
import { subscribeEvery } from '../clock.js';
import { useServices, useTheme } from '../context.js';
import { formatClock, formatDuration, formatSigned, GRANULARITY_MS, type Granularity } from '../format.js';
import { fit, fitRight } from '../text/fit.js';
import { textProps, type Role } from '../theme.js';

interface ClockTextProps {
  width: number;
  text: (now: number) => string;
  role?: Role | ((now: number) => Role);
  align?: 'left' | 'right';
  /** When set, the text and role depend only on floor((now − origin) / step):
   *  the clock is consulted only when that changes. */
  step?: number;
  origin?: number;
}

export const ClockText = memo(function ClockText({ width, text, role = 'text', align = 'left', step, origin = 0 }: ClockTextProps) {
  const theme = useTheme();
  const { clock } = useServices();
  const subscribe = useMemo(() => (step ? subscribeEvery(clock, step, origin) : clock.subscribe), [clock, step, origin]);
  // One subscription per timer; role and text in one primitive snapshot.
  const read = (): string => {
    const now = clock.now();
    return `${typeof role === 'function' ? role(now) : role}\t${text(now)}`;
  };
  const snapshot = useSyncExternalStore(subscribe, read, read);
  const tab = snapshot.indexOf('\t');
  const value = snapshot.slice(tab + 1);
  return <Text {...textProps(theme, snapshot.slice(0, tab) as Role)}>{align === 'right' ? fitRight(value, width) : fit(value, width)}</Text>;
});

/** Server-time helpers: `offset` is the view's clockOffset (server − local). */
type ServerTimer = { offset: number; width: number; align?: 'left' | 'right'; role?: Role };

/** Time since a server timestamp: "3m 20s", "1w 4d"; at 'minute' granularity
 *  "<1m", "4m", "1h12m" (changes once a minute: for glancing at colleagues). */
export function Since({ at, offset, width, align, role, granularity = 'second' }: ServerTimer & { at: number; granularity?: Granularity }) {
  return (
    <ClockText width={width} align={align} role={role} text={(now) => formatDuration(now + offset - at, granularity)}
      step={granularity === 'second' ? undefined : GRANULARITY_MS[granularity]} origin={at - offset} />
  );
}

/** Elapsed clock since a server timestamp: "3:12". */
export function Elapsed({ at, offset, width, align, role }: ServerTimer & { at: number }) {
  return <ClockText width={width} align={align} text={(now) => formatClock(now + offset - at)} role={role} />;
}

/** Offer countdown "0:17"; turns to warning in the last 5 seconds. */
export function Countdown({ deadline, offset, width, align }: ServerTimer & { deadline: number }) {
  const left = (now: number) => deadline - (now + offset);
  return <ClockText width={width} align={align} text={(now) => formatClock(left(now), 'ceil')} role={(now) => (left(now) <= 5000 ? 'danger' : 'warning')} />;
}

/** Wrap-up: counts down "0:45", then up "+1:05" in danger once overdue. When
 *  the engine says overdue, it never shows time left, whatever the clocks say. */
export function WrapUpTimer({ deadline, offset, overdue = false, width, align }: ServerTimer & { deadline: number; overdue?: boolean }) {
  const left = (now: number) => (overdue ? Math.min(0, deadline - (now + offset)) : deadline - (now + offset));
  return <ClockText width={width} align={align} text={(now) => formatSigned(left(now))} role={(now) => (overdue || left(now) < 0 ? 'danger' : 'warning')} />;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
/** The wall clock in the status bar (local time). */
export function WallClock({ width }: { width: number }) {
  return (
    <ClockText width={width} align="right" role="muted" text={(now) => {
      const d = new Date(now);
      return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
    }} />
  );
}
