// The ASCII glyph set, for terminals whose locale is not UTF-8: every cell is
// written as exactly as many ASCII characters as it is wide, so the layout
// holds. The console's own glyphs (box drawing, bullets, arrows, the text
// cursor) have ASCII stand-ins; customer text is transliterated where a
// plain letter says the same (é → e, ß → s) and shown as '?' otherwise:
// visibly replaced, never silently dropped.

const GLYPHS: Record<string, string> = {
  '─': '-', '━': '-', '═': '=', '│': '|', '┃': '|', '║': '|',
  '╭': '+', '╮': '+', '╰': '+', '╯': '+', '┌': '+', '┐': '+', '└': '+', '┘': '+',
  '├': '+', '┤': '+', '┬': '+', '┴': '+', '┼': '+', '╔': '+', '╗': '+', '╚': '+', '╝': '+',
  '┏': '+', '┓': '+', '┗': '+', '┛': '+',
  '▌': '_', '█': '#', '▒': '#', '░': '.', '▲': '^', '▼': 'v', '▶': '>', '◀': '<', '▸': '>', '▾': 'v',
  '●': '*', '○': 'o', '◆': '*', '◇': 'o', '•': '*', '·': '.', '∙': '.', '…': '.', '✓': 'v', '✔': 'v', '✗': 'x', '✘': 'x',
  '✉': '@', '☎': 'T', '★': '*', '☆': '*', '⚠': '!',
  '←': '<', '→': '>', '↑': '^', '↓': 'v', '↔': '-', '⇄': '-', '↩': '<', '⏎': '<',
  '–': '-', '—': '-', '‒': '-', '−': '-', '‘': "'", '’': "'", '‚': ',', '“': '"', '”': '"', '„': '"',
  '‹': '<', '›': '>', '«': '<', '»': '>', '\u00a0': ' ', '\u2007': ' ', '\u202f': ' ',
  '×': 'x', '÷': '/', '±': '+', '°': 'o', '€': 'E', '£': 'L', '¥': 'Y', '¢': 'c', '©': 'c', '®': 'R', '™': 'T',
  'ß': 's', 'æ': 'a', 'Æ': 'A', 'ø': 'o', 'Ø': 'O', 'œ': 'o', 'Œ': 'O', 'đ': 'd', 'Đ': 'D', 'ł': 'l', 'Ł': 'L',
  'ı': 'i', 'þ': 't', 'Þ': 'T', 'ð': 'd', 'Ð': 'D', '¿': '?', '¡': '!',
};

const cache = new Map<string, string>();

/** One grapheme as `width` printable ASCII characters. */
export function toAscii(grapheme: string, width: number): string {
  const c = grapheme.charCodeAt(0);
  if (grapheme.length === 1 && c >= 0x20 && c < 0x7f) return width === 1 ? grapheme : grapheme + ' '.repeat(width - 1);
  const key = `${width}${grapheme}`;
  let out = cache.get(key);
  if (out === undefined) {
    out = GLYPHS[grapheme] ?? transliterate(grapheme);
    out = (out + '?'.repeat(width)).slice(0, width);
    if (cache.size > 10_000) cache.clear();
    cache.set(key, out);
  }
  return out;
}

/** A letter with diacritics (or an invisible format character joined to it) as its base letter (é → e); '?' when nothing ASCII remains. */
function transliterate(grapheme: string): string {
  const base = grapheme.normalize('NFD').replace(/[\p{M}\p{Cf}]/gu, '');
  return /^[\x20-\x7e]$/.test(base) ? base : GLYPHS[base] ?? '?';
}

/** A whole line of text in ASCII (titles, notifications): one ASCII character per cell of each grapheme. */
const segmenter = new Intl.Segmenter();
export function asciiText(s: string, widthOf: (g: string) => number): string {
  if (/^[\x20-\x7e]*$/.test(s)) return s;
  let out = '';
  for (const { segment } of segmenter.segment(s)) out += toAscii(segment, Math.max(1, Math.min(2, widthOf(segment))));
  return out;
}
