/**
 * FAQ answers (HTML) as chat markup (rich-text.ts). The agent workspace
 * guide decides what is inserted directly: text formatting (div, article,
 * blockquote, h1–h6, p, b/strong, i/em, u, sub, sup), links, lists (ul, ol,
 * li, dl, dt, dd), images (as links) and hr. Anything else — tables first of
 * all — sets `complex`: the console then inserts a link to the answer's page
 * instead. The markup is still a best effort with the text content, never
 * raw HTML.
 */
import { safeHref, tokenizeHtml } from './html-tokens.js';
import type { BlockKind } from './rich-text.js';
import { blocksToMarkup, type Run, type RunStyle } from './rich-text-serialize.js';

const INLINE_STYLE: Record<string, keyof RunStyle> = {
  b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline', sup: 'sup', sub: 'sub',
};
/** Supported tags whose only effect is to start a new block. */
const BLOCK_BREAK = new Set(['p', 'article', 'dl']);
/** Tags kept for their text only (every other supported tag has its branch below). */
const TRANSPARENT = new Set(['span']);
const SKIP_CONTENT = new Set(['script', 'style', 'iframe', 'noscript', 'template', 'title', 'object', 'embed', 'svg', 'math']);

type RunBlock = { kind: BlockKind; level?: number; runs: Run[] };

export function faqHtmlToMarkup(html: string): { markup: string; complex: boolean } {
  let complex = false;
  const blocks: RunBlock[] = [];
  let cur: RunBlock | undefined;
  const depth: Record<keyof RunStyle, number> = { bold: 0, italic: 0, underline: 0, sup: 0, sub: 0 };
  const lists: { ordered: boolean; n: number }[] = [];
  const links: (string | undefined)[] = [];
  let quotes = 0; // inside blockquote: paragraphs are quoted
  let skip = 0; // inside script/style/...: drop text
  const open = (kind: BlockKind, level?: number): void => {
    cur = { kind: kind === 'p' && quotes > 0 ? 'quote' : kind, runs: [], ...(level !== undefined ? { level } : {}) };
    blocks.push(cur);
  };
  const text = (s: string, href?: string): void => {
    if (!cur) {
      if (!s.trim()) return; // whitespace between blocks
      open('p');
    }
    const on = (k: keyof RunStyle) => (depth[k] > 0 ? { [k]: true } : {});
    cur!.runs.push({ text: s, ...on('bold'), ...on('italic'), ...on('underline'), ...on('sup'), ...on('sub'), href });
  };
  const newline = (): void => {
    if (cur && (cur.kind === 'p' || cur.kind === 'quote') && cur.runs.length) cur.runs.push({ text: '\n' });
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
    } else if (BLOCK_BREAK.has(name)) {
      cur = undefined;
    } else if (name === 'blockquote') {
      quotes = Math.max(0, quotes + (start ? 1 : -1));
      cur = undefined;
    } else if (name === 'dt' || name === 'dd') {
      if (start) open(name);
      else cur = undefined;
    } else if (name === 'hr') {
      if (!start) continue;
      blocks.push({ kind: 'hr', runs: [] });
      cur = undefined;
    } else if (name === 'div') {
      newline();
    } else if (name === 'br') {
      if (cur?.kind === 'p' || cur?.kind === 'quote') newline();
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
