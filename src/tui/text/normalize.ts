// Text from outside made unambiguous in width, once, at ingress (right after
// the sanitizer: sanitize.ts). Terminals draw code point by code point
// (wcwidth); Ink measures grapheme by grapheme (string-width); terminals of
// different ages hold different tables. Where those can disagree, a customer
// could push text past a pane's border, scroll the screen or overwrite other
// rows. So every grapheme that leaves here has one base the width function
// measures like everyone else, plus marks that draw nothing (or spacing marks
// both count):
//
//  - code points whose width terminals dispute (the Hangul fillers, prepended
//    concatenation marks, conjoining jamo left over after composing syllables,
//    lone format characters, anything newer than older terminals' tables,
//    unassigned) become U+FFFD, one cell everywhere: the agent sees that
//    something was there;
//  - variation selectors 15 and 16 are dropped: the base keeps its default
//    width (❤️ is drawn ❤, one cell; ⌚︎ stays two);
//  - skin-tone modifiers after a base are dropped (👍🏽 is drawn 👍), as is the
//    keycap mark after a digit (1️⃣ is drawn 1), and marks after a flag;
//  - regional indicators that make no flag (a pair that is none, one alone)
//    become their letters;
//  - a second width-carrying code point inside one grapheme (an Indic
//    conjunct, a prepended letter) gets a zero-width non-joiner before it,
//    so it becomes a grapheme of its own;
//  - marks with no base (at the start of a line) get a no-break space; the
//    few of East Asian Wide width (U+3099...) need a wide base, or become
//    U+FFFD;
//  - Thai and Lao SARA AM, a letter that joins the one before it, are written
//    as their two parts (NIKHAHIT + SARA AA), which look the same.
// Line breaks are kept; the sanitizer has already removed every control.
import { codePointWidth, isJoiner, isUnstableWidth, isWideMark } from './width.js';

const STAND_IN = '\uFFFD';
const STAND_IN_CP = 0xfffd;
const NBSP = '\u00A0';
const ZWNJ = '\u200C';
const KEYCAP_MARK = 0x20e3;

const isSelector = (cp: number): boolean => cp === 0xfe0e || cp === 0xfe0f;
const isModifier = (cp: number): boolean => cp >= 0x1f3fb && cp <= 0x1f3ff;
const isRegional = (cp: number): boolean => cp >= 0x1f1e6 && cp <= 0x1f1ff;
const isKeycapBase = (cp: number): boolean => (cp >= 0x30 && cp <= 0x39) || cp === 0x23 || cp === 0x2a;
/** Joined to the base and counted by every measure: spacing marks, halfwidth sound marks. */
const SPACING = /^[\p{Mc}\uFF00-\uFFEF]$/u;
const FLAG = new RegExp('^\\p{RGI_Emoji_Flag_Sequence}$', 'v');
/** Leading jamo and syllables: a grapheme of several is as wide as its parts everywhere. */
const isHangul = (cp: number): boolean => (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xac00 && cp <= 0xd7a3);
const regionalLetter = (cp: number): string => String.fromCharCode(0x41 + cp - 0x1f1e6);

/** Conjoining jamo: compose what makes modern syllables (NFC), only there. */
const JAMO = /[\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/;
const HANGUL_RUN = /[\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\uac00-\ud7a3]+/g;
const SARA_AM = /[\u0e33\u0eb3]/g;
const SARA_AM_PARTS: Record<string, string> = { '\u0e33': '\u0e4d\u0e32', '\u0eb3': '\u0ecd\u0eb2' };

const segmenter = new Intl.Segmenter();

/** Width-unambiguous text; `s` is sanitized (no controls but '\n'). */
export function normalizeWidth(s: string): string {
  if (allNarrow(s)) return s;
  const simple = oneGraphemeEach(s);
  if (simple !== undefined) return simple;
  let text = JAMO.test(s) ? s.replace(HANGUL_RUN, (run) => run.normalize('NFC')) : s;
  text = text.replace(SARA_AM, (c) => SARA_AM_PARTS[c]!);
  const w = new GraphemeWriter();
  for (const { segment } of segmenter.segment(text)) w.grapheme(segment);
  return w.out;
}

/** Writes grapheme clusters, each rebuilt as one or more unambiguous ones.
 *  (A class, not closures: this runs once per grapheme of every message.) */
class GraphemeWriter {
  out = '';
  private base = -1; // the code point that carries the current grapheme's width
  private baseAt = 0; // where the base starts in `out`
  private last = -1; // the last code point kept
  private flag = false; // the base is a pair of regional indicators

  grapheme(g: string): void {
    if (g === '\n') { this.out += g; return; }
    for (const ch of g) this.codePoint(ch, ch.codePointAt(0)!);
    this.end();
  }

  private codePoint(ch: string, cp: number): void {
    if (isSelector(cp)) return;
    if (isUnstableWidth(cp)) return this.standIn();
    if (codePointWidth(cp) === 0) {
      if (isWideMark(cp) && (this.base < 0 || codePointWidth(this.base) < 2)) return this.standIn(); // only a wide base carries it
      if (this.base < 0) this.start(0xa0, NBSP); // marks at a line's start
      else if (this.flag || (cp === KEYCAP_MARK && this.last === this.base && isKeycapBase(this.base))) return;
      this.out += ch;
      this.last = cp;
    } else if (this.base < 0) {
      this.start(cp, ch);
    } else if (isModifier(cp)) {
      // dropped after its base
    } else if (isRegional(cp) && isRegional(this.base) && this.last === this.base && !this.flag) {
      const pair = String.fromCodePoint(this.base, cp);
      this.out = FLAG.test(pair) ? this.out + ch : this.out.slice(0, this.baseAt) + regionalLetter(this.base) + regionalLetter(cp);
      this.flag = true;
      this.last = cp;
    } else if (SPACING.test(ch) || (isHangul(this.base) && isHangul(cp))) {
      this.out += ch; // measured alike: both count a spacing mark; jamo before a syllable add up
      this.last = cp;
    } else {
      if (joins(this.out, ch)) this.out += ZWNJ; // end the grapheme here: this code point starts its own
      this.start(cp, ch);
    }
  }

  /** Ends the current grapheme: a regional indicator without its pair (one
   *  cell in wcwidth and string-width, two in slice-ansi) becomes its letter. */
  private end(): void {
    if (isRegional(this.base) && !this.flag) this.out = this.out.slice(0, this.baseAt) + regionalLetter(this.base) + this.out.slice(this.baseAt + 2);
    this.base = -1;
  }

  private start(cp: number, text: string): void {
    this.end();
    this.base = this.last = cp;
    this.baseAt = this.out.length;
    this.flag = false;
    this.out += text;
  }

  /** A stand-in is its own grapheme, unless what precedes joins it (a prepended letter). */
  private standIn(): void {
    this.end();
    if (joins(this.out, STAND_IN)) this.out += ZWNJ;
    this.start(STAND_IN_CP, STAND_IN);
  }
}

/** Would `next` join the last grapheme of `s`? (Only asked for a stand-in,
 *  or where one grapheme held two width-carrying code points.) */
function joins(s: string, next: string): boolean {
  if (s === '') return false;
  const segments = [...segmenter.segment(s.slice(-8) + next)];
  return segments[segments.length - 1]!.segment !== next;
}

/** Most text (CJK, Cyrillic, emoji without modifiers) is one grapheme a code
 *  point: then only the unstable ones need replacing, and no segmenting. The
 *  normalized text, or undefined when graphemes must be looked at. */
function oneGraphemeEach(s: string): string | undefined {
  let out: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    if (cp >= 0x300) {
      if (codePointWidth(cp) === 0 || isJoiner(cp)) return undefined;
      if (isUnstableWidth(cp)) out = (out ?? s.slice(0, i)) + STAND_IN;
      else if (out !== undefined) out += s.slice(i, i + len);
    } else if (out !== undefined) out += s[i];
    i += len - 1;
  }
  return out ?? s;
}

/** Nothing below U+0300 needs normalizing (Latin, punctuation, symbols). */
function allNarrow(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x300) return false;
  return true;
}
