// The `?` overlay: every command with its keys, section by section, straight
// from the keymap (user overrides included). Scrolls with the list keys.
import { Box } from 'ink';
import { memo } from 'react';
import { Frame } from '../components/frame.js';
import { Line, Segments } from '../components/line.js';
import { useServices } from '../context.js';
import { clampCursor, listWindow } from '../list-window.js';
import { fit } from '../text/fit.js';
import type { Role } from '../theme.js';
import type { Overlay } from '../ui-state.js';
import { helpLines } from './items.js';

/** Theme entry. */
const STYLE = { section: 'title', note: 'muted', keys: 'accent', description: 'muted', selected: 'selection' } satisfies Record<string, Role>;
const KEYS_W = 16;
const TITLE_W = 30;

export const HelpDialog = memo(function HelpDialog({ overlay, width, height }: { overlay: Extract<Overlay, { kind: 'help' }>; width: number; height: number }) {
  const { keymap } = useServices();
  const lines = helpLines(keymap);
  const innerW = width - 2;
  const h = Math.max(0, height - 2);
  const cursor = clampCursor(overlay.cursor, lines.length);
  const { start, end } = listWindow(lines.length, cursor, h);
  return (
    <Frame title={`Keys (${cursor + 1} of ${lines.length})`} focused width={width} height={height}>
      <Box flexDirection="column">
        {lines.slice(start, end).map((l, i) => (l.kind === 'section'
          ? <Segments key={start + i} role={start + i === cursor ? STYLE.selected : undefined} pad parts={[{ text: l.title, role: STYLE.section }, { text: l.note ? `  ${l.note}` : '', role: STYLE.note }]} width={innerW} />
          : <Segments key={start + i} role={start + i === cursor ? STYLE.selected : undefined} pad parts={[
              { text: fit(`  ${l.keys}`, KEYS_W), role: STYLE.keys },
              { text: fit(l.title, TITLE_W) },
              { text: l.description, role: STYLE.description },
            ]} width={innerW} />))}
      </Box>
      {lines.length === 0 ? <Line text="No commands." width={innerW} /> : null}
    </Frame>
  );
});
