// The Notices pane, the pop-up's edge cases and the status bar count, on a
// fake client (what the console draws and asks for; loopback in notices.test).
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, renderConsole, type ConsoleHarness } from '../helpers/render.js';
import { calls } from '../helpers/scenario.js';
import { notice, noticesView } from './fixtures.js';

let h: ConsoleHarness | undefined;
afterEach(() => h?.unmount());

describe('notices in the console', () => {
  it('lists newest first with an unread dot; shown in the focused pane, the unread ones are read (pop-ups aside)', async () => {
    h = await renderConsole({ view: noticesView([
      notice('N-3', { text: 'Newest', priority: 'high' }),
      notice('N-2', { text: 'Pop', priority: 'popup', read: true }),
      notice('N-1', { text: 'Oldest', read: true }),
    ]) });
    expect(h.frame()).toContain('notices 1');
    expect(calls(h, 'readNotices')).toEqual([]);
    await h.press('5');
    expect(h.frame()).toMatch(/5 Notices · 1 unread[\s\S]*● \d\d:\d\d Kate S\.: Newest[\s\S]*  \d\d:\d\d Kate S\.: Pop[\s\S]*  \d\d:\d\d Kate S\.: Oldest/);
    expect(calls(h, 'readNotices')).toEqual([[['N-3']]]);
    await h.press('j', KEY.enter);
    expect(h.frame()).toMatch(/─ Notice ─[\s\S]*Pop-up · Kate S\. → Support/);
  });

  it('a pop-up that is gone (past 7 days) lets the console go; any other refusal keeps it, with the reason', async () => {
    h = await renderConsole({ view: noticesView([notice('N-1', { priority: 'popup' })]) });
    expect(h.frame()).toContain('Notice — acknowledge to continue');
    h.fake!.answerOnce('readNotices', { ok: false, error: { code: 'SERVER_ERROR', message: 'Not sent: offline.' } });
    await h.press(KEY.enter);
    expect(h.frame()).toMatch(/acknowledge to continue[\s\S]*Not sent: offline\./);
    h.fake!.answerOnce('readNotices', { ok: false, error: { code: 'NOT_FOUND', message: 'No such notice for you: N-1.' } });
    await h.press(KEY.enter);
    expect(h.frame()).not.toContain('acknowledge to continue');
  });

  it('a supervisor with several groups picks all of them or one; an empty notice is not sent', async () => {
    h = await renderConsole({ view: noticesView([], { noticeGroups: [{ id: 'support', name: 'Support' }, { id: 'billing', name: 'Billing' }] }) });
    await h.press('N');
    expect(h.frame()).toContain('To: All my groups (Support, Billing) (Ctrl-G toggles the group at ›)');
    await h.press(KEY.enter);
    expect(h.frame()).toContain('Type the notice first.');
    await h.press(KEY.ctrl('g'));
    await h.type('Billing only');
    await h.press(KEY.enter);
    expect(calls(h, 'broadcastNotice')).toEqual([['Billing only', 'low', ['billing']]]);
    expect(h.frame()).toContain('Notice sent to Billing.');
  });
});
