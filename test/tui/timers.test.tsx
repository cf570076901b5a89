// Timer granularity on screen, with a manual clock: colleagues' time in status
// moves once a minute (and nothing is rendered or written on the seconds in
// between); the agent's own timers keep moving every second; and with the
// console's renderer a one-second tick writes only the cells that changed.
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/tui/clock.js';
import { ConsoleContext, type ConsoleServices } from '../../src/tui/context.js';
import { buildKeymap } from '../../src/tui/keymap.js';
import { ContactsPane } from '../../src/tui/panes/contacts.js';
import { safeView } from '../../src/tui/safe-view.js';
import { createStore } from '../../src/tui/store.js';
import { loadTheme } from '../../src/tui/theme.js';
import { NO_TERMINAL } from '../../src/tui/terminal.js';
import { initialUi } from '../../src/tui/ui-state.js';
import { FakeClient } from './helpers/fake-client.js';
import { contact, makeView, NOW } from './helpers/fixtures.js';
import { renderInk, tick, waitFor } from './helpers/render.js';
import { startConsole } from './helpers/run-console.js';

const S = 1000, M = 60 * S, H = 60 * M;
let cleanup: (() => void) | undefined;
afterEach(() => { cleanup?.(); cleanup = undefined; });

const colleagues = () => [
  contact('amy', { displayName: 'Amy', statusSince: NOW - 30 * S }),
  contact('bob', { displayName: 'Bob', status: 'busy', statusSince: NOW - (4 * M + 10 * S) }),
  contact('cid', { displayName: 'Cid', status: 'on_break', statusSince: NOW - (H + 12 * M + 5 * S) }),
  contact('dan', { displayName: 'Dan', statusSince: NOW - (2 * 24 * H + 3 * H) }),
];

function renderContacts() {
  const clock = createManualClock(NOW);
  const client = new FakeClient(makeView({ contacts: colleagues() }));
  const services: ConsoleServices = {
    client, view: createStore(safeView(client.getView())), ui: createStore(initialUi()), clock,
    theme: loadTheme('default').theme, keymap: buildKeymap(), exit: () => {}, terminal: NO_TERMINAL,
  };
  // Debug rendering writes a frame on every React commit: frames counted = renders.
  const r = renderInk(
    <ConsoleContext.Provider value={services}><ContactsPane width={60} height={10} focused={false} /></ConsoleContext.Provider>, 60, 12);
  cleanup = () => r.instance.unmount();
  return { ...r, clock, services };
}

const row = (frame: string, name: string) => frame.split('\n').find((l) => l.includes(name)) ?? '';

describe("contacts' time in status (minute granularity)", () => {
  it('shows whole minutes: <1m, 4m, 1h12m, days', async () => {
    const r = renderContacts();
    await tick();
    expect(row(r.frame(), 'Amy')).toMatch(/Amy\s+Available\s+<1m\s+agent/);
    expect(row(r.frame(), 'Bob')).toMatch(/Bob\s+Busy\s+4m\s+agent/);
    expect(row(r.frame(), 'Cid')).toMatch(/Cid\s+On Break\s+1h12m\s+agent/);
    expect(row(r.frame(), 'Dan')).toMatch(/Dan\s+Available\s+2d 3h\s+agent/);
  });

  it('renders nothing on the seconds that change nothing, and once when a minute turns', async () => {
    const r = renderContacts();
    await tick();
    const frames = r.stdout.frames.length;
    // 29 one-second ticks: Amy 59 s, Bob 4m39s, Cid 1h12m34s: no text changes.
    for (let s = 0; s < 29; s++) { r.clock.advance(S); await tick(); }
    expect(r.stdout.frames.length).toBe(frames);
    // The 30th: Amy reaches one minute; one render, only her cell changes.
    r.clock.advance(S);
    await tick();
    expect(r.stdout.frames.length).toBe(frames + 1);
    expect(row(r.frame(), 'Amy')).toMatch(/Amy\s+Available\s+1m\s/);
    expect(row(r.frame(), 'Bob')).toMatch(/Bob\s+Busy\s+4m\s/);
    // 20 s later Bob reaches 5m.
    for (let s = 0; s < 19; s++) { r.clock.advance(S); await tick(); }
    expect(r.stdout.frames.length).toBe(frames + 1);
    r.clock.advance(S);
    await tick();
    expect(r.stdout.frames.length).toBe(frames + 2);
    expect(row(r.frame(), 'Bob')).toMatch(/Bob\s+Busy\s+5m\s/);
  });

  it('follows a status change at once, counting whole minutes from the new origin', async () => {
    const r = renderContacts();
    await tick();
    r.clock.advance(20 * S);
    await tick();
    const view = r.services.view;
    view.set({ ...view.get(), contacts: view.get().contacts.map((c) => (c.id === 'bob' ? { ...c, status: 'available', statusSince: NOW + 15 * S } : c)) });
    await tick();
    expect(row(r.frame(), 'Bob')).toMatch(/Bob\s+Available\s+<1m\s/);
    const frames = r.stdout.frames.length;
    for (let s = 0; s < 54; s++) { r.clock.advance(S); await tick(); }
    // Amy's minute turned (at 30 s), then Cid's 1h13m (at 55 s); Bob's not yet.
    expect(r.stdout.frames.length).toBe(frames + 2);
    expect(row(r.frame(), 'Cid')).toMatch(/1h13m/);
    r.clock.advance(S);
    await tick();
    expect(row(r.frame(), 'Bob')).toMatch(/Bob\s+Available\s+1m\s/);
  });
});

describe('one-second tick through the console’s renderer', () => {
  async function start() {
    // 200 colleagues, each at least a minute into their status.
    const contacts = Array.from({ length: 200 }, (_, k) => contact(`c${k}`, {
      displayName: `Colleague ${String(k).padStart(3, '0')}`, status: (['available', 'busy', 'on_break'] as const)[k % 3], statusSince: NOW - M - 30 * S - k * 7 * S,
    }));
    const c = await startConsole({ view: makeView({ contacts }), columns: 120, rows: 40 });
    cleanup = () => void c.quit();
    await waitFor(() => c.screen().join('\n').includes('Colleague 000'));
    return c;
  }

  it('writes only the cells that changed: a few bytes, far less than a tenth of a full frame', async () => {
    const c = await start();
    const full = c.bytes().length;
    const before = c.stdout.frames.length;
    c.clock.advance(S);
    await waitFor(() => c.screen()[0]!.includes('3m 21s'));
    const written = c.stdout.frames.slice(before).join('');
    // Three timers moved (time in status, wall clock, a queue's wait): a move, a colour and a digit each.
    expect(written.length).toBeLessThan(64);
    expect(written.length).toBeLessThan(full / 10);
    expect(c.stdout.vt.scrolled).toBe(0);
  });

  it('writes nothing when a view update changes nothing on screen', async () => {
    const c = await start();
    await tick(150);
    const before = c.stdout.frames.length;
    c.client.setView((v) => ({ ...v, lastSeq: v.lastSeq + 1, contacts: [...v.contacts] }));
    await tick(150);
    expect(c.stdout.frames.slice(before).join('')).toBe('');
  });
});
