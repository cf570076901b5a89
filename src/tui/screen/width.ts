// The renderer's one import of the console's width function (text/width.ts:
// as terminals draw, code point by code point), so the grid agrees with the
// widths the panes were laid out with. `isRisky` names what terminals are
// known to draw at different widths: code points outside their common tables
// (fillers, prepended marks, code points newer than older terminals know) and
// sequences whose width depends on the terminal (ZWJ, variation selectors,
// keycaps, emoji modifiers, regional indicators, pictographs). A row holding
// one is rewritten whole whenever it changes (writer.ts).
import { isUnstableWidth } from '../text/width.js';

export { cellWidth } from '../text/width.js';

const SEQUENCE = /[\uFE0E\uFE0F\u200D\u20E3\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}]|\p{Extended_Pictographic}/u;

/** A grapheme whose width terminals disagree on. Expects one non-ASCII grapheme. */
export function isRisky(grapheme: string): boolean {
  if (SEQUENCE.test(grapheme)) return true;
  for (const ch of grapheme) if (isUnstableWidth(ch.codePointAt(0)!)) return true;
  return false;
}
