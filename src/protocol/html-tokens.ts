/**
 * A tolerant, single-pass HTML tokenizer for the FAQ subset. It never
 * throws and never backtracks: every branch either advances the cursor or
 * consumes the rest of the input, so hostile input costs O(n). It is not a
 * full HTML5 parser on purpose: it only has to be good enough to tell the
 * allowlisted subset apart from everything else, and to drop what is not
 * allowed. Consumers rebuild output from tokens; they never echo raw input.
 */

export type HtmlToken =
  | { kind: 'text'; text: string }
  | { kind: 'start'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: 'end'; name: string };

/** Elements whose content is raw text up to their end tag (so `<b>` inside a script is not a tag). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'iframe', 'noembed', 'noframes', 'xmp', 'noscript']);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '\u00a9', reg: '\u00ae',
  hellip: '\u2026', mdash: '\u2014', ndash: '\u2013', laquo: '\u00ab', raquo: '\u00bb', euro: '\u20ac',
  rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201d', ldquo: '\u201c', bull: '\u2022', middot: '\u00b7',
};

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
}
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/** Control characters (C0 but tab/newline, DEL, C1) never survive decoding. */
function safeCodePoint(cp: number): string {
  if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  if ((cp < 32 && cp !== 9 && cp !== 10) || (cp >= 0x7f && cp <= 0x9f)) return '';
  return String.fromCodePoint(cp);
}

/** Decodes character references; unknown ones stay literal. Linear: each step advances. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return stripControls(s);
  let out = '';
  let i = 0;
  while (i < s.length) {
    const amp = s.indexOf('&', i);
    if (amp < 0) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, amp);
    let j = amp + 1;
    if (s[j] === '#') {
      j++;
      const hex = s[j] === 'x' || s[j] === 'X';
      if (hex) j++;
      const start = j;
      // Cap the digit run so a million digits cannot make a huge number parse.
      while (j < s.length && j - start < 8 && /[0-9a-fA-F]/.test(s[j]!) && (hex || /[0-9]/.test(s[j]!))) j++;
      if (j > start) {
        out += safeCodePoint(parseInt(s.slice(start, j), hex ? 16 : 10));
        i = s[j] === ';' ? j + 1 : j;
        continue;
      }
    } else {
      const start = j;
      while (j < s.length && j - start < 10 && isLetter(s.charCodeAt(j))) j++;
      const named = NAMED[s.slice(start, j).toLowerCase()];
      if (named !== undefined && s[j] === ';') {
        out += named;
        i = j + 1;
        continue;
      }
    }
    out += '&';
    i = amp + 1;
  }
  return stripControls(out);
}

function stripControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/** Parses attributes between a tag name and `>`; returns the index just past `>` (or the end). */
function readAttrs(html: string, i: number, attrs: Record<string, string>): { next: number; selfClosing: boolean } {
  let selfClosing = false;
  const n = html.length;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 62 /* > */) return { next: i + 1, selfClosing };
    if (isSpace(c)) { i++; continue; }
    if (c === 47 /* / */) { selfClosing = html.charCodeAt(i + 1) === 62; i++; continue; }
    selfClosing = false;
    const nameStart = i;
    while (i < n && !isSpace(html.charCodeAt(i)) && html[i] !== '>' && html[i] !== '=' && html[i] !== '/') i++;
    if (i === nameStart) { i++; continue; } // a stray '=' — skip it so we always advance
    const name = html.slice(nameStart, i).toLowerCase();
    while (i < n && isSpace(html.charCodeAt(i))) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (i < n && isSpace(html.charCodeAt(i))) i++;
      const q = html[i];
      if (q === '"' || q === "'") {
        const end = html.indexOf(q, i + 1);
        const stop = end < 0 ? n : end;
        value = html.slice(i + 1, stop);
        i = end < 0 ? n : end + 1;
      } else {
        const vStart = i;
        while (i < n && !isSpace(html.charCodeAt(i)) && html[i] !== '>') i++;
        value = html.slice(vStart, i);
      }
    }
    // First occurrence wins, as in browsers.
    if (!(name in attrs)) attrs[name] = decodeEntities(value);
  }
  return { next: n, selfClosing };
}

export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  const lower = html.toLowerCase(); // once, so raw-text end tags are found case-insensitively in O(n)
  const n = html.length;
  let i = 0;
  let text = '';
  const flush = (): void => {
    if (text) tokens.push({ kind: 'text', text: decodeEntities(text) });
    text = '';
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) { text += html.slice(i); break; }
    text += html.slice(i, lt);
    i = lt;
    const next = html.charCodeAt(i + 1);
    if (html.startsWith('<!--', i)) {
      flush();
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? n : end + 3;
    } else if (next === 33 /* ! */ || next === 63 /* ? */) {
      flush(); // doctype, CDATA, processing instruction: dropped
      const end = html.indexOf('>', i + 2);
      i = end < 0 ? n : end + 1;
    } else if (next === 47 /* / */ && isLetter(html.charCodeAt(i + 2))) {
      flush();
      let j = i + 2;
      while (j < n && isNameChar(html.charCodeAt(j))) j++;
      const name = lower.slice(i + 2, j);
      const end = html.indexOf('>', j);
      i = end < 0 ? n : end + 1;
      tokens.push({ kind: 'end', name });
    } else if (isLetter(next)) {
      flush();
      let j = i + 1;
      while (j < n && isNameChar(html.charCodeAt(j))) j++;
      const name = lower.slice(i + 1, j);
      const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
      const r = readAttrs(html, j, attrs);
      i = r.next;
      tokens.push({ kind: 'start', name, attrs, selfClosing: r.selfClosing });
      if (RAW_TEXT.has(name)) {
        const close = lower.indexOf(`</${name}`, i);
        const stop = close < 0 ? n : close;
        if (stop > i) tokens.push({ kind: 'text', text: decodeEntities(html.slice(i, stop)) });
        i = stop; // the end tag (if any) is tokenized normally next round
      }
    } else {
      text += '<'; // a lone '<' is text
      i++;
    }
  }
  flush();
  return tokens;
}

/** http, https and mailto only; anything else (javascript:, data:, relative) is refused. */
export function safeHref(raw: string): string | undefined {
  // Browsers ignore whitespace and controls inside schemes ("java\tscript:"): strip them before checking.
  const url = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (!/^(https?:\/\/[^/?#]|mailto:[^/])/i.test(url) || url.length > 2000) return undefined;
  return url;
}
