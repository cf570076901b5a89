/**
 * The tiny chat markup agents may send, shared by the console (renders it in
 * the terminal) and the customer web page (the server sends the parsed
 * blocks, the page builds DOM from them with createElement/textContent).
 *
 *   **bold**  *italic*  __underline__  x^2^ (superscript)  H~2~O (subscript)
 *   [text](https://url)
 *   "# " / "## " heading lines, "- " or "1. " list items, "> " quoted lines,
 *   "; " a term and ": " its definition (a definition list, as in MediaWiki),
 *   "---" alone a horizontal rule;
 *   blank lines separate paragraphs; single newlines stay line breaks ("\n" in
 *   an inline's text). `\` before one of  \ * _ [ ] ( ) # - . ^ ~ > ; :  makes
 *   it literal. Anything else is literal text. Only http, https and mailto links.
 *
 * These are the FAQ editor's supported tags (the agent workspace guide: text
 * formatting, headings, links, lists, definition lists, images as links, rules);
 * faq-html.ts turns an answer's HTML into this markup.
 *
 * Block.level: headings 1 or 2; list items: the item number for ordered
 * items ("3. "), absent for bullets.
 *
 * Everything here is linear in the input: markers are paired per line in
 * one forward pass, never by searching back, so hostile input cannot blow up.
 */
import { safeHref } from './html-tokens.js';

export type Inline = { text: string; bold?: boolean; italic?: boolean; underline?: boolean; sup?: boolean; sub?: boolean; href?: string };
/** p paragraph, h heading, li list item, quote a quoted paragraph, dt/dd a term and its definition, hr a rule (no inlines). */
export type BlockKind = 'p' | 'h' | 'li' | 'quote' | 'dt' | 'dd' | 'hr';
export type Block = { kind: BlockKind; level?: number; inlines: Inline[] };

/** The characters a backslash makes literal (rich-text-serialize.ts escapes with it). */
export const ESCAPABLE_CHARS = '\\*_[]()#-.^~>;:';
const ESCAPABLE = new Set(ESCAPABLE_CHARS);

type Mark = '**' | '*' | '__' | '^' | '~';
type Tok =
  | { t: 'text'; s: string }
  | { t: 'mark'; m: Mark; on: boolean; canOpen: boolean; canClose: boolean }
  | { t: 'link'; s: string; href: string };

/** Tokenizes one line: text, style markers and complete links. */
function lexLine(line: string): Tok[] {
  const toks: Tok[] = [];
  let text = '';
  // Cached "next occurrence" positions keep link detection linear (each cache only moves forward).
  let nextClose = -2;
  let nextOpen = -2;
  let nextParen = -2;
  let i = 0;
  const n = line.length;
  const pushText = (): void => {
    if (text) toks.push({ t: 'text', s: text });
    text = '';
  };
  while (i < n) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < n && ESCAPABLE.has(line[i + 1]!)) {
      text += line[i + 1];
      i += 2;
    } else if ((c === '^' || c === '~') && line[i + 1] === c) {
      // "~~" or "^^": literal, never an empty superscript or subscript.
      text += c + c;
      i += 2;
    } else if (c === '*' || c === '^' || c === '~' || (c === '_' && line[i + 1] === '_')) {
      pushText();
      const m: Mark = c === '_' ? '__' : c === '*' ? (line[i + 1] === '*' ? '**' : '*') : c;
      toks.push(mark(m, line[i - 1], line[i + m.length]));
      i += m.length;
    } else if (c === '[') {
      if (nextClose !== -1 && nextClose < i) nextClose = unescapedIndexOf(line, '](', i);
      if (nextOpen !== -1 && nextOpen <= i) nextOpen = unescapedIndexOf(line, '[', i + 1);
      if (nextClose > i && nextParen !== -1 && nextParen < nextClose + 2) nextParen = line.indexOf(')', nextClose + 2);
      const link = nextClose > i && nextParen > 0 && (nextOpen === -1 || nextOpen > nextClose) ? readLink(line, i, nextClose, nextParen) : undefined;
      if (link) {
        pushText();
        toks.push({ t: 'link', s: link.label, href: link.href });
        i = link.next;
      } else {
        text += c;
        i++;
      }
    } else {
      text += c;
      i++;
    }
  }
  pushText();
  return pairMarks(toks);
}

/** indexOf that skips occurrences escaped by an odd run of backslashes (so `\]` inside a label is text). */
function unescapedIndexOf(line: string, needle: string, from: number): number {
  for (let k = line.indexOf(needle, from); k >= 0; k = line.indexOf(needle, k + 1)) {
    let slashes = 0;
    while (k - slashes - 1 >= from && line[k - slashes - 1] === '\\') slashes++;
    if (slashes % 2 === 0) return k;
  }
  return -1;
}

function readLink(line: string, open: number, close: number, end: number): { label: string; href: string; next: number } | undefined {
  if (end - close > 2002) return undefined; // no URL is that long; also keeps "[a](" chains linear
  const url = line.slice(close + 2, end);
  if (/\s/.test(url)) return undefined;
  const href = safeHref(url);
  if (!href) return undefined;
  let label = '';
  const raw = line.slice(open + 1, close);
  for (let k = 0; k < raw.length; k++) {
    if (raw[k] === '\\' && k + 1 < raw.length && ESCAPABLE.has(raw[k + 1]!)) label += raw[++k];
    else label += raw[k];
  }
  return label ? { label, href, next: end + 1 } : undefined;
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Flanking, as in Markdown: a marker opens before a non-space and closes
 * after one, so "2 * 3 * 4" stays literal; `__` must also sit at a word
 * edge, so snake__case names stay literal.
 */
function mark(m: Mark, prev: string | undefined, next: string | undefined): Tok {
  const word = m === '__';
  return { t: 'mark', m, on: false, canOpen: !isSpace(next) && !(word && isWord(prev)), canClose: !isSpace(prev) && !(word && isWord(next)) };
}

/** Pairs markers of each kind in order (an opener, then the next marker that can close it); the rest are literal. */
function pairMarks(toks: Tok[]): Tok[] {
  const opener: Record<Mark, number> = { '**': -1, '*': -1, __: -1, '^': -1, '~': -1 };
  const out = toks.slice();
  const literal = (k: number) => (out[k] = { t: 'text', s: (toks[k] as { m: string }).m });
  toks.forEach((t, k) => {
    if (t.t !== 'mark') return;
    const open = opener[t.m]!;
    if (open >= 0 && t.canClose) {
      out[open] = { ...(toks[open] as Extract<Tok, { t: 'mark' }>), on: true };
      out[k] = { ...t, on: false };
      opener[t.m] = -1;
    } else if (open < 0 && t.canOpen) opener[t.m] = k;
    else literal(k);
  });
  for (const k of Object.values(opener)) if (k >= 0) literal(k);
  return out;
}

type Flags = { bold: boolean; italic: boolean; underline: boolean; sup: boolean; sub: boolean };
const MARK_FLAG: Record<Mark, keyof Flags> = { '**': 'bold', '*': 'italic', __: 'underline', '^': 'sup', '~': 'sub' };
const FLAGS = ['bold', 'italic', 'underline', 'sup', 'sub'] as const;

function lineInlines(line: string): Inline[] {
  const out: Inline[] = [];
  const st: Flags = { bold: false, italic: false, underline: false, sup: false, sub: false };
  for (const t of lexLine(line)) {
    if (t.t === 'mark') {
      st[MARK_FLAG[t.m]] = t.on;
      continue;
    }
    push(out, { text: t.s, ...style(st), ...(t.t === 'link' ? { href: t.href } : {}) });
  }
  return out;
}

function style(st: Flags): Partial<Inline> {
  const s: Partial<Inline> = {};
  for (const f of FLAGS) if (st[f]) s[f] = true;
  return s;
}

function sameStyle(a: Inline, b: Inline): boolean {
  return FLAGS.every((f) => !!a[f] === !!b[f]) && a.href === b.href;
}

/** Appends, merging with the previous inline when the style is the same. */
function push(out: Inline[], inl: Inline): void {
  if (!inl.text) return;
  const last = out[out.length - 1];
  if (last && sameStyle(last, inl)) last.text += inl.text;
  else out.push(inl);
}

/** Line prefixes that start a block of their own, one line each. */
const LINE_BLOCKS: { re: RegExp; block(m: RegExpExecArray): Block }[] = [
  { re: /^(#{1,2}) /, block: (m) => ({ kind: 'h', level: m[1]!.length, inlines: [] }) },
  { re: /^- /, block: () => ({ kind: 'li', inlines: [] }) },
  { re: /^(\d{1,9})\. /, block: (m) => ({ kind: 'li', level: Number(m[1]), inlines: [] }) },
  { re: /^; /, block: () => ({ kind: 'dt', inlines: [] }) },
  { re: /^: /, block: () => ({ kind: 'dd', inlines: [] }) },
];
const RULE = /^-{3,}\s*$/;
const QUOTE = /^>(?: |$)/;

export function parseMarkup(text: string): Block[] {
  const blocks: Block[] = [];
  // The paragraph (or quote) that a next line continues.
  let para: Block | undefined;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') { para = undefined; continue; }
    if (RULE.test(line)) {
      para = undefined;
      blocks.push({ kind: 'hr', inlines: [] });
      continue;
    }
    const lined = LINE_BLOCKS.map(({ re, block }) => ({ m: re.exec(line), block })).find((x) => x.m);
    if (lined) {
      para = undefined;
      const block = lined.block(lined.m!);
      for (const inl of lineInlines(line.slice(lined.m![0].length))) push(block.inlines, inl);
      if (block.inlines.length) blocks.push(block);
      continue;
    }
    const quoted = QUOTE.exec(line);
    const kind = quoted ? 'quote' : 'p';
    const body = quoted ? line.slice(quoted[0].length) : line;
    if (quoted && body.trim() === '') { para = undefined; continue; }
    if (para?.kind !== kind) {
      para = { kind, inlines: [] };
      blocks.push(para);
    } else {
      push(para.inlines, { text: '\n' });
    }
    for (const inl of lineInlines(body)) push(para.inlines, inl);
  }
  return blocks.filter((b) => b.kind === 'hr' || b.inlines.length > 0);
}
