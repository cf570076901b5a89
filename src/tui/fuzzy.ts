// A tiny fuzzy scorer for the command palette: the query's characters must
// appear in order in the text (case-insensitive). Matches earn more at word
// starts and in runs, so "ao" ranks "Accept offer" above "Go to Notices".
// Greedy left-to-right: good enough for ~60 short titles, and linear.

const WORD_START = 8;
const RUN = 5;
const FIRST_CHAR = 4;
const GAP_PENALTY = 1;

/** Score of `query` in `text`, or null when it does not match. Empty query: 0. */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (q === '') return 0;
  const t = text.toLowerCase();
  let score = 0;
  let ti = 0;
  let prev = -2;
  for (let qi = 0; qi < q.length; qi++) {
    const ch = q[qi]!;
    const next = t.indexOf(ch, ti);
    if (next < 0) return null;
    let at = next;
    // Prefer a later word start holding this char, if the rest still matches after it.
    if (next !== prev + 1) {
      for (let j = next + 1; j < t.length; j++) {
        if (t[j] === ch && isWordStart(t, j) && isSubsequence(q, qi + 1, t, j + 1)) { at = j; break; }
      }
    }
    score += 1;
    if (isWordStart(t, at)) score += WORD_START;
    if (at === prev + 1) score += RUN;
    if (at === 0) score += FIRST_CHAR;
    score -= Math.min(at - ti, 10) * GAP_PENALTY;
    prev = at;
    ti = at + 1;
  }
  return score;
}

function isSubsequence(q: string, qi: number, t: string, ti: number): boolean {
  for (; qi < q.length; qi++, ti++) {
    ti = t.indexOf(q[qi]!, ti);
    if (ti < 0) return false;
  }
  return true;
}

function isWordStart(t: string, i: number): boolean {
  return i === 0 || /[\s./_-]/.test(t[i - 1]!);
}

/** Items that match, best first; ties keep the input order. */
export function fuzzyFilter<T>(query: string, items: readonly T[], text: (item: T) => string): T[] {
  const scored: { item: T; score: number; i: number }[] = [];
  items.forEach((item, i) => {
    const score = fuzzyScore(query, text(item));
    if (score !== null) scored.push({ item, score, i });
  });
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  return scored.map((s) => s.item);
}
