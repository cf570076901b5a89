/** The chat markup parser, the FAQ HTML → markup converter, and the FAQ page sanitizer, under hostile input. */
import { describe, expect, it } from 'vitest';
import { faqHtmlToMarkup } from '../../src/protocol/faq-html.js';
import { parseMarkup, type Block } from '../../src/protocol/rich-text.js';
import { safeHref, tokenizeHtml } from '../../src/protocol/html-tokens.js';
import { sanitizeFaqHtml } from '../../src/server/channels/webchat/sanitize-html.js';
import { mulberry32 } from '../wire/helpers.js';

const p = (...inlines: Block['inlines']): Block => ({ kind: 'p', inlines });

/**
 * The fastest of up to three runs of `work`, stopping at the first under `limit`: a busy machine
 * pauses one run now and then (a run took 584 ms at a load average of 20 on 2 cores), while a
 * backtracking blow-up makes every run slow.
 */
function fastestMs(work: () => void, limit: number): number {
  let best = Infinity;
  for (let i = 0; i < 3 && best >= limit; i++) {
    const t = performance.now();
    work();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe('parseMarkup', () => {
  it('bold, italic, underline, links, headings, lists, paragraphs', () => {
    expect(parseMarkup('**b** *i* __u__ [site](https://x.example/a?b=1)')).toEqual([
      p({ text: 'b', bold: true }, { text: ' ' }, { text: 'i', italic: true }, { text: ' ' }, { text: 'u', underline: true }, { text: ' ' }, { text: 'site', href: 'https://x.example/a?b=1' }),
    ]);
    expect(parseMarkup('# Title\n## Sub\n- one\n- **two**\n1. first\n12. twelfth\n\nline a\nline b\n\n\npara')).toEqual([
      { kind: 'h', level: 1, inlines: [{ text: 'Title' }] },
      { kind: 'h', level: 2, inlines: [{ text: 'Sub' }] },
      { kind: 'li', inlines: [{ text: 'one' }] },
      { kind: 'li', inlines: [{ text: 'two', bold: true }] },
      { kind: 'li', level: 1, inlines: [{ text: 'first' }] },
      { kind: 'li', level: 12, inlines: [{ text: 'twelfth' }] },
      p({ text: 'line a\nline b' }),
      p({ text: 'para' }),
    ]);
  });

  it('nested and adjacent styles', () => {
    expect(parseMarkup('***both***')).toEqual([p({ text: 'both', bold: true, italic: true })]);
    expect(parseMarkup('**bold *and italic***')).toEqual([p({ text: 'bold ', bold: true }, { text: 'and italic', bold: true, italic: true })]);
    expect(parseMarkup('__**x**__')).toEqual([p({ text: 'x', bold: true, underline: true })]);
  });

  it('anything else is literal: unpaired markers, ### , snake_case, HTML, bad links', () => {
    expect(parseMarkup('2 * 3 = 6')).toEqual([p({ text: '2 * 3 = 6' })]);
    expect(parseMarkup('**not closed')).toEqual([p({ text: '**not closed' })]);
    expect(parseMarkup('### three')).toEqual([p({ text: '### three' })]);
    expect(parseMarkup('snake_case_name')).toEqual([p({ text: 'snake_case_name' })]);
    expect(parseMarkup('#no space')).toEqual([p({ text: '#no space' })]);
    expect(parseMarkup('<img src=x onerror=alert(1)>')).toEqual([p({ text: '<img src=x onerror=alert(1)>' })]);
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', '/relative', 'java\tscript:x', 'https://a b'])
      expect(parseMarkup(`[x](${bad})`).flatMap((b) => b.inlines).some((i) => i.href), bad).toBe(false);
    expect(parseMarkup('[mail](mailto:help@example.com)')[0]!.inlines[0]).toEqual({ text: 'mail', href: 'mailto:help@example.com' });
    expect(parseMarkup('[](https://x.example)')).toEqual([p({ text: '[](https://x.example)' })]);
  });

  it('backslash escapes make markers literal; other backslashes (FAQ shortcuts) stay', () => {
    expect(parseMarkup('\\*not italic\\* and \\q')).toEqual([p({ text: '*not italic* and \\q' })]);
    expect(parseMarkup('\\# not a heading')).toEqual([p({ text: '# not a heading' })]);
  });

  it('is linear on hostile input (no backtracking blow-up)', () => {
    const hostile = ['['.repeat(100_000), '[a]('.repeat(50_000) + ')', '[a](https://x'.repeat(30_000) + ')', '*'.repeat(100_001), '_'.repeat(100_001), '[a]('.repeat(50_000), '**a'.repeat(50_000), '\\'.repeat(100_000), ('- '.repeat(1000) + '\n').repeat(100)];
    // Against plain text of the same length, parsed just before on the same (possibly busy) machine:
    // a backtracking blow-up is orders of magnitude slower, load is not.
    const time = (s: string): number => { const t = performance.now(); parseMarkup(s); return performance.now() - t; };
    for (const h of hostile) {
      const limit = Math.max(500, 50 * time('word '.repeat(Math.ceil(h.length / 5))));
      expect(fastestMs(() => parseMarkup(h), limit), h.slice(0, 10)).toBeLessThan(limit);
      expect(parseMarkup(h).length).toBeGreaterThan(0);
    }
  });
});

describe('faqHtmlToMarkup', () => {
  it('converts the supported subset', () => {
    const { markup, complex } = faqHtmlToMarkup(
      '<h2>Hours</h2><p>We are <b>open</b> <em>8am</em> to <u>7pm</u>&nbsp;EST.<br>Closed &amp; quiet on Sunday.</p>' +
        '<ul><li>Mon&ndash;Fri</li><li><a href="https://x.example/s">Saturday</a></li></ul><ol><li>first</li><li>second</li></ol>' +
        '<div>in a div</div><span>span</span><img src="https://x.example/p.png" alt="Map">',
    );
    expect(complex).toBe(false);
    expect(markup).toBe(
      '## Hours\n\nWe are **open** *8am* to __7pm__ EST.\nClosed & quiet on Sunday.\n\n- Mon–Fri\n- [Saturday](https://x.example/s)\n1. first\n2. second\n\nin a div\nspan[Map](https://x.example/p.png)',
    );
  });

  it("inserts the guide's whole supported list directly: article, blockquote, h1–h6, sub, sup, dl/dt/dd, hr (agent workspace guide, 'Balises HTML dans l'éditeur de chat')", () => {
    const { markup, complex } = faqHtmlToMarkup(
      '<article><h1>Water</h1><p>H<sub>2</sub>O boils at 100 °C at 10<sup>5</sup> Pa.</p></article>' +
        '<blockquote><p>Drink <b>enough</b>.</p><p>Every day.</p></blockquote><hr>' +
        '<dl><dt>Hard water</dt><dd>Rich in <i>calcium</i>.</dd><dt>Soft water</dt><dd>Poor in it.</dd></dl><h5>Small print</h5><p>End.</p>',
    );
    expect(complex).toBe(false);
    expect(markup).toBe(
      '# Water\n\nH~2~O boils at 100 °C at 10^5^ Pa.\n\n> Drink **enough**.\n\n> Every day.\n\n---\n\n; Hard water\n: Rich in *calcium*.\n; Soft water\n: Poor in it.\n\n## Small print\n\nEnd.',
    );
    const blocks = parseMarkup(markup);
    expect(blocks.map((b) => b.kind)).toEqual(['h', 'p', 'quote', 'quote', 'hr', 'dt', 'dd', 'dt', 'dd', 'h', 'p']);
    expect(blocks[1]!.inlines).toEqual([{ text: 'H' }, { text: '2', sub: true }, { text: 'O boils at 100 °C at 10' }, { text: '5', sup: true }, { text: ' Pa.' }]);
    expect(blocks[2]!.inlines).toEqual([{ text: 'Drink ' }, { text: 'enough', bold: true }, { text: '.' }]);
    expect(blocks[6]!.inlines).toEqual([{ text: 'Rich in ' }, { text: 'calcium', italic: true }, { text: '.' }]);
  });

  it("the guide's unsupported tags (table, tr, thead, td) make the answer complex: it is inserted as a link", () => {
    for (const html of ['<table><thead><tr><td>a</td></tr></thead></table>', '<p>x</p><tr><td>cell</td></tr>', '<thead>h</thead>', '<td>d</td>']) {
      expect(faqHtmlToMarkup(html).complex, html).toBe(true);
    }
  });

  it('quote, term, definition, rule, superscript and subscript marks typed as text stay text', () => {
    const html = '<p>&gt; not quoted</p><p>; not a term</p><p>: not a definition</p><p>---</p><p>&gt;</p><p>2^10^ and ~5~ min, a ~~ b ^^ c</p>';
    const { markup } = faqHtmlToMarkup(html);
    const blocks = parseMarkup(markup);
    expect(blocks.map((b) => b.kind)).toEqual(['p', 'p', 'p', 'p', 'p', 'p']);
    expect(blocks.map((b) => b.inlines.map((i) => i.text).join(''))).toEqual(['> not quoted', '; not a term', ': not a definition', '---', '>', '2^10^ and ~5~ min, a ~~ b ^^ c']);
    expect(blocks.flatMap((b) => b.inlines).every((i) => !i.sup && !i.sub)).toBe(true);
  });

  it('round-trips through parseMarkup: text with markup characters stays text', () => {
    const html = '<p>Use *stars*, __dunders__, [brackets](not a link), a \\ backslash and \\q</p><p># not a heading</p><ul><li>- dash</li><li>1. number</li></ul>';
    const { markup } = faqHtmlToMarkup(html);
    const text = parseMarkup(markup).map((b) => b.inlines.map((i) => i.text).join(''));
    expect(text).toEqual(['Use *stars*, __dunders__, [brackets](not a link), a \\ backslash and \\q', '# not a heading', '- dash', '1. number']);
    expect(parseMarkup(markup).flatMap((b) => b.inlines).every((i) => !i.bold && !i.italic && !i.underline && !i.href)).toBe(true);
  });

  it('styles that change mid-word and span lines survive the round trip', () => {
    const { markup } = faqHtmlToMarkup('<b>bo<i>th</i></b><i>it</i>x<br><b>next line</b>');
    expect(parseMarkup(markup)).toEqual([
      p({ text: 'bo', bold: true }, { text: 'th', bold: true, italic: true }, { text: 'it', italic: true }, { text: 'x\n' }, { text: 'next line', bold: true }),
    ]);
  });

  it('random styled text survives HTML → markup → blocks (every visible character keeps its styles)', () => {
    const rnd = mulberry32(20240601);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const ALPHABET = [...'ab1*_[]()\\#-.!<>&"\' ^~;:'];
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    // Runs separated by a space, underline included; then runs glued inside words (no underline: `__` needs a word edge).
    for (const [separator, underline] of [[' ', 0.3], ['', 0]] as const) {
      for (let round = 0; round < 1000; round++) {
        let html = '';
        const expected: string[] = [];
        for (let k = 0, n = 1 + Math.floor(rnd() * 6); k < n; k++) {
          const text = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => pick(ALPHABET)).join('');
          const style = { bold: rnd() < 0.4, italic: rnd() < 0.4, underline: rnd() < underline, sup: rnd() < 0.15, sub: rnd() < 0.15 };
          const href = rnd() < 0.2 ? 'https://x.example/a_b(c)' : undefined;
          let piece = escape(text);
          if (href) piece = `<a href="${href}">${piece}</a>`;
          if (style.underline) piece = `<u>${piece}</u>`;
          if (style.italic) piece = `<i>${piece}</i>`;
          if (style.bold) piece = `<b>${piece}</b>`;
          if (style.sup) piece = `<sup>${piece}</sup>`;
          if (style.sub) piece = `<sub>${piece}</sub>`;
          html += (k ? separator : '') + piece;
          for (const ch of text) if (ch !== ' ') expected.push(`${ch}|${style.bold}|${style.italic}|${style.underline}|${style.sup}|${style.sub}|${href ?? ''}`);
        }
        const { markup, complex } = faqHtmlToMarkup(`<p>${html}</p>`);
        expect(complex).toBe(false);
        const got = parseMarkup(markup).flatMap((b) =>
          b.inlines.flatMap((i) => [...i.text].filter((ch) => ch !== ' ').map((ch) => `${ch}|${!!i.bold}|${!!i.italic}|${!!i.underline}|${!!i.sup}|${!!i.sub}|${i.href?.replace('%29', ')') ?? ''}`)),
        );
        expect({ html, markup, got }).toEqual({ html, markup, got: expected });
      }
    }
  });

  it('tables, scripts, styles, iframes, forms and unknown tags are complex; their code never leaks into the markup', () => {
    for (const html of ['<table><tr><td>a</td></tr></table>', '<script>alert(1)</script>hi', '<style>p{}</style>', '<iframe src="https://e.example"></iframe>', '<form><input></form>', '<blink>x</blink>', '<svg><script>alert(1)</script></svg>']) {
      const r = faqHtmlToMarkup(html);
      expect(r.complex, html).toBe(true);
      expect(r.markup).not.toMatch(/alert|p\{\}/);
    }
  });

  it('hostile HTML: event handlers, javascript: links, broken tags, entities, controls', () => {
    const cases: [string, string][] = [
      ['<b onclick="alert(1)">x</b>', '**x**'],
      ['<a href="javascript:alert(1)">click</a>', 'click'],
      ['<a href=" jav&#x09;ascript:alert(1)">click</a>', 'click'],
      ['<a href="JAVASCRIPT:alert(1)">c</a>', 'c'],
      ['<img src=x onerror=alert(1)>', ''],
      ['<img src="javascript:alert(1)" alt="pic">', 'pic'],
      ['<p>unclosed <b>bold', 'unclosed **bold**'],
      ['</b></i>stray ends', 'stray ends'],
      ['a < b > c', 'a < b > c'],
      ['<!-- <script>alert(1)</script> -->visible', 'visible'],
      ['<p title="x>y">t</p>', 't'],
      ['&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'],
      ['&#0;&#x110000;&#xD800;ok', '\ufffd\ufffd\ufffdok'],
      ['bell\u0007\u001b[2Jesc', 'bell\\[2Jesc'],
      ['<p>a</p', 'a'],
      ['<a href="https://ok.example"><b>x</b></a>', '**[x](https://ok.example)**'],
    ];
    for (const [html, markup] of cases) expect(faqHtmlToMarkup(html).markup, html).toBe(markup);
  });

  it('is linear on hostile HTML', () => {
    const hostile = ['<'.repeat(100_000), '<a '.repeat(50_000), '<b>'.repeat(50_000), '<p title="'.repeat(20_000), '&#'.repeat(50_000), '<!--'.repeat(30_000), '<script>'.repeat(30_000), '<ul><li>'.repeat(20_000)];
    for (const h of hostile) {
      const convertAndSanitize = () => {
        faqHtmlToMarkup(h);
        sanitizeFaqHtml(h);
      };
      expect(fastestMs(convertAndSanitize, 1000), h.slice(0, 10)).toBeLessThan(1000);
    }
  });
});

describe('tokenizer and hrefs', () => {
  it('tokenizes tolerant HTML', () => {
    expect(tokenizeHtml('<A HREF=\'x\' id=y disabled>t</a><br/>')).toEqual([
      { kind: 'start', name: 'a', attrs: { href: 'x', id: 'y', disabled: '' }, selfClosing: false },
      { kind: 'text', text: 't' },
      { kind: 'end', name: 'a' },
      { kind: 'start', name: 'br', attrs: {}, selfClosing: true },
    ]);
    expect(tokenizeHtml('<script>a<b>c</SCRIPT>d')).toEqual([
      { kind: 'start', name: 'script', attrs: {}, selfClosing: false },
      { kind: 'text', text: 'a<b>c' },
      { kind: 'end', name: 'script' },
      { kind: 'text', text: 'd' },
    ]);
  });

  it('safeHref allows only http, https and mailto', () => {
    expect(safeHref('https://example.com/x')).toBe('https://example.com/x');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    for (const bad of ['javascript:x', 'vbscript:x', 'data:x', '//evil.example', 'https:evil', 'http:///x', 'file:///etc/passwd']) expect(safeHref(bad), bad).toBeUndefined();
  });
});

describe('sanitizeFaqHtml (FAQ pages)', () => {
  it('keeps the allowlist (tables too), drops everything else, always well nested', () => {
    expect(sanitizeFaqHtml('<table><tr><th colspan="2" style="x">H</th><td rowspan=x onclick=y>d</td></tr></table>')).toBe('<table><tr><th colspan="2">H</th><td>d</td></tr></table>');
    expect(sanitizeFaqHtml('<p>a<script>alert(1)</script><style>*{}</style><iframe src=x></iframe>b</p>')).toBe('<p>ab</p>');
    expect(sanitizeFaqHtml('<a href="javascript:alert(1)" onmouseover=x>c</a>')).toBe('<a>c</a>');
    expect(sanitizeFaqHtml('<a href="https://e.example/?a=1&amp;b=&quot;2">c</a>')).toBe('<a href="https://e.example/?a=1&#38;b=&#34;2" rel="noopener noreferrer" target="_blank">c</a>');
    expect(sanitizeFaqHtml('<img src=x onerror=alert(1)>')).toBe('');
    expect(sanitizeFaqHtml('<img src="https://e.example/i.png" alt="<b>">')).toBe('<a href="https://e.example/i.png" rel="noopener noreferrer" target="_blank">&#60;b&#62;</a>');
    expect(sanitizeFaqHtml('<b><i>x</b>y')).toBe('<b><i>x</i></b>y');
    expect(sanitizeFaqHtml('<article><dl><dt>t</dt><dd>d<sup>2</sup></dd></dl><blockquote>q</blockquote><hr></article>')).toBe('<article><dl><dt>t</dt><dd>d<sup>2</sup></dd></dl><blockquote>q</blockquote><hr></article>');
    expect(sanitizeFaqHtml('<ul><li>a<li>b</ul></ul></div>')).toBe('<ul><li>a<li>b</li></li></ul>');
    expect(sanitizeFaqHtml('<form action=x><input value=1>t</form><object data=x>o</object>')).toBe('t');
    expect(sanitizeFaqHtml('"quotes" & \'apos\'')).toBe('&#34;quotes&#34; &#38; &#39;apos&#39;');
  });
});
