// The `?` overlay: every command with its keys, section by section, straight
// from the keymap (user overrides included). Descriptions are whole, wrapped
// under their command when the terminal is narrow; what does not apply right
// now is dimmed. Scrolls with the list keys, one command at a time.
import { Box } from 'ink';
import { memo } from 'react';
import { Frame } from '../components/frame.js';
import { Line, Segments, type Segment } from '../components/line.js';
import { useConsoleValue, useServices } from '../context.js';
import { COMMANDS, type CommandSpec, type Keymap } from '../keymap.js';
import { clampCursor } from '../list-window.js';
import { memoLast } from '../memo.js';
import { fit } from '../text/fit.js';
import { wrapToWidth } from '../text/wrap.js';
import type { Role } from '../theme.js';
import type { Overlay } from '../ui-state.js';
import { applies } from '../when.js';
import { helpLines } from './items.js';

/** Theme entry. */
const STYLE = { section: 'title', note: 'muted', keys: 'accent', description: 'muted', selected: 'selection', notNow: 'muted' } satisfies Record<string, Role>;
const KEYS_W = 16;
const TITLE_W = 30;
/** From this inner width, a description sits beside its title; below, under it. */
const WIDE = KEYS_W + TITLE_W + 40;

interface VisualLine { entry: number; parts: Segment[]; id?: string }

/** Every help entry as the lines it takes at this width (a description is never cut). */
const visualLines = memoLast((keymap: Keymap, width: number): VisualLine[] => {
  const out: VisualLine[] = [];
  helpLines(keymap).forEach((l, entry) => {
    if (l.kind === 'section') {
      const [first = '', ...rest] = wrapToWidth(l.note ? `${l.title}  ${l.note}` : l.title, width);
      out.push({ entry, parts: [{ text: first.slice(0, l.title.length), role: STYLE.section }, { text: first.slice(l.title.length), role: STYLE.note }] });
      for (const r of rest) out.push({ entry, parts: [{ text: r, role: STYLE.note }] });
      return;
    }
    const head: Segment[] = [{ text: fit(`  ${l.keys}`, KEYS_W), role: STYLE.keys }];
    if (width >= WIDE) {
      const [first = '', ...rest] = wrapToWidth(l.description, width - KEYS_W - TITLE_W);
      out.push({ entry, id: l.id, parts: [...head, { text: fit(l.title, TITLE_W) }, { text: first, role: STYLE.description }] });
      for (const r of rest) out.push({ entry, id: l.id, parts: [{ text: ' '.repeat(KEYS_W + TITLE_W) }, { text: r, role: STYLE.description }] });
    } else {
      out.push({ entry, id: l.id, parts: [...head, { text: l.title }] });
      for (const r of wrapToWidth(l.description, width - 4)) out.push({ entry, id: l.id, parts: [{ text: '    ' }, { text: r, role: STYLE.description }] });
    }
  });
  return out;
});

/** The first line to show so the cursor's entry is whole on screen, roughly centred. */
function firstLine(lines: readonly VisualLine[], cursor: number, height: number): number {
  const from = lines.findIndex((l) => l.entry === cursor);
  let to = from;
  while (to + 1 < lines.length && lines[to + 1]!.entry === cursor) to++;
  const span = to - from + 1;
  const start = from - Math.max(0, Math.floor((height - span) / 2));
  return Math.max(0, Math.min(start, lines.length - height));
}

export const HelpDialog = memo(function HelpDialog({ overlay, width, height }: { overlay: Extract<Overlay, { kind: 'help' }>; width: number; height: number }) {
  const { keymap } = useServices();
  const innerW = width - 2;
  const h = Math.max(0, height - 2);
  const entries = helpLines(keymap);
  const lines = visualLines(keymap, innerW);
  const cursor = clampCursor(overlay.cursor, entries.length);
  // Commands that do not apply now, as one string (re-rendered only when it changes).
  const notNow = useConsoleValue((c) => (COMMANDS as readonly CommandSpec[]).filter((spec) => !applies(spec, c)).map((spec) => spec.id).join(' '));
  const dim = new Set(notNow.split(' '));
  const start = firstLine(lines, cursor, h);
  return (
    <Frame title={`Keys (${cursor + 1} of ${entries.length}) · dimmed: not now`} focused width={width} height={height}>
      <Box flexDirection="column">
        {lines.slice(start, start + h).map((l, i) => {
          const selected = l.entry === cursor;
          const parts = l.id && dim.has(l.id) && !selected ? l.parts.map((p) => ({ ...p, role: STYLE.notNow })) : l.parts;
          return <Segments key={start + i} role={selected ? STYLE.selected : undefined} pad parts={parts} width={innerW} />;
        })}
      </Box>
      {entries.length === 0 ? <Line text="No commands." width={innerW} /> : null}
    </Frame>
  );
});
