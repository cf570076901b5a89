// Chat markup and FAQ answers as terminal lines: parsed blocks (headings,
// list items, paragraphs with bold/italic/underline/links) wrapped to a
// width, never splitting a grapheme, as styled spans. Pure: the transcript
// and the FAQ preview turn the spans into <Text>. Input is sanitized text.
import type { Block } from '../../protocol/rich-text.js';
import { cellWidth } from '../text/width.js';
import type { Role } from '../theme.js';

export interface Span { text: string; bold?: boolean; italic?: boolean; underline?: boolean; role?: Role }
export type StyledLine = Span[];

const segmenter = new Intl.Segmenter();

const sameStyle = (a: Span, b: Span): boolean =>
  a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.role === b.role;

class Wrapper {
  lines: StyledLine[] = [];
  private cur: StyledLine = [];
  private used = 0;
  constructor(private readonly width: number, private readonly indent: number) {}
  start(prefix: readonly Span[]): void {
    this.cur = [];
    this.used = 0;
    for (const p of prefix) this.push(p);
  }
  private newLine(): void {
    this.lines.push(this.cur);
    this.cur = this.indent > 0 ? [{ text: ' '.repeat(this.indent) }] : [];
    this.used = this.indent;
  }
  private add(style: Span, g: string, w: number): void {
    const last = this.cur[this.cur.length - 1];
    if (last && sameStyle(last, style)) last.text += g;
    else this.cur.push({ ...style, text: g });
    this.used += w;
  }
  push(span: Span): void {
    for (const { segment } of segmenter.segment(span.text)) {
      if (segment === '\n') { this.newLine(); continue; }
      const w = cellWidth(segment);
      if (w > this.width) continue; // cannot show at all in so narrow a column
      if (this.used + w > this.width) this.newLine();
      this.add(span, segment, w);
    }
  }
  end(): void {
    this.lines.push(this.cur);
    this.cur = [];
    this.used = 0;
  }
}

/** Wrap blocks to `width` cells. `prefix` starts the first line (a timestamp
 *  and a name); later lines are indented by `indent`. */
export function richLines(blocks: readonly Block[], width: number, o: { prefix?: readonly Span[]; indent?: number; role?: Role } = {}): StyledLine[] {
  const w = Math.max(1, Math.floor(width));
  const wr = new Wrapper(w, Math.min(o.indent ?? 0, Math.floor(w / 2)));
  const base: Span = o.role ? { text: '', role: o.role } : { text: '' };
  if (blocks.length === 0) {
    wr.start(o.prefix ?? []);
    wr.end();
    return wr.lines;
  }
  blocks.forEach((b, i) => {
    wr.start(i === 0 ? (o.prefix ?? []) : o.indent ? [{ text: ' '.repeat(Math.min(o.indent, Math.floor(w / 2))) }] : []);
    if (b.kind === 'li') wr.push({ ...base, text: b.level !== undefined ? `${b.level}. ` : '• ' });
    for (const inl of b.inlines) {
      const style: Span = { ...base, text: inl.text };
      if (inl.bold || b.kind === 'h') style.bold = true;
      if (inl.italic) style.italic = true;
      if (inl.underline || inl.href || (b.kind === 'h' && b.level === 1)) style.underline = true;
      wr.push(style);
      if (inl.href && inl.href !== inl.text) wr.push({ ...base, text: ` <${inl.href}>`, role: 'muted' });
    }
    wr.end();
  });
  return wr.lines;
}

/** Plain text (customer lines, system notices) as one paragraph. */
export const plainBlocks = (text: string): Block[] => [{ kind: 'p', inlines: [{ text }] }];
