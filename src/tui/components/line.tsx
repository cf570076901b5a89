// One terminal line that can never overflow: text is cut to the width with
// truncateToWidth (and Ink's own truncation as a second guard). Segments are
// colored parts of one line sharing one width budget.
import { Text } from 'ink';
import { memo, type ReactNode } from 'react';
import { useTheme } from '../context.js';
import { cellWidth, truncateToWidth } from '../text/width.js';
import { fit } from '../text/fit.js';
import { textProps, type Role } from '../theme.js';

export interface LineProps {
  text: string;
  width: number;
  role?: Role;
  /** Pad to the full width (needed for a highlighted row's background). */
  pad?: boolean;
}

export const Line = memo(function Line({ text, width, role = 'text', pad = false }: LineProps) {
  const theme = useTheme();
  return (
    <Text {...textProps(theme, role)} wrap="truncate-end">
      {pad ? fit(text, width) : truncateToWidth(text, width)}
    </Text>
  );
});

export interface Segment {
  text: string;
  role?: Role;
}

/** Parts of one line in their own roles; later parts are cut first. */
export const Segments = memo(function Segments({ parts, width, role, pad = false }: { parts: readonly Segment[]; width: number; role?: Role; pad?: boolean }) {
  const theme = useTheme();
  let budget = Math.max(0, width);
  const children: ReactNode[] = [];
  parts.forEach((p, i) => {
    if (budget <= 0 || p.text === '') return;
    const t = truncateToWidth(p.text, budget);
    budget -= cellWidth(t);
    children.push(p.role ? <Text key={i} {...textProps(theme, p.role)}>{t}</Text> : t);
  });
  if (pad && budget > 0) children.push(' '.repeat(budget));
  return (
    <Text {...(role ? textProps(theme, role) : {})} wrap="truncate-end">
      {children}
    </Text>
  );
});
