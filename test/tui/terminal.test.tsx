// What a terminal shows: runConsole's bytes replayed into a terminal emulator.
// Updates land on their own rows and nothing scrolls; colours and attributes
// arrive at the terminal's level; an ASCII terminal gets only ASCII; text a
// terminal may measure differently stays inside its pane; Ctrl-L repaints.
import { describe, expect, it } from 'vitest';
import { interaction, makeView, offer } from './helpers/fixtures.js';
import { tick, waitFor } from './helpers/render.js';
import { startConsole, xtermCaps } from './helpers/run-console.js';

describe('on a real terminal (emulated)', () => {
  it('updates land on their own rows; nothing scrolls', async () => {
    const s = await startConsole({ view: makeView({ work: [interaction('w1')] }), theme: 'mono' });
    expect(s.screen()[0]).toMatch(/^Ana L\.\s+● Available/);
    expect(s.screen()[1]).toMatch(/^\[1 Interaction\]/);
    await s.press('3', 'j', '4', 'j', '1', 'n', 'a', 'b', '\x1b');
    s.client.setView((v) => ({ ...v, offer: offer('o1') }));
    await tick(150);
    const screen = s.screen();
    expect(s.stdout.vt.scrolled).toBe(0);
    expect(screen[0]).toMatch(/^Ana L\.\s+● Available/);
    expect(screen[1]).toMatch(/^\[1 Interaction\]/);
    expect(screen[2]).toMatch(/^╭─ 1 Interaction/);
    expect(screen.filter((l) => l.startsWith('Ana L.'))).toHaveLength(1);
    expect(screen[20]).toMatch(/^╰─+╯$/);
    expect(screen[21]).toBe('Notes saved.');
    await s.quit();
  });

  it('survives a resize to side by side and back', async () => {
    const s = await startConsole();
    s.stdout.resize(130, 30);
    await waitFor(() => /^╭─ 1 Interaction.*╮╭─ 3 Queues/.test(s.screen()[1]!));
    s.stdout.resize(80, 24);
    await waitFor(() => /^\[1 Interaction\]/.test(s.screen()[1]!));
    await s.press('2');
    // Wait on what the screen shows, not on time: a loaded machine renders late.
    await waitFor(() => /\[2 Disposition\]/.test(s.screen()[1]!));
    const screen = s.screen();
    expect(screen[0]).toMatch(/^Ana L\./);
    expect(screen[1]).toMatch(/\[2 Disposition\]/);
    expect(screen.filter((l) => l.startsWith('Ana L.'))).toHaveLength(1);
    await s.quit();
  });

  it('colours arrive at the terminal’s level, and none at level 0, where bold and inverse still do', async () => {
    const colour = await startConsole();
    // The status in its role's colour (the default theme: green for Available, 256-colour terminal).
    const dot = colour.screen()[0]!.indexOf('●');
    expect(colour.stdout.vt.styleAt(0, dot)).toMatch(/(^|;)(3\d|9\d|38;5;\d+)(;|$)/);
    await colour.quit();
    const mono = await startConsole({ caps: xtermCaps({ colorLevel: 0 }), theme: 'mono' });
    const out = mono.bytes();
    expect(out).not.toMatch(/\x1b\[[0-9;]*(3[0-79]|4[0-79]|9[0-7]|10[0-7]|38;|48;)[0-9;]*m/);
    expect(mono.stdout.vt.styleAt(1, 1)).toMatch(/(^|;)(1|7)(;|$)/); // the focused tab: bold or inverse
    await mono.quit();
  });

  it('an ASCII terminal gets no byte above 0x7f; customer text is transliterated or replaced, never dropped', async () => {
    const view = makeView({ offer: offer('o1', { customer: { name: 'Zoë Łukasz 王小明' } }) });
    const s = await startConsole({ view, caps: xtermCaps({ unicode: false }) });
    const bytes = Buffer.from(s.bytes(), 'utf8');
    expect(bytes.some((b) => b >= 0x80)).toBe(false);
    const screen = s.screen().join('\n');
    expect(screen).toContain('Zoe Lukasz ??????');
    expect(screen).toMatch(/^\+- 1 Interaction/m);
    await s.quit();
  });

  it('a line a terminal measures wider never passes its pane’s border', async () => {
    // Hangul fillers: zero cells to the console's measure, two to many terminals; the pane clips them.
    const name = `Eve${'\u3164'.repeat(40)}X`;
    const s = await startConsole({ view: makeView({ offer: offer('o1', { customer: { name } }) }) });
    const screen = s.screen();
    for (const row of screen.slice(3, 20)) expect(row.length).toBeLessThanOrEqual(80);
    expect(screen[2]).toMatch(/^╭─ 1 Interaction/);
    expect(s.stdout.vt.scrolled).toBe(0);
    await s.quit();
  });

  it('Ctrl-L repaints everything from a cleared screen', async () => {
    const s = await startConsole();
    const before = s.stdout.frames.length;
    await s.press('\x0c');
    const repaint = s.stdout.frames.slice(before).join('');
    expect(repaint).toContain('\x1b[2J');
    expect(repaint).toContain('Ana L.');
    expect(s.screen()[0]).toMatch(/^Ana L\./);
    await s.quit();
  });
});
