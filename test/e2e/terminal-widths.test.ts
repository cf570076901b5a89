/**
 * The width corpus against the terminal's own measure: tmux (as the console
 * runs in it: TERM=xterm-256color, LANG=C.UTF-8) draws each text and says
 * where its cursor ended (DSR 6). Every code point of the corpus whose width
 * terminals agree on advances the cursor by exactly what the console's width
 * function says, and every sample of the corpus, normalized as text from
 * outside is at ingress, by exactly its cellWidth: the console and the
 * terminal hold one opinion.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeText } from '../../src/tui/sanitize.js';
import { cellWidth, codePointWidth, isUnstableWidth } from '../../src/tui/text/width.js';
import { CORPUS, corpusCodePoints } from '../tui/text/corpus.js';
import { Tmux } from './tmux.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const REPORTER = fileURLToPath(new URL('./cursor-report.mjs', import.meta.url));
const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ac-e2e-widths-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Where tmux leaves the cursor after drawing each text from the top left: [row, column]. */
async function measured(texts: readonly string[]): Promise<[number, number][]> {
  const input = join(dir, 'texts.json');
  const output = join(dir, 'cursors.json');
  rmSync(output, { force: true });
  writeFileSync(input, JSON.stringify(texts));
  const t = new Tmux(['node', REPORTER, input, output], { cols: 200, rows: 10 });
  try {
    await t.waitFor(() => existsSync(output), 'the cursor reports', 30_000);
  } finally {
    t.kill();
  }
  return JSON.parse(readFileSync(output, 'utf8')) as [number, number][];
}

describe.skipIf(!hasTmux)('the width corpus, measured by the terminal itself (tmux)', () => {
  it('every code point terminals agree on advances the cursor by codePointWidth', async () => {
    const cps = corpusCodePoints().filter((cp) => !isUnstableWidth(cp));
    // After a letter, so that a mark has a base to join (it then advances nothing).
    const cursors = await measured(cps.map((cp) => `a${String.fromCodePoint(cp)}`));
    const differ = cps.filter((cp, i) => cursors[i]![0] !== 0 || cursors[i]![1] !== 1 + codePointWidth(cp));
    expect(differ.map((cp) => `${hex(cp)}: ours ${codePointWidth(cp)}, tmux ${cursors[cps.indexOf(cp)]![1] - 1}`)).toEqual([]);
  }, 60_000);

  it('every sample, normalized at ingress, is exactly as wide as cellWidth says', async () => {
    const samples = CORPUS.flatMap((c) => c.samples).map((s) => sanitizeText(s));
    const cursors = await measured(samples);
    const differ = samples.filter((s, i) => cursors[i]![0] !== 0 || cursors[i]![1] !== cellWidth(s));
    expect(differ.map((s) => `${JSON.stringify(s)}: ours ${cellWidth(s)}, tmux ${cursors[samples.indexOf(s)]![1]}`)).toEqual([]);
  }, 60_000);
});
