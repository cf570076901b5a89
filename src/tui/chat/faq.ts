// FAQ helpers shared by the search dialog and the actions: fuzzy search over
// title, shortcut and category; what an answer inserts into a draft (its
// markup, or a link when the HTML is more than the chat markup can carry);
// and the shortcut just typed at the end of a draft.
import type { FaqEntry } from '../../protocol/index.js';
import { faqHtmlToMarkup } from '../../protocol/faq-html.js';
import { fuzzyFilter } from '../fuzzy.js';
import { memoLast } from '../memo.js';
import { sanitizeInput, sanitizeText } from '../sanitize.js';

export const faqMatches = memoLast((faq: readonly FaqEntry[], query: string): FaqEntry[] =>
  fuzzyFilter(query, faq, (f) => `${f.title} ${f.shortcut ?? ''} ${f.category}`));

/** The answer's page: its own link, else the server's FAQ page. */
export function faqUrl(f: FaqEntry, baseUrl: string | undefined): string {
  return f.link ?? `${(baseUrl ?? '').replace(/\/+$/, '')}/${encodeURIComponent(f.id)}`;
}

const escapeMarkup = (s: string): string => s.replace(/[\\*_[\]()#]/g, (c) => `\\${c}`);

export const faqLink = (f: FaqEntry, baseUrl: string | undefined): string => `[${escapeMarkup(f.title)}](${faqUrl(f, baseUrl)})`;

/** Markup to insert for an answer: its text, or a link when `asLink` or when the HTML is too complex. */
export function faqInsertText(f: FaqEntry, baseUrl: string | undefined, asLink: boolean): { text: string; link: boolean } {
  if (asLink) return { text: faqLink(f, baseUrl), link: true };
  const { markup, complex } = faqHtmlToMarkup(f.body);
  return complex ? { text: faqLink(f, baseUrl), link: true } : { text: sanitizeInput(markup, true), link: false };
}

/** An answer as markup to show. Decoding the HTML's character references
 *  makes new text after the view's sanitizer ran (`&#x202E;`, `&#x3164;`), so
 *  this is ingress too: sanitized here. */
export const faqPreviewMarkup = memoLast((body: string): string => sanitizeText(faqHtmlToMarkup(body).markup));

const SHORTCUT_AT_END = /(\\[A-Za-z0-9_-]{1,20})$/;

/** The FAQ entry whose shortcut ends the draft (case-insensitive), with where it starts. */
export function shortcutAtEnd(draft: string, faq: readonly FaqEntry[]): { entry: FaqEntry; start: number } | null {
  const m = SHORTCUT_AT_END.exec(draft);
  if (!m) return null;
  const typed = m[1]!.toLowerCase();
  const entry = faq.find((f) => f.shortcut?.toLowerCase() === typed);
  return entry ? { entry, start: draft.length - m[1]!.length } : null;
}
