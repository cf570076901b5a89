// One styled line (spans from rich.ts) as Ink text, cut to the width as a
// second guard (wrapping already fits it).
import { Text } from 'ink';
import { memo } from 'react';
import { useTheme } from '../context.js';
import { cellWidth, truncateToWidth } from '../text/width.js';
import { textProps } from '../theme.js';
import type { StyledLine } from './rich.js';

export const StyledLineView = memo(function StyledLineView({ line, width }: { line: StyledLine; width: number }) {
  const theme = useTheme();
  let budget = Math.max(0, width);
  const parts = line.flatMap((sp, i) => {
    if (budget <= 0 || sp.text === '') return [];
    const t = truncateToWidth(sp.text, budget);
    budget -= cellWidth(t);
    return [
      <Text key={i} {...(sp.role ? textProps(theme, sp.role) : {})} {...(sp.bold ? { bold: true } : {})}
        {...(sp.italic ? { italic: true } : {})} {...(sp.underline ? { underline: true } : {})}>{t}</Text>,
    ];
  });
  return <Text wrap="truncate-end">{parts.length ? parts : ' '}</Text>;
});
