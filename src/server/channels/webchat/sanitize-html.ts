/**
 * FAQ bodies as HTML for the `/faq/<id>` page: rebuilt from tokens through a
 * strict allowlist, never echoed. Allowed: text formatting, headings, lists,
 * tables, links (http/https/mailto, opened in a new tab without an opener).
 * Dropped: every other tag (its text kept), every attribute not listed,
 * scripts/styles/frames with their content. Images become links (the page's
 * CSP only loads same-origin images anyway). Output is always well nested.
 */
import { safeHref, tokenizeHtml } from '../../../protocol/html-tokens.js';

const ALLOWED = new Set([
  'p', 'br', 'hr', 'b', 'strong', 'i', 'em', 'u', 's', 'sub', 'sup', 'code', 'pre', 'blockquote',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'div', 'span', 'article',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
]);
const MAX_DEPTH = 64;
const VOID = new Set(['br', 'hr']);
const DROP_CONTENT = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'title', 'textarea', 'select', 'svg', 'math', 'head']);

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function attrsFor(name: string, attrs: Record<string, string>): string {
  if (name === 'a') {
    const href = safeHref(attrs.href ?? '');
    return href ? ` href="${escapeHtml(href)}" rel="noopener noreferrer" target="_blank"` : '';
  }
  if (name === 'td' || name === 'th') {
    let out = '';
    for (const key of ['colspan', 'rowspan'])
      if (/^[1-9]\d?$/.test(attrs[key] ?? '')) out += ` ${key}="${attrs[key]}"`;
    return out;
  }
  return '';
}

export function sanitizeFaqHtml(html: string): string {
  let out = '';
  const open: string[] = [];
  let dropDepth = 0;
  for (const tok of tokenizeHtml(html)) {
    if (tok.kind === 'text') {
      if (!dropDepth) out += escapeHtml(tok.text);
      continue;
    }
    const name = tok.name;
    if (DROP_CONTENT.has(name)) {
      if (tok.kind === 'start' && !tok.selfClosing) dropDepth++;
      else if (tok.kind === 'end') dropDepth = Math.max(0, dropDepth - 1);
      continue;
    }
    if (dropDepth) continue;
    if (tok.kind === 'start' && name === 'img') {
      const src = safeHref(tok.attrs.src ?? '');
      const alt = tok.attrs.alt?.trim() || 'image';
      out += src ? `<a href="${escapeHtml(src)}" rel="noopener noreferrer" target="_blank">${escapeHtml(alt)}</a>` : escapeHtml(tok.attrs.alt ?? '');
      continue;
    }
    if (!ALLOWED.has(name)) continue;
    if (tok.kind === 'start') {
      if (open.length >= MAX_DEPTH) continue; // bounds the end-tag search below: hostile nesting stays linear
      out += `<${name}${attrsFor(name, tok.attrs)}>`;
      if (!VOID.has(name)) open.push(name);
    } else if (!VOID.has(name)) {
      // Close up to the matching open element; a stray end tag is ignored.
      const at = open.lastIndexOf(name);
      if (at < 0) continue;
      while (open.length > at) out += `</${open.pop()}>`;
    }
  }
  while (open.length) out += `</${open.pop()}>`;
  return out;
}
