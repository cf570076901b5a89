import { describe, expect, it } from 'vitest';
import { plainBlocks, richLines } from '../../../src/tui/chat/rich.js';
import { wrapToWidth } from '../../../src/tui/text/wrap.js';
import { cellWidth } from '../../../src/tui/text/width.js';

const SUNDAY = 'Hi, I ordered a blender last week and the store was closed on Sunday, right? Can you check order 4411?';

describe('wrapToWidth: words stay whole', () => {
  it('breaks at spaces, dropping them there', () => {
    expect(wrapToWidth('hello world', 5)).toEqual(['hello', 'world']);
    expect(wrapToWidth('closed on Sunday, right?', 16)).toEqual(['closed on', 'Sunday, right?']);
    expect(wrapToWidth('a  b', 10)).toEqual(['a  b']);
  });

  it('cuts only a word wider than the line, which starts a line of its own', () => {
    expect(wrapToWidth('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapToWidth('see https://example.com/x', 8)).toEqual(['see', 'https://', 'example.', 'com/x']);
  });

  it('breaks CJK text between characters, and never splits a wide one', () => {
    expect(wrapToWidth('日本語テキスト', 6)).toEqual(['日本語', 'テキス', 'ト']);
    expect(wrapToWidth('日本語', 5)).toEqual(['日本', '語']);
    expect(wrapToWidth('ok 日本語', 5)).toEqual(['ok 日', '本語']);
  });

  it('keeps line breaks and the indentation after them', () => {
    expect(wrapToWidth('a\n\nb', 5)).toEqual(['a', '', 'b']);
    expect(wrapToWidth('list:\n  - one\n  - two', 10)).toEqual(['list:', '  - one', '  - two']);
  });

  it('keeps a mark on its letter at a break', () => {
    expect(wrapToWidth('cafe\u0301 cafe\u0301', 5)).toEqual(['cafe\u0301', 'cafe\u0301']);
  });

  it('holds at every width: lines fit, and rejoined they are the text', () => {
    const words = SUNDAY.split(' ');
    for (let w = 1; w <= 120; w++) {
      const lines = wrapToWidth(SUNDAY, w);
      for (const l of lines) expect(cellWidth(l), `${w}: ${l}`).toBeLessThanOrEqual(w);
      // A word that fits on a line is on one line.
      for (const word of words) if (word.length <= w) expect(lines, `${w}: ${word}`).toContainEqual(expect.stringContaining(word));
      // Nothing lost; and once every word fits, only spaces became line breaks.
      expect(lines.join('').replaceAll(' ', '')).toBe(SUNDAY.replaceAll(' ', ''));
      if (w >= Math.max(...words.map((x) => x.length))) expect(lines.join(' ')).toBe(SUNDAY);
    }
  });
});

describe('richLines: chat lines wrap at words', () => {
  const text = (lines: ReturnType<typeof richLines>): string[] => lines.map((l) => l.map((s) => s.text).join(''));

  it('at the width where issue 22 broke "Sunda / y"', () => {
    for (let w = 20; w <= 120; w++) {
      const lines = text(richLines(plainBlocks(SUNDAY), w, { prefix: [{ text: '10:41 Lee: ' }], indent: 2 }));
      for (const l of lines) expect(cellWidth(l), `${w}: ${l}`).toBeLessThanOrEqual(w);
      expect(lines.some((l) => l.includes('Sunday,')), `${w}: ${lines.join(' | ')}`).toBe(true);
    }
  });

  it('indents continuation lines and keeps styles across the break', () => {
    const lines = richLines([{ kind: 'p', inlines: [{ text: 'plain ' }, { text: 'bold words here', bold: true }] }], 12, { indent: 2 });
    expect(text(lines)).toEqual(['plain bold', '  words here']);
    expect(lines[1]).toEqual([{ text: '  ' }, { text: 'words here', bold: true }]);
  });
});
