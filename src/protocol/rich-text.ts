/**
 * The tiny chat markup agents may send, shared by the console (renders it in
 * the terminal) and the customer web page (the server sends the parsed
 * blocks, the page builds DOM from them with createElement/textContent).
 *
 *   **bold**  *italic*  __underline__  [text](https://url)
 *   "# " / "## " heading lines, "- " or "1. " list items,
 *   blank lines separate paragraphs; single newlines stay line breaks ("\n" in
 *   an inline's text). `\` before one of  \ * _ [ ] ( ) # - .  makes it literal.
 *   Anything else is literal text. Only http, https and mailto links.
 *
 * Block.level: headings 1 or 2; list items: the item number for ordered
 * items ("3. "), absent for bullets.
 *
 * Everything here is linear in the input: markers are paired per line in
 * one forward pass, never by searching back, so hostile input cannot blow up.
 */
import { safeHref, tokenizeHtml } from './html-tokens.js';
import { blocksToMarkup, type Run } from './rich-text-serialize.js';

export type Inline = { text: string; bold?: boolean; italic?: boolean; underline?: boolean; href?: string };
export type Block = { kind: 'p' | 'h' | 'li'; level?: number; inlines: Inline[] };

const ESCAPABLE = new Set(['\\', '*', '_', '[', ']', '(', ')', '#', '-', '.']);

type Tok =
  | { t: 'text'; s: string }
  | { t: 'mark'; m: '**' | '*' | '__'; on: boolean; canOpen: boolean; canClose: boolean }
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
    } else if (c === '*' || (c === '_' && line[i + 1] === '_')) {
      pushText();
      const m = c === '_' ? '__' : line[i + 1] === '*' ? '**' : '*';
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
function mark(m: '**' | '*' | '__', prev: string | undefined, next: string | undefined): Tok {
  const word = m === '__';
  return { t: 'mark', m, on: false, canOpen: !isSpace(next) && !(word && isWord(prev)), canClose: !isSpace(prev) && !(word && isWord(next)) };
}

/** Pairs markers of each kind in order (an opener, then the next marker that can close it); the rest are literal. */
function pairMarks(toks: Tok[]): Tok[] {
  const opener: Record<string, number> = { '**': -1, '*': -1, __: -1 };
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

function lineInlines(line: string): Inline[] {
  const out: Inline[] = [];
  const st = { bold: false, italic: false, underline: false };
  for (const t of lexLine(line)) {
    if (t.t === 'mark') {
      if (t.m === '**') st.bold = t.on;
      else if (t.m === '*') st.italic = t.on;
      else st.underline = t.on;
      continue;
    }
    push(out, { text: t.s, ...style(st), ...(t.t === 'link' ? { href: t.href } : {}) });
  }
  return out;
}

function style(st: { bold: boolean; italic: boolean; underline: boolean }): Partial<Inline> {
  const s: Partial<Inline> = {};
  if (st.bold) s.bold = true;
  if (st.italic) s.italic = true;
  if (st.underline) s.underline = true;
  return s;
}

function sameStyle(a: Inline, b: Inline): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.underline === !!b.underline && a.href === b.href;
}

/** Appends, merging with the previous inline when the style is the same. */
function push(out: Inline[], inl: Inline): void {
  if (!inl.text) return;
  const last = out[out.length - 1];
  if (last && sameStyle(last, inl)) last.text += inl.text;
  else out.push(inl);
}

export function parseMarkup(text: string): Block[] {
  const blocks: Block[] = [];
  let para: Block | undefined;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') { para = undefined; continue; }
    const h = /^(#{1,2}) /.exec(line);
    const li = h ? null : /^(?:- |(\d{1,9})\. )/.exec(line);
    if (h || li) {
      para = undefined;
      const m = (h ?? li)!;
      const block: Block = h ? { kind: 'h', level: h[1]!.length, inlines: [] } : { kind: 'li', inlines: [] };
      if (li?.[1] !== undefined) block.level = Number(li[1]);
      for (const inl of lineInlines(line.slice(m[0].length))) push(block.inlines, inl);
      if (block.inlines.length) blocks.push(block);
      continue;
    }
    if (!para) {
      para = { kind: 'p', inlines: [] };
      blocks.push(para);
    } else {
      push(para.inlines, { text: '\n' });
    }
    for (const inl of lineInlines(line)) push(para.inlines, inl);
  }
  return blocks;
}

const INLINE_STYLE: Record<string, 'bold' | 'italic' | 'underline'> = {
  b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline',
};
const TRANSPARENT = new Set(['span', 'div', 'p', 'br', 'ul', 'ol', 'li', 'a', 'img']);
const SKIP_CONTENT = new Set(['script', 'style', 'iframe', 'noscript', 'template', 'title', 'object', 'embed', 'svg', 'math']);

/**
 * Converts FAQ HTML to the chat markup. Anything outside the supported
 * subset sets `complex` (the console then sends a link to the FAQ page); the
 * markup is still a best effort with the text content, never raw HTML.
 */
export function faqHtmlToMarkup(html: string): { markup: string; complex: boolean } {
  let complex = false;
  const blocks: { kind: Block['kind']; level?: number; runs: Run[] }[] = [];
  let cur: (typeof blocks)[number] | undefined;
  const depth = { bold: 0, italic: 0, underline: 0 };
  const lists: { ordered: boolean; n: number }[] = [];
  const links: (string | undefined)[] = [];
  let skip = 0; // inside script/style/...: drop text
  const open = (kind: Block['kind'], level?: number): void => {
    cur = { kind, runs: [], ...(level !== undefined ? { level } : {}) };
    blocks.push(cur);
  };
  const text = (s: string, href?: string): void => {
    if (!cur) {
      if (!s.trim()) return; // whitespace between blocks
      open('p');
    }
    cur!.runs.push({ text: s, bold: depth.bold > 0, italic: depth.italic > 0, underline: depth.underline > 0, href });
  };
  const newline = (): void => {
    if (cur && cur.kind === 'p' && cur.runs.length) cur.runs.push({ text: '\n' });
  };
  for (const tok of tokenizeHtml(html)) {
    if (tok.kind === 'text') {
      if (!skip) text(tok.text.replace(/[\s\u00a0]+/g, ' '), links[links.length - 1]);
      continue;
    }
    const name = tok.name;
    const start = tok.kind === 'start';
    const styleKey = INLINE_STYLE[name];
    if (SKIP_CONTENT.has(name)) {
      complex = true;
      if (start && !tok.selfClosing) skip++;
      else if (!start) skip = Math.max(0, skip - 1);
    } else if (styleKey) {
      depth[styleKey] = Math.max(0, depth[styleKey] + (start ? 1 : -1));
    } else if (/^h[1-6]$/.test(name)) {
      if (start) open('h', name === 'h1' ? 1 : 2);
      else cur = undefined;
    } else if (name === 'p') {
      cur = undefined;
    } else if (name === 'div') {
      newline();
    } else if (name === 'br') {
      if (cur?.kind === 'p') newline();
      else if (cur) text(' ');
    } else if (name === 'ul' || name === 'ol') {
      if (start) lists.push({ ordered: name === 'ol', n: 0 });
      else lists.pop();
      cur = undefined;
    } else if (name === 'li') {
      if (start) {
        const list = lists[lists.length - 1];
        open('li', list?.ordered ? ++list.n : undefined);
      } else cur = undefined;
    } else if (name === 'a') {
      if (tok.kind === 'start') links.push(safeHref(tok.attrs.href ?? ''));
      else links.pop();
    } else if (name === 'img') {
      if (tok.kind !== 'start') continue;
      const src = safeHref(tok.attrs.src ?? '');
      const alt = (tok.attrs.alt ?? '').replace(/\s+/g, ' ').trim();
      if (src) text(alt || 'image', src);
      else if (alt) text(alt);
    } else if (!TRANSPARENT.has(name)) {
      complex = true; // tables, forms, unknown tags: the console sends a link instead
      // Keep the best-effort text readable: table rows on their own lines, cells apart.
      if (name === 'tr' || name === 'table') newline();
      else if (start && (name === 'td' || name === 'th') && cur) text(' ');
    }
  }
  return { markup: blocksToMarkup(blocks), complex };
}
