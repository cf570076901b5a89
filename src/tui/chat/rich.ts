// Chat markup and FAQ answers as terminal lines: parsed blocks (headings,
// list items, quotes, definition lists, rules, paragraphs with
// bold/italic/underline/superscript/subscript/links) word-wrapped to a
// width (text/wrap.ts), as styled spans. Pure: the transcript
// and the FAQ preview turn the spans into <Text>. Input is sanitized text.
import { inlineText } from '../../protocol/rich-text-plain.js';
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

/** What starts a block's first line, and its following lines (a quote's bar on every line, a definition's indent). */
function marks(b: Block, base: Style): { lead: Span[]; hang: Span[] } {
  const muted = (text: string): Span[] => [{ ...base, text, role: 'muted' }];
  switch (b.kind) {
    case 'li':
      return { lead: [{ ...base, text: b.level !== undefined ? `${b.level}. ` : '• ' }], hang: [] };
    case 'quote':
      return { lead: muted('│ '), hang: muted('│ ') };
    case 'dd':
      return { lead: [{ text: '   ' }], hang: [{ text: '   ' }] };
    default:
      return { lead: [], hang: [] };
  }
}

const spanWidth = (spans: readonly Span[]): number => spans.reduce((n, s) => n + cellsOfSpan(s).length, 0);

/** Wrap blocks to `width` cells, at word boundaries. `prefix` starts the
 *  first line (a timestamp and a name); later lines are indented by `indent`. */
export function richLines(blocks: readonly Block[], width: number, o: { prefix?: readonly Span[]; indent?: number; role?: Role } = {}): StyledLine[] {
  const w = Math.max(1, Math.floor(width));
  const indent = Math.min(o.indent ?? 0, Math.floor(w / 2));
  const base: Style = o.role ? { role: o.role } : {};
  const indentSpan: readonly Span[] = indent > 0 ? [{ text: ' '.repeat(indent) }] : [];
  const paragraph = (lead: readonly Span[], spans: readonly Span[], hang: readonly Span[] = []): StyledLine[] => {
    // A hanging mark only where it leaves room for the text.
    const hangs = indent + spanWidth(hang) <= Math.floor(w / 2) ? hang : [];
    const cont = [...indentSpan, ...hangs];
    return wrapCells([...lead, ...spans].flatMap(cellsOfSpan), w, indent + spanWidth(hangs))
      .map((cells, i) => (i === 0 || cont.length === 0 ? toSpans(cells) : [...cont.map((sp) => ({ ...sp })), ...toSpans(cells)]));
  };
  if (blocks.length === 0) return paragraph(o.prefix ?? [], []);
  return blocks.flatMap((b, i) => {
    const first = i === 0 ? (o.prefix ?? []) : indentSpan;
    if (b.kind === 'hr') return [[...first.map((sp) => ({ ...sp })), { ...base, text: '─'.repeat(Math.max(1, w - (i === 0 ? spanWidth(first) : indent))), role: 'muted' as Role }]];
    const { lead, hang } = marks(b, base);
    const spans: Span[] = [...lead];
    for (const inl of b.inlines) {
      const style: Span = { ...base, text: inlineText(inl) };
      if (inl.bold || b.kind === 'h' || b.kind === 'dt') style.bold = true;
      if (inl.italic) style.italic = true;
      if (inl.underline || inl.href || (b.kind === 'h' && b.level === 1)) style.underline = true;
      spans.push(style);
      if (inl.href && inl.href !== inl.text) spans.push({ ...base, text: ` <${inl.href}>`, role: 'muted' });
    }
    return paragraph(first, spans, hang);
  });
}

/** Plain text (customer lines, system notices) as one paragraph. */
export const plainBlocks = (text: string): Block[] => [{ kind: 'p', inlines: [{ text }] }];
