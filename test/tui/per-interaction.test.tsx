// Per-interaction state belongs to the interaction (issue 23): the code cursor
// of one interaction never carries over to the next, so Space on a new one
// ticks its first code, not the code at the last one's cursor; a chat's draft
// and how far its transcript is scrolled stay with that chat.
import { afterEach, describe, expect, it } from 'vitest';
import { chatView, chatWork, msg } from './chat/fixtures.js';
import { interaction, makeView, NOW, offer } from './helpers/fixtures.js';
import { KEY, renderConsole, type ConsoleHarness } from './helpers/render.js';

let h: ConsoleHarness | undefined;
afterEach(() => h?.unmount());

describe('per-interaction state', () => {
  it('the disposition cursor starts at the first code on the next interaction, and comes back where it was on the first', async () => {
    h = await renderConsole({ view: makeView({ work: [interaction('w1')] }) });
    await h.press('2', 'j', 'j', 'j');
    expect(h.frame()).toMatch(/›? *\[ \] Resolved/);
    // w1 is wrapped up; an offer comes and is accepted (selected by the accept).
    h.fake!.setView((v) => ({ ...v, work: [], offer: offer('w2') }));
    await h.settle();
    await h.press(KEY.ctrl('y'));
    h.fake!.setView((v) => ({ ...v, offer: null, work: [interaction('w2', { customer: { name: 'Max' } })] }));
    await h.settle();
    await h.press('2', KEY.space);
    expect(h.fake!.callsOf('setCodes')).toEqual([['w2', ['billing']]]);
  });

  it('two interactions keep their own cursors', async () => {
    h = await renderConsole({ view: makeView({ work: [interaction('w1'), interaction('w2', { customer: { name: 'Max' } })] }) });
    await h.press('2', 'j', 'j');
    await h.press('1', 'j', '2', KEY.space);
    expect(h.fake!.callsOf('setCodes')).toEqual([['w2', ['billing']]]);
    await h.press('1', 'k', '2', KEY.space);
    expect(h.fake!.callsOf('setCodes').at(-1)).toEqual(['w1', ['other']]);
  });

  it('past its wrap-up time, the pane says choosing the required code ends it, and the message says it did', async () => {
    const overdue = interaction('w1', { phase: 'wrapup', wrapUpDeadline: NOW - 5000, wrapUpOverdue: true, customer: { name: 'Lucas Hansen' } });
    h = await renderConsole({ view: makeView({ work: [overdue, interaction('w2', { customer: { name: 'Mei' } })] }) });
    await h.press('2');
    expect(h.frame()).toContain('Wrap-up time is over: choosing ends it at once (notes first: n).');
    await h.press(KEY.space);
    expect(h.fake!.callsOf('setCodes')).toEqual([['w1', ['billing']]]);
    expect(h.frame().replace(/\s+/g, ' ')).toContain('Codes chosen: Chat · Support chat · Lucas Hansen is wrapped up (its wrap-up time was over).');
  });
});

describe('a chat interaction keeps its own draft and transcript scroll', () => {
  const lines = (who: string, n: number) => Array.from({ length: n }, (_, i) => msg(`${who}${i}`, 'customer', `${who} line ${i}`));

  it('switching between two chats by the interaction list: each comes back with its draft and where it was scrolled', async () => {
    h = await renderConsole({ view: chatView({ work: [chatWork('c1', 'Lee', lines('lee', 60)), chatWork('c2', 'Max', lines('max', 60))] }) });
    // Lee: a draft, and scrolled up.
    await h.press(KEY.enter);
    await h.type('for Lee');
    await h.press(KEY.pageUp, KEY.pageUp, KEY.esc);
    expect(h.frame()).not.toContain('lee line 59');
    // Max, by the list: at the bottom of his own transcript, no draft of Lee's.
    await h.press('j');
    expect(h.frame()).toContain('max line 59');
    expect(h.frame()).not.toContain('for Lee');
    await h.press(KEY.enter);
    await h.type('for Max');
    await h.press(KEY.esc);
    // Back to Lee: still scrolled up, his draft kept.
    await h.press('k');
    expect(h.frame()).not.toContain('lee line 59');
    expect(h.frame()).toContain('newer lines');
    await h.press(KEY.enter);
    expect(h.frame()).toContain('for Lee▌');
    expect(h.frame()).not.toContain('for Max');
    // And Max as he was left.
    await h.press(KEY.esc, 'j', KEY.enter);
    expect(h.frame()).toContain('for Max▌');
    expect(h.frame()).toContain('max line 59');
  });
});
