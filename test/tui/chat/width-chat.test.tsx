// Text terminals measure differently (VS16 emoji, Hangul fillers, prepended
// marks, flags, keycaps, conjuncts, ...) from a customer, a colleague, an FAQ
// author and the agent's own paste: every pane row keeps its right border in
// the last column, and the FAQ's character references cannot smuggle any in.
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentView } from '../../../src/client/index.js';
import { PASTE_END, PASTE_START } from '../../../src/tui/keys.js';
import { assertAligned, assertFits } from '../helpers/busy.js';
import { NOW } from '../helpers/fixtures.js';
import { KEY, renderConsole, type ConsoleHarness } from '../helpers/render.js';
import { CORPUS } from '../text/corpus.js';
import { chatView, chatWork, msg } from './fixtures.js';

const ALL = CORPUS.flatMap((c) => c.samples).join(' ');
const FILLERS = '\u3164'.repeat(40);
const HEARTS = '\u2764\uFE0F'.repeat(38);

function widthView(): AgentView {
  const w = chatWork('c1', `Eve${HEARTS}X`, [
    ...CORPUS.map((c, i) => msg(`m${i}`, 'customer', `${c.name}: ${c.samples.join(' ')} end`)),
    msg('mf', 'customer', `Eve${FILLERS}X closed on Sunday, right?`),
  ]);
  return chatView({
    work: [{ ...w, queueName: `Q${FILLERS}` }, chatWork('c2', `Max${FILLERS}X`, [msg('x', 'customer', ALL)])],
    agentChats: [{ with: 'dev', messages: [msg('a1', 'agent', ALL, { agentId: 'dev' })] }],
    faq: [
      { id: 'w', title: `Wide ${ALL}`, body: `<b>${ALL}</b> &#x3164;&#x3164;&#x600;&#x202E;&#x2764;&#xFE0F; Sunday closed.`, shortcut: '\\w', category: FILLERS },
    ],
    typing: { c1: NOW },
  });
}

let h: ConsoleHarness | undefined;
afterEach(() => h?.unmount());

describe.each([[80, 24], [100, 30]])('text terminals measure differently, at %ix%i', (columns, rows) => {
  it.each([
    ['chat pane', []],
    ['the other chat', [KEY.tab]],
    ['writing a paste of every class', [KEY.enter, `${PASTE_START}${ALL}\n${FILLERS}${HEARTS}${PASTE_END}`]],
    ['colleague tab', ['\x1b2']],
    ['FAQ search', ['\x06']],
    ['FAQ search typed', ['\x06', `${PASTE_START}${HEARTS}${PASTE_END}`]],
    ['FAQ edit form', ['\x06', '\x05', KEY.tab, KEY.tab, KEY.tab]],
    ['contacts', ['4']],
  ] as [string, string[]][])('%s: every row keeps its borders', async (_n, keys) => {
    h = await renderConsole({ view: widthView(), columns, rows });
    await h.press(...keys);
    assertFits(h.frame(), columns, rows);
    assertAligned(h.frame(), columns);
    expect(h.frame().split('\n')[0]).toMatch(/^Ana L\./);
  });
});

describe('the FAQ preview', () => {
  it('decodes character references into sanitized text', async () => {
    h = await renderConsole({ view: widthView() });
    await h.press('\x06');
    const frame = h.frame();
    expect(frame).toContain('\uFFFD\uFFFD\uFFFD❤ Sunday closed.');
    expect(frame).not.toContain('\u202E');
  });
});
