import { describe, expect, it } from 'vitest';
import { sanitizeLine, sanitizeText } from '../../src/tui/sanitize.js';

const ESC = '\x1b';
// Anything a terminal could act on, plus the spoofing format chars.
const FORBIDDEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('sanitize: escape sequences', () => {
  it.each([
    ['OSC 52 clipboard write (BEL)', `a${ESC}]52;c;ZXZpbCBjb21tYW5k\x07b`, 'ab'],
    ['OSC 52 clipboard write (ST)', `a${ESC}]52;c;ZXZpbA==${ESC}\\b`, 'ab'],
    ['OSC 8 hyperlink', `${ESC}]8;;https://evil.example/${ESC}\\click me${ESC}]8;;${ESC}\\`, 'click me'],
    ['OSC 0 window title', `${ESC}]0;pwned\x07ok`, 'ok'],
    ['CSI 2J clear screen', `x${ESC}[2Jy`, 'xy'],
    ['CSI home + clear scrollback', `${ESC}[H${ESC}[3Jhi`, 'hi'],
    ['CSI cursor position', `a${ESC}[10;20Hb`, 'ab'],
    ['CSI cursor up', `a${ESC}[5Ab`, 'ab'],
    ['CSI private mode (hide cursor)', `a${ESC}[?25lb`, 'ab'],
    ['SGR truecolor', `${ESC}[38;2;255;0;0mred${ESC}[0m`, 'red'],
    ['DCS string', `a${ESC}Pq#0;2;0;0;0#0~~${ESC}\\b`, 'ab'],
    ['APC string', `a${ESC}_Gf=100;AAAA${ESC}\\b`, 'ab'],
    ['PM and SOS strings', `a${ESC}^secret${ESC}\\b${ESC}Xsos${ESC}\\c`, 'abc'],
    ['ESC c full reset', `a${ESC}cb`, 'ab'],
    ['ESC 7 / ESC 8 save/restore', `a${ESC}7b${ESC}8c`, 'abc'],
    ['ESC # 8 screen alignment fill', `a${ESC}#8b`, 'ab'],
    ['ESC ( 0 line-drawing charset', `a${ESC}(0b`, 'ab'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeLine(input)).toBe(expected);
    expect(sanitizeText(input)).toBe(expected);
  });

  it('removes 8-bit CSI and OSC with their parameters', () => {
    expect(sanitizeLine('a\u009b2Jb')).toBe('ab');
    expect(sanitizeLine('a\u009b10;20Hb')).toBe('ab');
    expect(sanitizeLine('a\u009d52;c;ZXZpbA==\u0007b')).toBe('ab');
    expect(sanitizeLine('a\u009d0;title\u009cb')).toBe('ab');
    expect(sanitizeLine('a\u0090dcs\u009cb')).toBe('ab');
  });

  it('removes other C1 controls, C0 controls and DEL', () => {
    expect(sanitizeLine('a\u0080\u0084\u008d\u008e\u008f\u0099b')).toBe('ab');
    expect(sanitizeLine('a\x00\x01\x07\x7fb')).toBe('ab');
    // Backspace could visually overwrite an earlier word.
    expect(sanitizeLine('paypal\b\b\b\b\b\bevil')).toBe('paypalevil');
  });

  it('never leaks ESC from unterminated sequences', () => {
    expect(sanitizeLine(`hello${ESC}]52;c;QUFBQQ==`)).toBe('hello');
    expect(sanitizeLine(`hello${ESC}]`)).toBe('hello');
    expect(sanitizeLine(`hello${ESC}`)).toBe('hello');
    expect(sanitizeLine(`hello${ESC}[`)).toBe('hello');
    expect(sanitizeLine(`hello${ESC}[12;`)).toBe('hello');
    expect(sanitizeLine(`hello${ESC}P1$r`)).toBe('hello');
    expect(sanitizeLine('hello\u009b')).toBe('hello');
    expect(sanitizeLine('hello\u009d8;;http://x')).toBe('hello');
  });

  it('bounds an unterminated string at the end of its line', () => {
    expect(sanitizeText(`a${ESC}]0;junk\nnext line`)).toBe('a\nnext line');
  });

  it('handles nested and garbled sequences', () => {
    expect(sanitizeLine(`${ESC}[${ESC}]0;t\x07x`)).toBe('x');
    expect(sanitizeLine(`${ESC}${ESC}[2Jok`)).toBe('ok');
    expect(sanitizeLine(`${ESC}[1;${ESC}[2Jok`)).toBe('ok');
    expect(sanitizeLine(`${ESC}]0;${ESC}[2Jtitle\x07`)).toBe('title');
    expect(sanitizeLine(`${ESC}[1;2\u00e9x`)).toBe('\u00e9x'); // CSI aborted by a non-ASCII byte
    expect(sanitizeLine(`a${ESC}]8;;x\x18b`)).toBe('ab'); // CAN aborts a string
    expect(sanitizeLine(`${ESC}[${'1;'.repeat(500)}H`)).not.toContain(ESC);
  });
});

describe('sanitize: unicode spoofing', () => {
  it('removes bidi overrides, isolates and marks', () => {
    expect(sanitizeLine('evil\u202Etxt.exe')).toBe('eviltxt.exe');
    expect(sanitizeLine('a\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061cb')).toBe('ab');
  });

  it('removes zero-width and invisible format chars', () => {
    expect(sanitizeLine('ad\u200bmin\u200c\u200d\u2060\ufeff')).toBe('admin');
    expect(sanitizeLine('hi\u{E0041}\u{E0042}\u{E007F}')).toBe('hi'); // tag chars (ASCII smuggling)
  });

  it('removes unpaired surrogates but keeps valid pairs', () => {
    expect(sanitizeLine('a\ud800b\udc00c\ud83d')).toBe('abc');
    expect(sanitizeLine('ok 😀 𝄞 👍')).toBe('ok 😀 𝄞 👍');
  });

  it('keeps ordinary international text as is', () => {
    const s = 'Café — Ünïcødé 日本語 中文 한국어 עברית العربية';
    expect(sanitizeLine(s)).toBe(s);
    expect(sanitizeText(s)).toBe(s);
  });
});

describe('sanitize: line breaks, tabs, length', () => {
  it('sanitizeText keeps \\n and normalizes other breaks', () => {
    expect(sanitizeText('a\nb')).toBe('a\nb');
    expect(sanitizeText('a\r\nb\rc')).toBe('a\nb\nc'); // a lone CR would overwrite the line
    expect(sanitizeText('a\u2028b\u2029c\u0085d\fe\vf')).toBe('a\nb\nc\nd\ne\nf');
  });

  it('sanitizeLine turns breaks and tabs into single spaces', () => {
    expect(sanitizeLine('a\nb\r\nc\td\u2028e')).toBe('a b c d e');
  });

  it('sanitizeText expands tabs to 4-column stops per line', () => {
    expect(sanitizeText('a\tb')).toBe('a   b');
    expect(sanitizeText('abcd\te')).toBe('abcd    e');
    expect(sanitizeText('ab\n\tc')).toBe('ab\n    c');
  });

  it('truncates to maxLen code points with an ellipsis', () => {
    expect(sanitizeLine('abcdef', 3)).toBe('ab…');
    expect(sanitizeLine('abc', 3)).toBe('abc');
    expect(sanitizeLine(`ab${ESC}[2Jc`, 3)).toBe('abc');
    expect(sanitizeLine('😀😀😀😀', 3)).toBe('😀😀…');
    expect(sanitizeLine('abcd', 1)).toBe('…');
    expect(sanitizeLine('abcd', 0)).toBe('');
  });

  it('handles 10,000-char lines', () => {
    const long = 'x'.repeat(10_000);
    expect(sanitizeText(long)).toBe(long);
    expect(sanitizeLine(long)).toBe(long);
    const cut = sanitizeLine(long, 80);
    expect(cut).toHaveLength(80);
    expect(cut.endsWith('…')).toBe(true);
    const hostile = `${ESC}[2J`.repeat(2_500);
    expect(sanitizeLine(hostile)).toBe('');
  });

  it('tolerates non-string input at runtime', () => {
    expect(sanitizeLine(undefined as unknown as string)).toBe('');
    expect(sanitizeText(null as unknown as string)).toBe('');
  });
});

// Small seeded PRNG so a failure is reproducible.
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INTERESTING = [0x1b, 0x5b, 0x5d, 0x07, 0x5c, 0x9b, 0x9d, 0x9c, 0x0a, 0x0d, 0x09,
  0x202e, 0x2066, 0x200b, 0xfeff, 0xd83d, 0xde00, 0xdc00, 0x2028, 0x3b, 0x32, 0x4a];

function randomString(next: () => number, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) {
    const r = next();
    const code = r < 0.5 ? Math.floor(next() * 256)
      : r < 0.85 ? INTERESTING[Math.floor(next() * INTERESTING.length)]!
      : Math.floor(next() * 0x10000);
    s += String.fromCharCode(code);
  }
  return s;
}

describe('sanitize: property over random strings', () => {
  it('output never holds a control, ESC, spoof char or lone surrogate; idempotent', () => {
    const next = rng(42);
    for (let n = 0; n < 3000; n++) {
      const input = randomString(next, Math.floor(next() * 120));
      const line = sanitizeLine(input);
      const text = sanitizeText(input);
      const cut = sanitizeLine(input, 10);
      for (const out of [line, text, cut]) {
        expect(FORBIDDEN.test(out), JSON.stringify(input)).toBe(false);
        expect(out.includes(ESC)).toBe(false);
        expect(LONE_SURROGATE.test(out), JSON.stringify(input)).toBe(false);
      }
      expect(/[\n\t]/.test(line)).toBe(false);
      expect(text.includes('\t')).toBe(false);
      expect([...cut].length).toBeLessThanOrEqual(10);
      expect(sanitizeLine(line)).toBe(line);
      expect(sanitizeText(text)).toBe(text);
      expect(sanitizeLine(cut, 10)).toBe(cut);
    }
  });

  it('is linear on pathological input (1 MB)', () => {
    const patterns = [`${ESC}[`, `${ESC}]`, `${ESC}`, '\u009b', '\u009d', `${ESC}[1;`, `${ESC}P${ESC}`];
    for (const p of patterns) {
      const input = p.repeat(Math.ceil(1_000_000 / p.length));
      const t0 = performance.now();
      const out = sanitizeText(input);
      const ms = performance.now() - t0;
      expect(out.includes(ESC)).toBe(false);
      expect(ms).toBeLessThan(1000);
    }
  });
});
