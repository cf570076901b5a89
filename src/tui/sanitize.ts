// The one sanitizer for untrusted text (customer chat, email, names, anything
// from the server) before it reaches the terminal. Ink passes escape sequences
// through as-is, so anything we let by can clear the screen, move the cursor,
// write the agent's clipboard (OSC 52) or plant hyperlinks (OSC 8).
//
// Design: one linear pass over UTF-16 code units, no regex (no backtracking
// risk). Plain runs are copied with slice(); only dropped or rewritten spans
// break a run. Nothing we emit is ever a control character, so even a
// sequence we mis-parse can only show up as harmless visible text.
//
// The result is then made unambiguous in width (text/normalize.ts): what is
// left can be measured the same by the console, Ink and the terminal.
import { normalizeWidth } from './text/normalize.js';

const ESC = 0x1b;
const TAB_STOP = 4; // narrow panes (80x24): 8-column stops waste too much room
const CSI_MAX = 256; // real CSI parameter lists are tiny; past this it is garbage
const ESC_INTERMEDIATE_MAX = 16;

type Mode = 'line' | 'text';

/** Sanitize to a single line: newlines and tabs become one space each. At most
 *  `maxLen` code points are kept; a truncated result ends with '…'. */
export function sanitizeLine(s: string, maxLen?: number): string {
  const { text, cut } = scrub(s, 'line', maxLen);
  return maxLen === undefined ? normalizeWidth(text) : capLength(normalizeWidth(text), Math.max(0, Math.floor(maxLen)), cut);
}

/** Sanitize multi-line text: keeps '\n' (CRLF, CR, VT, FF, NEL, U+2028/9 become
 *  '\n'), expands tabs to spaces, strips every other control or spoofing char. */
export function sanitizeText(s: string): string {
  return normalizeWidth(scrub(s, 'text', undefined).text);
}

/** Typed or pasted by the agent: controls and spoofing characters removed
 *  (as sanitizeLine/sanitizeText), widths left as written, since this is the
 *  text sent to the customer or saved. Normalize it where it is shown. */
export function sanitizeInput(s: string, multiline: boolean): string {
  return scrub(s, multiline ? 'text' : 'line', undefined).text;
}

// Invisible or direction-changing format characters that can make text
// display differently from what it is ("evil\u202Etxt.exe" shows as evilexe.txt).
function isSpoofChar(c: number): boolean {
  if (c < 0x00ad) return false; // fast exit for ASCII and Latin-1 letters
  return (
    c === 0x00ad || // soft hyphen: width differs across terminals
    c === 0x061c || // Arabic letter mark (bidi)
    c === 0x180e || // Mongolian vowel separator (invisible)
    (c >= 0x200b && c <= 0x200f) || // ZW space/non-joiner/joiner, LRM, RLM
    (c >= 0x202a && c <= 0x202e) || // bidi embeddings and overrides
    (c >= 0x2060 && c <= 0x2064) || // word joiner, invisible operators
    (c >= 0x2066 && c <= 0x206f) || // bidi isolates, deprecated format chars
    c === 0xfeff || // BOM / zero-width no-break space
    (c >= 0xfff9 && c <= 0xfffb) // interlinear annotation controls
  );
}

/** The kept text, and whether it stopped short at `maxLen` + 1 code points. */
function scrub(input: string, mode: Mode, maxLen: number | undefined): { text: string; cut: boolean } {
  const s = typeof input === 'string' ? input : input == null ? '' : String(input);
  const limit = maxLen === undefined ? Infinity : Math.max(0, Math.floor(maxLen));
  if (limit === 0) return { text: '', cut: false };
  const nl = mode === 'text' ? '\n' : ' ';
  const n = s.length;
  let out = '';
  let runStart = 0; // start of the pending run of kept code units
  let count = 0; // code points emitted (for maxLen)
  let col = 0; // code points since the last '\n' (for tab stops)
  let i = 0;

  // Drop s[from, to) from the output: flush the pending run first.
  const skip = (from: number, to: number): void => {
    if (from > runStart) out += s.slice(runStart, from);
    runStart = to;
  };
  const put = (from: number, to: number, text: string): void => {
    skip(from, to);
    out += text;
  };

  // Stop once we hold limit + 1 code points: enough to know we must truncate.
  while (i < n && count <= limit) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      i++; count++; col++;
      continue;
    }
    if (c < 0x20 || c === 0x7f) {
      if (c === ESC) {
        const end = skipEscape(s, i + 1);
        skip(i, end);
        i = end;
      } else if (c === 0x0a || c === 0x0b || c === 0x0c) {
        put(i, i + 1, nl); i++; count++; col = 0;
      } else if (c === 0x0d) {
        // CRLF is one break; a lone CR would return the cursor and let the
        // rest of the line overwrite what came before it.
        const end = s.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
        put(i, end, nl); i = end; count++; col = 0;
      } else if (c === 0x09) {
        const spaces = mode === 'text' ? TAB_STOP - (col % TAB_STOP) : 1;
        put(i, i + 1, ' '.repeat(spaces)); i++; count += spaces; col += spaces;
      } else {
        skip(i, i + 1); i++; // other C0 (BEL, BS, NUL...) and DEL
      }
      continue;
    }
    if (c >= 0x80 && c <= 0x9f) {
      // 8-bit C1 controls: some terminals act on them even in UTF-8 mode.
      let end = i + 1;
      if (c === 0x9b) end = skipCsi(s, i + 1);
      else if (c === 0x9d || c === 0x90 || c === 0x98 || c === 0x9e || c === 0x9f) end = skipString(s, i + 1);
      if (c === 0x85) { put(i, end, nl); count++; col = 0; } // NEL is a line break
      else skip(i, end);
      i = end;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const lo = s.charCodeAt(i + 1);
      if (c <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) {
        // Tag characters U+E0000–E007F are invisible and can smuggle text.
        if (c === 0xdb40 && lo <= 0xdc7f) skip(i, i + 2);
        else { count++; col++; }
        i += 2;
      } else {
        skip(i, i + 1); i++; // unpaired surrogate
      }
      continue;
    }
    if (c === 0x2028 || c === 0x2029) {
      put(i, i + 1, nl); i++; count++; col = 0;
      continue;
    }
    if (isSpoofChar(c)) { skip(i, i + 1); i++; continue; }
    i++; count++; col++;
  }
  skip(i, i);
  return { text: out, cut: count > limit };
}

const segmenter = new Intl.Segmenter();

/** At most `limit` code points, ending with '…' if anything was cut. Cuts
 *  between graphemes, so the normalized text stays normalized. Bounded: `s`
 *  holds little more than `limit` code points (scrub stopped at limit + 1). */
function capLength(s: string, limit: number, cut: boolean): string {
  if (limit === 0) return '';
  if (!cut && Array.from(s).length <= limit) return s;
  let out = '';
  let count = 0;
  for (const { segment } of segmenter.segment(s)) {
    const n = Array.from(segment).length;
    if (count + n > limit - 1) break;
    out += segment;
    count += n;
  }
  return out + '…';
}

/** s[i] is the char after ESC. Returns the index just past the sequence. */
function skipEscape(s: string, i: number): number {
  if (i >= s.length) return i;
  const c = s.charCodeAt(i);
  if (c === 0x5b) return skipCsi(s, i + 1); // ESC [
  // OSC ], DCS P, SOS X, PM ^, APC _: strings up to a terminator.
  if (c === 0x5d || c === 0x50 || c === 0x58 || c === 0x5e || c === 0x5f) return skipString(s, i + 1);
  if (c >= 0x20 && c <= 0x2f) {
    // nF sequences: ESC intermediates final, e.g. ESC ( B, ESC # 8 (fills screen).
    let j = i;
    while (j < s.length && j - i < ESC_INTERMEDIATE_MAX) {
      const d = s.charCodeAt(j);
      if (d < 0x20 || d > 0x2f) break;
      j++;
    }
    const f = s.charCodeAt(j);
    return f >= 0x30 && f <= 0x7e ? j + 1 : j;
  }
  if (c >= 0x30 && c <= 0x7e) return i + 1; // two-char: ESC c (reset), ESC 7, ESC M...
  return i; // ESC before a control/non-ASCII: drop ESC alone, reprocess the rest
}

/** Skip CSI parameters/intermediates and the final byte. A byte outside the
 *  CSI grammar aborts the sequence and is reprocessed as ordinary input. */
function skipCsi(s: string, i: number): number {
  const start = i;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x3f) {
      i++;
      if (i - start > CSI_MAX) return i;
    } else if (c >= 0x40 && c <= 0x7e) {
      return i + 1;
    } else {
      return i;
    }
  }
  return i;
}

/** Skip an OSC/DCS/SOS/PM/APC payload through its terminator (BEL, ESC \, or
 *  8-bit ST). CAN/SUB abort it; another ESC starts a new sequence. Bound: an
 *  unterminated string ends at the next line feed (or the end of the input),
 *  so a stray ESC ] costs at most one line, never the whole message. */
function skipString(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x07 || c === 0x9c || c === 0x18 || c === 0x1a) return i + 1;
    if (c === ESC) return s.charCodeAt(i + 1) === 0x5c ? i + 2 : i;
    if (c === 0x0a) return i;
    i++;
  }
  return i;
}
