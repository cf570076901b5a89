// Hints are true (issue 23), checked by walking the keymap: in each state of
// a shift (logged out, Available, an offer waiting, a call, a chat, wrap-up,
// On Break, Working Offline, dialogs open) and on each screen of it, every
// command the footer hints is what its key does there, and pressing it does
// something without a "not possible" answer; every command the palette lists
// does the same when picked. The client answers yes to everything: what is
// checked is the console's own promise, not the engine's judgement.
import { describe, expect, it } from 'vitest';
import type { AgentView } from '../../src/client/index.js';
import { runCommand } from '../../src/tui/actions/index.js';
import { typeInto, TEXT_FIELDS } from '../../src/tui/actions/text-input.js';
import { createManualClock } from '../../src/tui/clock.js';
import type { ConsoleServices } from '../../src/tui/context.js';
import { buildKeymap, hintsFor, paletteCommands, resolveKey, type CommandId } from '../../src/tui/keymap.js';
import { formatChord, parseChord } from '../../src/tui/keys.js';
import { safeClient, safeView } from '../../src/tui/safe-view.js';
import { createStore } from '../../src/tui/store.js';
import { loadTheme } from '../../src/tui/theme.js';
import { initialUi, screenOf } from '../../src/tui/ui-state.js';
import { appliesNow } from '../../src/tui/when.js';
import { followClient } from '../../src/tui/view-store.js';
import { callView, colleagueView, phoneView } from './call/fixtures.js';
import { chatView, msg } from './chat/fixtures.js';
import { FakeClient } from './helpers/fake-client.js';
import { interaction, makeView, NOW, offer } from './helpers/fixtures.js';
import { recordingTerminal } from './helpers/render.js';

const keymap = buildKeymap();
const { theme } = loadTheme('default');

interface Rig { s: ConsoleServices; fake: FakeClient; exits: number[]; terminal: ReturnType<typeof recordingTerminal> }

function rig(view: AgentView): Rig {
  const fake = new FakeClient(view);
  // Logged out, the real client sends nothing more: every command is refused.
  if (view.connection.state === 'offline') fake.refuseAll(`Not sent: ${view.connection.reason}.`);
  const exits: number[] = [];
  const terminal = recordingTerminal([]);
  const s: ConsoleServices = {
    client: safeClient(fake), view: createStore(safeView(view)), ui: createStore(initialUi()),
    clock: createManualClock(NOW), theme, keymap, exit: (c) => exits.push(c), terminal,
  };
  followClient(fake, s.view);
  return { s, fake, exits, terminal };
}

const isField = (screen: string): screen is keyof typeof TEXT_FIELDS => Object.hasOwn(TEXT_FIELDS, screen);

/** Press keys as the console's key handler does ("ctrl+t", "j", or text to type into the field). */
async function press(s: ConsoleServices, keys: readonly string[]): Promise<void> {
  for (const k of keys) {
    const screen = screenOf(s.ui.get());
    const r = resolveKey(keymap, screen, parseChord(k));
    if (r?.kind === 'command') await runCommand(s, r.id);
    else if (r?.kind === 'text' && isField(screen)) typeInto(s, screen, k === 'space' ? ' ' : k, null);
    else throw new Error(`setup key ${k} does nothing on ${screen}`);
  }
  await new Promise((r) => setTimeout(r, 0));
}

interface State { name: string; view: () => AgentView; keys?: readonly string[] }

const loggedOut = (over: Partial<AgentView> = {}): AgentView => {
  const v = makeView(over);
  return { ...v, self: { ...v.self!, status: 'logged_out', loggedIn: false }, connection: { state: 'offline', reason: 'logged out' } };
};
const withStatus = (status: 'on_break' | 'working_offline', over: Partial<AgentView> = {}): AgentView => {
  const v = makeView(over);
  return { ...v, self: { ...v.self!, status, permissions: ['rejectOffers', 'editFaq'] } };
};
const offerView = (): AgentView => makeView({ offer: offer() });
const wrapUp = (): AgentView => makeView({ work: [interaction('w1', { media: 'email', phase: 'wrapup', wrapUpDeadline: NOW + 60_000 })] });
const email = (): AgentView => makeView({ work: [interaction('w1', { media: 'email', queueName: 'Billing email' })] });
const colleagueOnly = (): AgentView => chatView({ work: [], agentChats: [{ with: 'dev', messages: [msg('a1', 'agent', 'Got a minute?', { agentId: 'dev' })] }] });

/** Each state, and the screens of it the agent reaches with a few keys. */
const BASE: readonly State[] = [
  { name: 'logged out', view: () => loggedOut() },
  { name: 'logged out, a colleague chat shown', view: () => loggedOut({ agentChats: colleagueOnly().agentChats }) },
  { name: 'Available, idle', view: () => makeView() },
  { name: 'On Break', view: () => withStatus('on_break') },
  { name: 'Working Offline', view: () => withStatus('working_offline') },
  { name: 'an offer waiting', view: offerView },
  { name: 'an email in progress', view: email },
  { name: 'wrap-up', view: wrapUp },
  { name: 'a call in progress', view: () => phoneView() },
  { name: 'a call on hold in a conference', view: () => phoneView({ call: callView({ conference: true, held: true }) as never }) },
  { name: 'a call ended', view: () => phoneView({ call: { state: 'ended' } }) },
  { name: 'chats in progress', view: () => chatView() },
  { name: 'chats and an offer', view: () => chatView({ offer: offer('o2') }) },
  { name: 'a colleague chat, nothing in progress', view: colleagueOnly },
  { name: 'Working Offline, a colleague with a number', view: colleagueView },
];

const PANE_KEYS = ['1', '2', '3', '4', '5', '6'];
/** Dialogs and fields, from the interaction pane. */
const OPENERS: readonly (readonly string[])[] = [
  ['?'], [':'], ['s'], ['q'], ['n'], ['enter'], ['ctrl+f'], ['ctrl+t'], ['ctrl+x'], ['t'], ['c'], ['u'], ['l'], ['#'],
  ['shift+d'], ['shift+p'], ['shift+c'], ['shift+a'], ['shift+n'], ['shift+h'], ['4', '/'], ['4', 'j'], ['n', 'x'], ['enter', 'x'],
];

async function statesWithScreens(): Promise<State[]> {
  const out: State[] = [];
  for (const base of BASE) {
    for (const keys of [...PANE_KEYS.map((k) => [k]), ...OPENERS]) {
      const r = rig(base.view());
      const before = r.s.ui.get();
      try {
        await press(r.s, keys);
      } catch {
        continue; // that key does nothing here: not a screen of this state
      }
      if (r.s.ui.get() === before && keys[0] !== '1') continue;
      out.push({ ...base, name: `${base.name}, after ${keys.join(' ')}`, keys });
    }
  }
  return out;
}

/** What the rig looks like now, to tell whether a command did anything. */
const snapshot = (r: Rig) => ({ ui: r.s.ui.get(), calls: r.fake.calls.length, exits: r.exits.length, terminal: r.terminal.calls.length });

/** A refusal the command left: on the message line, or in the dialog it opened. */
function refusal(before: ReturnType<typeof snapshot>, after: ReturnType<typeof snapshot>): string | null {
  const msg = after.ui.message;
  if (msg && msg !== before.ui.message && msg.kind === 'error') return msg.text;
  const inDialog = (after.ui.overlay as { error?: string | null } | null)?.error;
  return inDialog && inDialog !== (before.ui.overlay as { error?: string | null } | null)?.error ? inDialog : null;
}

/**
 * Runs a command and says what was wrong with it: a refusal, nothing done, or
 * a dialog it opened whose Enter (offered there) refuses what the command promised.
 */
async function outcome(r: Rig, run: () => Promise<void>): Promise<string | null> {
  const settle = () => new Promise((res) => setTimeout(res, 0));
  const before = snapshot(r);
  await run();
  await settle();
  const after = snapshot(r);
  const no = refusal(before, after);
  if (no) return `answered "${no}"`;
  const did = after.ui !== before.ui || after.calls > before.calls || after.exits > before.exits || after.terminal > before.terminal;
  if (!did) return 'did nothing';
  if (after.ui.overlay && after.ui.overlay !== before.ui.overlay && after.ui.overlay.kind !== before.ui.overlay?.kind && appliesNow(r.s)({ id: 'dialog.select', context: 'dialog', when: 'choosable' })) {
    await runCommand(r.s, 'dialog.select');
    await settle();
    const then = refusal(after, snapshot(r));
    if (then) return `opened ${after.ui.overlay.kind}, whose Enter answered "${then}"`;
  }
  return null;
}

describe('walking the keymap: what is offered works', async () => {
  const states = await statesWithScreens();

  it('reaches every kind of screen (the walk is not empty)', () => {
    expect(states.length).toBeGreaterThan(100);
  });

  it('every key the footer hints is what that key does there, and it does something', async () => {
    const failures: string[] = [];
    for (const state of states) {
      const r = rig(state.view());
      await press(r.s, state.keys ?? []);
      const screen = screenOf(r.s.ui.get());
      const hints = hintsFor(keymap, screen, appliesNow(r.s));
      for (const h of hints) {
        const chord = keymap.keys.get(h.id)!.find((k) => formatChord(k) === h.keys)!;
        const resolved = resolveKey(keymap, screen, chord);
        if (resolved?.kind !== 'command' || resolved.id !== h.id) {
          failures.push(`${state.name} [${screen}]: hint "${h.keys} ${h.label}" but the key does ${resolved?.kind === 'command' ? resolved.id : resolved?.kind ?? 'nothing'}`);
          continue;
        }
        const fresh = rig(state.view());
        await press(fresh.s, state.keys ?? []);
        const bad = await outcome(fresh, () => runCommand(fresh.s, h.id));
        if (bad) failures.push(`${state.name} [${screen}]: hint "${h.keys} ${h.label}" (${h.id}) ${bad}`);
      }
    }
    expect(failures.join('\n')).toBe('');
  });

  it('every command the palette lists does something when picked', async () => {
    const failures: string[] = [];
    // The palette runs a command in its own pane: from the interaction pane is enough.
    for (const state of BASE) {
      const r = rig(state.view());
      await press(r.s, [':']);
      const listed = paletteCommands(appliesNow(r.s)).map((c) => c.id as CommandId);
      for (const [i, id] of listed.entries()) {
        const fresh = rig(state.view());
        await press(fresh.s, [...(state.keys ?? []), ':']);
        fresh.s.ui.update((u) => ({ ...u, overlay: { kind: 'palette', query: '', cursor: i } }));
        const bad = await outcome(fresh, () => runCommand(fresh.s, 'dialog.select'));
        if (bad) failures.push(`${state.name}: palette "${id}" ${bad}`);
      }
    }
    expect(failures.join('\n')).toBe('');
  });
});
