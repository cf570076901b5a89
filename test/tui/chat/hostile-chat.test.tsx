// A hostile customer (and colleague, and FAQ author, and queue name): OSC 52,
// OSC 8, CSI clear-screen, C1 controls, bidi overrides and a 10,000-character
// line reach the chat view, the compose box, the FAQ and transfer dialogs.
// Nothing is stripped here: the assertions are on what the terminal receives.
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentView } from '../../../src/client/index.js';
import { assertFits } from '../helpers/busy.js';
import { NOW } from '../helpers/fixtures.js';
import { KEY, renderConsole, type ConsoleHarness } from '../helpers/render.js';
import { chatView, chatWork, msg } from './fixtures.js';

const ESC = '\x1b';
const EVIL = [
  `${ESC}]52;c;ZXZpbCBjbGlwYm9hcmQ=\x07`,
  `${ESC}]8;;https://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\`,
  `${ESC}[2J${ESC}[H`,
  '\u009b31m\u009d0;pwned\u009c\u0085\u0090',
  '\u202Eexe.txt\u2066\u200F',
  `${ESC}]0;title\x07\x07\b\r`,
].join('');
const LINE = 'W'.repeat(10_000);

function hostileView(): AgentView {
  const w = chatWork('c1', `Eve${EVIL}`, [
    msg('m1', 'customer', `hi ${EVIL} there`),
    msg('m2', 'customer', LINE),
    msg('m3', 'customer', `${EVIL}\n${EVIL}${LINE}`),
    msg('m4', 'system', `transfer ${EVIL}`),
  ]);
  return chatView({
    work: [{ ...w, queueName: EVIL, chat: { ...w.chat!, transferredFrom: { agentId: 'x', displayName: `Mal${EVIL}`, queueName: EVIL } } }],
    agentChats: [{ with: 'dev', messages: [msg('a1', 'agent', `**${EVIL}** [x](https://evil.example/)${LINE}`, { agentId: 'dev' })] }],
    faq: [{ id: 'evil', title: `Evil ${EVIL}`, body: `<b>${EVIL}</b>${LINE}`, shortcut: '\\evil', category: EVIL }],
    typing: { c1: NOW },
  });
}

function assertClean(output: string): void {
  const withoutSgr = output.replace(/\x1b\[[0-9;]*m/g, '');
  expect(withoutSgr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/);
  expect(withoutSgr).not.toContain('ZXZpbCBjbGlwYm9hcmQ=');
}

let h: ConsoleHarness | undefined;
afterEach(() => h?.unmount());

describe('hostile chat text at 80x24', () => {
  it.each([
    ['chat pane', []],
    ['writing, scrolled', [KEY.enter, 'a', KEY.pageUp, KEY.pageUp]],
    ['shortcut expanded', [KEY.enter, '\\', 'e', 'v', 'i', 'l', KEY.tab]],
    ['colleague tab', ['\x1b2']],
    ['FAQ search', ['\x06']],
    ['FAQ edit form', ['\x06', '\x05', KEY.tab, KEY.tab, KEY.tab]],
    ['transfer dialog', ['\x14']],
  ] as [string, string[]][])('%s: nothing escapes, no line wider than the terminal', async (_n, keys) => {
    h = await renderConsole({ view: hostileView() });
    h.fake!.answerOnce('listQueues', { ok: true, queues: [{ id: 'q', name: `Q${EVIL}${LINE}`, media: 'chat', priority: 1, stats: { available: 0, waiting: 1 } }] });
    await h.press(...keys);
    for (const frame of h.stdout.frames) assertClean(frame);
    assertFits(h.frame(), 80, 24);
    expect(h.frame()).toMatch(/Eve|FAQ|Transfer|Dev/);
  });
});
