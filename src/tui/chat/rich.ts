// Chat markup and FAQ answers as terminal lines: parsed blocks (headings,
// list items, paragraphs with bold/italic/underline/links) word-wrapped to a
// width (text/wrap.ts), as styled spans. Pure: the transcript
// and the FAQ preview turn the spans into <Text>. Input is sanitized text.
import type { Block } from '../../protocol/rich-text.js';
import { cellsOf, wrapCells, type Cell } from '../text/wrap.js';
import type { Role } from '../theme.js';

export interface Span { text: string; bold?: boolean; italic?: boolean; underline?: boolean; role?: Role }
export type StyledLine = Span[];

type Style = Omit<Span, 'text'>;

const sameStyle = (a: Style, b: Style): boolean =>
  a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.role === b.role;

const cellsOfSpan = (span: Span): Cell<Style>[] => {
  const { text, ...style } = span;
  return cellsOf(text, style);
};

/** Cells back into spans, one per run of the same style. */
function toSpans(cells: readonly Cell<Style>[]): StyledLine {
  const line: StyledLine = [];
  for (const c of cells) {
    const last = line[line.length - 1];
    if (last && sameStyle(last, c.style)) last.text += c.text;
    else line.push({ ...c.style, text: c.text });
  }
  return line;
}

/** Wrap blocks to `width` cells, at word boundaries. `prefix` starts the
 *  first line (a timestamp and a name); later lines are indented by `indent`. */
export function richLines(blocks: readonly Block[], width: number, o: { prefix?: readonly Span[]; indent?: number; role?: Role } = {}): StyledLine[] {
  const w = Math.max(1, Math.floor(width));
  const indent = Math.min(o.indent ?? 0, Math.floor(w / 2));
  const base: Style = o.role ? { role: o.role } : {};
  const indentSpan: readonly Span[] = indent > 0 ? [{ text: ' '.repeat(indent) }] : [];
  const paragraph = (lead: readonly Span[], spans: readonly Span[]): StyledLine[] =>
    wrapCells([...lead, ...spans].flatMap(cellsOfSpan), w, indent)
      .map((cells, i) => (i === 0 || indent === 0 ? toSpans(cells) : [...indentSpan.map((sp) => ({ ...sp })), ...toSpans(cells)]));
  if (blocks.length === 0) return paragraph(o.prefix ?? [], []);
  return blocks.flatMap((b, i) => {
    const spans: Span[] = [];
    if (b.kind === 'li') spans.push({ ...base, text: b.level !== undefined ? `${b.level}. ` : '• ' });
    for (const inl of b.inlines) {
      const style: Span = { ...base, text: inl.text };
      if (inl.bold || b.kind === 'h') style.bold = true;
      if (inl.italic) style.italic = true;
      if (inl.underline || inl.href || (b.kind === 'h' && b.level === 1)) style.underline = true;
      spans.push(style);
      if (inl.href && inl.href !== inl.text) spans.push({ ...base, text: ` <${inl.href}>`, role: 'muted' });
    }
    return paragraph(i === 0 ? (o.prefix ?? []) : indentSpan, spans);
  });
}

/** Plain text (customer lines, system notices) as one paragraph. */
export const plainBlocks = (text: string): Block[] => [{ kind: 'p', inlines: [{ text }] }];
