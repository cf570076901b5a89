/**
 * Writes styled runs back as chat markup (see rich-text.ts), escaping text so
 * that parseMarkup(blocksToMarkup(x)) gives back the same styles and text.
 * Markers are emitted only where a style changes, so adjacent markers never
 * need disambiguating beyond what the lexer already does.
 */

import { ESCAPABLE_CHARS, type BlockKind } from './rich-text.js';

export type RunStyle = { bold: boolean; italic: boolean; underline: boolean; sup: boolean; sub: boolean };
export type Run = { text: string; href?: string | undefined } & Partial<RunStyle>;
type RunBlock = { kind: BlockKind; level?: number; runs: Run[] };

function escapeText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const next = s[i + 1];
    if (c === '*' || c === '[' || c === ']' || c === '^' || c === '~') out += '\\' + c;
    // `_` only matters next to another `_` or at a run edge, where a `__` marker may touch it.
    else if (c === '_' && (i === 0 || next === undefined || next === '_' || s[i - 1] === '_')) out += '\\_';
    // A backslash is only special before an escapable character (or a marker that may follow the run).
    else if (c === '\\' && (next === undefined || ESCAPABLE_CHARS.includes(next))) out += '\\\\';
    else out += c;
  }
  return out;
}

function escapeLabel(s: string): string {
  return s.replace(/[\\[\]]/g, (c) => '\\' + c);
}

/** Keeps a link parseable: no whitespace and no `)` inside the URL part. */
function encodeHref(href: string): string {
  return href.replace(/\)/g, '%29').replace(/\s/g, '%20');
}

/** Splits runs into lines and collapses whitespace across run boundaries. */
function lines(runs: Run[], allowBreaks: boolean): Run[][] {
  const out: Run[][] = [[]];
  let prevSpace = true; // trims leading spaces of each line
  for (const r of runs) {
    const parts = r.text.split('\n');
    parts.forEach((part, k) => {
      if (k > 0) {
        if (allowBreaks) {
          out.push([]);
          prevSpace = true;
        } else part = ' ' + part;
      }
      let t = '';
      for (const ch of part) {
        const space = ch === ' ' || ch === '\t';
        if (space && prevSpace) continue;
        t += space ? ' ' : ch;
        prevSpace = space;
      }
      if (t) out[out.length - 1]!.push({ ...r, text: t });
    });
  }
  for (const line of out) {
    const last = line[line.length - 1];
    if (last) {
      last.text = last.text.replace(/ +$/, '');
      if (!last.text) line.pop();
    }
  }
  return out.filter((l) => l.length > 0);
}

type Style = RunStyle;
const MARKERS: [keyof Style, string][] = [['bold', '**'], ['underline', '__'], ['italic', '*'], ['sup', '^'], ['sub', '~']];
const PLAIN: Style = { bold: false, italic: false, underline: false, sup: false, sub: false };

/**
 * Markers must flank text (rich-text.ts): a style closes right after the
 * last non-space character of its run and opens right before the next
 * non-space one, so whitespace always sits outside the markers.
 */
function lineToMarkup(runs: Run[]): string {
  let out = '';
  let spaces = '';
  const st: Style = { ...PLAIN };
  const put = (want: Style, piece: string): void => {
    for (const [k, m] of MARKERS) if (st[k] && !want[k]) (out += m), (st[k] = false);
    out += spaces;
    spaces = '';
    // An underline cannot open inside a word (`__` needs a word edge): it is dropped there rather than shown as "__".
    const inWord = /[\p{L}\p{N}]$/u.test(out);
    for (const [k, m] of MARKERS) if (!st[k] && want[k] && !(k === 'underline' && inWord)) (out += m), (st[k] = true);
    out += piece;
  };
  for (const r of runs) {
    const want: Style = { bold: !!r.bold, italic: !!r.italic, underline: !!r.underline, sup: !!r.sup, sub: !!r.sub };
    if (r.href) {
      // Spaces around a label go outside the link, so they also sit outside any marker.
      const label = r.text.trim();
      spaces += ' '.repeat(r.text.length - r.text.trimStart().length);
      if (label) put(want, `[${escapeLabel(label)}](${encodeHref(r.href)})`);
      spaces += ' '.repeat(r.text.length - r.text.trimEnd().length - (label ? 0 : r.text.length - r.text.trimStart().length));
      continue;
    }
    for (const part of r.text.split(/( +)/)) {
      if (!part) continue;
      if (part.startsWith(' ')) spaces += part;
      else put(want, escapeText(part));
    }
  }
  put(PLAIN, '');
  // Text at the start of a line must not read as a heading, list item, quote, term, definition or rule.
  return out
    .replace(/^(#{1,2} |- |> ?$|> |; |: )/, '\\$1')
    .replace(/^(\d{1,9})\. /, '$1\\. ')
    .replace(/^---/, '\\---');
}

/** What starts a block's first line, and how a block follows the one before. */
const PREFIX: Record<BlockKind, (b: RunBlock) => string> = {
  p: () => '',
  h: (b) => '#'.repeat(b.level === 1 ? 1 : 2) + ' ',
  li: (b) => (b.level ? `${b.level}. ` : '- '),
  quote: () => '> ',
  dt: () => '; ',
  dd: () => ': ',
  hr: () => '---',
};
/** Kinds whose consecutive blocks sit on consecutive lines (a list). */
const LISTED: Partial<Record<BlockKind, string>> = { li: 'list', dt: 'dl', dd: 'dl' };


export function blocksToMarkup(blocks: RunBlock[]): string {
  const out: { kind: BlockKind; text: string }[] = [];
  for (const b of blocks) {
    if (b.kind === 'hr') {
      if (out.length && out[out.length - 1]!.kind !== 'hr') out.push({ kind: 'hr', text: PREFIX.hr(b) });
      continue;
    }
    const ls = lines(b.runs, b.kind === 'p' || b.kind === 'quote');
    if (!ls.length) continue;
    // Every line of a quote is quoted.
    const body = ls.map(lineToMarkup).join(b.kind === 'quote' ? '\n> ' : '\n');
    out.push({ kind: b.kind, text: PREFIX[b.kind](b) + body });
  }
  while (out[out.length - 1]?.kind === 'hr') out.pop();
  return out
    .map((b, k) => {
      const listed = LISTED[b.kind];
      return (k === 0 ? '' : listed && listed === LISTED[out[k - 1]!.kind] ? '\n' : '\n\n') + b.text;
    })
    .join('');
}
