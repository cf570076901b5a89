/**
 * Width benchmark (issue 24): what measuring with the terminal's widths and
 * normalizing text at ingress cost, each beside its baseline in the same run.
 *
 * Figures (JSON lines):
 *  - measure: cellWidth (src/tui/text/width.ts) against string-width, the
 *    measure the console used before (and Ink still uses), in ns per call;
 *  - ingress: sanitizeText (controls removed, then widths normalized) against
 *    sanitizeInput (controls removed only: the sanitizer as it was before the
 *    normalizer), in µs per message;
 *  - wrap: richLines (word wrap of a chat message to 60 cells), µs per message.
 * Each over texts of one kind: English chat, Japanese, Hindi, emoji-heavy,
 * and the hostile width corpus.
 */
import stringWidth from 'string-width';
import { plainBlocks, richLines } from '../src/tui/chat/rich.js';
import { sanitizeInput, sanitizeText } from '../src/tui/sanitize.js';
import { cellWidth } from '../src/tui/text/width.js';
import { CORPUS } from '../test/tui/text/corpus.js';

const TEXTS: Record<string, string> = {
  english: 'Hi, I ordered a blender last week and the store was closed on Sunday, right? Can you check order 4411 for me?',
  japanese: '先週ミキサーを注文しましたが、日曜日は店が閉まっていましたよね？注文番号4411を確認していただけますか。',
  hindi: 'नमस्ते, मैंने पिछले हफ्ते एक ब्लेंडर ऑर्डर किया था और रविवार को दुकान बंद थी, है ना? क्या आप ऑर्डर 4411 देख सकते हैं?',
  emoji: 'Thanks so much ❤️❤️ 👍🏽 🎉🎉 see you 🇫🇷 soon 😀 1️⃣ 2️⃣ ✔️ done 👨‍👩‍👧',
  corpus: CORPUS.flatMap((c) => c.samples).join(' '),
};

/** Mean time per call of `f` over enough runs to take ~200 ms, in ns. */
function time(f: () => unknown): number {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < 200) {
    for (let i = 0; i < 100; i++) f();
    n += 100;
    now = performance.now();
  }
  return ((now - start) * 1e6) / n;
}

const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

export default function widthBench(): void {
  for (const [kind, text] of Object.entries(TEXTS)) {
    const clean = sanitizeText(text);
    // Warm up the JIT and the segmenter's caches.
    for (let i = 0; i < 2000; i++) { cellWidth(clean); stringWidth(clean); sanitizeText(text); sanitizeInput(text, true); }
    const ours = time(() => cellWidth(clean));
    const base = time(() => stringWidth(clean));
    console.log(JSON.stringify({ bench: 'width', figure: 'measure', text: kind, chars: clean.length, cellWidth_ns: round(ours, 0), stringWidth_ns: round(base, 0), ratio: round(ours / base) }));
    const normalized = time(() => sanitizeText(text));
    const scrubbed = time(() => sanitizeInput(text, true));
    console.log(JSON.stringify({ bench: 'width', figure: 'ingress', text: kind, sanitize_normalize_us: round(normalized / 1000), sanitize_only_us: round(scrubbed / 1000), ratio: round(normalized / scrubbed) }));
    const wrap = time(() => richLines(plainBlocks(clean), 60, { prefix: [{ text: '10:41 Lee: ' }], indent: 2 }));
    console.log(JSON.stringify({ bench: 'width', figure: 'wrap', text: kind, richLines_us: round(wrap / 1000) }));
  }
}
