// Hints are true (issue 23): the footer, the palette and help are generated
// from the keymap with a "when does this apply" predicate per command, so
// nothing is offered that the next key would refuse; the footer fits 80
// columns and says where the rest is. What the engine would refuse is shown
// greyed, with the reason, before the agent picks it (status, quit).
import { afterEach, describe, expect, it } from 'vitest';
import { callView, phoneView } from './call/fixtures.js';
import { interaction, makeView, offer } from './helpers/fixtures.js';
import { KEY, renderConsole, type ConsoleHarness } from './helpers/render.js';

let h: ConsoleHarness | undefined;
afterEach(() => h?.unmount());

const footer = (h: ConsoleHarness): string => h.frame().split('\n').at(-1)!;
const chatWork = () => interaction('c1', { chat: { conversationId: 'c1', messages: [], customerLeft: false } });

describe('the footer: only what applies now, never cut', () => {
  it('with no chat, offers no chat keys; ends with where the rest is; fits 80 columns without "…"', async () => {
    h = await renderConsole({ view: makeView({ work: [interaction('w1', { media: 'email', queueName: 'Billing email' })] }) });
    const f = footer(h);
    expect(f).not.toMatch(/Write|FAQ|Transfer/);
    expect(f).toMatch(/n Notes {2}e End/);
    expect(f).toMatch(/\? more$/);
    expect(f).not.toContain('…');
    expect(f.length).toBeLessThanOrEqual(80);
  });

  it('with a chat shown, offers writing, the FAQ and the transfer', async () => {
    h = await renderConsole({ view: makeView({ work: [chatWork()] }) });
    expect(footer(h)).toMatch(/Enter Write {2}Ctrl-F FAQ {2}Ctrl-T Transfer/);
  });

  it('with nothing in progress, offers neither codes nor notes', async () => {
    h = await renderConsole();
    expect(footer(h)).not.toMatch(/Codes|Notes|End|Wrap/);
    expect(footer(h)).toMatch(/s Status/);
  });

  it('an offer puts its keys first, wherever the focus is', async () => {
    h = await renderConsole({ view: makeView({ offer: offer() }) });
    await h.press('3');
    expect(footer(h)).toMatch(/^Ctrl-Y Accept {2}Ctrl-X Reject/);
  });

  it('a chat ended (wrap-up) or left by its customer offers neither writing nor transfer (the engine: "This chat has ended.")', async () => {
    for (const over of [{ phase: 'wrapup' as const }, { chat: { conversationId: 'c1', messages: [], customerLeft: true } }]) {
      h = await renderConsole({ view: makeView({ work: [{ ...chatWork(), ...over }] }) });
      expect(footer(h)).not.toMatch(/Write|Transfer/);
      expect(h.frame()).not.toContain('to write');
      h.unmount();
    }
    h = await renderConsole({ view: makeView({ work: [chatWork()] }) });
    await h.press(KEY.enter);
    await h.type('bye');
    expect(footer(h)).toContain('Enter Send');
    h.fake!.setView((v) => ({ ...v, work: [{ ...v.work[0]!, phase: 'wrapup' }] }));
    await h.settle();
    expect(footer(h)).not.toContain('Send');
  });

  it('the conference dialog does not offer a cold transfer; the transfer dialog does, on its Agents tab', async () => {
    h = await renderConsole({ view: phoneView() });
    await h.press('c');
    expect(h.frame()).toContain('Add to conference');
    expect(footer(h)).not.toContain('Cold');
    await h.press(KEY.esc, 't');
    // Not on Benjamin, who is Busy (greyed, with why); on Devansh, who is Available.
    expect(footer(h)).not.toContain('Cold');
    await h.press(KEY.down, KEY.down);
    expect(footer(h)).toContain('Ctrl-B Cold');
    await h.press(KEY.tab);
    expect(footer(h)).not.toContain('Cold');
  });

  it('in wrap-up, Wrap up is offered once the mandatory codes are chosen, not before (the engine would refuse it)', async () => {
    h = await renderConsole({ view: makeView({ work: [interaction('w1', { phase: 'wrapup' })] }) });
    expect(footer(h)).not.toContain('Wrap up');
    expect(footer(h)).toContain('d Codes');
    h.fake!.setView((v) => ({ ...v, work: [{ ...v.work[0]!, codes: ['billing'] }] }));
    await h.settle();
    expect(footer(h)).toContain('w Wrap up');
  });

  it('the transfer dialog offers Enter on its External number tab once a number is typed', async () => {
    h = await renderConsole({ view: phoneView() });
    await h.press('t', KEY.tab, KEY.tab);
    expect(h.frame()).toContain('[External number]');
    expect(footer(h)).not.toContain('Enter');
    await h.type('5105550100');
    expect(footer(h)).toContain('Enter Choose');
  });

  it('an ended call offers no call controls', async () => {
    h = await renderConsole({ view: phoneView({ call: { state: 'ended' } }) });
    expect(footer(h)).not.toMatch(/Mute|Hold|Transfer|Record/);
    h.unmount();
    h = await renderConsole({ view: phoneView({ call: callView() as never }) });
    expect(footer(h)).toMatch(/m Mute {2}h Hold/);
  });
});

describe('the palette: only what works now', () => {
  it('no chat, no chat commands; a chat, they are there', async () => {
    h = await renderConsole();
    await h.press(':');
    await h.type('transfer chat');
    expect(h.frame()).toContain('No command matches');
    await h.press(KEY.esc);
    h.unmount();
    h = await renderConsole({ view: makeView({ work: [chatWork()] }) });
    await h.press(':');
    await h.type('transfer chat');
    expect(h.frame()).toMatch(/› Transfer chat\s+Ctrl-T/);
  });
});

describe('On Break: the tools it turns off are not offered', () => {
  it('the palette offers no notice, dialing or colleague chat On Break; Working Offline it does', async () => {
    const view = (status: 'on_break' | 'working_offline') => makeView({ self: { ...makeView().self!, status, permissions: ['editFaq'], phone: phoneView().self!.phone } });
    for (const [status, shown] of [['on_break', false], ['working_offline', true]] as const) {
      h = await renderConsole({ view: view(status) });
      for (const title of ['Send a notice', 'Dial a number']) {
        await h.press(':');
        await h.type(title.toLowerCase());
        if (shown) expect(h.frame()).toContain(`› ${title}`);
        else expect(h.frame()).toContain('No command matches');
        await h.press(KEY.esc);
      }
      await h.press('4');
      // The cursor is on Benjamin O. (Busy, logged in): chat is offered unless On Break.
      if (shown) expect(footer(h)).toMatch(/m Chat/);
      else expect(footer(h)).not.toMatch(/m Chat/);
      // Pressing the key anyway says why, and opens nothing.
      await h.press('N');
      if (!shown) expect(h.frame().replace(/\s+/g, ' ')).toContain('You are On Break: sending notices is off.');
      else expect(h.frame()).toContain('Send a notice');
      h.unmount();
    }
  });
});

describe('help: whole descriptions, true keys', () => {
  it('shows every description whole at 80 columns, dims what does not apply, and Enter is not offered', async () => {
    h = await renderConsole();
    await h.press('?');
    for (let i = 0; i < 12; i++) await h.press('j');
    const f = h.frame();
    expect(f).not.toContain('…');
    expect(f).toMatch(/│ {2}s +Change status/);
    expect(f.replace(/[│\s]+/g, ' ')).toContain('Pick a status (while busy: the status to take after work), then its reason when required.');
    expect(footer(h)).not.toContain('Enter');
    await h.press(KEY.enter);
    expect(h.frame()).toContain('Keys (');
    await h.press(KEY.esc);
    expect(h.frame()).not.toContain('Keys (');
  });
});

describe('refused before typed: shown greyed with the reason', () => {
  it('status menu with an offer waiting: every status greyed, the reason shown, nothing sent', async () => {
    h = await renderConsole({ view: makeView({ offer: offer() }) });
    await h.press('s');
    expect(h.frame()).toContain('Not now: An offer is waiting: accept or reject it first.');
    await h.press('j', KEY.enter);
    expect(h.fake!.callsOf('setStatus')).toEqual([]);
    expect(h.frame()).toContain('Change status');
  });

  it('quit after logging out: just Quit, and it quits', async () => {
    h = await renderConsole();
    h.fake!.setView((v) => ({ ...v, self: { ...v.self!, status: 'logged_out', loggedIn: false }, connection: { state: 'offline', reason: 'logged out' } }));
    await h.settle();
    await h.press('q');
    expect(h.frame()).toContain('You are logged out');
    expect(h.frame()).not.toContain('Log out and quit');
    await h.press(KEY.enter);
    expect(h.exits).toEqual([0]);
    expect(h.fake!.callsOf('logout')).toEqual([]);
  });

  it('quit with work in progress: logging out is greyed with why; the cursor starts on what works', async () => {
    h = await renderConsole({ view: makeView({ work: [interaction('w1')] }) });
    await h.press('q');
    expect(h.frame()).toMatch(/› Quit anyway[\s\S]*Log out and quit/);
    await h.press('j');
    expect(h.frame()).toContain('Not now: Finish your work first');
    await h.press(KEY.enter);
    expect(h.fake!.callsOf('logout')).toEqual([]);
    expect(h.exits).toEqual([]);
  });
});
