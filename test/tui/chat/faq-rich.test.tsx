// One rich-text path for FAQ answers (issue 23): an answer inserted with its
// shortcut shows in the draft as it will read — heading, list, italics,
// underline, no marks — on several lines; what is sent is the chat markup,
// which the transcript (and the web chat, from the same parsed blocks) renders
// the same way.
import { afterEach, describe, expect, it } from 'vitest';
import type { FaqEntry } from '../../../src/protocol/index.js';
import { KEY, renderConsole, type ConsoleHarness } from '../helpers/render.js';
import { chatView, FAQ } from './fixtures.js';

let h: ConsoleHarness | undefined;
afterEach(() => h?.unmount());

// The demo tenant's password answer.
const PW: FaqEntry = {
  id: 'reset-password',
  title: 'Resetting your password',
  body: '<h2>Reset your password</h2><ol><li>Go to <a href="https://example.com/login">the login page</a>.</li><li>Click <b>Forgot password</b>.</li><li>Follow the link in the email we send you <i>(check your spam folder)</i>.</li></ol><p>The link is valid for <u>24 hours</u>.</p>',
  shortcut: '\\pw',
  category: 'Account',
};

/** The server echoes the agent's line into the transcript: the frame then. */
async function echoed(h: ConsoleHarness, text: string): Promise<string> {
  h.fake!.setView((v) => ({
    ...v,
    work: v.work.map((w) => (w.id === 'c1' ? { ...w, chat: { ...w.chat!, messages: [...w.chat!.messages, { id: 'm9', from: 'agent', agentId: 'ana', text, ts: Date.now() }] } } : w)),
  }));
  await h.settle();
  return h.frame();
}

describe('an FAQ answer in the draft', () => {
  it('\\pw then Tab: the draft shows the rendered answer, whole, on several lines; the markup is what is sent', async () => {
    h = await renderConsole({ view: chatView({ faq: [...FAQ, PW] }) });
    await h.press(KEY.enter);
    await h.type('\\pw');
    expect(h.frame()).toContain('Tab: insert "Resetting your password"');
    await h.press(KEY.tab);
    const f = h.frame();
    expect(f).toContain('Reset your password');
    expect(f).not.toContain('## Reset');
    expect(f).not.toContain('more lines above');
    expect(f).toMatch(/1\. Go to the login page <https:\/\/example\.com\/login>\./);
    expect(f).toContain('2. Click Forgot password.');
    expect(f).toContain('(check your spam folder)');
    expect(f).not.toContain('*(check');
    expect(f).toContain('The link is valid for 24 hours.▌');
    expect(f).not.toContain('__24');
    await h.press(KEY.enter);
    const sent = h.fake!.callsOf('sendChat')[0]![1] as string;
    expect(sent).toMatch(/^## Reset your password\n\n1\. Go to \[the login page\]\(https:\/\/example\.com\/login\)\./);
    expect(sent).toContain('*(check your spam folder)*');
    // The transcript (the server echoes the line) shows it the same way.
    const after = await echoed(h, sent);
    expect(after).toContain('Reset your password');
    expect(after).not.toContain('## Reset');
    expect(after).toContain('(check your spam folder)');
  });
});

// Every tag the guide lists as supported ("Balises HTML dans l'éditeur de chat"): inserted directly.
const WATER: FaqEntry = {
  id: 'water',
  title: 'Water quality',
  body:
    '<article><h1>Water</h1><p>H<sub>2</sub>O boils at 10<sup>5</sup> Pa.</p></article>' +
    '<blockquote><p>Drink <b>enough</b>.</p></blockquote><hr>' +
    '<dl><dt>Hard water</dt><dd>Rich in calcium.</dd></dl><p>End.</p>',
  shortcut: '\\water',
  category: 'General',
};
// The guide's unsupported tags: always inserted as a link.
const TARIFFS: FaqEntry = {
  id: 'tariffs',
  title: 'Tariffs',
  body: '<table><thead><tr><td>Plan</td></tr></thead><tr><td>Basic</td></tr></table>',
  shortcut: '\\tariffs',
  category: 'Billing',
};

describe("the guide's supported tags", () => {
  it('article, blockquote, sub, sup, dl/dt/dd and hr are inserted as text and read as such in the draft, the transcript and the preview; a table is a link', async () => {
    h = await renderConsole({ view: chatView({ faq: [...FAQ, WATER, TARIFFS] }) });
    await h.press('\x06');
    await h.type('water');
    // The preview (F-search) renders them too.
    expect(h.frame()).toContain('H₂O boils at 10⁵ Pa.');
    await h.press(KEY.enter);
    const draft = h.frame();
    expect(draft).not.toContain('http://console.test/faq/water');
    // 80×24: the draft's end is shown; its first lines are counted above.
    expect(draft).toContain('(2 more lines above)');
    expect(draft).toContain('│ Drink enough.');
    expect(draft).toMatch(/─{10,}/);
    expect(draft).toContain('Hard water');
    expect(draft).toContain('   Rich in calcium.');
    expect(draft).not.toMatch(/[~^;>] |^---/m);
    await h.press(KEY.enter);
    const sent = h.fake!.callsOf('sendChat')[0]![1] as string;
    expect(sent).toBe('# Water\n\nH~2~O boils at 10^5^ Pa.\n\n> Drink **enough**.\n\n---\n\n; Hard water\n: Rich in calcium.\n\nEnd.');
    const after = await echoed(h, sent);
    expect(after).toContain('H₂O boils at 10⁵ Pa.');
    expect(after).toContain('│ Drink enough.');
    expect(after).not.toContain('H~2~O');

    await h.press(KEY.enter);
    await h.type('\\tariffs');
    await h.press(KEY.tab);
    expect(h.frame()).toContain('Tariffs <http://console.test/faq/tariffs>▌');
  });
});
